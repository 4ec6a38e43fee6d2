#!/usr/bin/env bash
# Renders the hicolor PNG icons from the SVG sources (needs librsvg2-bin).
# The PNGs are committed; run this after changing an SVG.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
icons=$root/resources/icons
name=io.github.leakhound.LeakHound
for size in 16 22 24 32 48 64 128 256; do
  source=$icons/leakhound.svg
  [ "$size" -le 32 ] && source=$icons/leakhound-small.svg  # bolder strokes for small sizes
  mkdir -p "$icons/hicolor/${size}x${size}/apps"
  rsvg-convert -w "$size" -h "$size" "$source" -o "$icons/hicolor/${size}x${size}/apps/$name.png"
done
