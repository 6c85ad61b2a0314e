"""The one way the GUI runs a measurement: a plain callable on a thread pool.

`JobRunner.start(fn, ...)` runs `fn(progress, cancel)` on a QThreadPool. The worker thread
only emits signals of a `Job` that lives on the main thread; Qt queues them, so every
callback (progress, success, failure, cancelled) runs on the main thread and may touch
widgets. Nothing else in app/router_advisor/gui starts threads.
"""

import logging
import socket
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from router_advisor.core.progress import Cancelled, CancelToken, ProgressCallback, ProgressUpdate
from router_advisor.errors import RouterAdvisorError

log = logging.getLogger(__name__)

JobFunction = Callable[[ProgressCallback, CancelToken], Any]


def plain_error(exc: BaseException) -> str:
    """The message a person reads: ours as written, anything else with the next step."""
    if isinstance(exc, RouterAdvisorError):
        return str(exc)
    if isinstance(exc, PermissionError):
        return "The app was not allowed to do this: run the deeper scan, or ask an administrator."
    if isinstance(exc, ConnectionError | TimeoutError | socket.gaierror):
        return "No network connection: check the cable or Wi-Fi, then Retry."
    return (
        f"Something went wrong ({type(exc).__name__}: {exc}). Try again; if it persists, "
        "run `router-advisor --verbose` from a terminal and report what it prints."
    )


class Job(QObject):
    """One background run. Signals: progressed(ProgressUpdate), succeeded(object),
    failed(str), cancelled(), finished() (always last)."""

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    # Emitted from the worker thread; connected to this main-thread object, so queued.
    _progress_from_worker = Signal(object)
    _done_from_worker = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self.running = True
        self._progress_from_worker.connect(self._relay_progress)
        self._done_from_worker.connect(self._relay_done)

    def cancel(self) -> None:
        """Ask the engine to stop; `cancelled` follows once it has."""
        self.token.cancel()

    @Slot(object)
    def _relay_progress(self, update: ProgressUpdate) -> None:
        if self.running:
            self.progressed.emit(update)

    @Slot(str, object)
    def _relay_done(self, outcome: str, payload: object) -> None:
        self.running = False
        if outcome == "ok":
            self.succeeded.emit(payload)
        elif outcome == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(str(payload))
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, job: Job, fn: JobFunction) -> None:
        super().__init__()
        self._job, self._fn = job, fn

    def run(self) -> None:
        job = self._job
        try:
            result = self._fn(job._progress_from_worker.emit, job.token)
        except Cancelled:
            job._done_from_worker.emit("cancelled", None)
        except Exception as exc:  # every failure is shown, in plain words
            if not isinstance(exc, RouterAdvisorError):
                log.exception("background job failed")
            if job.token.cancelled:
                job._done_from_worker.emit("cancelled", None)
            else:
                job._done_from_worker.emit("failed", plain_error(exc))
        else:
            job._done_from_worker.emit("cancelled" if job.token.cancelled else "ok", result)


class JobRunner(QObject):
    """Owns the thread pool and keeps each `Job` alive until it has finished."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._jobs: set[Job] = set()

    def start(self, fn: JobFunction) -> Job:
        """Run `fn(progress, cancel)` in the background; connect to the returned Job's signals
        before control returns to the event loop."""
        job = Job(self)
        self._jobs.add(job)
        job.finished.connect(lambda: self._forget(job))
        self._pool.start(_Runnable(job, fn))
        return job

    def _forget(self, job: Job) -> None:
        self._jobs.discard(job)
        job.deleteLater()

    def cancel_all(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    def wait_idle(self, msecs: int = 5000) -> bool:
        """Block until no job runs (used when the window closes)."""
        return self._pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)
