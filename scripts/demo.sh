#!/usr/bin/env bash
# The main job: sets up, builds, and shows LeakHound on the bundled demo
# target (leaking) on loopback: the desktop app when a display is present
# (`leakhound --demo`), a headless session otherwise (`leakhound-cli demo`).
# Either starts the demo target itself and runs the demo scenario on it;
# the headless one prints the verdict and where the report went. Extra
# arguments go to `leakhound-cli demo` (scripts/demo.sh --duration 2m).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${LEAKHOUND_BUILD_DIR:-$root/build}

on_display=${DISPLAY:-}${WAYLAND_DISPLAY:-}

"$root/scripts/setup.sh" build demo
# Only what the demo runs: the tests and benchmarks wait for scripts/test.sh.
if [ -n "$on_display" ]; then
  "$root/scripts/build.sh" leakhound leakhound-demo-target
else
  "$root/scripts/build.sh" leakhound-cli leakhound-demo-target
fi

if [ -n "$on_display" ]; then
  # The app starts the demo target itself (on a free loopback port, with
  # the same leak as `leakhound-cli demo`), runs the demo scenario live, and
  # stops the target when it closes. Sessions go to its sessions folder
  # (~/LeakHound/sessions unless changed).
  exec "$build/app/desktop/leakhound" --demo
else
  out=$(mktemp -d "${TMPDIR:-/tmp}/leakhound-demo.XXXXXX")
  exec "$build/app/cli/leakhound-cli" demo --out "$out/session" "$@"
fi
