"""Colour in headless Chromium: every visible text at 4.5:1 in the light and the dark
scheme, print dark on white whatever the scheme, and tiers named in words, so colour
never carries meaning alone.

Run through Tests/Browser/run.sh, like test_site.py.
"""

import os

import pytest

from site_browser import NARROW, WIDE
from test_site import PAGE_NAMES, open_page

CONTRAST_SCRIPT = open(os.path.join(os.path.dirname(__file__), "contrast.js"), encoding="utf-8").read()
# WCAG 2 AA for body text; the site holds all text to it, large or not.
MINIMUM_CONTRAST = 4.5


def page_background(driver):
    return driver.execute_script("return getComputedStyle(document.documentElement).backgroundColor;")


def assert_contrast(driver):
    result = driver.execute_script(CONTRAST_SCRIPT, MINIMUM_CONTRAST)
    assert result["checked"] > 20
    assert result["failures"] == [], "\n".join(
        "%(ratio)s:1 %(element)s %(text)r (%(foreground)s on %(background)s)" % failure for failure in result["failures"]
    )


@pytest.mark.parametrize("name", PAGE_NAMES)
@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["1280", "375"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast(driver, pages, name, size, scheme):
    open_page(driver, pages[name], size, scheme)
    # The scheme took: a dark page really is dark (and a light one light).
    assert page_background(driver) == ("rgb(13, 17, 23)" if scheme == "dark" else "rgb(255, 255, 255)")
    assert_contrast(driver)


@pytest.mark.parametrize("name", ["leaderboard", "scorecard", "methodology"])
def test_print_is_dark_on_white_even_for_a_dark_scheme(driver, pages, name):
    open_page(driver, pages[name], WIDE, "dark", media="print")
    assert page_background(driver) == "rgb(255, 255, 255)"
    hidden = driver.execute_script("return getComputedStyle(document.querySelector('.site-header nav')).display;")
    assert hidden == "none", "navigation is left off paper"
    assert_contrast(driver)


def test_chart_text_is_checked_for_contrast(driver):
    # The charts page is mostly SVG text; make sure the check reaches it.
    open_page(driver, "charts/")
    svg_text = driver.execute_script("return document.querySelectorAll('figure svg text').length;")
    assert svg_text > 50


@pytest.mark.parametrize("name", ["leaderboard", "scorecard", "methodology", "brief"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tiers_are_named_in_text(driver, pages, name, scheme):
    # Colour is never the only signal: every tier label says its tier in words, one
    # name per tier.
    open_page(driver, pages[name], scheme=scheme)
    labels = driver.execute_script(
        """
        return Array.prototype.map.call(document.querySelectorAll('.tier'), function (tier) {
          var kind = Array.prototype.filter.call(tier.classList, function (c) { return c !== 'tier'; }).join(' ');
          return [kind, tier.textContent.trim(), tier.getBoundingClientRect().width > 0];
        });
        """
    )
    assert labels, "no tier labels"
    names = {}
    for kind, text, _ in labels:
        assert text, "a %s label has no text" % kind
        names.setdefault(kind, set()).add(text)
    assert all(len(texts) == 1 for texts in names.values()), names
    texts = [next(iter(t)) for t in names.values()]
    assert len(set(texts)) == len(texts), names
