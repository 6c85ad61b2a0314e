"""Temporary files beside a file we are about to create or replace: `.NAME.xxxxxxxx.tmp`.

Exports, the first history database and the first catalog are made under such a name and
renamed (or linked) into place, so no reader ever sees half a file. A kill can leave one
behind: the next write to the same folder removes those of our naming that are ours and old.
"""

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

_TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp(-wal|-shm|-journal)?$")
STALE_TEMP_SECONDS = 600  # far longer than any write takes: an older one was left by a kill


def remove_stale_temps(folder: Path, now: float | None = None) -> None:
    """Remove temporary files of our naming, owned by us and older than STALE_TEMP_SECONDS."""
    now = time.time() if now is None else now
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not _TEMP_NAME.match(entry.name):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if (
                    stat.S_ISREG(info.st_mode)
                    and info.st_uid == os.geteuid()
                    and now - info.st_mtime > STALE_TEMP_SECONDS
                ):
                    os.unlink(entry.path)


def temp_beside(path: Path) -> tuple[int, str]:
    """A new, open temporary file in `path`'s folder (first clearing stale ones): (fd, name)."""
    remove_stale_temps(path.parent)
    return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
