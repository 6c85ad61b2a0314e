"""Write a report so a crash or a full disk never leaves half a file behind."""

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from router_advisor.errors import UserInputError


def check_target(path: Path, example_name: str) -> None:
    """Refuse, in the same words for every export, a folder or a file in a missing folder."""
    if path.is_dir():
        raise UserInputError(f"{path} is a folder: give a file name, e.g. {path / example_name}")
    if not path.parent.is_dir():
        raise UserInputError(f"the folder {path.parent} does not exist: create it or pick another")


def _mode_for(path: Path) -> int:
    """The permissions the file would get from a plain open(): an existing file keeps its
    own, a new one gets 0666 less the umask (mkstemp alone would give 0600)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, data: str) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it over."""
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
