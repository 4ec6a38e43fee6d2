#!/usr/bin/env bash
# Builds and runs the desktop benchmark (offscreen): ROUNDS (default 5)
# rounds of the GUI stall during a 20 s live run, of the app's RSS with
# 24 h of data charted, and of 24 h of data fed fast into a live dashboard
# while LeakHound judges the app's own RSS; then one 180 s live run whose own
# RSS LeakHound judges. Prints every round's line and the medians for
# docs/BENCHMARKS.md. About 10 minutes with 5 rounds.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${LEAKHOUND_BUILD_DIR:-$root/build}
rounds=${1:-5}
bench=$build/bench/desktop/leakhound-bench-desktop

"$root/scripts/build.sh" >/dev/null
cmake --build "$build" --target leakhound-bench-desktop >/dev/null
export QT_QPA_PLATFORM=offscreen
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for round in $(seq "$rounds"); do
  "$bench" stall 20 2>/dev/null | tee -a "$log"
  "$bench" rss 24 2>/dev/null | tee -a "$log"
  "$bench" feed 24 2>/dev/null | tee -a "$log"
done
"$bench" self 180 2>/dev/null | tee -a "$log"

# The median of each figure over the rounds, per kind of line.
awk '
  { kind = $1; kinds[kind] = 1
    for (i = 2; i < NF; i += 2) { key = kind " " $i; n[key]++; v[key, n[key]] = $(i + 1); order[key] = i } }
  END {
    for (key in n) {
      m = n[key]
      for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++) if (v[key, b] < v[key, a]) { t = v[key, a]; v[key, a] = v[key, b]; v[key, b] = t }
      med = (m % 2) ? v[key, (m + 1) / 2] : (v[key, m / 2] + v[key, m / 2 + 1]) / 2
      printf "median %s %s (%d runs)\n", key, med, m
    }
  }' "$log" | sort
