#!/usr/bin/env bash
# What-if experiments that estimate the gain of a change without editing Sources/: the
# same release binary and content (N=10,000 by default), medians of REPS runs, interleaved.
#   baseline           our build as it is, into a fresh folder on the checkout's disk (ext4)
#   no-md-scorecards   templates without markdown/model.mustache, so the Markdown edition of
#                      each scorecard (models/<id>/README.md) is not rendered or written
#   tmpfs              our build into a fresh folder on tmpfs (/dev/shm): what is left
#                      when creating files costs no disk work
#   hugo, hugo-tmpfs   Hugo's build of the equivalent site, on ext4 and on tmpfs
#   no-fsync           (only with NOFSYNC=1) fsync made a no-op by a preloaded shim, for a
#                      binary that still writes through Foundation's Data.write (which
#                      fsyncs every file)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${N:-10000}; REPS=${REPS:-3}
BIN=.build-bench/release/atom-audit
WORK=Benchmarks/work/whatif
SHM=/dev/shm/atom-audit-whatif
export ATOM_AUDIT_TODAY=2026-11-25
mkdir -p "$WORK"
[ -d Benchmarks/work/n$N/content ] || python3 Benchmarks/generate.py content --count $N \
    --out Benchmarks/work/n$N/content --hugo Benchmarks/work/n$N/hugo
cc -shared -fPIC -O2 -o "$WORK/nofsync.so" Benchmarks/profile/nofsync-shim.c
rm -rf "$WORK/templates" "$WORK/templates-nomd"
cp -R Templates "$WORK/templates"; cp -R Templates "$WORK/templates-nomd"; rm -f "$WORK/templates-nomd/markdown/model.mustache"

# Old outputs are moved aside, not deleted, before each timed build: on this disk (ext4
# without a journal) inodes freed in the last ~30 s are skipped when files are created,
# which adds seconds of kernel time to a build that follows an rm -rf (see bench.py).
rm -rf "$WORK/trash" "$WORK/site" "$WORK/hugo-site" "$SHM"; mkdir -p "$WORK/trash" "$SHM"; sleep 35
aside() { [ -d "$1" ] && mv "$1" "$2/trash-$RANDOM$RANDOM"; return 0; }
run() {  # case, output folder, command...
    local name=$1 out=$2; shift 2
    if [[ $out == /dev/shm/* ]]; then rm -rf "$out"; else aside "$out" "$WORK/trash"; fi
    sync
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" > "$WORK/out" 2>&1
    echo "$name $(tail -1 "$WORK/time") $(find "$out" -type f | wc -l)" >> "$WORK/samples"
}
ours() { echo "$BIN build --content Benchmarks/work/n$N/content --templates $1 --output $2"; }
: > "$WORK/samples"
for rep in $(seq "$REPS"); do
    run baseline "$WORK/site" $(ours "$WORK/templates" "$WORK/site")
    run no-md-scorecards "$WORK/site" $(ours "$WORK/templates-nomd" "$WORK/site")
    run tmpfs "$SHM/site" $(ours "$WORK/templates" "$SHM/site")
    run hugo "$PWD/$WORK/hugo-site" hugo --quiet -s Benchmarks/work/n$N/hugo -d "$PWD/$WORK/hugo-site"
    run hugo-tmpfs "$SHM/hugo-site" hugo --quiet -s Benchmarks/work/n$N/hugo -d "$SHM/hugo-site"
    if [ -n "${NOFSYNC:-}" ]; then
        run no-fsync "$WORK/site" env LD_PRELOAD="$PWD/$WORK/nofsync.so" $(ours "$WORK/templates" "$WORK/site")
    fi
done
rm -rf "$WORK/trash" "$SHM"
python3 - "$WORK/samples" "$N" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    case, wall, user, system, rss, files = line.split()
    rows.setdefault(case, []).append((float(wall), float(user), float(system), int(rss) / 1024, int(files)))
print(f"N = {sys.argv[2]}, medians of {len(next(iter(rows.values())))} runs\n")
print("| case | wall (s) | user (s) | sys (s) | peak RSS (MB) | files |\n|---|---:|---:|---:|---:|---:|")
for case, values in rows.items():
    m = lambda i: statistics.median(v[i] for v in values)
    print(f"| {case} | {m(0):.2f} | {m(1):.2f} | {m(2):.2f} | {m(3):.0f} | {values[0][4]} |")
PY
