#!/usr/bin/env bash
# Before and after: builds the release binary of a base commit (default: the last commit
# before the shape, census and time work of December 2026) and of the working tree, then
# times both side by side, alternating, on synthetic content each version generates for
# itself (content formats differ between versions). Writes the "Before and after" section
# of Benchmarks/results.md.
#
#   Benchmarks/compare/run.sh                  # base 01eacf2, N = 1,000 and 10,000, 5 runs each
#   BASE=abc1234 SIZES=1000 REPS=3 Benchmarks/compare/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
base=${BASE:-01eacf2}
work=Benchmarks/work/compare
mkdir -p "$work"
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null

if [ ! -d "$work/base" ]; then git worktree add --detach "$work/base" "$base" >/dev/null; fi
git -C "$work/base" checkout --quiet --detach "$base"
(cd "$work/base" && scripts/ensure-libcmark.sh >/dev/null && swift build -c release --scratch-path .build-bench 2>&1 | tail -1)
swift build -c release --scratch-path .build-bench 2>&1 | tail -1

exec python3 Benchmarks/compare/compare.py --base-bin "$work/base/.build-bench/release/atom-audit" \
    --head-bin .build-bench/release/atom-audit --base-tree "$work/base" --base-commit "$(git -C "$work/base" rev-parse --short HEAD)" \
    --sizes "${SIZES:-1000,10000}" --reps "${REPS:-5}"
