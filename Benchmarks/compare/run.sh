#!/usr/bin/env bash
# Before and after: builds the release binary of a base commit (default: the last commit
# before the shape, census and time work of December 2026) and of the working tree, then
# times both side by side, alternating, on synthetic content each version generates for
# itself (content formats differ between versions). Writes the "Before and after" section
# of Benchmarks/results.md.
#
#   Benchmarks/compare/run.sh                  # base 01eacf2, N = 1,000 and 10,000, 5 runs each
#   BASE=abc1234 SIZES=1000 REPS=3 Benchmarks/compare/run.sh
#   BASE=cf9d593 HEAD_COMMIT=858c329 SECTION="The shape change alone" Benchmarks/compare/run.sh
#                                              # two past commits; writes its own section
set -euo pipefail
cd "$(dirname "$0")/../.."
base=${BASE:-01eacf2}
head=${HEAD_COMMIT:-}
work=Benchmarks/work/compare
mkdir -p "$work"
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null

# A worktree per commit, built once (release, its own scratch path).
tree_of() {
    local commit=$1 tree="$work/tree-$1"
    if [ ! -d "$tree" ]; then git worktree add --detach "$tree" "$commit" >/dev/null; fi
    (cd "$tree" && scripts/ensure-libcmark.sh >/dev/null && swift build -c release --scratch-path .build-bench 2>&1 | tail -1) >&2
    echo "$tree"
}

base_tree=$(tree_of "$base")
if [ -n "$head" ]; then
    head_tree=$(tree_of "$head")
    head_args=(--head-bin "$head_tree/.build-bench/release/atom-audit" --head-tree "$head_tree" --head-commit "$head"
               --section "${SECTION:-Before and after: $base to $head}")
else
    swift build -c release --scratch-path .build-bench 2>&1 | tail -1
    head_args=(--head-bin .build-bench/release/atom-audit)
fi

exec python3 Benchmarks/compare/compare.py --base-bin "$base_tree/.build-bench/release/atom-audit" \
    --base-tree "$base_tree" --base-commit "$base" "${head_args[@]}" \
    --sizes "${SIZES:-1000,10000}" --reps "${REPS:-5}"
