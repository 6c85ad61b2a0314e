"""Write an output file so a crash, a kill or a full disk never leaves half a file behind.

Every export (reports, the catalog) goes through here: the text is written to a temporary
file beside the target (router_advisor.tempfiles), flushed, then renamed over it.
"""

import contextlib
import os
import stat
from pathlib import Path

from router_advisor.core.echo import cut
from router_advisor.errors import RuntimeFailure, UserInputError
from router_advisor.tempfiles import temp_beside

# A name leaves room for the temporary file's ".", ".xxxxxxxx" and ".tmp" within the
# 255 bytes most file systems allow.
MAX_NAME_BYTES = 240


def check_target(path: Path, example_name: str) -> None:
    """Refuse, in the same words for every export: a folder, a file in a missing folder, a
    name too long, and an existing target that is not a regular file (a device or a link
    would be replaced by a plain file)."""
    size = len(os.fsencode(path.name))
    if size > MAX_NAME_BYTES:
        raise UserInputError(
            f"the file name {cut(path.name)} is {size} bytes long; keep it under {MAX_NAME_BYTES}"
        )
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise UserInputError(f"cannot write {path}: {exc.strerror}; choose another path") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise UserInputError(f"{path} is a folder: give a file name, e.g. {path / example_name}")
    if mode is not None and not stat.S_ISREG(mode):
        what = "a link" if stat.S_ISLNK(mode) else "a device or other special file"
        raise UserInputError(
            f"{path} is {what}, not a regular file; Router Advisor will not replace it: "
            "choose another path"
        )
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
    fd, tmp = temp_beside(path)
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


def write_output(path: Path, data: str, example_name: str) -> None:
    """`check_target`, then `write_atomic`, with a failure told in one plain line; the file
    that was there before stays as it was."""
    check_target(path, example_name)
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise RuntimeFailure(
            f"could not write {path}: {exc.strerror or exc}; {path.name} was left as it was: "
            "free some space or choose another place",
            cli_hint="--out gives the path",
        ) from None
