"""Run by tests/gui/test_qt_binding.py in a process of its own: a binding that corrupts
Python's memory kills the process it runs in, and the test then reports that instead of
the whole test run dying with it.

First: each kind of call the app makes thousands of times (a method that returns nothing,
a None read back from Qt, a signal emitted, a connection made, a job run) must leave the
reference counts of None, True and False as they were. PySide6 6.12.0 on Python 3.11 gives
one of them up on every such call: once a count reaches zero the interpreter dies, on
whichever thread happens to drop the last reference (three full test runs died so, each on
the worker thread building the catalog while the UI thread ran Python).

Then the app's own case: the Devices page's model names (the first catalog build and some
6,000 rows) on the job runner's worker thread while the UI thread keeps calling Qt, three
times, each with a catalog built anew.
"""

import os
import sys
import tempfile
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QComboBox, QLabel
from router_advisor.gui.workers import JobRunner
from router_advisor.services.current import known_router_names

CALLS = 400
SINGLETONS = {"None": None, "True": True, "False": False}


class Relay(QObject):
    """A signal carrying a Python object to a slot, as the job runner's signals do."""

    sent = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.received = 0
        self.sent.connect(self.receive)

    @Slot(object)
    def receive(self, _value: object) -> None:
        self.received += 1


def references_lost(call: Callable[[], object]) -> list[str]:
    """The singletons that lost about one reference per `call` (a few are noise)."""
    call()
    before = {name: sys.getrefcount(obj) for name, obj in SINGLETONS.items()}
    for _ in range(CALLS):
        call()
    lost = {name: before[name] - sys.getrefcount(obj) for name, obj in SINGLETONS.items()}
    return [f"{name} lost {n} in {CALLS} calls" for name, n in lost.items() if n >= CALLS // 2]


def main() -> int:
    app = QApplication([])
    label, choice, relay, runner = QLabel("x"), QComboBox(), Relay(), JobRunner()
    choice.addItem("Every kind", None)

    def job_round_trip() -> None:
        runner.start(lambda _p, _c: [object()], lambda _result: None)
        runner.wait_idle(5000)
        QCoreApplication.processEvents()

    calls = {
        "a method returning nothing (QLabel.setVisible)": lambda: label.setVisible(False),
        "None read back from Qt (QComboBox.currentData)": choice.currentData,
        "a signal emitted to a slot": lambda: relay.sent.emit(object()),
        "a connection made and undone": lambda: (
            relay.sent.connect(label.clear),
            relay.sent.disconnect(label.clear),
        ),
        "a job run on the worker thread": job_round_trip,
    }
    failures = [f"{what}: {lost}" for what, call in calls.items() for lost in references_lost(call)]
    if failures:
        print("The Qt binding corrupts Python's reference counts:", *failures, sep="\n  ")
        return 1

    home = os.environ.get("ROUTER_ADVISOR_HOME") or tempfile.mkdtemp()
    for round_ in range(3):
        os.environ["ROUTER_ADVISOR_HOME"] = tempfile.mkdtemp(dir=home)  # a first build each time
        names: list[str] = []
        job = runner.start(lambda _p, _c: known_router_names(), names.extend)
        while job.running:  # the UI thread runs Python and calls Qt all along
            for _ in range(200):
                label.setVisible(not label.isVisible())
                relay.sent.emit(choice.currentData())
            QCoreApplication.processEvents()
        if len(names) < 5000:
            print(f"round {round_ + 1}: the job ended {job.outcome} with {len(names)} names")
            return 1
    print(f"ok: {relay.received} signals, 3 catalog builds")
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
