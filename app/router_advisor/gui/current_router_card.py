"""The "Your router now" card: which router the home has (the evidence on hover), the
keep / tune / replace verdict with its reasons, and a field to name the model when the
router could not be identified or was identified wrongly.

Signals: model_named(str) when the person asks to use the model they typed.
"""

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from router_advisor.core.current_router import CurrentRouterReport
from router_advisor.core.wording import verdict_heading
from router_advisor.gui.pages.base import banner, show_banner, wrapped_label


def report_html(report: CurrentRouterReport) -> str:
    """The verdict with its reasons, the free changes and what a new router would gain."""
    parts = [f"<b>{html.escape(verdict_heading(report.verdict.verdict))}</b>"]
    parts += [html.escape(reason) for reason in report.verdict.reasons]
    if report.verdict.gain:
        parts.append(html.escape(report.verdict.gain))
    if report.verdict.reuse:
        parts.append(html.escape(report.verdict.reuse))
    if report.verdict.tuning:
        items = "".join(f"<li>{html.escape(tip)}</li>" for tip in report.verdict.tuning)
        parts.append(f"Free changes to try:<ul style='margin:0'>{items}</ul>")
    return "<br>".join(parts)


def titled_report_html(report: CurrentRouterReport) -> str:
    """The verdict under the router's name, for the top of the Recommendations page."""
    name = html.escape(report.name or "Your router (not identified)")
    return f"<b>Your router now: {name}</b><br>{report_html(report)}"


class CurrentRouterCard(QGroupBox):
    model_named = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Your router now", parent)
        layout = QVBoxLayout(self)
        self.name = wrapped_label("Scan your network to see which router you have.")
        layout.addWidget(self.name)
        self.verdict = banner("info")
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.verdict)
        row = QHBoxLayout()
        self.model_field = QLineEdit()
        self.model_field.setPlaceholderText(
            "Not right? Type its brand and model, e.g. Netgear R7000"
        )
        self.model_field.setAccessibleName("Your router's brand and model")
        self.model_field.returnPressed.connect(self._use_model)
        self.use_button = QPushButton("&Use this model")
        self.use_button.clicked.connect(self._use_model)
        row.addWidget(self.model_field, 1)
        row.addWidget(self.use_button)
        layout.addLayout(row)
        self.show_report(None)

    def set_names(self, names: list[str]) -> None:
        """The models the field suggests as the person types (any part of the name)."""
        completer = QCompleter(names, self.model_field)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.model_field.setCompleter(completer)

    def _use_model(self) -> None:
        text = self.model_field.text().strip()
        if text:
            self.model_named.emit(text)

    def show_error(self, message: str) -> None:
        show_banner(self.verdict, html.escape(message))

    def show_report(self, report: CurrentRouterReport | None, scanned: bool = False) -> None:
        if report is None:
            self.name.setText(
                "Your router was not asked what it is (no gateway answered). Type its model "
                "below (it is on a label underneath)."
                if scanned
                else "Scan your network to see which router you have."
            )
            self.name.setToolTip("")
            self.verdict.hide()
            return
        found = report.identified
        where = f" at {report.gateway_ip}" if report.gateway_ip else ""
        if found is None:
            self.name.setText(
                f"We could not tell which router this is{where}. Type its model below "
                "(it is on a label underneath)."
            )
            evidence = list(report.clues)
        else:
            self.name.setText(
                f"<b>{html.escape(found.known.name)}</b>{where} "
                f"({found.confidence} confidence; hover for why)"
            )
            evidence = list(found.evidence)
        self.name.setToolTip("\n".join(evidence) or "The router said nothing about itself.")
        show_banner(self.verdict, report_html(report))
