#!/usr/bin/env bash
# Starts the desktop app on a virtual X display (Xvfb), runs the demo (or
# SCENARIO) for a while and saves a picture of its window: how
# docs/images/dashboard.png is made.
#   scripts/screenshot.sh [SCENARIO] [OUT.png]
# Default OUT: docs/images/dashboard.png. LEAKHOUND_SCREENSHOT_AFTER sets
# the seconds of run before the picture (default 120: the demo's leak
# verdict needs 15 s of warm-up and 90 s of data), LEAKHOUND_SCREENSHOT_SIZE
# the window (default 1600x1000). The app runs with settings and sessions
# of its own in a temporary HOME (the light palette, the default layout),
# so yours are not touched; it grabs itself (QWidget::grab) and quits.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${LEAKHOUND_BUILD_DIR:-$root/build}
scenario=${1:-}
out=${2:-$root/docs/images/dashboard.png}
after=${LEAKHOUND_SCREENSHOT_AFTER:-120}
size=${LEAKHOUND_SCREENSHOT_SIZE:-1600x1000}
if [ -n "$scenario" ] && [ ! -f "$scenario" ]; then
  echo "screenshot.sh: expected a scenario file, got \"$scenario\"" >&2
  exit 2
fi

"$root/scripts/setup.sh" build screenshot
"$root/scripts/build.sh" >/dev/null

home=$(mktemp -d "${TMPDIR:-/tmp}/leakhound-screenshot.XXXXXX")
xvfb_pid=
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$home"
}
trap cleanup EXIT

# Xvfb picks a free display number itself and writes it to fd 3.
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$home/display" 2>"$home/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$home/display" ] && break; sleep 0.1; done
[ -s "$home/display" ] || { echo "screenshot.sh: Xvfb did not start: $(cat "$home/xvfb.log")" >&2; exit 1; }

mkdir -p "$home/config/LeakHound" "$(dirname "$out")"
printf '[view]\ntheme=light\n' >"$home/config/LeakHound/LeakHound.conf"
if [ -n "$scenario" ]; then
  what=(--run "$(realpath "$scenario")")
else
  what=(--demo)
fi
echo "screenshot.sh: running ${what[*]} for ${after} s on display :$(cat "$home/display")" >&2
env -u WAYLAND_DISPLAY DISPLAY=":$(cat "$home/display")" QT_QPA_PLATFORM=xcb HOME="$home" \
  XDG_CONFIG_HOME="$home/config" XDG_RUNTIME_DIR="$home" \
  "$build/app/desktop/leakhound" "${what[@]}" --size "$size" --screenshot "$(realpath -m "$out")" --after "$after"
