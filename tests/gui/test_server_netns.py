"""The speed page's server choice against the lab's speedtest-protocol server: the GUI runs
inside the lab WAN's laptop namespace (tests/gui/_server_inner.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.netlab.netns import require_root
from tests.netlab.wan import REPO_ROOT, running_wan

pytestmark = pytest.mark.netns


def test_the_server_row_against_the_lab_directory_and_server(tmp_path: Path) -> None:
    require_root()
    with running_wan(down_mbit=50, up_mbit=20, queue_ms=5) as wan:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PYTHONPATH": str(REPO_ROOT),
            "HOME": str(tmp_path),
            "QT_QPA_PLATFORM": "offscreen",
            "ROUTER_ADVISOR_HOME": str(tmp_path / "home"),
            "ROUTER_ADVISOR_SPEEDTEST_DIRECTORY": wan.directory_url,
            "GUI_LAB_SERVER_URL": wan.server_url,
        }
        done = subprocess.run(
            wan.laptop_cmd(
                sys.executable,
                "-m",
                "pytest",
                "tests/gui/_server_inner.py",
                "-q",
                "-p",
                "no:cacheprovider",
                "-o",
                "python_files=_server_inner.py",
            ),
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
        )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout, done.stdout
