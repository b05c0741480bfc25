"""The built site in headless Chromium: it works (no console errors, sorting,
filtering, every internal link resolves), reads well at phone and laptop widths, and
is accessible (landmarks, headings, table scopes, labels, visible focus; contrast and
tiers named in text are in test_colour.py).

Run through Tests/Browser/run.sh, which builds the site from Content/ and serves it;
SITE_URL says where.
"""

import re
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from site_browser import NARROW, WIDE, set_viewport, site_url

ROOT = site_url()


def open_page(driver, path, size=WIDE, scheme="light", media=""):
    set_viewport(driver, *size)
    # The reader's colour scheme, and screen or print, as the system would report them.
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )
    # Reading the log empties it: each page then answers for its own messages.
    driver.get_log("browser")
    driver.get(ROOT + path)
    return driver


PAGE_NAMES = ["leaderboard", "scorecard", "methodology", "scenario", "brief", "charts", "compare", "comparison"]

# ---------------------------------------------------------------------------
# It works


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_console_errors(driver, pages, name):
    open_page(driver, pages[name])
    # Some requests (the icon, for one) finish after the load event: give them a moment.
    time.sleep(0.5)
    severe = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert severe == []


_fetched = {}


def status_of(url):
    if url not in _fetched:
        try:
            with urllib.request.urlopen(url) as response:
                _fetched[url] = response.status
        except urllib.error.HTTPError as error:
            _fetched[url] = error.code
    return _fetched[url]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_internal_link_resolves(driver, pages, name):
    open_page(driver, pages[name])
    # The resolved URL (a.href, not the attribute) is what a click fetches.
    urls = driver.execute_script(
        """
        var found = [];
        document.querySelectorAll('a[href], link[href]').forEach(function (e) { found.push(e.href); });
        document.querySelectorAll('script[src], img[src]').forEach(function (e) { found.push(e.src); });
        return found;
        """
    )
    internal = sorted({url for url in urls if url.startswith(ROOT)})
    assert len(internal) > 5, "expected the page to link to the rest of the site"
    broken = []
    for url in internal:
        target, _, fragment = url.partition("#")
        if status_of(target) != 200:
            broken.append("%s (HTTP %d)" % (url, status_of(target)))
        elif fragment and target == driver.current_url.partition("#")[0]:
            if not driver.execute_script("return !!document.getElementById(arguments[0]);", urllib.parse.unquote(fragment)):
                broken.append("%s (no element with id '%s')" % (url, fragment))
    assert broken == []


def leaderboard_rows(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#leaderboard tbody tr")


def visible_rows(driver):
    return [row for row in leaderboard_rows(driver) if row.is_displayed()]


def column(driver, index):
    """data-value of one column, in the order the rows are shown."""
    return driver.execute_script(
        """
        var index = arguments[0];
        return Array.prototype.filter.call(document.querySelectorAll('#leaderboard tbody tr'),
            function (row) { return !row.hidden; })
          .map(function (row) { return row.cells[index].getAttribute('data-value'); });
        """,
        index,
    )


def header_index(driver, label):
    headers = driver.find_elements(By.CSS_SELECTOR, "#leaderboard thead th")
    labels = [header.text.strip().rstrip("↕▲▼").strip() for header in headers]
    return labels.index(label)


def click_sort(driver, label):
    index = header_index(driver, label)
    driver.find_elements(By.CSS_SELECTOR, "#leaderboard thead th")[index].find_element(By.CSS_SELECTOR, "button.sort").click()
    return index


def test_sorting_by_points_and_by_name(driver):
    open_page(driver, "")
    points = click_sort(driver, "Points")
    values = [float(v) for v in column(driver, points)]
    assert values == sorted(values, reverse=True), "first click sorts numbers from the highest"
    header = driver.find_elements(By.CSS_SELECTOR, "#leaderboard thead th")[points]
    assert header.get_attribute("aria-sort") == "descending"

    click_sort(driver, "Points")
    values = [float(v) for v in column(driver, points)]
    assert values == sorted(values)
    assert header.get_attribute("aria-sort") == "ascending"

    name = click_sort(driver, "Model")
    names = [v.lower() for v in column(driver, name)]
    assert names == sorted(names)
    assert header.get_attribute("aria-sort") is None, "only the sorted column carries aria-sort"
    click_sort(driver, "Model")
    names = [v.lower() for v in column(driver, name)]
    assert names == sorted(names, reverse=True)


def test_rows_without_downloads_sort_last_in_both_directions(driver):
    open_page(driver, "")
    headers = driver.find_elements(By.CSS_SELECTOR, "#leaderboard thead th")
    index = next(i for i, header in enumerate(headers) if header.text.strip().startswith("Downloads"))
    # The content may have no figures yet: give three rows figures as a refresh would, and
    # the others the empty value a model without figures has.
    driver.execute_script(
        """
        var index = arguments[0], figures = {1: '500', 3: '20', 5: '9000'};
        var rows = document.querySelectorAll('#leaderboard tbody tr');
        for (var i = 0; i < rows.length; i++) rows[i].cells[index].setAttribute('data-value', figures[i] || '');
        """,
        index,
    )
    headers[index].find_element(By.CSS_SELECTOR, "button.sort").click()
    values = column(driver, index)
    assert values[:3] == ["9000", "500", "20"] and set(values[3:]) == {""}, "highest first, no data last"
    headers[index].find_element(By.CSS_SELECTOR, "button.sort").click()
    values = column(driver, index)
    assert values[:3] == ["20", "500", "9000"] and set(values[3:]) == {""}, "lowest first, no data still last"
    open_page(driver, "")


def status_text(driver):
    return driver.find_element(By.ID, "leaderboard-status").text.strip()


def test_filtering_by_origin_tier_and_search(driver):
    open_page(driver, "")
    total = len(leaderboard_rows(driver))
    assert status_text(driver) == "Showing %d of %d models" % (total, total)

    origin = Select(driver.find_element(By.ID, "filter-origin"))
    option = next(o for o in origin.options if o.get_attribute("value") == "US")
    expected = int(re.search(r"\((\d+)\)", option.text).group(1))
    origin.select_by_value("US")
    shown = visible_rows(driver)
    assert len(shown) == expected > 0
    assert all(row.get_attribute("data-origin") == "US" for row in shown)
    assert status_text(driver) == "Showing %d of %d models" % (expected, total)
    origin.select_by_value("")

    tier = Select(driver.find_element(By.ID, "filter-tier"))
    counts = {}
    for row in leaderboard_rows(driver):
        counts[row.get_attribute("data-tier")] = counts.get(row.get_attribute("data-tier"), 0) + 1
    tier_id = max(counts, key=lambda key: (counts[key], key))
    tier.select_by_value(tier_id)
    shown = visible_rows(driver)
    assert len(shown) == counts[tier_id]
    assert all(row.get_attribute("data-tier") == tier_id for row in shown)
    assert status_text(driver) == "Showing %d of %d models" % (counts[tier_id], total)
    tier.select_by_value("")

    search = driver.find_element(By.ID, "filter-search")
    first_name = leaderboard_rows(driver)[0].find_element(By.CSS_SELECTOR, "th a").text
    word = first_name.split()[0]
    search.send_keys(word)
    shown = visible_rows(driver)
    assert 0 < len(shown) < total
    assert all(word.lower() in row.get_attribute("data-search").lower() for row in shown)
    assert status_text(driver) == "Showing %d of %d models" % (len(shown), total)

    search.send_keys(" no model is called this")
    assert visible_rows(driver) == []
    assert status_text(driver) == "Showing 0 of %d models" % total


# ---------------------------------------------------------------------------
# It reads well at phone and laptop widths


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_sideways_scrolling_on_a_phone(driver, pages, name):
    open_page(driver, pages[name], NARROW)
    width, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth];")
    assert inner == NARROW[0]
    assert width <= inner, "the page is %d px wide in a %d px window" % (width, inner)


def test_leaderboard_scrolls_in_its_own_box_on_a_phone(driver):
    open_page(driver, "", NARROW)
    box = driver.execute_script(
        """
        var container = document.getElementById('leaderboard').closest('.table-scroll');
        return {overflow: getComputedStyle(container).overflowX, client: container.clientWidth,
                scroll: container.scrollWidth, inner: window.innerWidth};
        """
    )
    assert box["overflow"] in ("auto", "scroll")
    assert box["client"] <= box["inner"]
    assert box["scroll"] > box["client"], "at this width the table is wider than the screen and scrolls in its box"


def test_leaderboard_shows_every_model_on_a_laptop(driver):
    open_page(driver, "", WIDE)
    rows = leaderboard_rows(driver)
    expected = int(re.search(r"All (\d+) models", driver.find_element(By.ID, "leaderboard-caption").text).group(1))
    assert len(rows) == expected
    assert all(row.is_displayed() for row in rows)
    fit = driver.execute_script(
        """
        var table = document.getElementById('leaderboard');
        var container = table.closest('.table-scroll');
        var last = table.tHead.rows[0].cells[table.tHead.rows[0].cells.length - 1].getBoundingClientRect();
        return {table: table.scrollWidth, container: container.clientWidth,
                lastRight: last.right, containerRight: container.getBoundingClientRect().right};
        """
    )
    assert fit["table"] <= fit["container"], "the leaderboard needs sideways scrolling at 1280 px: %r" % fit
    assert fit["lastRight"] <= fit["containerRight"] + 0.5


# ---------------------------------------------------------------------------
# It is accessible


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_landmarks_and_one_h1(driver, pages, name):
    open_page(driver, pages[name])
    found = driver.execute_script(
        """
        return {
          header: document.querySelectorAll('body > header, [role=banner]').length,
          nav: document.querySelectorAll('nav, [role=navigation]').length,
          main: document.querySelectorAll('main, [role=main]').length,
          footer: document.querySelectorAll('body > footer, [role=contentinfo]').length,
          h1: document.querySelectorAll('h1').length,
          lang: document.documentElement.lang,
          title: document.title
        };
        """
    )
    assert found["header"] == 1 and found["main"] == 1 and found["footer"] == 1, found
    assert found["nav"] >= 1, found
    assert found["h1"] == 1, found
    assert found["lang"] and found["title"], found


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_table_headers_have_scope(driver, pages, name):
    open_page(driver, pages[name])
    missing = driver.execute_script(
        """
        return Array.prototype.filter.call(document.querySelectorAll('thead th'),
            function (th) { return !/^(col|colgroup)$/.test(th.getAttribute('scope') || ''); })
          .map(function (th) { return th.textContent.trim(); });
        """
    )
    assert missing == []
    rows_without_scope = driver.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('tbody th'),"
        " function (th) { return th.getAttribute('scope') !== 'row'; }).length;"
    )
    assert rows_without_scope == 0


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_form_control_has_a_label(driver, pages, name):
    open_page(driver, pages[name])
    unlabelled = driver.execute_script(
        """
        return Array.prototype.filter.call(document.querySelectorAll('input, select, textarea'),
            function (control) {
              if (control.type === 'hidden') return false;
              var named = control.labels && control.labels.length && control.labels[0].textContent.trim();
              return !named && !control.getAttribute('aria-label') && !control.getAttribute('aria-labelledby');
            })
          .map(function (control) { return control.outerHTML; });
        """
    )
    assert unlabelled == []


def focused_outline(driver):
    return driver.execute_script(
        """
        var e = document.activeElement;
        var s = getComputedStyle(e);
        var box = e.getBoundingClientRect();
        return {element: e.outerHTML.slice(0, 80), style: s.outlineStyle, width: parseFloat(s.outlineWidth),
                shadow: s.boxShadow, onScreen: box.right > 0 && box.bottom > 0 && box.left < window.innerWidth};
        """
    )


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["1280", "375"])
def test_focus_is_visible_on_every_stop(driver, size):
    # Real key presses, so the browser applies :focus-visible as it would for a keyboard user.
    # A freshly loaded page: the first Tab goes to the first link, as for a keyboard user.
    open_page(driver, "", size)
    seen = []
    # Up to the first model links: the skip link, the header, the filters, the sort buttons.
    for _ in range(60):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focus = focused_outline(driver)
        seen.append(focus["element"])
        visible = (focus["style"] != "none" and focus["width"] >= 2) or focus["shadow"] not in ("", "none")
        assert visible, "no visible focus on %s" % focus["element"]
        assert focus["onScreen"], "the focused element is off screen: %s" % focus["element"]
        if "/models/" in focus["element"]:
            break
    assert "skip-link" in seen[0], "the skip link comes first"
    assert any('class="sort"' in element for element in seen), "the sort buttons are reachable by keyboard: %r" % seen
    assert any("filter-search" in element for element in seen)
