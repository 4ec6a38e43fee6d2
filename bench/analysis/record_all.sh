#!/usr/bin/env bash
# Records the demo-target fixtures of the leak analysis (a few minutes each,
# two at a time) into tests/analysis/recordings/, with labels.csv naming
# what each one is and whether it leaks. Usage: record_all.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
out=$root/tests/analysis/recordings
record=$build/bench/analysis/leakhound-record-demo
target=$build/app/demo_target/leakhound-demo-target
mkdir -p "$out"

# name | label | target flags | recorder flags (a --duration here wins)
scenarios=(
  "steady_no_leak|no_leak|--threads 8|--rate 20"
  "leak_16kb|leak|--threads 8 --leak-kb-per-request 16|--rate 20"
  "slow_leak_1kb|leak|--threads 8 --leak-kb-per-request 1|--rate 20"
  "cache_fills_and_holds|no_leak|--threads 2 --cache-limit 1200 --cache-entry-kb 64|--rate 10 --duration 15m"
  "cache_fills_8_threads|no_leak|--threads 8 --cache-limit 1200 --cache-entry-kb 64|--rate 10 --duration 12m"
  "cache_then_leak|leak|--threads 2 --cache-limit 1200 --cache-entry-kb 64 --leak-kb-per-request 4|--rate 10 --duration 8m"
  "restart_loop_leak|leak|--threads 8 --restart-after 100 --leak-kb-per-request 256|--rate 5 --endpoint convert"
  "restart_loop_flat|no_leak|--threads 8 --restart-after 100|--rate 5 --endpoint convert"
  "bursty_no_leak|no_leak|--threads 8|--rate 40 --burst-period 30s --burst-duty 0.3"
  "bursty_leak|leak|--threads 8 --leak-kb-per-request 8|--rate 40 --burst-period 30s --burst-duty 0.3"
  "model_loaded_once|no_leak|--threads 8 --model-mb 64|--rate 20 --new-language-at 2m"
)

# labels.csv is written by a full run only (ONLY= runs may overlap).
[[ -n "${ONLY:-}" ]] || echo "file,label,target_flags,load_flags" >"$out/labels.csv"
run() {
  IFS='|' read -r name label flags load <<<"$1"
  # ONLY=name,name records just those.
  [[ -z "${ONLY:-}" || ",$ONLY," == *",$name,"* ]] || return 0
  local duration=(--duration "${DURATION:-5m}")
  [[ "$load" == *--duration* ]] && duration=()
  # shellcheck disable=SC2086
  "$record" --target "$target" --target-args "$flags" "${duration[@]}" $load --interval 500ms \
    --out "$out/$name.csv" --events "$out/$name.events.csv"
}
for s in "${scenarios[@]}"; do
  IFS='|' read -r name label flags load <<<"$s"
  [[ -n "${ONLY:-}" ]] || echo "$name.csv,$label,\"$flags\",\"$load\"" >>"$out/labels.csv"
done
for ((i = 0; i < ${#scenarios[@]}; i += 2)); do
  run "${scenarios[i]}" &
  if ((i + 1 < ${#scenarios[@]})); then run "${scenarios[i + 1]}" & fi
  wait
done
