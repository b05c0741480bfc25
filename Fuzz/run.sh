#!/bin/sh
# Builds FuzzContent with libFuzzer and AddressSanitizer and runs it.
#
#   Fuzz/run.sh                        10 minutes on 2 cores
#   Fuzz/run.sh -max_total_time=60     any libFuzzer option overrides the defaults
#   Fuzz/run.sh crash-1234...          replays one input (a reproducer) and exits
#
# Why not `swift build -Xswiftc -sanitize=fuzzer`: SwiftPM links every executable's
# `main` to `<module>_main`, which clashes with libFuzzer's own `main`. So the code is
# instrumented with -sanitize=address plus libFuzzer's coverage, linked with the
# libFuzzer that has no `main`, and FuzzContent's `main` calls LLVMFuzzerRunDriver.
set -eu
cd "$(dirname "$0")"

clang_lib=$(dirname "$(readlink -f "$(command -v swiftc)")")/../lib/clang
no_main=$(ls "$clang_lib"/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a | tail -1)
swift build -c release \
    -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,trace-cmp,pc-table \
    -Xcc -fsanitize=fuzzer-no-link,address \
    -Xlinker "$no_main" -Xlinker -lstdc++ 2>&1 | grep -v "Cannot export local symbol" || true
binary=.build/release/FuzzContent
test -x "$binary"

[ -d .corpus/seeds ] || ./make-seeds.sh
mkdir -p .corpus/work .corpus/artifacts
# Swift keeps pointers in enum payloads with spare bits set, where LeakSanitizer cannot
# see them: long-lived globals then read as leaks. Leaks are off; ASan's memory errors,
# crashes, timeouts and the RSS limit stay on. A smaller malloc context runs ~40% faster.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:malloc_context_size=0}"

if [ $# -ge 1 ] && [ -f "$1" ]; then
    exec "$binary" -detect_leaks=0 "$@"
fi
exec "$binary" .corpus/work .corpus/seeds \
    -dict=yaml.dict -max_total_time=600 -timeout=5 -rss_limit_mb=2048 -detect_leaks=0 \
    -fork=2 -artifact_prefix=.corpus/artifacts/ -print_final_stats=1 "$@"
