#!/usr/bin/env bash
# The main job: sets up, builds, and shows LeakHound on the bundled demo
# target (leaking) on loopback: the desktop app when a display is present,
# a headless session otherwise (`leakhound-cli demo`: it starts the demo
# target itself, runs the demo scenario, and prints the verdict and where
# the report went). Extra arguments go to `leakhound-cli demo`
# (scripts/demo.sh --duration 2m).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${LEAKHOUND_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh" build demo
"$root/scripts/build.sh"

out=$(mktemp -d "${TMPDIR:-/tmp}/leakhound-demo.XXXXXX")
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  "$build/app/demo_target/leakhound-demo-target" --port 0 --leak-kb-per-request 64 >"$out/target.log" 2>&1 &
  target_pid=$!
  trap 'kill $target_pid 2>/dev/null || true' EXIT
  for _ in $(seq 50); do grep -q listening "$out/target.log" && break; sleep 0.1; done
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$out/target.log")
  echo "demo target (leaking 64 KiB per request) at $url"
  "$build/app/desktop/leakhound"
else
  exec "$build/app/cli/leakhound-cli" demo --out "$out/session" "$@"
fi
