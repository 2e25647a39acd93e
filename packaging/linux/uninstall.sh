#!/bin/sh
# Remove what install.sh put, and nothing else. The user's library and annotations live in
# ${XDG_DATA_HOME:-~/.local/share}/diglot, which this script never touches.
set -eu

DATA=${XDG_DATA_HOME:-$HOME/.local/share}
BIN=$HOME/.local/bin
APP=$DATA/diglot-app
ID=org.diglot.Diglot

rm -rf "$APP"
if [ -f "$BIN/diglot" ] && grep -q "written by Diglot's install.sh" "$BIN/diglot"; then
    rm -f "$BIN/diglot"
fi
rm -f "$DATA/applications/$ID.desktop" "$DATA/metainfo/$ID.metainfo.xml" \
    "$DATA/mime/packages/$ID.xml"
for size in 16x16 22x22 24x24 32x32 48x48 64x64 128x128 256x256 512x512; do
    rm -f "$DATA/icons/hicolor/$size/apps/$ID.png"
done
rm -f "$DATA/icons/hicolor/scalable/apps/$ID.svg"

if command -v update-mime-database >/dev/null 2>&1 && [ -d "$DATA/mime/packages" ]; then
    update-mime-database "$DATA/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$DATA/applications" ]; then
    update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true
fi

echo "Diglot removed. Your library and annotations in $DATA/diglot were kept."
