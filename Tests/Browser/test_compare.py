"""The compare page in headless Chromium: any two to four models side by side, picked
from the address (?models=a,b) or the form, built from data/models/<id>.json as a real
table, with no console errors and readable in both colour schemes.

Run through Tests/Browser/run.sh, like test_site.py.
"""

import re
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from site_browser import NARROW, WIDE
from test_colour import assert_contrast
from test_site import ROOT, open_page


def leaderboard_ids(count):
    """The first models of the leaderboard, as the site lists them."""
    with urllib.request.urlopen(ROOT) as response:
        html = response.read().decode("utf-8")
    ids = []
    for match in re.finditer(r'href="\./models/([a-z0-9][a-z0-9.-]*)/"', html):
        if match.group(1) not in ids:
            ids.append(match.group(1))
    return ids[:count]


def severe_messages(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def wait_for_table(driver, columns):
    WebDriverWait(driver, 10).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#compare-result table thead th")) == columns
    )
    return driver.find_element(By.CSS_SELECTOR, "#compare-result table")


def column_links(table):
    return [a.get_attribute("href").rstrip("/").rsplit("/", 1)[-1] for a in table.find_elements(By.CSS_SELECTOR, "thead th a")]


def test_a_pick_in_the_address_is_shown_as_a_real_table(driver):
    ids = leaderboard_ids(3)
    open_page(driver, "compare/?models=" + ",".join(ids))
    table = wait_for_table(driver, 3)
    assert column_links(table) == ids
    assert all(th.get_attribute("scope") == "col" for th in table.find_elements(By.CSS_SELECTOR, "thead th"))
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    labels = [row.find_element(By.TAG_NAME, "th").text for row in rows]
    assert labels[:5] == ["Tier", "Points", "Origin", "Released", "Parameters"]
    assert {"Weights", "Data", "Code", "License"} <= set(labels)
    assert all(row.find_element(By.TAG_NAME, "th").get_attribute("scope") == "row" for row in rows)
    assert all(len(row.find_elements(By.TAG_NAME, "td")) == 3 for row in rows)
    # Tiers are named in text, and the lists show the pick.
    assert all(cell.text.strip() for cell in rows[0].find_elements(By.CSS_SELECTOR, ".tier"))
    picked = [Select(driver.find_element(By.ID, "compare-%d" % n)).first_selected_option.get_attribute("value") for n in (1, 2, 3)]
    assert picked == ids
    assert driver.find_element(By.ID, "compare-status").text == "Showing 3 models side by side."
    assert severe_messages(driver) == []


def test_the_form_compares_any_pick_and_puts_it_in_the_address(driver):
    first, second = leaderboard_ids(2)
    open_page(driver, "compare/")
    assert driver.find_element(By.ID, "compare-form").is_displayed(), "the script shows the form"
    Select(driver.find_element(By.ID, "compare-1")).select_by_value(second)
    Select(driver.find_element(By.ID, "compare-2")).select_by_value(first)
    driver.find_element(By.CSS_SELECTOR, "#compare-form button[type=submit]").click()
    table = wait_for_table(driver, 2)
    assert column_links(table) == [second, first]
    assert driver.current_url.endswith("compare/?models=%s,%s" % (second, first))
    # The same model twice, or one alone, is not a comparison.
    Select(driver.find_element(By.ID, "compare-2")).select_by_value(second)
    driver.find_element(By.CSS_SELECTOR, "#compare-form button[type=submit]").click()
    assert driver.find_element(By.ID, "compare-status").text == "Choose at least two different models."
    driver.back()
    assert severe_messages(driver) == []


def test_an_unknown_id_is_named_and_never_fetched(driver):
    (known,) = leaderboard_ids(1)
    open_page(driver, "compare/?models=%s,no-such-model" % known)
    status = driver.find_element(By.ID, "compare-status").text
    assert status == "No model 'no-such-model'. Choose at least one more model."
    assert driver.find_elements(By.CSS_SELECTOR, "#compare-result table") == []
    assert severe_messages(driver) == [], "no request for a file that does not exist"


def test_a_scorecard_links_to_a_comparison_that_works(driver):
    (model,) = leaderboard_ids(1)
    open_page(driver, "models/%s/" % model)
    links = driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=compare-title] a")
    assert links and links[0].text.startswith("Compare with ")
    links[0].click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.comparison thead th"))
    names = [a.get_attribute("href").rstrip("/").rsplit("/", 1)[-1] for a in driver.find_elements(By.CSS_SELECTOR, "table.comparison thead th a")]
    assert model in names
    assert severe_messages(driver) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["1280", "375"])
def test_a_picked_comparison_is_readable(driver, scheme, size):
    open_page(driver, "compare/?models=" + ",".join(leaderboard_ids(4)), size, scheme)
    wait_for_table(driver, 4)
    assert_contrast(driver)
    width, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth];")
    assert width <= inner, "the table scrolls in its own box"
