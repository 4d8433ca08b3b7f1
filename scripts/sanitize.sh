#!/usr/bin/env bash
# The checked build (docs/fuzzing.md): builds the non-GUI targets with clang, AddressSanitizer
# and UndefinedBehaviorSanitizer, runs their ctest suites (PostgreSQL included), then every
# libFuzzer harness for KEYWARD_FUZZ_SECONDS (default 30), two at a time. Fails on any failed
# test and on any sanitizer report, also one from a child process (keywardctl, keyward-verifyd)
# whose test did not notice it.
#   scripts/sanitize.sh [BUILD_DIR]      (default: build-sanitize beside build/)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-${KEYWARD_SANITIZE_BUILD_DIR:-$here/build-sanitize}}
jobs=$(nproc)

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
generator=()
if [ ! -f "$build/CMakeCache.txt" ] && command -v ninja >/dev/null; then generator=(-G Ninja); fi
# -O1 and line tables only: half the compile time of -O2 -g, and reports still name file:line.
cmake -S "$here" -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" \
    -DKEYWARD_SANITIZE=ON -DKEYWARD_FUZZ=ON -DKEYWARD_BUILD_GUI=OFF -DKEYWARD_BUILD_BENCHMARKS=OFF \
    -DKEYWARD_BUILD_MANPAGES=OFF \
    -DKEYWARD_FUZZ_SECONDS="${KEYWARD_FUZZ_SECONDS:-30}" "${launcher[@]}"
start=$SECONDS
cmake --build "$build" --parallel "$jobs"
echo "sanitize.sh: build $((SECONDS - start)) s"

reports="$build/sanitizer-reports"
rm -rf "$reports"
mkdir -p "$reports"
for symbolizer in llvm-symbolizer-14 llvm-symbolizer; do
    if command -v "$symbolizer" >/dev/null; then
        export ASAN_SYMBOLIZER_PATH
        ASAN_SYMBOLIZER_PATH=$(command -v "$symbolizer")
        break
    fi
done
asan="detect_leaks=1:strict_string_checks=1:check_initialization_order=1"
ubsan="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$here/tests/fuzz/lsan.supp:print_suppressions=0"

# Longest first (tests/ctest-costs): a fresh build directory has no durations of its own.
costs="$build/Testing/Temporary/CTestCostData.txt"
if [ ! -f "$costs" ]; then
    mkdir -p "$(dirname "$costs")"
    cp "$here/tests/ctest-costs/sanitize.txt" "$costs"
fi
cd "$build"
status=0
# The suites: every process writes its reports to a file of its own (asan.PID), so none is lost
# in a test's captured output or in a child whose test only looks at the exit code.
start=$SECONDS
ASAN_OPTIONS="$asan:log_path=$reports/asan" UBSAN_OPTIONS="$ubsan:log_path=$reports/ubsan" \
    ctest --output-on-failure --timeout 900 -LE fuzz --parallel "$jobs" || status=1
echo "sanitize.sh: suites $((SECONDS - start)) s"
start=$SECONDS
# The fuzzers, two at a time: libFuzzer reports into each one's log, and a finding fails its test.
ASAN_OPTIONS="$asan" UBSAN_OPTIONS="$ubsan" \
    ctest --output-on-failure -L fuzz --parallel 2 || status=1
echo "sanitize.sh: fuzzers $((SECONDS - start)) s"
cat tests/fuzz/runs/*/summary.txt 2>/dev/null || true
if compgen -G "$reports/*" >/dev/null; then
    echo "Sanitizer reports:" >&2
    for report in "$reports"/*; do
        echo "== $report" >&2
        head -n 60 "$report" >&2
    done
    status=1
fi
exit "$status"
