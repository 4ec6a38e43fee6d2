#!/usr/bin/env bash
# Sets up, builds and runs LeakHound's whole test suite, then prints ctest's
# summary. Fails when any test fails (or when no test ran).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${LEAKHOUND_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh" build test
"$root/scripts/build.sh"
ctest --test-dir "$build" --output-on-failure --no-tests=error -j "$(nproc)" "$@"
