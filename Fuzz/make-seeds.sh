#!/bin/sh
# Writes the seed corpus for FuzzContent into Fuzz/.corpus/seeds: every real content
# file and every bad-input corpus case, each behind the selector byte of its role
# (0 manifest, 1 licenses.yaml, 2 rubric.yaml, 3 scenario, 4 page, 5 site.yaml,
# 6 coverage.yaml).
set -eu
cd "$(dirname "$0")/.."
seeds=Fuzz/.corpus/seeds
rm -rf "$seeds" && mkdir -p "$seeds"

seed() { # role-number source-file name
    { printf "\\$(printf '%03o' "$1")"; cat "$2"; } > "$seeds/$3"
}

for f in Content/models/*.yaml; do seed 0 "$f" "model-$(basename "$f")"; done
seed 1 Content/licenses.yaml licenses.yaml
seed 2 Content/rubric.yaml rubric.yaml
for f in Content/scenarios/*.md; do seed 3 "$f" "scenario-$(basename "$f")"; done
for f in Content/pages/*.md; do seed 4 "$f" "page-$(basename "$f")"; done
seed 5 Content/site.yaml site.yaml
# Content/ has no coverage record until 'atom-audit coverage --write' runs; seed a valid one.
printf 'as-of: 2025-09-01\nendpoint: https://huggingface.co\ntop: 3\ntotal-downloads: 1000\ncovered-downloads: 850\nuncovered:\n  - repository: someone/uncovered\n    downloads: 150\n' > "$seeds/.coverage.yaml"
seed 6 "$seeds/.coverage.yaml" coverage.yaml && rm "$seeds/.coverage.yaml"

# The bad-input corpus, by where each case goes (cases.json "as").
corpus=Tests/AtomAuditTests/Fixtures/corpus
for f in "$corpus"/*; do
    name=$(basename "$f")
    [ "$name" = cases.json ] && continue
    case $(grep -A2 "\"file\": \"$name\"" "$corpus/cases.json" | grep '"as"' | sed 's/.*"as": "\(.*\)".*/\1/') in
        licenses.yaml) role=1 ;;
        rubric.yaml) role=2 ;;
        scenarios/*) role=3 ;;
        pages/*) role=4 ;;
        site.yaml) role=5 ;;
        coverage.yaml) role=6 ;;
        *) role=0 ;;
    esac
    seed "$role" "$f" "corpus-$name"
done
echo "wrote $(ls "$seeds" | wc -l) seeds to $seeds"
