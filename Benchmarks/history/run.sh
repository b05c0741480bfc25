#!/usr/bin/env bash
# Times `atom-audit history` cold, warm and after one new commit on a synthetic
# repository of 1,000 commits over 150 manifests, then `atom-audit build` of its site
# (with and without the history's cache, and with nothing changed), and writes the
# History section of Benchmarks/results.md.
#
#   Benchmarks/history/run.sh                 # 5 runs of each case
#   REPS=9 Benchmarks/history/run.sh          # more runs
#   COMMITS=5000 MODELS=300 Benchmarks/history/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 1; }
# Other people edit Sources/ while this runs; a file changed mid-build makes swift build
# fail with "was modified during the build", so try again a few times.
for attempt in 1 2 3; do
    if swift build -c release --scratch-path .build-bench 2>&1 | tail -3; [ "${PIPESTATUS[0]}" = 0 ]; then break; fi
    [ "$attempt" = 3 ] && { echo "swift build failed" >&2; exit 1; }
    sleep 5
done
mkdir -p Benchmarks/work
exec python3 Benchmarks/history/bench_history.py --bin .build-bench/release/atom-audit \
    --reps "${REPS:-5}" --commits "${COMMITS:-1000}" --models "${MODELS:-150}" --seed "${SEED:-1}"
