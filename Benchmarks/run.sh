#!/usr/bin/env bash
# One command for the whole benchmark: builds the release binary, then for each N
# generates content and measures our build, Hugo's build of the equivalent site, check,
# a no-op rebuild and a one-manifest rebuild. Prints the table and writes results.md.
#
#   Benchmarks/run.sh                      # N = 100, 1,000, 10,000 (5 repetitions each)
#   SIZES=100,1000 Benchmarks/run.sh       # fewer sizes
#   REPS=10000:5 Benchmarks/run.sh         # more repetitions for one size
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || [ -x "$2" ]; }
install() {
    echo "installing Debian package $1" >&2
    if [ "$(id -u)" = 0 ]; then apt-get install -y "$1" >/dev/null; else sudo apt-get install -y "$1" >/dev/null; fi
}
[ -x /usr/bin/time ] || install time
command -v hugo >/dev/null 2>&1 || install hugo
command -v python3 >/dev/null 2>&1 || install python3

# Other people edit Sources/ while this runs; a file changed mid-build makes swift build
# fail with "was modified during the build", so try again a few times.
for attempt in 1 2 3; do
    if swift build -c release --scratch-path .build-bench 2>&1 | tail -3; [ "${PIPESTATUS[0]}" = 0 ]; then break; fi
    [ "$attempt" = 3 ] && { echo "swift build failed" >&2; exit 1; }
    sleep 5
done

mkdir -p Benchmarks/work
exec python3 Benchmarks/bench.py --bin .build-bench/release/atom-audit \
    --sizes "${SIZES:-100,1000,10000}" --reps "${REPS:-}" --seed "${SEED:-1}"
