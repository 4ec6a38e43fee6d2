#!/usr/bin/env bash
# Configures LeakHound once and builds it with Ninja (and ccache), in build/
# or in $LEAKHOUND_BUILD_DIR.
#   scripts/build.sh [TARGET...] [-DNAME=VALUE...]
# Targets name what to build (everything when none is named: the programs,
# the tests, the benchmarks); -D settings go to cmake's configure step.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${LEAKHOUND_BUILD_DIR:-$root/build}

settings=() targets=()
for arg in "$@"; do
  case $arg in
    -D*) settings+=("$arg") ;;
    *) targets+=(--target "$arg") ;;
  esac
done
if [ ! -f "$build/build.ninja" ] || [ ${#settings[@]} -gt 0 ]; then
  cmake -S "$root" -B "$build" -G Ninja "${settings[@]}" >/dev/null
fi
cmake --build "$build" "${targets[@]}"
