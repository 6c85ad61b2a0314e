"""About Router Advisor: its version, the code's licence, and the catalog's sources credited
as their licences ask (core/credits.py, the same words the exports carry).
Keyboard: Escape or Enter closes."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget
from router_advisor import __version__
from router_advisor.core.credits import CATALOG_LICENCE, DATA_CREDITS
from router_advisor.gui.style import styled

CODE_LICENCE = "GPL-3.0-or-later"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Router Advisor")
        layout = QVBoxLayout(self)
        layout.addWidget(styled(QLabel(f"Router Advisor {__version__}"), "pageTitle"))
        layout.addWidget(
            QLabel(
                "Advice on a home Wi-Fi router from facts about your own home.\n"
                f"The code is licensed {CODE_LICENCE}."
            )
        )
        layout.addWidget(styled(QLabel("Where the catalog's facts come from"), "cardTitle"))
        lines = [f"{c.name} ({c.licence}): {c.facts}.\n{c.url}" for c in DATA_CREDITS]
        self.credits = QLabel("\n\n".join([*lines, CATALOG_LICENCE]))
        self.credits.setTextFormat(Qt.TextFormat.PlainText)
        self.credits.setWordWrap(True)
        # Selectable, not clickable: the app itself opens no web page.
        self.credits.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.credits)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)
