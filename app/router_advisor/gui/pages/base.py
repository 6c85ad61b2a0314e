"""What every wizard page shares: its title, the context it works on, and when Next is
allowed."""

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget
from router_advisor.core.progress import ProgressUpdate
from router_advisor.gui.engines import Engines
from router_advisor.gui.state import WizardState
from router_advisor.gui.workers import Job, JobFunction, JobRunner, Outcome, show_progress

R = TypeVar("R")


@dataclass
class WizardContext:
    """Handed to every page: the engines, the job runner and the shared state."""

    engines: Engines
    runner: JobRunner
    state: WizardState


class WizardPage(QWidget):
    """A step of the wizard. Signals: completeChanged() when `is_complete` may have changed."""

    completeChanged = Signal()
    title = ""
    subtitle = ""
    icon_name = ""

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__()
        self.ctx = ctx

    def initial_focus(self) -> QWidget | None:
        """The widget that gets the keyboard focus when the page is shown (None: Next)."""
        return None

    def enter(self) -> None:
        """Called each time the page is shown; refresh from the shared state."""

    def is_complete(self) -> bool:
        """False while the page is busy or its input is invalid."""
        return True

    def cancel(self) -> None:
        """Stop the page's running measurement, if any (Escape in the wizard)."""

    def commit(self) -> bool:
        """Store the page's input in the state before Next; False keeps the page open."""
        return True


class JobPage(WizardPage, Generic[R]):
    """A page that runs one background job (with a result R) at a time on the shared job
    runner; Next waits until it has ended. A newer job replaces an older one, whose ending
    is then ignored. Signals: completeChanged() (from WizardPage) when a job starts or ends."""

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__(ctx)
        self.job: Job[R] | None = None

    def is_complete(self) -> bool:
        return self.job is None

    def start_job(self, work: JobFunction[R]) -> Job[R]:
        """Run `work`; its result goes to `_on_result`, a failure to `_on_failed`, and the
        end (whatever the outcome) to `_on_finished`, all on the main thread; a replaced
        job's are dropped."""

        def succeeded(result: R) -> None:
            if self.job is job:
                self._on_result(result)

        def failed(message: str) -> None:
            if self.job is job:
                self._on_failed(message)

        def finished(outcome: Outcome) -> None:
            if self.job is job:
                self._on_finished(outcome)

        job = self.ctx.runner.start(work, succeeded)
        job.failed.connect(failed)
        job.finished.connect(finished)
        self.job = job
        self.completeChanged.emit()
        return job

    def _on_result(self, result: R) -> None:
        """The job's result, on the main thread."""

    def _on_failed(self, message: str) -> None:
        """The job failed: `message` is the plain-language reason."""

    def _on_finished(self, outcome: Outcome) -> None:
        self.job = None
        self.completeChanged.emit()


class MeasurementPage(JobPage[R]):
    """A page that runs one measurement at a time, with a Cancel button, a progress bar, a
    status line and an error banner. Signals: completeChanged() (from WizardPage)."""

    def __init__(self, ctx: WizardContext, idle_text: str, cancel_text: str) -> None:
        super().__init__(ctx)
        self.cancel_button = QPushButton(cancel_text)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = wrapped_label(idle_text, "muted")
        self.error = banner("error")

    def add_job_controls(self, layout: QBoxLayout, *buttons: QPushButton) -> None:
        """Lay out `buttons`, Cancel and the progress bar in a row, then status and error."""
        controls = QHBoxLayout()
        for widget in (*buttons, self.cancel_button):
            controls.addWidget(widget)
        controls.addWidget(self.progress, 1)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(self.error)

    def run_job(self, engine: JobFunction[R], start_text: str, cancelled_text: str) -> None:
        """Start `engine` unless a job already runs; results come to the `_on_*` methods."""
        if self.job is not None:
            return
        show_banner(self.error, None)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status.setText(start_text)
        job = self.start_job(engine)
        job.progressed.connect(self._on_progress)
        job.cancelled.connect(lambda: self.status.setText(cancelled_text))
        self._set_running(True)

    def cancel(self) -> None:
        if self.job is not None:
            self.status.setText("Cancelling…")
            self.job.cancel()

    def _set_running(self, running: bool) -> None:
        """Enable the page's controls for `running`; subclasses extend it for their buttons."""
        self.cancel_button.setEnabled(running)
        if running:
            self.cancel_button.setFocus()
        self.completeChanged.emit()

    def _on_progress(self, update: ProgressUpdate) -> None:
        show_progress(self.progress, update)
        self.status.setText(update.message)

    def _on_finished(self, outcome: Outcome) -> None:
        self.job = None
        self._set_running(False)


def wrapped_label(text: str = "", object_name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


def banner(kind: str) -> QLabel:
    """A hidden message strip: kind is "error", "warn" or "info"; show it with
    `show_banner`."""
    label = wrapped_label(object_name=f"{kind}Banner")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def show_banner(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))
