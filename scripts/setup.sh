#!/usr/bin/env bash
# Installs the Debian 12 packages LeakHound needs, and only those missing:
# quick and silent when everything is present. Groups: build (default),
# test, sanitize, package, demo, bench, hostile, standins, screenshot.   Usage: scripts/setup.sh [GROUP...]
set -euo pipefail

declare -A GROUPS_PACKAGES=(
  [build]="cmake ninja-build g++ ccache pkg-config qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-qpa-plugins
           libcurl4-openssl-dev libhttp-parser-dev nlohmann-json3-dev libcli11-dev catch2 libcpp-httplib-dev"
  # test: the PDF, desktop-file and package checks' programs, the segmentation stand-in (tests/cli/seed_case_test.cpp),
  # the Prometheus server the prom: source's end-to-end test starts (tests/probe/prom_server_test.cpp);
  # Locust (2.12), the load engine `engine: locust` starts and the exported locustfiles are compiled with
  # (tests/locust); Node.js, whose `node --check` parses the exported k6 scripts (no k6 in Debian).
  [test]="fonts-dejavu-core poppler-utils dpkg-dev desktop-file-utils appstream shared-mime-info man-db lintian
          python3-fastapi python3-uvicorn python3-psutil prometheus python3-locust nodejs"
  [sanitize]="clang-14 libclang-rt-14-dev llvm-14"
  [package]="dpkg-dev"
  [demo]="curl"
  [bench]="nginx-light apache2-utils wrk"
  [hostile]="time python3"
  # The Python stand-ins of the seed services, their recordings and the holdout generator (bench/standins, bench/analysis/holdout).
  [standins]="python3-fastapi python3-uvicorn python3-werkzeug python3-psutil python3-numpy python3-matplotlib apache2-utils"
  [screenshot]="xvfb fonts-dejavu-core"
)

wanted=()
for group in "${@:-build}"; do
  [[ -v "GROUPS_PACKAGES[$group]" ]] || { echo "setup.sh: unknown group '$group' (expected: ${!GROUPS_PACKAGES[*]})" >&2; exit 2; }
  read -r -a packages <<<"$(echo ${GROUPS_PACKAGES[$group]})"
  wanted+=("${packages[@]}")
done

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null | grep -q '^ii' || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup.sh: installing ${missing[*]}" >&2
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup.sh: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
