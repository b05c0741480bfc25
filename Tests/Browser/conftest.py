"""What every browser test of the session shares: one headless Chromium, and the pages
to check (found by following the site's own links, so the tests follow the content)."""

import re
import urllib.request

import pytest

from site_browser import make_driver, site_url


@pytest.fixture(scope="session")
def driver():
    browser = make_driver()
    yield browser
    browser.quit()


def discover(path, pattern):
    """The first link on a page whose path matches, so the test follows the content."""
    with urllib.request.urlopen(site_url() + path) as response:
        html = response.read().decode("utf-8")
    match = re.search(r'href="((?:\.\./|\./)*)(' + pattern + ')"', html)
    assert match, "no link matching %s on %s" % (pattern, path or "the leaderboard")
    return match.group(2)


@pytest.fixture(scope="session")
def pages():
    return {
        "leaderboard": "",
        "scorecard": discover("", r"models/[a-z0-9][a-z0-9.-]*/"),
        "methodology": "methodology/",
        "scenario": discover("scenarios/", r"scenarios/[a-z0-9][a-z0-9.-]*/"),
        "brief": "brief/index.html",
        "charts": "charts/",
        "adoption": "adoption/",
        "compare": "compare/",
        "comparison": discover("compare/", r"compare/[a-z0-9][a-z0-9.-]*-vs-[a-z0-9][a-z0-9.-]*/"),
    }
