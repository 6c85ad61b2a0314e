"""The one way the GUI runs work off the main thread: a plain callable on a thread pool.

`JobRunner.start(fn, success)` runs `fn(progress, cancel)` on a QThreadPool and hands its
result to `success`, typed: mypy checks that `success` takes what `fn` returns (the shape
of Anki's `QueryOp(op=..., success=...)`). The worker thread only emits signals of a `Job`
that lives on the main thread; Qt queues them, so every callback (progress, success,
failure, cancelled, finished) runs on the main thread and may touch widgets. Whatever `fn`
raises, even a BaseException, ends the job with an `Outcome`, so `busy` can never stick.
Nothing else in router_advisor/gui starts threads.
"""

import logging
from collections.abc import Callable
from enum import Enum
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressBar
from router_advisor.core.progress import Cancelled, CancelToken, ProgressCallback, ProgressUpdate
from router_advisor.errors import RouterAdvisorError, is_expected, plain_error

log = logging.getLogger(__name__)

T = TypeVar("T")
# A measurement or any other background work: `fn(progress, cancel) -> result`.
JobFunction = Callable[[ProgressCallback, CancelToken], T]
# What the GUI adds to a message about an unexpected failure (the CLI adds its log path).
UNEXPECTED_HINT = (
    " Try again; if it persists, run `router-advisor --verbose` from a terminal and report "
    "what it prints."
)


class Outcome(Enum):
    """How a job ended."""

    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


def show_progress(bar: QProgressBar, update: ProgressUpdate) -> None:
    """A job's progress on a bar: busy (no fraction) or a percentage."""
    if update.fraction is None:
        bar.setRange(0, 0)
    else:
        bar.setRange(0, 100)
        bar.setValue(round(update.fraction * 100))


def job_error(exc: BaseException) -> str:
    """What the GUI says when a job fails: the shared plain line, plus the next step when
    the failure is not one we expected."""
    message = plain_error(exc)
    return message if is_expected(exc) else message + "." + UNEXPECTED_HINT


class Job(QObject, Generic[T]):
    """One background run; `success` receives its result. Signals: progressed(ProgressUpdate),
    failed(str), cancelled(), finished(Outcome) (always last, also when a callback raises)."""

    progressed = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal(object)

    # Emitted from the worker thread; connected to this main-thread object, so queued.
    _progress_from_worker = Signal(object)
    _done_from_worker = Signal(object, object)

    def __init__(self, success: Callable[[T], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self.outcome: Outcome | None = None
        self._success = success
        self._progress_from_worker.connect(self._relay_progress)
        self._done_from_worker.connect(self._relay_done)

    @property
    def running(self) -> bool:
        return self.outcome is None

    def cancel(self) -> None:
        """Ask the work to stop; `cancelled` follows once it has."""
        self.token.cancel()

    @Slot(object)
    def _relay_progress(self, update: ProgressUpdate) -> None:
        if self.running:
            self.progressed.emit(update)

    @Slot(object, object)
    def _relay_done(self, outcome: Outcome, payload: object) -> None:
        self.outcome = outcome
        try:
            if outcome is Outcome.SUCCEEDED:
                self._success(cast(T, payload))
            elif outcome is Outcome.CANCELLED:
                self.cancelled.emit()
            else:
                self.failed.emit(str(payload))
        finally:
            self.finished.emit(outcome)


class _Runnable(QRunnable):
    def __init__(self, job: Job[Any], fn: JobFunction[Any]) -> None:
        super().__init__()
        self._job, self._fn = job, fn

    def run(self) -> None:
        job = self._job
        outcome, payload = Outcome.FAILED, None
        try:
            result = self._fn(job._progress_from_worker.emit, job.token)
            outcome, payload = Outcome.SUCCEEDED, result
        except Cancelled:
            outcome = Outcome.CANCELLED
        except BaseException as exc:  # every failure is shown, in plain words
            if not isinstance(exc, RouterAdvisorError):
                log.exception("background job failed")
            payload = job_error(exc)
        finally:
            if job.token.cancelled:
                outcome, payload = Outcome.CANCELLED, None
            job._done_from_worker.emit(outcome, payload)


class JobRunner(QObject):
    """Owns the thread pool and keeps each `Job` alive until it has finished."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._jobs: set[Job[Any]] = set()

    def start(self, fn: JobFunction[T], success: Callable[[T], None]) -> Job[T]:
        """Run `fn(progress, cancel)` in the background and give its result to `success`;
        connect to the returned Job's other signals before control returns to the event
        loop."""
        job = Job(success, self)
        self._jobs.add(job)
        job.finished.connect(lambda _outcome: self._forget(job))
        self._pool.start(_Runnable(job, fn))
        return job

    def _forget(self, job: Job[Any]) -> None:
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
