#!/bin/sh
# Builds the hostile-YAML benchmark in release mode and runs it; arguments go to it.
#
#   Benchmarks/hostile-yaml/run.sh                     # every shape, 128 KiB to 1 MiB, 5 runs each
#   Benchmarks/hostile-yaml/run.sh --base 65536        # N = 64 KiB (sizes N, 2N, 4N, 8N)
#   Benchmarks/hostile-yaml/run.sh --only flow --reps 3   # shapes whose name contains "flow"
set -eu
cd "$(dirname "$0")"
swift build -c release 2>&1 | tail -1
exec .build/release/HostileYAML --content ../../Content "$@"
