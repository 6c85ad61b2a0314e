"""Step 2: the internet speed test, live; or the plan's speeds typed in by hand; or skip."""

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)
from router_advisor.core.progress import ProgressUpdate
from router_advisor.core.speed import SpeedResult
from router_advisor.core.wording import ACTIVITY_NAMES, activity_name, grade_words
from router_advisor.errors import UserInputError
from router_advisor.gui.pages.base import MeasurementPage, WizardContext, show_banner, wrapped_label
from router_advisor.gui.pages.server_row import ServerRow
from router_advisor.gui.style import buddy_label, styled
from router_advisor.gui.workers import Outcome

RATING_COLOURS = {"great": "#1f9d57", "good": "#3c8d2f", "okay": "#c78a00", "poor": "#d64545"}


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f} ms"


class SpeedPage(MeasurementPage[SpeedResult]):
    title = "Internet speed"
    subtitle = (
        "How fast your connection is, and how much delay it adds when it is busy. "
        "Takes a few seconds, at most 12; skip it or type your plan's speeds if you prefer."
    )
    icon_name = "speed"

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__(ctx, "Not measured yet.", "&Cancel test")
        layout = QVBoxLayout(self)

        self.start_button = styled(QPushButton("&Start speed test"), "primary")
        self.start_button.clicked.connect(self.start)
        self.add_job_controls(layout, self.start_button)
        self.server_row = ServerRow(ctx)
        layout.addWidget(self.server_row)

        numbers = QGridLayout()
        self.rate_card, self.rate = self._number(numbers, 0, "Right now")
        self.rate_card.hide()
        _, self.download = self._number(numbers, 1, "Download")
        _, self.upload = self._number(numbers, 2, "Upload")
        _, self.grade = self._number(numbers, 3, "Busy-line grade", "grade")
        layout.addLayout(numbers)

        details = QHBoxLayout()
        latency = QGroupBox("Delay (latency)")
        form = QFormLayout(latency)
        self.idle = QLabel("—")
        self.jitter = QLabel("—")
        self.loaded_down = QLabel("—")
        self.loaded_up = QLabel("—")
        form.addRow("When quiet:", self.idle)
        form.addRow("Jitter:", self.jitter)
        form.addRow("While downloading:", self.loaded_down)
        form.addRow("While uploading:", self.loaded_up)
        self.grade_words = wrapped_label()
        form.addRow(self.grade_words)
        details.addWidget(latency, 2)
        verdict_box = QGroupBox("What this means for you")
        self.verdicts = QVBoxLayout(verdict_box)
        self.verdict_labels: dict[str, QLabel] = {}
        for key, name in ACTIVITY_NAMES.items():
            label = wrapped_label(f"<b>{name}</b>: —")
            self.verdict_labels[key] = label
            self.verdicts.addWidget(label)
        details.addWidget(verdict_box, 3)
        layout.addLayout(details)

        manual = QGroupBox(
            "Or type your plan's speeds (for when the test is blocked or you are offline)"
        )
        row = QHBoxLayout(manual)
        self.manual_down = self._spin(" Mbit/s", 300)
        self.manual_up = self._spin(" Mbit/s", 20)
        self.manual_button = QPushButton("&Use these speeds")
        self.manual_button.clicked.connect(self.use_manual)
        row.addWidget(buddy_label("&Download:", self.manual_down))
        row.addWidget(self.manual_down)
        row.addWidget(buddy_label("U&pload:", self.manual_up))
        row.addWidget(self.manual_up)
        row.addWidget(self.manual_button)
        row.addStretch(1)
        layout.addWidget(manual)
        layout.addStretch(1)

    @staticmethod
    def _number(
        grid: QGridLayout, column: int, caption: str, name: str = "bigNumber"
    ) -> tuple[QFrame, QLabel]:
        """A card in `grid` with a big number over its caption: (the card, the number)."""
        box = styled(QFrame(), "card")
        inner = QVBoxLayout(box)
        value = styled(QLabel("—"), name)
        value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = styled(QLabel(caption), "muted")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(value)
        inner.addWidget(text)
        grid.addWidget(box, 0, column)
        return box, value

    @staticmethod
    def _spin(suffix: str, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0.5, 100000)
        spin.setDecimals(0)
        spin.setSuffix(suffix)
        spin.setValue(value)
        spin.setMinimumWidth(140)
        return spin

    # -- state --------------------------------------------------------------------------
    def enter(self) -> None:
        isp = self.ctx.state.answers.isp
        if isp.down_mbps is not None:
            self.manual_down.setValue(isp.down_mbps)
        if isp.up_mbps is not None:
            self.manual_up.setValue(isp.up_mbps)
        self.show_result(self.ctx.state.speed)

    def initial_focus(self) -> QPushButton:
        return self.start_button

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a typed speed uses the speeds; elsewhere it goes on to the window (Next).
        typing = self.focusWidget() in (self.manual_down, self.manual_up)
        if typing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.use_manual()
            return
        super().keyPressEvent(event)

    # -- actions ------------------------------------------------------------------------
    def start(self) -> None:
        if self.job is not None:
            return
        blocked = self.server_row.blocked_reason()
        if blocked:
            show_banner(self.error, blocked)
            self.server_row.toggle.setChecked(True)
            return
        self.ctx.state.speed = None
        self.show_result(None)
        engines = self.ctx.engines
        self.run_job(
            lambda progress, cancel: engines.speed(progress, cancel, engines.settings),
            "Starting the speed test…",
            "Speed test cancelled. Start it again, type your plan's speeds, or press Next.",
        )

    def use_manual(self) -> None:
        if self.job is not None:
            return
        from router_advisor.services.speed import (
            manual_speed,
        )  # imports the speed engine: on first use

        show_banner(self.error, None)
        try:
            result = manual_speed(self.manual_down.value(), self.manual_up.value())
        except UserInputError as exc:
            show_banner(self.error, str(exc))
            return
        self.ctx.state.speed = result
        self.show_result(result)

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.start_button.setText(
            "&Start speed test" if not self.ctx.state.speed else "Test &again"
        )
        self.manual_button.setEnabled(not running)
        self.rate_card.setVisible(running)
        super()._set_running(running)

    def _on_progress(self, update: ProgressUpdate) -> None:
        super()._on_progress(update)
        if update.rate_mbps is not None:
            self.rate.setText(f"{update.rate_mbps:.0f}<span style='font-size:11pt'> Mbit/s</span>")

    def _on_result(self, result: SpeedResult) -> None:
        self.ctx.state.speed = result
        self.progress.setRange(0, 100)
        self.progress.setValue(100)
        self.show_result(result)

    def _on_failed(self, message: str) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        show_banner(self.error, message)
        self.status.setText(
            "The speed test did not finish. Start it again (Retry), type your "
            "plan's speeds below, or press Next to skip."
        )
        self.start_button.setText("&Retry")

    def _on_finished(self, outcome: Outcome) -> None:
        super()._on_finished(outcome)
        if outcome is Outcome.FAILED:
            self.start_button.setText("&Retry")

    def show_result(self, result: SpeedResult | None) -> None:
        """Fill the numbers and verdicts from `result` (None clears them)."""
        self.rate.setText("—")
        if result is None:
            for label in (
                self.download,
                self.upload,
                self.grade,
                self.idle,
                self.jitter,
                self.loaded_down,
                self.loaded_up,
            ):
                label.setText("—")
            self.grade_words.setText("")
            for key, label in self.verdict_labels.items():
                label.setText(f"<b>{activity_name(key)}</b>: —")
            return
        unit = "<span style='font-size:11pt'> Mbit/s</span>"
        self.download.setText(f"{result.download_mbps:.0f}{unit}")
        self.upload.setText(f"{result.upload_mbps:.0f}{unit}")
        self.grade.setText(result.bufferbloat_grade or "—")
        self.idle.setText(_ms(result.idle_latency_ms))
        self.jitter.setText(_ms(result.jitter_ms))
        self.loaded_down.setText(_ms(result.loaded_latency_download_ms))
        self.loaded_up.setText(_ms(result.loaded_latency_upload_ms))
        if result.manual:
            self.status.setText(
                "Using the speeds you typed. Delay was not measured, so the "
                "busy-line grade is unknown."
            )
            self.grade_words.setText("Run the test to learn how your line behaves when busy.")
        else:
            where = (
                result.server.sponsor or result.server.name or result.server.url
                if result.server
                else "the server"
            )
            self.status.setText(f"Measured in {result.duration_s:.1f} s against {where}.")
            self.grade_words.setText(grade_words(result.bufferbloat_grade))
        for key, label in self.verdict_labels.items():
            verdict = result.verdicts.get(key)
            if verdict is None:
                label.setText(f"<b>{activity_name(key)}</b>: —")
                continue
            colour = RATING_COLOURS.get(verdict.rating, "palette(text)")
            label.setText(
                f"<b>{activity_name(key)}</b>: <span style='color:{colour}'><b>"
                f"{verdict.rating}</b></span> — {html.escape(verdict.reason)}"
            )
