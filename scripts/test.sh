#!/usr/bin/env bash
# Sets up, builds and runs LeakHound's whole test suite, then prints ctest's
# summary; then the sanitizer job: a second build folder (build-asan, the
# asan-ubsan preset of CMakePresets.json: clang-14 with AddressSanitizer and
# UndefinedBehaviorSanitizer, -Werror, no GUI) builds the core, the CLI,
# the core's and parsers' tests and the fuzz targets, runs those tests
# (UBSan halts on the first error, ASan checks for leaks) and each fuzz
# target for 30 s on its seed corpus. Fails when any test fails (or when no
# test ran). LEAKHOUND_SANITIZER_JOB=0 skips the second part.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${LEAKHOUND_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh" build test sanitize
"$root/scripts/build.sh"
ctest --test-dir "$build" --output-on-failure --no-tests=error -j "$(nproc)" "$@"

[ "${LEAKHOUND_SANITIZER_JOB:-1}" = 0 ] && exit 0
started=$(date +%s)
cd "$root"
[ -f build-asan/build.ninja ] || cmake --preset asan-ubsan >/dev/null
cmake --build --preset asan-ubsan
ctest --preset asan-ubsan -j "$(nproc)"
fuzz/run.sh 30 build-asan
echo "test.sh: the sanitizer job took $(( $(date +%s) - started )) s"
