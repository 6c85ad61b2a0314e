#!/usr/bin/env bash
# Build the wheel and the PyInstaller one-folder program, install/run each outside the
# checkout, and check `--version` and a `recommend` with the example answers.
# Usage: bash packaging/smoke_test.sh [PYTHON]   (CI runs it after the test suite)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${1:-python3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export ROUTER_ADVISOR_HOME="$WORK/home"
ANSWERS="$ROOT/data/examples/family-home.toml"

echo "== wheel"
"$PY" -m venv "$WORK/build-env"
"$WORK/build-env/bin/pip" install -q build
"$WORK/build-env/bin/python" -m build -q --wheel --outdir "$WORK/dist" "$ROOT" >/dev/null
# The wheel installs one top-level package, router_advisor, and nothing called `app`.
"$PY" - "$WORK"/dist/router_advisor-*.whl <<'PYEOF'
import sys, zipfile
tops = {n.split("/")[0] for n in zipfile.ZipFile(sys.argv[1]).namelist()}
tops = {t for t in tops if not t.endswith(".dist-info")}
assert tops == {"router_advisor"}, f"the wheel's top-level names are {sorted(tops)}"
print("wheel top level:", sorted(tops))
PYEOF
"$PY" -m venv "$WORK/wheel-env"
"$WORK/wheel-env/bin/pip" install -q "$WORK"/dist/router_advisor-*.whl
(cd "$WORK" && "$WORK/wheel-env/bin/router-advisor" --version)
# The example answers come with the wheel: `examples` names them inside the install.
EXAMPLES=$(cd "$WORK" && "$WORK/wheel-env/bin/router-advisor" examples --json |
    "$PY" -c 'import json, sys; print(json.load(sys.stdin)["folder"])')
case "$EXAMPLES" in
    "$WORK/wheel-env/"*) echo "wheel examples: $EXAMPLES" ;;
    *) echo "the wheel's examples are not in the install: $EXAMPLES" >&2; exit 1 ;;
esac
(cd "$WORK" && "$WORK/wheel-env/bin/router-advisor" recommend --answers "$EXAMPLES/family-home.toml" \
    --top 3 >"$WORK/wheel.txt")
head -n 5 "$WORK/wheel.txt"

echo "== PyInstaller one-folder build"
"$WORK/wheel-env/bin/pip" install -q pyinstaller
"$WORK/wheel-env/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$WORK/pyi-dist" \
    --workpath "$WORK/pyi-build" packaging/router-advisor.spec
BIN="$WORK/pyi-dist/router-advisor/router-advisor"
(cd "$WORK" && "$BIN" --version)
(cd "$WORK" && "$BIN" recommend --answers "$ANSWERS" --top 3 >"$WORK/frozen.txt")
head -n 5 "$WORK/frozen.txt"
echo "packaging smoke test: wheel and PyInstaller build both work"
