"""Commands import their heavy services only when they run, so start-up stays fast."""

import subprocess
import sys

from tests.conftest import REPO_ROOT

HEAVY = ("sqlite_utils", "speedtest", "jinja2", "zeroconf", "scapy", "PySide6")


def test_building_the_parser_loads_no_heavy_library() -> None:
    code = (
        "import sys, router_advisor.cli.main as m; m.build_parser(); "
        f"print(','.join(n for n in {HEAVY!r} if n in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, check=True
    ).stdout.strip()
    assert out == ""


def test_a_lazy_module_loads_on_first_use() -> None:
    code = (
        "import sys; from router_advisor.cli.lazy import lazy_import; "
        "m = lazy_import('router_advisor.services.export'); a = 'jinja2' in sys.modules; "
        "m.render; print(a, 'jinja2' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, check=True
    ).stdout.strip()
    assert out == "False True"
