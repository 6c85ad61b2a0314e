"""The walk test window: carry the laptop from room to room, type the room's name and press
Measure here; each stop appears with its colour rating, the chart and the advice follow.

The measurement runs on the shared job runner (progress, Cancel, never a frozen window);
the stops are kept in the history after each one, so a walk survives closing the app.
Keyboard: Enter in the room field measures, Ctrl+Z undoes the last stop, Escape cancels a
running stop (or closes the window).
"""

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from router_advisor.core.progress import CancelToken, ProgressCallback, ProgressUpdate
from router_advisor.core.walk import ROOM_SUGGESTIONS, Rating, WalkStop
from router_advisor.core.walk_report import WalkReport, room_cells
from router_advisor.core.wording import plural
from router_advisor.errors import RouterAdvisorError
from router_advisor.gui import walk_io
from router_advisor.gui.pages.base import WizardContext, banner, show_banner, wrapped_label
from router_advisor.gui.style import buddy_label, icon, read_only_table, styled
from router_advisor.gui.workers import Job, Outcome, show_progress

COLUMNS = ("Room", "Rating", "Signal", "Band", "Down", "Up", "Delay", "Node (BSSID)")
# Traffic-light colours, readable on light and dark backgrounds.
RATING_COLOURS: dict[Rating, str] = {
    "good": "#1f9d57",
    "fair": "#c78a00",
    "weak": "#e07b00",
    "dead": "#d64545",
}


def report_html(report: WalkReport) -> str:
    """The nodes, the advice and what changed since the walk before, as rich text."""
    if report.nodes_suggested is None:
        return html.escape(report.advice[0])
    nodes = report.nodes_suggested
    lines = [
        f"<b>{nodes} {'node' if nodes == 1 else 'nodes'} needed</b> "
        f"(measured room by room; {plural(report.nodes_seen, 'access point')} seen now)"
    ]
    lines += [f"<div>• {html.escape(a)}</div>" for a in report.advice]
    if report.changes:
        lines.append(f"<div style='margin-top:6px'><b>Since walk {report.compared_with}:</b></div>")
        lines += [f"<div>{html.escape(c.text)}</div>" for c in report.changes]
    return "".join(lines)


class WalkWindow(QWidget):
    """Signals: reportChanged(object) with the current WalkReport after every change, so
    the wizard can use the measured node count."""

    reportChanged = Signal(object)

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.job: Job[WalkStop] | None = None
        self.server_job: Job[None] | None = None
        self.report: WalkReport | None = None
        self.setWindowTitle("Walk test — Router Advisor")
        self.setWindowIcon(icon("devices"))
        self.resize(1000, 720)
        layout = QVBoxLayout(self)
        layout.addWidget(styled(QLabel("Walk through your home"), "pageTitle"))
        layout.addWidget(
            wrapped_label(
                "Start next to the router, then carry this computer from room to room. In "
                "each room, type its name and press Measure here (about 10 seconds). For "
                "numbers that show the Wi-Fi alone, run the speed server on a computer "
                "connected by cable (Serve from this computer, or `router-advisor "
                "serve-speed`); it is found on its own.",
                "pageSubtitle",
            )
        )
        row = QHBoxLayout()
        self.room = QLineEdit()
        self.room.setPlaceholderText("e.g. Living room")
        self.room.setMaxLength(40)
        self.completer = QCompleter(list(ROOM_SUGGESTIONS), self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.room.setCompleter(self.completer)
        self.room.returnPressed.connect(self.measure)
        self.room.textChanged.connect(lambda _text: self._update_buttons())
        row.addWidget(buddy_label("&Room:", self.room))
        row.addWidget(self.room, 1)
        self.measure_button = styled(QPushButton("&Measure here"), "primary")
        big = QFont(self.measure_button.font())
        big.setPointSizeF(big.pointSizeF() * 1.4)
        big.setBold(True)
        self.measure_button.setFont(big)
        self.measure_button.setMinimumSize(220, 56)
        self.measure_button.clicked.connect(self.measure)
        row.addWidget(self.measure_button)
        self.cancel_button = QPushButton("&Cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        layout.addWidget(self.progress)
        self.status = wrapped_label("", "muted")
        layout.addWidget(self.status)
        self.error = banner("error")
        layout.addWidget(self.error)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        self.table = read_only_table(COLUMNS)
        left_box.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.undo_button = QPushButton("&Undo last stop")
        self.undo_button.setToolTip("Remove the last room measured (Ctrl+Z)")
        self.undo_button.clicked.connect(self.undo)
        self.new_button = QPushButton("&New walk")
        self.new_button.setToolTip("Start again; this walk is kept to compare with")
        self.new_button.clicked.connect(self.new_walk)
        self.finish_button = QPushButton("&Finish")
        self.finish_button.setToolTip("Done walking: close; the result is kept and used")
        self.finish_button.clicked.connect(self.close)
        for button in (self.undo_button, self.new_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.finish_button)
        left_box.addLayout(buttons)
        splitter.addWidget(left)
        right = QWidget()
        self.right_box = QVBoxLayout(right)
        self.right_box.setContentsMargins(0, 0, 0, 0)
        self.advice = wrapped_label()
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        self.advice.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.chart: QWidget = QWidget()
        self.right_box.addWidget(self.advice)
        self.right_box.addWidget(self.chart, 1)
        splitter.addWidget(right)
        splitter.setSizes([600, 440])
        layout.addWidget(splitter, 1)

        serve_row = QHBoxLayout()
        self.serve_button = QPushButton("&Serve from this computer")
        self.serve_button.setCheckable(True)
        self.serve_button.setToolTip(
            "On a computer connected by cable: run the speed server the walk measures to"
        )
        self.serve_button.toggled.connect(self.toggle_server)
        self.serve_status = wrapped_label("", "muted")
        serve_row.addWidget(self.serve_button)
        serve_row.addWidget(self.serve_status, 1)
        layout.addLayout(serve_row)
        self.serve_button.setVisible(ctx.engines.serve_speed is not None)

        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._escape)
        self.refresh()

    # -- reading and showing --------------------------------------------------------------
    def refresh(self) -> None:
        """Read the current walk from the history and show it."""
        try:
            self.show_report(walk_io.current_report(self.ctx.engines.settings))
        except RouterAdvisorError as exc:
            show_banner(self.error, str(exc))

    def show_report(self, report: WalkReport) -> None:
        self.report = report
        self.table.setRowCount(len(report.rooms))
        for row, stop in enumerate(report.rooms):
            for column, text in enumerate(room_cells(stop)):
                item = QTableWidgetItem(text)
                if column == 1:
                    colour = QColor(RATING_COLOURS[stop.rating])
                    item.setForeground(QBrush(colour))
                    tint = QColor(colour)
                    tint.setAlpha(40)
                    item.setBackground(QBrush(tint))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if column == 2 and stop.note:
                    item.setToolTip(stop.note)
                self.table.setItem(row, column, item)
        if report.rooms:
            self.table.scrollToBottom()
        self.advice.setText(report_html(report))
        rooms = sorted({*ROOM_SUGGESTIONS, *(s.room for s in report.rooms)})
        self.completer.model().setStringList(rooms)  # type: ignore[attr-defined]
        self._replace_chart(report)
        self._update_buttons()
        self.reportChanged.emit(report)

    def _replace_chart(self, report: WalkReport) -> None:
        from router_advisor.gui.walk_chart import throughput_chart

        chart = throughput_chart(report.rooms)
        self.right_box.replaceWidget(self.chart, chart)
        self.chart.deleteLater()
        self.chart = chart

    def _update_buttons(self) -> None:
        running = self.job is not None
        can_measure = self.ctx.engines.walk_stop is not None and bool(self.room.text().strip())
        self.measure_button.setEnabled(not running and can_measure)
        self.cancel_button.setEnabled(running)
        has_stops = bool(self.report and self.report.rooms)
        self.undo_button.setEnabled(not running and has_stops)
        self.new_button.setEnabled(not running and has_stops)
        self.room.setEnabled(not running)

    # -- actions --------------------------------------------------------------------------
    def measure(self) -> None:
        """Measure the room named in the field, in the background."""
        engine = self.ctx.engines.walk_stop
        room = " ".join(self.room.text().split())
        if self.job is not None or engine is None or not room:
            return
        show_banner(self.error, None)
        self.progress.setRange(0, 0)
        self.status.setText(f"Measuring {room}… stay in the room for about 10 seconds.")
        job = self.ctx.runner.start(
            lambda progress, cancel: engine(room, progress, cancel), self._measured
        )
        job.progressed.connect(self._on_progress)
        job.failed.connect(self._failed)
        job.cancelled.connect(lambda: self.status.setText(f"Cancelled; {room} was not kept."))
        job.finished.connect(self._job_ended)
        self.job = job
        self._update_buttons()
        self.cancel_button.setFocus()

    def cancel(self) -> None:
        if self.job is not None:
            self.status.setText("Cancelling…")
            self.job.cancel()

    def _on_progress(self, update: ProgressUpdate) -> None:
        show_progress(self.progress, update)
        rate = f" ({update.rate_mbps:.0f} Mbit/s)" if update.rate_mbps is not None else ""
        self.status.setText(update.message + rate)

    def _measured(self, stop: WalkStop) -> None:
        try:
            self.show_report(walk_io.keep_stop(self.ctx.engines.settings, stop))
        except RouterAdvisorError as exc:
            show_banner(self.error, str(exc))
            return
        self.status.setText(f"{stop.room}: {stop.rating}. Walk on to the next room.")
        self.room.clear()

    def _failed(self, message: str) -> None:
        show_banner(self.error, message)
        self.status.setText("That stop did not finish; the rooms before it are kept.")

    def _job_ended(self, outcome: Outcome) -> None:
        self.job = None
        self.progress.setRange(0, 100)
        self.progress.setValue(100 if outcome is Outcome.SUCCEEDED else 0)
        self._update_buttons()
        self.room.setFocus()

    def undo(self) -> None:
        if self.job is not None:
            return
        try:
            removed, report = walk_io.undo_last(self.ctx.engines.settings)
        except RouterAdvisorError as exc:
            show_banner(self.error, str(exc))
            return
        self.show_report(report)
        if removed is not None:
            self.status.setText(f"Removed the stop in {removed.room}.")
            self.room.setText(removed.room)

    def new_walk(self) -> None:
        if self.job is not None:
            return
        try:
            self.show_report(walk_io.new_walk(self.ctx.engines.settings))
        except RouterAdvisorError as exc:
            show_banner(self.error, str(exc))
            return
        self.status.setText("A new walk: the last one is kept to compare with.")

    def toggle_server(self, on: bool) -> None:
        """Run the speed server here until the button is released (or the window closes)."""
        serve = self.ctx.engines.serve_speed
        if not on:
            if self.server_job is not None:
                self.server_job.cancel()
            return
        if serve is None or self.server_job is not None:
            return
        self.serve_status.setText("Starting the speed server…")

        def run(progress: ProgressCallback, cancel: CancelToken) -> None:
            serve(lambda url: progress(ProgressUpdate(None, url)), cancel)

        job = self.ctx.runner.start(run, lambda _none: None)
        job.progressed.connect(
            lambda u: self.serve_status.setText(f"Serving the speed test at {u.message}")
        )
        job.failed.connect(self._server_failed)
        job.finished.connect(self._server_ended)
        self.server_job = job

    def _server_failed(self, message: str) -> None:
        show_banner(self.error, message)

    def _server_ended(self, outcome: Outcome) -> None:
        self.server_job = None
        if outcome is not Outcome.FAILED:
            self.serve_status.setText("The speed server is stopped.")
        else:
            self.serve_status.setText("")
        self.serve_button.blockSignals(True)
        self.serve_button.setChecked(False)
        self.serve_button.blockSignals(False)

    def _escape(self) -> None:
        if self.job is not None:
            self.cancel()
        else:
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:
            self.job.cancel()
        if self.server_job is not None:
            self.server_job.cancel()
        super().closeEvent(event)
