#!/usr/bin/env bash
# Builds LeakHound's packages with CPack and checks what a user installs: the
# contents list, the declared dependencies, the desktop entry, AppStream
# metainfo and MIME type, the man pages, what lintian says, that the packaged programs run and
# that the installed sample scenarios are valid.
# Usage: package_test.sh BUILD_DIR VERSION
set -euo pipefail
build=$1 version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
. "$(dirname "$0")/../support/require_program.sh"
for program in cpack dpkg-deb desktop-file-validate appstreamcli update-mime-database man lintian; do
  require_program "$program" test
done

cpack --config "$build/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/leakhound_"$version"_*.deb 2>/dev/null) || fail "no leakhound_${version}_*.deb"
ls "$work"/leakhound-"$version"-Linux-*.tar.gz >/dev/null 2>&1 || fail "no .tar.gz package"

# Debian's own checks on the package: no errors and no warnings.
lintian --allow-root --fail-on error,warning "$deb" >"$work/lintian.log" 2>&1 ||
  { cat "$work/lintian.log"; fail "lintian found problems in $(basename "$deb")"; }

contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
app_id=io.github.leakhound.LeakHound
for path in ./usr/bin/leakhound ./usr/bin/leakhound-cli ./usr/bin/leakhound-demo-target \
            ./usr/share/applications/$app_id.desktop ./usr/share/metainfo/$app_id.metainfo.xml \
            ./usr/share/mime/packages/$app_id.xml ./usr/share/icons/hicolor/scalable/apps/$app_id.svg \
            ./usr/share/man/man1/leakhound.1.gz ./usr/share/man/man1/leakhound-cli.1.gz \
            ./usr/share/man/man1/leakhound-demo-target.1.gz ./usr/share/doc/leakhound/copyright \
            ./usr/share/doc/leakhound/changelog.gz; do
  grep -qxF "$path" <<<"$contents" || fail "package lacks $path"
done
scenarios=./usr/share/leakhound/scenarios
for path in $scenarios/demo-target.leakhound.json $scenarios/segmentation-service.leakhound.json \
            $scenarios/conversion-service.leakhound.json $scenarios/conversion-pdfs/invoice-0001.pdf \
            $scenarios/conversion-pdfs/manual-excerpt.pdf $scenarios/conversion-pdfs/scanned-letter.pdf; do
  grep -qxF "$path" <<<"$contents" || fail "package lacks the sample $path"
done
for size in 16 22 24 32 48 64 128 256; do
  grep -qxF "./usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png" <<<"$contents" || fail "no ${size}px icon"
done

depends=$(dpkg-deb -f "$deb" Depends)
for package in libqt6widgets6 libqt6charts6 libcurl4 qt6-qpa-plugins; do
  grep -q "$package" <<<"$depends" || fail "Depends lacks $package: $depends"
done

dpkg-deb -x "$deb" "$work/root"
desktop=$work/root/usr/share/applications/$app_id.desktop
desktop-file-validate "$desktop" || fail "desktop file invalid"
appstreamcli validate --no-net --pedantic "$work/root/usr/share/metainfo/$app_id.metainfo.xml" >"$work/as.log" 2>&1 ||
  { cat "$work/as.log"; fail "metainfo invalid"; }
# A double-click on a scenario file opens LeakHound: the desktop entry takes
# a file (%f) and names the MIME type the package declares, and that
# declaration compiles (dpkg's trigger runs update-mime-database on it).
grep -qx 'Exec=leakhound %f' "$desktop" || fail "desktop Exec does not take a file: $(grep ^Exec= "$desktop")"
mime_type=$(sed -n 's/.*<mime-type type="\([^"]*\)".*/\1/p' "$work/root/usr/share/mime/packages/$app_id.xml")
grep -qx "MimeType=$mime_type;" "$desktop" || fail "desktop MimeType is not $mime_type;"
update-mime-database "$work/root/usr/share/mime" 2>"$work/mime.log" || { cat "$work/mime.log"; fail "MIME type invalid"; }
grep -qxF "60:$mime_type:*.leakhound.json" "$work/root/usr/share/mime/globs2" || fail "no *.leakhound.json glob for $mime_type"
for page in leakhound leakhound-cli leakhound-demo-target; do
  # In the C locale, as on a bare machine: a character the ASCII device lacks is a warning there.
  LC_ALL=C man --warnings -l "$work/root/usr/share/man/man1/$page.1.gz" >/dev/null 2>>"$work/man.log" || true
done
[ ! -s "$work/man.log" ] || { cat "$work/man.log"; fail "man page has warnings"; }

out=$("$work/root/usr/bin/leakhound-cli" --version) || fail "packaged leakhound-cli --version failed"
[ "$out" = "leakhound-cli $version" ] || fail "packaged leakhound-cli --version printed '$out'"
out=$(QT_QPA_PLATFORM=offscreen "$work/root/usr/bin/leakhound" --version 2>/dev/null) || fail "packaged leakhound --version failed"
[ "$out" = "LeakHound $version" ] || fail "packaged leakhound --version printed '$out'"
# The samples are valid as installed (the conversion scenario finds its PDFs).
"$work/root/usr/bin/leakhound-cli" validate "$work/root/${scenarios#./}"/*.leakhound.json >"$work/validate.log" 2>&1 ||
  { cat "$work/validate.log"; fail "installed sample scenarios invalid"; }
echo "package ok: $(basename "$deb"), $(wc -l <<<"$contents") entries"
