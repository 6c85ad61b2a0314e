"""Logging to a rotating file in the platform log folder; `--verbose` also prints it.

A crash is written here with its traceback, so a person can send the file, while the screen
shows one plain line that names the file.
"""

import contextlib
import logging
import logging.handlers
from pathlib import Path

from router_advisor.errors import RuntimeFailure
from router_advisor.home import log_dir

LOG_FILE_NAME = "router-advisor.log"
_MAX_BYTES = 1_000_000
_BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """The log file, which never prints logging's own traceback when it cannot be written
    (a full disk): the screen keeps its one plain line."""

    def handleError(self, record: logging.LogRecord) -> None:
        return None


def setup_logging(verbose: bool = False) -> Path | None:
    """Send the app's log to the rotating file (and stderr when verbose); return the file.

    Returns None when the log folder cannot be written: the app still runs, without a file.
    """
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    for handler in list(root.handlers):
        if getattr(handler, "_router_advisor", False):
            root.removeHandler(handler)
            with contextlib.suppress(OSError):  # a full disk cannot take the last lines
                handler.close()
    path: Path | None = None
    try:
        path = log_dir() / LOG_FILE_NAME
        file_handler = _QuietFileHandler(
            path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8"
        )
    except (OSError, RuntimeFailure):
        path = None
    else:
        file_handler.setFormatter(logging.Formatter(_FORMAT))
        file_handler._router_advisor = True  # type: ignore[attr-defined]
        root.addHandler(file_handler)
    if path is None and not verbose:
        # No file and no --verbose: say nothing rather than let logging's last-resort handler
        # print warnings under the command's one plain line.
        quiet = logging.NullHandler()
        quiet._router_advisor = True  # type: ignore[attr-defined]
        root.addHandler(quiet)
    if verbose:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        stream._router_advisor = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    return path
