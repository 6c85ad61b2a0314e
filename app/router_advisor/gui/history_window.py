"""The history window: past runs, what changed on the network since last time, charts of
speed, latency and device count, and Rescan."""

import datetime
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from router_advisor.core.device_diff import SeenDevice
from router_advisor.core.wording import kind_word, measured
from router_advisor.errors import RouterAdvisorError
from router_advisor.gui import history_io
from router_advisor.gui.pages.base import WizardContext, banner, show_banner, wrapped_label
from router_advisor.gui.style import icon, read_only_table, styled
from router_advisor.history.records import RunDiff, RunSummary

RUN_COLUMNS = (
    "Run",
    "Date",
    "Download",
    "Upload",
    "Delay quiet",
    "Delay busy",
    "Grade",
    "Devices",
    "Top pick",
)


def _when(created_at: str) -> str:
    stamp = datetime.datetime.fromisoformat(created_at).astimezone()
    return stamp.strftime("%d %b %Y %H:%M")


def _device(d: SeenDevice) -> str:
    name = d.display_name or d.vendor or "unnamed device"
    return f"{html.escape(name)} <span style='color:gray'>({kind_word(d.kind)}, {d.ip})</span>"


def diff_html(diff: RunDiff | None) -> str:
    if diff is None:
        return "Run the wizard twice with a device scan to see what changed."
    d = diff.devices
    lines = [
        f"<b>From run {diff.before.id} to run {diff.after.id}:</b> {len(d.new)} new, "
        f"{len(d.gone)} gone, {len(d.changed)} changed, {d.unchanged} unchanged."
    ]
    if diff.router_changed:
        lines.append(
            f"<div><b>Router changed:</b> {html.escape(diff.router_before or '')} → "
            f"{html.escape(diff.router_after or '')}</div>"
        )
    lines += [
        f"<div><span style='color:#1f9d57'><b>+ new</b></span> {_device(x)}</div>" for x in d.new
    ]
    lines += [
        f"<div><span style='color:#d64545'><b>&minus; gone</b></span> {_device(x)}</div>"
        for x in d.gone
    ]
    for change in d.changed:
        what = ", ".join(
            f"{c.field} {html.escape(c.before or 'unknown')} → {html.escape(c.after or 'unknown')}"
            for c in change.changes
        )
        lines.append(
            f"<div><span style='color:#c78a00'><b>~ changed</b></span> "
            f"{_device(change.after)}: {what}</div>"
        )
    return "".join(lines)


def top_pick_name(key: str | None, names: dict[str, str]) -> str:
    if key is None:
        return "none"
    return names.get(key) or key.replace("/", " ")


class HistoryWindow(QWidget):
    """Past runs and their trends. Signals: rescanRequested() when the person asks to scan
    again from here (the wizard runs it); walkRequested() for the walk test window."""

    rescanRequested = Signal()
    walkRequested = Signal()

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setWindowTitle("History — Router Advisor")
        self.setWindowIcon(icon("history"))
        self.resize(980, 700)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = styled(QLabel("Your past runs"), "pageTitle")
        top.addWidget(title, 1)
        self.rescan_button = styled(QPushButton("&Rescan with my last answers"), "primary")
        self.rescan_button.clicked.connect(self.rescan)
        self.walk_button = QPushButton("&Walk test…")
        self.walk_button.setToolTip("Measure the Wi-Fi room by room; compare with earlier walks")
        self.walk_button.clicked.connect(self.walkRequested)
        self.walk_button.setVisible(ctx.engines.walk_stop is not None)
        refresh = QPushButton("Re&fresh")
        refresh.clicked.connect(self.refresh)
        close = QPushButton("&Close")
        close.clicked.connect(self.close)
        for button in (self.rescan_button, self.walk_button, refresh, close):
            top.addWidget(button)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        layout.addLayout(top)
        self.error = banner("error")
        layout.addWidget(self.error)

        splitter = QSplitter(Qt.Orientation.Vertical)
        upper = QWidget()
        upper_layout = QHBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        self.runs = read_only_table(RUN_COLUMNS)
        self.runs.setAlternatingRowColors(True)
        upper_layout.addWidget(self.runs, 1)
        diff_panel = QWidget()
        diff_panel.setFixedWidth(280)
        diff_box = QVBoxLayout(diff_panel)
        diff_box.setContentsMargins(0, 0, 0, 0)
        diff_box.addWidget(QLabel("<b>What changed since last time</b>"))
        self.diff = wrapped_label()
        self.diff.setAlignment(Qt.AlignmentFlag.AlignTop)
        diff_box.addWidget(self.diff, 1)
        upper_layout.addWidget(diff_panel)
        splitter.addWidget(upper)
        self.charts = QTabWidget()
        splitter.addWidget(self.charts)
        splitter.setSizes([300, 340])
        layout.addWidget(splitter, 1)
        self.refresh()

    def refresh(self) -> None:
        """Read the history again: runs, the latest diff and the charts."""
        show_banner(self.error, None)
        try:
            data = history_io.overview(self.ctx.engines.settings)
        except RouterAdvisorError as exc:
            show_banner(self.error, str(exc))
            return
        self.show_runs(data.runs, self._model_names())
        self.diff.setText(diff_html(data.diff))
        self.rescan_button.setEnabled(True)
        self.show_charts(list(reversed(data.runs)))

    def _model_names(self) -> dict[str, str]:
        """Catalog key -> the name people know the model by; empty if the catalog fails."""
        try:
            return {r.key: r.display_name for r in self.ctx.engines.routers()}
        except RouterAdvisorError:
            return {}

    def show_runs(self, runs: list[RunSummary], names: dict[str, str]) -> None:
        """One row per run; the top pick by its display name (its key if the catalog no
        longer has it)."""
        self.runs.setRowCount(len(runs))
        for row, r in enumerate(runs):
            cells = (
                str(r.id),
                _when(r.created_at),
                measured(r.download_mbps, "Mbit/s"),
                measured(r.upload_mbps, "Mbit/s"),
                measured(r.idle_latency_ms, "ms"),
                measured(r.loaded_latency_ms, "ms"),
                r.grade or "not measured",
                "not scanned" if r.device_count is None else str(r.device_count),
                top_pick_name(r.top_pick, names),
            )
            for column, text in enumerate(cells):
                self.runs.setItem(row, column, QTableWidgetItem(text))

    def show_charts(self, runs_oldest_first: list[RunSummary]) -> None:
        from router_advisor.gui.history_charts import devices_chart, latency_chart, speed_chart

        current = self.charts.currentIndex()
        while self.charts.count():
            widget = self.charts.widget(0)
            self.charts.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        self.charts.addTab(speed_chart(runs_oldest_first), "&Speed")
        self.charts.addTab(latency_chart(runs_oldest_first), "&Delay")
        self.charts.addTab(devices_chart(runs_oldest_first), "De&vices")
        self.charts.setCurrentIndex(max(current, 0))

    def rescan(self) -> None:
        """Load the last saved answers into the wizard and start again from the speed test."""
        try:
            answers = history_io.last_answers(self.ctx.engines.settings)
        except RouterAdvisorError as exc:
            show_banner(self.error, str(exc))
            return
        if answers:
            self.ctx.state.answers = answers
        self.rescanRequested.emit()
