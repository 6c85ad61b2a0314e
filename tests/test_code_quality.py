"""Lint, format and typing hold for the whole tree, so a regression fails the suite.

mypy reads its settings from pyproject.toml: the whole router_advisor package at a baseline,
router_advisor.core with every strict flag."""

import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
TREES = ("app", "tests", "packaging")


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "--no-cache", *TREES),
        ("ruff", "format", "--check", "--no-cache", *TREES),
        ("mypy",),
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_passes(command: tuple[str, ...]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *command],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=300,
    )
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}"
