#!/usr/bin/env bash
# Builds LeakHound's packages with CPack and checks what a user installs: the
# contents list, the declared dependencies, the desktop entry and AppStream
# metainfo validation, and that the packaged leakhound-cli runs.
# Usage: package_test.sh BUILD_DIR VERSION
set -euo pipefail
build=$1 version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/leakhound_"$version"_*.deb 2>/dev/null) || fail "no leakhound_${version}_*.deb"
ls "$work"/leakhound-"$version"-Linux-*.tar.gz >/dev/null 2>&1 || fail "no .tar.gz package"

contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
app_id=io.github.leakhound.LeakHound
for path in ./usr/bin/leakhound ./usr/bin/leakhound-cli ./usr/bin/leakhound-demo-target \
            ./usr/share/applications/$app_id.desktop ./usr/share/metainfo/$app_id.metainfo.xml \
            ./usr/share/mime/packages/$app_id.xml ./usr/share/icons/hicolor/scalable/apps/$app_id.svg \
            ./usr/share/man/man1/leakhound-cli.1 ./usr/share/man/man1/leakhound-demo-target.1; do
  grep -qxF "$path" <<<"$contents" || fail "package lacks $path"
done
for size in 16 22 24 32 48 64 128 256; do
  grep -qxF "./usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png" <<<"$contents" || fail "no ${size}px icon"
done

depends=$(dpkg-deb -f "$deb" Depends)
for package in libqt6widgets6 libqt6charts6 libcurl4 qt6-qpa-plugins; do
  grep -q "$package" <<<"$depends" || fail "Depends lacks $package: $depends"
done

dpkg-deb -x "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/$app_id.desktop" || fail "desktop file invalid"
appstreamcli validate --no-net --pedantic "$work/root/usr/share/metainfo/$app_id.metainfo.xml" >"$work/as.log" 2>&1 ||
  { cat "$work/as.log"; fail "metainfo invalid"; }
man --warnings -l "$work/root/usr/share/man/man1/leakhound-cli.1" >/dev/null 2>"$work/man.log" || true
[ ! -s "$work/man.log" ] || { cat "$work/man.log"; fail "man page has warnings"; }

out=$("$work/root/usr/bin/leakhound-cli" --version) || fail "packaged leakhound-cli --version failed"
[ "$out" = "leakhound-cli $version" ] || fail "packaged leakhound-cli --version printed '$out'"
echo "package ok: $(basename "$deb"), $(wc -l <<<"$contents") entries"
