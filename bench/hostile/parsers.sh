#!/usr/bin/env bash
# Hostile input to the parsers: worst-case probe answers up to the 8 MiB
# body cap, served on loopback to `leakhound-cli monitor`, and hostile
# scenario files given to `validate`. Prints one markdown row per case: the
# case, the limit that applies, the peak resident memory and the outcome.
# See docs/BENCHMARKS.md, "Hostile input"; the fuzz targets run with
# fuzz/run.sh.
#
#   bench/hostile/parsers.sh            (the build in ./build)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${LEAKHOUND_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh" build test
[ -f "$build/build.ninja" ] || "$root/scripts/build.sh" >/dev/null
cmake --build "$build" --target leakhound-cli leakhound-bench-hostile >/dev/null
"$build/bench/hostile/leakhound-bench-hostile" "$build/app/cli/leakhound-cli"
