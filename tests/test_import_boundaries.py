"""PySide6 stays in router_advisor/gui and scapy in router_advisor/net, so the core and the CLI
run without them."""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app" / "router_advisor"

ALLOWED = {"PySide6": "gui", "shiboken6": "gui", "scapy": "net"}


def _imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("path", sorted(APP.rglob("*.py")), ids=lambda p: str(p.relative_to(APP)))
def test_heavy_imports_stay_in_their_package(path: Path) -> None:
    package = path.relative_to(APP).parts[0]
    for root in _imported_roots(path):
        if root in ALLOWED:
            assert package == ALLOWED[root], (
                f"{path} imports {root} outside router_advisor/{ALLOWED[root]}"
            )


def test_core_imports_nothing_with_io() -> None:
    forbidden = {
        "socket",
        "subprocess",
        "sqlite3",
        "sqlite_utils",
        "requests",
        "urllib",
        "psutil",
        "netifaces",
        "speedtest",
        "zeroconf",
        "time",
        "random",
        "datetime",
    }
    for path in (APP / "core").rglob("*.py"):
        bad = _imported_roots(path) & forbidden
        assert not bad, f"{path} imports {sorted(bad)}: router_advisor/core must stay pure"


def test_the_cli_runs_without_pyside6_loaded() -> None:
    import subprocess
    import sys

    code = (
        "import sys, router_advisor.cli.main as m; m.build_parser(); "
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=APP.parent, check=True
    ).stdout.strip()
    assert out == "False"
