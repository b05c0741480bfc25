#!/usr/bin/env bash
# Builds the site from Content/ into a temporary folder, serves it on 127.0.0.1 with
# `atom-audit serve` and runs the browser tests (test_site.py, test_colour.py, test_compare.py) against it
# in headless Chromium. Needs chromium, chromium-driver and
# `pip install -r Tests/Browser/requirements.txt`.
#
#   Tests/Browser/run.sh                          # builds atom-audit with `swift build` first
#   Tests/Browser/run.sh .build/debug/atom-audit  # uses an executable built already
#   Tests/Browser/run.sh "" -k leaderboard        # extra arguments go to pytest
#   Tests/Browser/run.sh --screenshots            # writes docs/screenshots/*.png instead
set -euo pipefail

mode=test
if [ "${1:-}" = "--screenshots" ]; then
  mode=screenshots
  shift
fi
binary=${1:-}
shift || true
# Made absolute before moving to the repository root, so a relative path works from anywhere.
if [ -n "$binary" ]; then
  binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
fi
cd "$(dirname "$0")/../.."
if [ -z "$binary" ]; then
  swift build --product atom-audit
  binary="$(swift build --show-bin-path)/atom-audit"
fi

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A failing build fails the test run here, before any browser starts.
"$binary" build --content Content --templates Templates --output "$work/Site"

# Port 0: the preview picks a free port and prints its address.
"$binary" serve --port 0 --content Content --templates Templates --output "$work/Site" >"$work/serve.log" 2>&1 &
server=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/serve.log" | head -1 || true)
  [ -n "$url" ] && break
  if ! kill -0 "$server" 2>/dev/null; then break; fi
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "error: atom-audit serve did not start:" >&2
  cat "$work/serve.log" >&2
  exit 1
fi

export SITE_URL="$url"
# Leaves no __pycache__ or .pytest_cache behind in the checkout.
export PYTHONDONTWRITEBYTECODE=1
if [ "$mode" = screenshots ]; then
  python3 Tests/Browser/screenshots.py
else
  python3 -m pytest -q -p no:cacheprovider Tests/Browser/test_site.py Tests/Browser/test_colour.py Tests/Browser/test_compare.py "$@"
fi
