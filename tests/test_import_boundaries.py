"""The layers import one way, core <- net, catalog, history, report <- services <- gui, cli,
and PySide6 stays in router_advisor/gui and scapy in router_advisor/net, so the core and the
CLI run without them."""

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


# Each part of the package and its layer; a module may import the parts of lower layers and
# its own part, nothing else unless ALLOWED_UPWARDS says so (and why).
LAYERS: dict[str, int] = {
    "errors": 0,  # the exceptions every layer raises
    "__init__": 0,  # __version__
    "core": 1,
    "files": 2,  # the I/O helpers the outer layers share
    "tempfiles": 2,
    "resources": 2,
    "home": 2,
    "logs": 2,
    "net": 3,
    "catalog": 3,
    "history": 3,
    "report": 3,
    "services": 4,
    "gui": 5,
    "cli": 5,
    "__main__": 6,
}
ALLOWED_UPWARDS: dict[tuple[str, str], str] = {
    ("cli", "gui"): "with no command, `router-advisor` opens the desktop app (gui.launch)",
    ("logs", "home"): "the log file lives in the app's home folder",
}


def _part(path: Path) -> str:
    rel = path.relative_to(APP)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _imported_parts(path: Path) -> set[str]:
    parts: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == "router_advisor":  # from router_advisor import __version__
                parts.add("__init__")
        else:
            continue
        parts.update(n.split(".")[1] for n in names if n.startswith("router_advisor."))
    return parts


def test_every_part_of_the_package_has_a_layer() -> None:
    assert {_part(p) for p in APP.rglob("*.py")} <= set(LAYERS)


@pytest.mark.parametrize("path", sorted(APP.rglob("*.py")), ids=lambda p: str(p.relative_to(APP)))
def test_imports_follow_the_layers(path: Path) -> None:
    part = _part(path)
    for target in _imported_parts(path) - {part}:
        assert LAYERS[target] < LAYERS[part] or (part, target) in ALLOWED_UPWARDS, (
            f"{path.relative_to(APP)} imports router_advisor.{target}: "
            f"{part} (layer {LAYERS[part]}) may only import lower layers"
        )
