"""Full-page screenshots of the leaderboard and a scorecard at phone and laptop widths,
for README.md and for reviewing the look of the site.

    Tests/Browser/run.sh --screenshots [path/to/atom-audit]

writes docs/screenshots/<page>-<width>.png from the site built from Content/.
Set SCREENSHOTS_DIR to write them elsewhere.
"""

import os
import sys

from site_browser import NARROW, WIDE, full_page_png, make_driver, set_viewport, site_url

# Page, and the most of its height to show: the leaderboard's top (header, headline
# numbers, filters and the first rows of the table) says what the page looks like; all
# 47 rows would only make a picture too tall to read in README.md.
PAGES = {
    "leaderboard": ("", {375: 3400, 1280: 2200}),
    "scorecard": ("models/olmo-2-32b/", {}),
}


def main():
    repository = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    folder = os.environ.get("SCREENSHOTS_DIR") or os.path.join(repository, "docs", "screenshots")
    os.makedirs(folder, exist_ok=True)
    driver = make_driver()
    try:
        for name, (path, max_heights) in PAGES.items():
            for width, height in (NARROW, WIDE):
                set_viewport(driver, width, height)
                driver.get(site_url() + path)
                # Text drawn in a fallback font would make the pictures differ from run to run.
                driver.execute_script("return document.fonts.ready.then(function () { return true; });")
                target = os.path.join(folder, "%s-%d.png" % (name, width))
                with open(target, "wb") as file:
                    file.write(full_page_png(driver, max_heights.get(width)))
                print("wrote %s" % os.path.relpath(target))
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
