#!/usr/bin/env bash
# The "Hostile input" table of docs/BENCHMARKS.md: worst-case probe answers
# up to the 8 MiB body cap served on loopback to `leakhound-cli monitor`,
# and hostile scenario files given to `validate`; per case the limit, the
# peak resident memory and the outcome. Then, with FUZZ_SECONDS set, each
# fuzz target of fuzz/ for that long (build-fuzz/, clang's libFuzzer).
#
#   bench/hostile/run.sh                  the table
#   FUZZ_SECONDS=600 bench/hostile/run.sh   the table, then 10 minutes per fuzz target
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${LEAKHOUND_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh" build test
[ -f "$build/build.ninja" ] || "$root/scripts/build.sh" >/dev/null
cmake --build "$build" --target leakhound-cli leakhound-bench-hostile >/dev/null
"$build/bench/hostile/leakhound-bench-hostile" "$build/app/cli/leakhound-cli"

if [ -n "${FUZZ_SECONDS:-}" ]; then
  "$root/fuzz/run.sh" "$FUZZ_SECONDS"
fi
