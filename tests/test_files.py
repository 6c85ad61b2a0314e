"""files.read_input reads only a regular file, and never waits: a named pipe with nobody
writing to it would block the read forever, a device would never end."""

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from router_advisor.files import InputFileError, read_input

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def within(seconds: float, call: Callable[[], object]) -> BaseException | object:
    """What `call` returned or raised; fails if it is still waiting after `seconds` (the
    thread is a daemon, so a read that blocks for ever cannot hold the test run)."""
    outcome: list[BaseException | object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"still waiting after {seconds} s"
    return outcome[0]


def test_a_named_pipe_nobody_writes_to_is_refused_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "answers.toml"
    os.mkfifo(pipe)
    refused = within(5, lambda: read_input(pipe))
    assert isinstance(refused, InputFileError)
    assert str(refused) == "is a named pipe, not a regular file; give the path of a saved file"


def test_a_named_pipe_with_a_writer_is_refused_too(tmp_path: Path) -> None:
    pipe = tmp_path / "speed.json"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # lets the writer open without waiting
    writer = os.open(pipe, os.O_WRONLY)
    try:
        os.write(writer, b'{"download_mbps": 5}')
        refused = within(5, lambda: read_input(pipe))
    finally:
        os.close(writer)
        os.close(reader)
    assert isinstance(refused, InputFileError) and "named pipe" in str(refused)


@pytest.mark.parametrize(("path", "kind"), [("/dev/zero", "a device"), ("/dev/null", "a device")])
def test_a_device_is_refused(path: str, kind: str) -> None:
    if not Path(path).exists():
        pytest.skip(f"no {path} here")
    with pytest.raises(InputFileError, match=rf"^is {kind}, not a regular file"):
        read_input(Path(path))


def test_a_folder_and_a_link_to_a_pipe_are_refused_a_link_to_a_file_is_read(
    tmp_path: Path,
) -> None:
    with pytest.raises(InputFileError, match=r"^is a folder, not a regular file"):
        read_input(tmp_path)
    pipe, link = tmp_path / "pipe", tmp_path / "link.toml"
    os.mkfifo(pipe)
    link.symlink_to(pipe)
    assert isinstance(within(5, lambda: read_input(link)), InputFileError)
    real, to_real = tmp_path / "real.toml", tmp_path / "to-real.toml"
    real.write_bytes(b"\xef\xbb\xbf[home]\r\nfloors = 2\r\n")
    to_real.symlink_to(real)
    assert read_input(to_real) == "[home]\nfloors = 2\n"


def test_a_missing_file_is_left_to_the_caller(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_input(tmp_path / "absent.toml")
