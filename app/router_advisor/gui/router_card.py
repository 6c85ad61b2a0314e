"""One ranked model as a card: price, key facts, reasons, caveats and overkill notes."""

import html

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout
from router_advisor.core.scoring.score import Scored
from router_advisor.core.wording import key_facts, router_price, score_text
from router_advisor.gui.style import styled


def _items(lines: list[str], mark: str, colour: str) -> str:
    return "".join(
        f"<div><span style='color:{colour}'>{mark}</span>&nbsp;{html.escape(t)}</div>"
        for t in lines
    )


class RouterCard(QFrame):
    """One shortlisted model. Signals: compareToggled(bool) when its Compare box changes."""

    compareToggled = Signal(bool)

    def __init__(self, rank: int, item: Scored) -> None:
        super().__init__()
        self.setObjectName("card")
        self.item = item
        r = item.router
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = styled(QLabel(f"{rank}. {html.escape(r.display_name)}"), "cardTitle")
        top.addWidget(title, 1)
        top.addWidget(styled(QLabel(score_text(item.score)), "muted"))
        top.addSpacing(12)
        top.addWidget(styled(QLabel(router_price(r)), "price"))
        layout.addLayout(top)
        facts = styled(QLabel(key_facts(r)), "muted")
        facts.setWordWrap(True)
        layout.addWidget(facts)
        text = _items(list(item.reasons[:4]), "✔", "#1f9d57")
        text += _items(list(item.caveats), "!", "#c78a00")
        text += _items([f"Overkill: {note}" for note in item.overkill], "$", "#d64545")
        self.body = QLabel(text)
        self.body.setWordWrap(True)
        layout.addWidget(self.body)
        self.compare = QCheckBox("Compare")
        self.compare.setAccessibleName(f"Compare {r.display_name}")
        self.compare.toggled.connect(self._toggled)
        layout.addWidget(self.compare)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A scroll area does not grow for word-wrapped labels added after it was shown:
        # keep the card at least as tall as its text needs at the current width.
        super().resizeEvent(event)
        layout = self.layout()
        needed = layout.heightForWidth(self.width()) if layout is not None else 0
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def _toggled(self, on: bool) -> None:
        self.setProperty("selected", on)
        self.style().unpolish(self)
        self.style().polish(self)
        self.compareToggled.emit(on)
