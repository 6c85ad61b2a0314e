"""A named pipe given as an input file (answers, speed or scan result, a catalog import, a
history database) is refused at once in one plain line, exit 2: reading one that nobody
writes to used to wait for ever."""

import os
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@pytest.mark.parametrize(
    ("argv", "name", "expected"),
    [
        (("recommend", "--answers"), "answers.toml", "the answers file is a named pipe"),
        (("recommend", "--speed"), "speed.json", "the speed result is a named pipe"),
        (("recommend", "--scan"), "scan.json", "the scan result is a named pipe"),
        (("catalog", "import"), "prices.csv", "is not a regular file (a named pipe"),
        (("history", "list", "--db"), "history.db", "is not a regular file (a named pipe"),
    ],
)
def test_a_named_pipe_is_refused_without_waiting(
    cli, tmp_path: Path, argv: tuple[str, ...], name: str, expected: str
) -> None:
    pipe = tmp_path / name
    os.mkfifo(pipe)
    try:
        result = cli(*argv, str(pipe), timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`{' '.join(argv)} {pipe}` was still waiting for the pipe after 60 s")
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith("router-advisor: error: ") and expected in lines[0], lines[0]
    assert str(pipe) in lines[0]
