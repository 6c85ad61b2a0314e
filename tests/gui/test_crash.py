"""An unexpected exception in the GUI is written to the log with its traceback and shown as
a plain message naming the log file; the app keeps running."""

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from router_advisor.gui.crash import install_crash_reporter
from router_advisor.logs import setup_logging


def _visible_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def _boom() -> None:
    raise ValueError("slot exploded")


def test_an_exception_in_a_slot_is_logged_and_shown_with_the_log_file(qtbot: QtBot) -> None:
    log_file = setup_logging()
    assert log_file is not None
    reporter = install_crash_reporter(QApplication.instance())
    try:
        QTimer.singleShot(0, _boom)
        qtbot.waitUntil(lambda: bool(_visible_boxes()), timeout=2000)
        thread = threading.Thread(target=_boom)  # a Python thread is reported too
        thread.start()
        thread.join()
        qtbot.wait(50)
    finally:
        reporter.uninstall()
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "_router_advisor", False):
                logging.getLogger().removeHandler(handler)
                handler.close()
    boxes = _visible_boxes()
    assert len(boxes) == 1, "one box for a burst of errors"
    assert str(log_file) in boxes[0].text() and "unexpected problem" in boxes[0].text()
    boxes[0].close()
    text = Path(log_file).read_text(encoding="utf-8")
    assert text.count("Traceback (most recent call last)") == 2
    assert "ValueError: slot exploded" in text and "_boom" in text
