"""Headless Chromium for the browser test and the screenshots: one setup, so what the
screenshots show is what the test checked."""

import base64
import os
import shutil

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

# Phone and laptop widths the site is checked and photographed at.
NARROW = (375, 812)
WIDE = (1280, 900)


def site_url():
    """The served site's root, always ending in a slash (run.sh sets SITE_URL)."""
    url = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")
    return url if url.endswith("/") else url + "/"


def make_driver():
    options = webdriver.ChromeOptions()
    binary = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    for argument in (
        "--headless=new",
        # Containers and CI runners run as root without a user namespace for the sandbox.
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-color-profile=srgb",
        "--font-render-hinting=none",
        "--lang=en-US",
        "--window-size=%d,%d" % WIDE,
    ):
        options.add_argument(argument)
    # Keeps console messages readable through get_log("browser").
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # The driver Debian installs next to chromium: never let Selenium download one.
    driver_path = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(30)
    return driver


def set_viewport(driver, width, height):
    """Emulates a device of this width: the layout viewport (window.innerWidth) is
    exactly `width`, and narrow widths are treated as a phone (the viewport meta applies)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def full_page_png(driver, max_height=None):
    """A screenshot of the whole page (or of its top `max_height` pixels), not only the
    part in the viewport."""
    size = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight];"
    )
    if max_height:
        size[1] = min(size[1], max_height)
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1},
        },
    )
    return base64.b64decode(shot["data"])
