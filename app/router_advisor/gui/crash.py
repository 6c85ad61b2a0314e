"""Unexpected exceptions in the desktop app: the traceback goes to the log file, and the
person sees a plain message that names the file, instead of a silent exit.

Qt slots and event handlers report their exceptions through `sys.excepthook`, Python
threads through `threading.excepthook`; both are routed here. The message box is always
shown from the main thread. Signals (CrashReporter): reported(str) with the message text.
"""

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger(__name__)


def current_log_file() -> Path | None:
    """The file router_advisor.logs.setup_logging writes to, or None when there is none."""
    for handler in logging.getLogger().handlers:
        if getattr(handler, "_router_advisor", False) and isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None


def crash_message(log_file: Path | None) -> str:
    where = (
        f"The details are in the log file:\n{log_file}\n\nPlease send that file with a "
        "short note of what you were doing."
        if log_file
        else "No log file could be written; start router-advisor --verbose from a terminal "
        "to see the details."
    )
    return (
        "Router Advisor ran into an unexpected problem. Your answers and past runs are "
        f"saved. You can keep working, or close and reopen the app.\n\n{where}"
    )


class CrashReporter(QObject):
    """Logs unexpected exceptions and shows them in a message box on the main thread.
    Signals: reported(str) with the plain message, queued to the main thread."""

    reported = Signal(str)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._previous = (sys.excepthook, threading.excepthook)
        self._box: QMessageBox | None = None
        self.reported.connect(self._show)  # queued to the main thread from worker threads

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def handle(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous[0](kind, error, trace)
            return
        log.error("unexpected error in the desktop app", exc_info=(kind, error, trace))
        self.reported.emit(crash_message(current_log_file()))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str)
    def _show(self, text: str) -> None:
        if self._box is not None and self._box.isVisible():
            return  # one box for a burst of errors; each is in the log
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Router Advisor: unexpected problem",
            text,
            QMessageBox.StandardButton.Ok,
            QApplication.activeWindow(),
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        self._box = box


def install_crash_reporter(app: QApplication) -> CrashReporter:
    reporter = CrashReporter(app)
    reporter.install()
    return reporter
