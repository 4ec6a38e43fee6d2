#!/usr/bin/env bash
# Builds and runs the probe benchmark ROUNDS times (default 3): tick jitter
# at 1 s over 60 samples, and the sampler's cost at 10 Hz on 5 sources for
# 30 s. Figures for docs/BENCHMARKS.md are the medians of the rounds.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${LEAKHOUND_BUILD_DIR:-$root/build}
rounds=${1:-3}

"$root/scripts/build.sh" >/dev/null
cmake --build "$build" --target leakhound-bench-probe >/dev/null
for round in $(seq "$rounds"); do
  echo "round $round of $rounds"
  "$build/bench/probe/leakhound-bench-probe" 60 30
done
