#!/usr/bin/env bash
# The main job: sets up, builds, starts the bundled demo target (leaking) on
# loopback, and shows LeakHound on it: the desktop app when a display is
# present, a headless run otherwise.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${LEAKHOUND_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh" build demo
"$root/scripts/build.sh"

out=$(mktemp -d "${TMPDIR:-/tmp}/leakhound-demo.XXXXXX")
"$build/app/demo_target/leakhound-demo-target" --port 0 --leak-kb-per-request 64 >"$out/target.log" 2>&1 &
target_pid=$!
trap 'kill $target_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q listening "$out/target.log" && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$out/target.log")
echo "demo target (leaking 64 KiB per request) at $url"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  "$build/app/desktop/leakhound"
else
  for i in $(seq 200); do
    curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"text":"One. Two.","language":"en"}' "$url/segment"
    [ $((i % 50)) -eq 0 ] && curl -s "$url/memory-stats" | tee -a "$out/memory-stats.jsonl" && echo
  done
  echo "memory samples written to $out/memory-stats.jsonl"
fi
