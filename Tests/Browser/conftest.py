"""One headless Chromium for every browser test of the session (test_site.py, test_compare.py)."""

import pytest

from site_browser import make_driver


@pytest.fixture(scope="session")
def driver():
    browser = make_driver()
    yield browser
    browser.quit()
