#!/usr/bin/env bash
# Sets up, builds and packages LeakHound as a Debian package (CPack), in
# build/ or in $LEAKHOUND_BUILD_DIR, and prints the .deb's path. Install it
# with: sudo apt-get install ./build/leakhound_*.deb
# Extra arguments go to cpack (scripts/package.sh -G TGZ for a tarball).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${LEAKHOUND_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh" build package
"$root/scripts/build.sh"
cd "$build"
cpack -G DEB "$@" >cpack.log 2>&1 || { cat cpack.log >&2; echo "package.sh: cpack failed (log above)" >&2; exit 1; }
# cpack names what it wrote: "CPack: - package: /path/leakhound_0.1.0_amd64.deb generated."
sed -n 's/^CPack: - package: \(.*\) generated\.$/\1/p' cpack.log
