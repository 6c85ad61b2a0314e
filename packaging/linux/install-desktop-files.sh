#!/usr/bin/env bash
# Install Router Advisor's desktop entry, icons and AppStream metainfo.
#   install-desktop-files.sh [VENV]          for the current user (~/.local/share)
#   sudo install-desktop-files.sh --system [VENV]
#       for everyone (/usr/share), plus the polkit policy of the deeper scan and, when VENV
#       (default /opt/router-advisor) is a root-owned install, the scan helper link
#       /usr/lib/router-advisor/router-advisor-scan-helper that pkexec runs.
# The `router-advisor` command itself comes from pip or the PyInstaller build. The desktop
# entry starts it by its full path: VENV/bin/router-advisor, or the one on PATH. A per-user
# venv is not on the PATH a desktop session starts programs with, so a bare
# `Exec=router-advisor` would start nothing.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
APP_ID=org.routeradvisor.RouterAdvisor

SYSTEM=0
if [ "${1:-}" = "--system" ]; then
    SYSTEM=1
    PREFIX=/usr/share
    VENV=${2:-/opt/router-advisor}
    install -Dm644 "$HERE/../org.routeradvisor.scan-helper.policy" \
        "$PREFIX/polkit-1/actions/org.routeradvisor.scan-helper.policy"
    HELPER="$VENV/bin/router-advisor-scan-helper"
    if [ -x "$HELPER" ] && [ "$(stat -c %u "$HELPER")" = 0 ] && [ "$(stat -c %u "$VENV")" = 0 ]; then
        install -d /usr/lib/router-advisor
        ln -sf "$HELPER" /usr/lib/router-advisor/router-advisor-scan-helper
        echo "Linked the scan helper from $VENV"
    else
        echo "No root-owned install at $VENV: the deeper scan will use pkexec's generic prompt"
    fi
else
    PREFIX=${XDG_DATA_HOME:-$HOME/.local/share}
    VENV=${1:-}
fi

if [ -n "$VENV" ] && [ -x "$VENV/bin/router-advisor" ]; then
    COMMAND=$(cd "$VENV/bin" && pwd)/router-advisor
elif [ "$SYSTEM" = 1 ]; then
    COMMAND=router-advisor  # linked into /usr/local/bin, as the README says
elif [ -z "$VENV" ] && command -v router-advisor >/dev/null; then
    COMMAND=$(command -v router-advisor)
else
    echo "No router-advisor command found${VENV:+ in $VENV/bin}: give the folder of the" \
        "venv it is installed in, e.g. $0 ~/.local/router-advisor" >&2
    exit 2
fi
# The desktop entry spec: an argument with spaces is quoted, and inside the quotes " ` $ \
# take a backslash.
case "$COMMAND" in
    *[[:space:]\"\`\$\\]*) EXEC="\"$(printf '%s' "$COMMAND" | sed 's/[\"`$\\]/\\&/g')\"" ;;
    *) EXEC=$COMMAND ;;
esac

install -d "$PREFIX/applications"
while IFS= read -r line; do
    case "$line" in
        Exec=router-advisor*) printf 'Exec=%s%s\n' "$EXEC" "${line#Exec=router-advisor}" ;;
        *) printf '%s\n' "$line" ;;
    esac
done <"$HERE/$APP_ID.desktop" >"$PREFIX/applications/$APP_ID.desktop"
chmod 644 "$PREFIX/applications/$APP_ID.desktop"
install -Dm644 "$HERE/$APP_ID.metainfo.xml" "$PREFIX/metainfo/$APP_ID.metainfo.xml"
for png in "$HERE"/icons/hicolor/*/apps/$APP_ID.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    install -Dm644 "$png" "$PREFIX/icons/hicolor/$size/apps/$APP_ID.png"
done
if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$PREFIX/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache -q "$PREFIX/icons/hicolor" 2>/dev/null || true
fi
echo "Installed Router Advisor's desktop entry into $PREFIX (it runs $COMMAND)"
