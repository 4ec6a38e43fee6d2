#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 30), one at a time, on
# its seed corpus (fuzz/corpus/NAME, read only: new inputs go to a
# scratch folder) plus the test fixtures that suit it, and prints the
# executions each managed. Fails on the first crash, leak or timeout, and
# leaves the input that caused it in the scratch folder it names.
#
#   fuzz/run.sh [SECONDS] [BUILD_DIR]     (BUILD_DIR: build-asan, from `cmake --preset asan-ubsan`)
#   environment: FUZZ_TARGETS="json_metrics prometheus" runs only those;
#   FUZZ_SEED=N seeds libFuzzer's mutations (default 1, so the test suite's
#   short runs explore the same inputs each time and a red one can be
#   replayed; 0 = a random seed, for the long runs that look for new bugs)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-30}
build=$(cd "${2:-$root/build-asan}" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/leakhound-fuzz.XXXXXX")
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
[ -x /usr/bin/llvm-symbolizer-14 ] && export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-/usr/bin/llvm-symbolizer-14}

# NAME  dictionary  extra seed folders (read only)
targets=(
  "json_metrics|json.dict|tests/fixtures/json_test_suite/test_parsing"
  "prometheus|prometheus.dict|"
  "prom_api|json.dict|"
  "scenario|json.dict|resources/scenarios tests/scenario/broken"
  "import_ab||"
  "csv_series||"
  "journal|json.dict|"
  "http1_response||"
  "locust_stats|json.dict|"
)

printf '%-16s %12s %10s\n' target executions exec/s
for entry in "${targets[@]}"; do
  IFS='|' read -r name dict extra <<<"$entry"
  if [ -n "${FUZZ_TARGETS:-}" ] && [[ " $FUZZ_TARGETS " != *" $name "* ]]; then continue; fi
  binary="$build/fuzz/fuzz_$name"
  [ -x "$binary" ] || { echo "fuzz/run.sh: $binary is missing: build the 'fuzzers' target of $build" >&2; exit 2; }
  mkdir -p "$work/$name"
  seeds=("$root/fuzz/corpus/$name")
  for folder in $extra; do seeds+=("$root/$folder"); done
  args=(-seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=16384 -print_final_stats=1
        -artifact_prefix="$work/$name/")
  [ -n "$dict" ] && args+=(-dict="$root/fuzz/$dict")
  log="$work/$name.log"
  if ! (cd "$work/$name" && "$binary" "${args[@]}" "$work/$name" "${seeds[@]}") >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "fuzz/run.sh: fuzz_$name failed; its input and log are in $work" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  printf '%-16s %12s %10s\n' "$name" "$runs" "$rate"
done
rm -rf "$work"
