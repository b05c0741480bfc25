#!/usr/bin/env bash
# The preview server under load (see load.py): 1,200 slow clients and a fresh request
# under `ulimit -n 1024`, then 20 parallel downloads of a 200 MB file and the server's
# peak RSS. Writes the "Preview server" section of Benchmarks/results.md.
#
#   Benchmarks/serve/run.sh                          # builds the release binary first
#   BIN=/path/to/atom-audit Benchmarks/serve/run.sh  # another binary (e.g. an older one)
#   Benchmarks/serve/run.sh --slow-clients 2000      # any option of load.py
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v curl >/dev/null 2>&1 || { echo "curl is needed (apt-get install curl)" >&2; exit 1; }
command -v python3 >/dev/null 2>&1 || { echo "python3 is needed" >&2; exit 1; }

if [ -z "${BIN:-}" ]; then
    # Other people edit Sources/ while this runs; a file changed mid-build makes swift
    # build fail with "was modified during the build", so try again a few times.
    for attempt in 1 2 3; do
        if swift build -c release --product atom-audit --scratch-path .build-bench 2>&1 | tail -3; [ "${PIPESTATUS[0]}" = 0 ]; then break; fi
        [ "$attempt" = 3 ] && { echo "swift build failed" >&2; exit 1; }
        sleep 5
    done
    BIN=.build-bench/release/atom-audit
fi

mkdir -p Benchmarks/work
exec python3 Benchmarks/serve/load.py --bin "$BIN" --results Benchmarks/results.md \
    --label "${LABEL:-(built from $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources || echo ', with local changes'))}" "$@"
