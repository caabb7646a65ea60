#!/usr/bin/env bash
# Builds the .deb from the release binaries, installs it with dpkg, checks what
# it installed, launches the installed app under Xvfb with a folder and checks
# that a "dossier" window appears, then removes the package.
# Needs: cargo-deb, xvfb-run, xdotool, root (or sudo) for dpkg.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo

cargo deb --no-build
deb=$(ls -t target/debian/dossier_*.deb | head -1)
echo "package: $deb"
$SUDO apt-get install -y "./$deb" >/dev/null 2>&1 || $SUDO dpkg -i "$deb"

for f in /usr/bin/dossier /usr/bin/dossier-cli /usr/share/applications/dossier.desktop \
         /usr/share/icons/hicolor/256x256/apps/dossier.png /usr/share/icons/hicolor/scalable/apps/dossier.svg; do
  test -e "$f" || { echo "missing after install: $f" >&2; exit 1; }
done
grep -q '^Exec=dossier %F$' /usr/share/applications/dossier.desktop
grep -q '^StartupWMClass=dossier$' /usr/share/applications/dossier.desktop
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate /usr/share/applications/dossier.desktop
fi

work=$(mktemp -d)
mkdir -p "$work/articles"
printf 'Titre\n\nLa Russie et la Chine signent un accord.\n' > "$work/articles/a.txt"
/usr/bin/dossier-cli actors "$work/articles" -q --index-dir "$work/index" | grep -q '"actor":"Russie"'

# The installed app opens a window whose class is the app id, and indexes the
# folder it was started with (as the desktop's "Open with" starts it).
DOSSIER_DATA_DIR="$work/data" xvfb-run -a -s '-screen 0 1280x800x24' sh -c "
  /usr/bin/dossier '$work/articles' & pid=\$!
  for i in \$(seq 1 30); do
    if xdotool search --class dossier >/dev/null 2>&1 && ls -d '$work'/data/corpora/articles-* >/dev/null 2>&1; then found=1; break; fi
    sleep 1
  done
  kill \$pid 2>/dev/null || true
  [ \"\${found:-0}\" = 1 ]
" || { echo "the installed app opened no window, or not with the folder it was given" >&2; exit 1; }
echo "window opened by the installed package, with the folder it was given"

$SUDO dpkg -r dossier >/dev/null
test ! -e /usr/bin/dossier
test -f "$work/articles/a.txt"   # the user's articles are untouched
rm -rf "$work"
echo "deb package test passed"
