#!/usr/bin/env bash
# Install Router Advisor's desktop entry, icons and AppStream metainfo for the current user,
# and (with --system, as root) the polkit policy that lets the deeper scan ask for a password.
# The `router-advisor` command itself comes from pip or the PyInstaller build.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
APP_ID=org.routeradvisor.RouterAdvisor

if [ "${1:-}" = "--system" ]; then
    PREFIX=/usr/share
    install -Dm644 "$HERE/../org.routeradvisor.scan-helper.policy" \
        "$PREFIX/polkit-1/actions/org.routeradvisor.scan-helper.policy"
else
    PREFIX=${XDG_DATA_HOME:-$HOME/.local/share}
fi

install -Dm644 "$HERE/$APP_ID.desktop" "$PREFIX/applications/$APP_ID.desktop"
install -Dm644 "$HERE/$APP_ID.metainfo.xml" "$PREFIX/metainfo/$APP_ID.metainfo.xml"
for png in "$HERE"/icons/hicolor/*/apps/$APP_ID.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    install -Dm644 "$png" "$PREFIX/icons/hicolor/$size/apps/$APP_ID.png"
done
command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$PREFIX/icons/hicolor" || true
echo "Installed Router Advisor's desktop entry into $PREFIX"
