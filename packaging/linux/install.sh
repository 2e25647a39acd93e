#!/bin/sh
# Install Diglot for the current user only (no root): run from the unpacked release archive.
#   app folder  ${XDG_DATA_HOME:-~/.local/share}/diglot-app  (NOT .../diglot: that is the user's data)
#   launcher    ~/.local/bin/diglot
#   desktop     .../applications, .../metainfo, .../mime/packages, .../icons/hicolor
# Run uninstall.sh (also copied into the app folder) to remove exactly these files.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
BIN=$HOME/.local/bin
APP=$DATA/diglot-app
ID=org.diglot.Diglot

if [ ! -x "$HERE/Diglot/diglot" ]; then
    echo "install.sh: $HERE/Diglot/diglot not found; run me from the unpacked archive" >&2
    exit 1
fi

rm -rf "$APP"
mkdir -p "$APP" "$BIN" "$DATA/applications" "$DATA/metainfo" "$DATA/mime/packages"
cp -RP "$HERE/Diglot/." "$APP/"
cp "$HERE/uninstall.sh" "$APP/uninstall.sh"
chmod 755 "$APP/uninstall.sh"

# A wrapper, not a symlink: the frozen app finds its files next to its real path either way,
# and uninstall.sh can tell this file is ours by its marker line.
cat > "$BIN/diglot" <<LAUNCHER
#!/bin/sh
# diglot launcher, written by Diglot's install.sh
exec "$APP/diglot" "\$@"
LAUNCHER
chmod 755 "$BIN/diglot"

# Exec gets the launcher's full path: ~/.local/bin is not on every desktop session's PATH.
sed "s|^Exec=diglot |Exec=$BIN/diglot |" "$HERE/share/applications/$ID.desktop" \
    > "$DATA/applications/$ID.desktop"
cp "$HERE/share/metainfo/$ID.metainfo.xml" "$DATA/metainfo/$ID.metainfo.xml"
cp "$HERE/share/mime/packages/$ID.xml" "$DATA/mime/packages/$ID.xml"

for icon in "$HERE"/share/icons/hicolor/*/apps/$ID.*; do
    size=$(basename "$(dirname "$(dirname "$icon")")")
    mkdir -p "$DATA/icons/hicolor/$size/apps"
    cp "$icon" "$DATA/icons/hicolor/$size/apps/"
done

if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$DATA/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$DATA/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$DATA/icons/hicolor" >/dev/null 2>&1 || true
fi

echo "Diglot installed in $APP; run it with $BIN/diglot or from the applications menu."
case ":${PATH:-}:" in
    *":$BIN:"*) ;;
    *) echo "Note: $BIN is not on your PATH." ;;
esac
