"""Progress reports and cancellation shared by every long-running engine.

An engine takes a `progress` callable and a `CancelToken`; the CLI passes a text bar, the
GUI a signal emitter, tests a list's append. Engines check the token often enough to stop
within half a second and raise `Cancelled`.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ProgressUpdate:
    """One step of a long-running job: how far (0..1, or None when unknown) and what now."""

    fraction: float | None
    message: str
    rate_mbps: float | None = None


ProgressCallback = Callable[[ProgressUpdate], None]


def ignore_progress(update: ProgressUpdate) -> None:
    """A progress callback for callers that do not show progress."""


class Cancelled(Exception):
    """The job was cancelled by the person; nothing it measured is kept."""


class CancelToken:
    """A thread-safe flag a front end sets and an engine polls."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`; return True at once when cancelled meanwhile."""
        return self._event.wait(seconds)
