"""One ranked system as a card, in core's words as `recommend` prints it: what to buy and
the whole price, where each unit goes, the lead unit's key facts, the reasons, the catches,
the overkill notes and, for a closest fit, the must-haves it misses with the Your-home
question to change."""

import html

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout
from router_advisor.core.must_haves import miss_text
from router_advisor.core.scoring.score import Scored
from router_advisor.core.system import System
from router_advisor.core.system_wording import (
    parts_text,
    prices_seen,
    system_name,
    system_price,
    where_text,
)
from router_advisor.core.wording import key_facts, plural, score_text
from router_advisor.gui import answer_fields
from router_advisor.gui.style import styled

GOOD, CATCH, COSTLY, MISS = "#1f9d57", "#c78a00", "#d64545", "#d64545"


def _items(lines: list[str], mark: str, colour: str) -> str:
    """Marked lines, in the GUI's words wherever core names an answers-file key."""
    return "".join(
        f"<div><span style='color:{colour}'>{mark}</span>&nbsp;"
        f"{html.escape(answer_fields.in_gui_words(t))}</div>"
        for t in lines
    )


def shopping_list(s: System) -> str:
    """What to buy for a system of several parts, the units it puts in the home and how old
    its prices are; "" for one box."""
    parts = parts_text(s)
    if not parts:
        return ""
    units = f"{plural(s.nodes, 'unit')} in the home. " if s.nodes > 1 else ""
    seen = prices_seen(s)
    return f"{units}Parts: {parts}." + (f" {seen}." if seen else "")


class RouterCard(QFrame):
    """One shortlisted system. Signals: compareToggled(bool) when its Compare box changes."""

    compareToggled = Signal(bool)

    def __init__(self, rank: int, item: Scored) -> None:
        super().__init__()
        self.setObjectName("card")
        self.item = item
        s = item.system
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = styled(QLabel(f"{rank}. {html.escape(system_name(s))}"), "cardTitle")
        title.setWordWrap(True)
        top.addWidget(title, 1)
        top.addWidget(styled(QLabel(score_text(item.score)), "muted"))
        layout.addLayout(top)
        # The price has a line of its own: a system's ("... for the whole system", or which
        # parts' prices are unknown) is too long to share one with a long name.
        self.price = styled(QLabel(system_price(s)), "price")
        self.price.setWordWrap(True)
        layout.addWidget(self.price)
        facts = styled(QLabel(key_facts(item.router, item.system.nodes)), "muted")
        facts.setWordWrap(True)
        layout.addWidget(facts)
        self.parts = styled(QLabel(html.escape(shopping_list(s))), "muted")
        self.parts.setWordWrap(True)
        self.parts.setVisible(bool(self.parts.text()))
        layout.addWidget(self.parts)
        text = _items([miss_text(m, "gui") for m in item.misses], "✘", MISS)
        text += _items([where_text(s)] if s.placement else [], "⌂", GOOD)
        text += _items(list(item.reasons[:4]), "✔", GOOD)
        text += _items(list(item.caveats), "!", CATCH)
        text += _items([f"Overkill: {note}" for note in item.overkill], "$", COSTLY)
        self.body = QLabel(text)
        self.body.setWordWrap(True)
        layout.addWidget(self.body)
        self.compare = QCheckBox("Compare")
        self.compare.setAccessibleName(f"Compare {system_name(s)}")
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
