"""Atomic writes give a file the same permissions a plain open() would (review item 16)."""

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from router_advisor.report.atomic import write_atomic


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_a_new_file_gets_the_umask_like_open_does(umask: None, tmp_path: Path, mask: int) -> None:
    os.umask(mask)
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    atomic = tmp_path / "atomic.txt"
    write_atomic(atomic, "x")
    assert _mode(atomic) == _mode(plain) == 0o666 & ~mask


def test_replacing_a_file_keeps_its_permissions(umask: None, tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text("old")
    path.chmod(0o640)
    write_atomic(path, "new")
    assert path.read_text() == "new" and _mode(path) == 0o640
