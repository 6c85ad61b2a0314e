"""Every test gets its own ROUTER_ADVISOR_HOME and an offscreen Qt platform."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def app_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder for the app, so no test reads or writes the real one."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ROUTER_ADVISOR_HOME", str(home))
    return home


@pytest.fixture
def cli(app_home: Path):
    """Run `python -m router_advisor ARGS...` as a separate process, as a person would run it."""

    def run(
        *args: str, input: str | None = None, timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, ROUTER_ADVISOR_HOME=str(app_home), PYTHONPATH=str(REPO_ROOT))
        return subprocess.run(
            [sys.executable, "-m", "router_advisor", *args],
            capture_output=True,
            text=True,
            input=input,
            timeout=timeout,
            env=env,
            cwd=REPO_ROOT,
        )

    return run
