"""One ranked system as a card: what to buy and the whole price, where each unit goes, the
lead unit's key facts, the reasons, the catches, the overkill notes and, for a closest fit,
the must-haves it misses with the answer to change named as the Your-home page names it."""

import html

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout
from router_advisor.core.must_haves import MUST_HAVE_WORDS, Miss
from router_advisor.core.scoring.score import Scored
from router_advisor.core.system import Component, System
from router_advisor.core.wording import key_facts, price, score_text, usd
from router_advisor.core.wording import price_age as wording_price_age
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


def system_price(s: System) -> str:
    """The whole system's price: "$749.98", "$599.99 + unknown" or "price unknown"."""
    known = s.known_price_usd
    if s.price_usd is None and known:
        return f"{usd(known)} + unknown"
    return price(s.price_usd)


def component_text(c: Component) -> str:
    """ "2 x TP-Link Deco BE63 node, $149.99 each", "eero 6 (you have it)"."""
    count = f"{c.count} x " if c.count > 1 else ""
    if c.owned:
        return f"{count}{c.name} (you have it)"
    if c.price_usd is None:
        return f"{count}{c.name}, {price(None)}"
    each = " each" if c.count > 1 else ""
    return f"{count}{c.name}, {usd(c.price_usd)}{each}"


def price_age(s: System) -> str:
    """How old the prices are, in core's words, for the oldest part's price; "" when the
    catalog does not say: "Oldest price: street price as of 2025-03, US"."""
    seen = [c.router for c in s.components if c.router is not None and c.router.price_as_of]
    if not seen:
        return ""
    oldest = min(seen, key=lambda r: r.price_as_of or "")
    head = "Oldest price" if len(seen) > 1 else "Price"
    return (
        f"{head}: {wording_price_age(oldest.price_as_of, oldest.price_kind, oldest.price_region)}"
    )


def miss_text(miss: Miss) -> str:
    """ "Misses your budget ($49.01 over): change “Budget” in Budget and preferences."."""
    return (
        f"Misses {MUST_HAVE_WORDS[miss.must_have]} ({miss.by}): "
        f"change {answer_fields.where(miss.change)}."
    )


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
        title = styled(QLabel(f"{rank}. {html.escape(s.name)}"), "cardTitle")
        title.setWordWrap(True)
        top.addWidget(title, 1)
        top.addWidget(styled(QLabel(score_text(item.score)), "muted"))
        top.addSpacing(12)
        self.price = styled(QLabel(system_price(s)), "price")
        top.addWidget(self.price)
        layout.addLayout(top)
        facts = styled(QLabel(key_facts(item.router)), "muted")
        facts.setWordWrap(True)
        layout.addWidget(facts)
        self.parts = styled(QLabel(self._parts_text(s)), "muted")
        self.parts.setWordWrap(True)
        layout.addWidget(self.parts)
        text = _items([miss_text(m) for m in item.misses], "✘", MISS)
        if s.placement and s.nodes > 1:
            text += _items([s.placement], "⌂", GOOD)
        text += _items(list(item.reasons[:4]), "✔", GOOD)
        text += _items(list(item.caveats), "!", CATCH)
        text += _items([f"Overkill: {note}" for note in item.overkill], "$", COSTLY)
        self.body = QLabel(text)
        self.body.setWordWrap(True)
        layout.addWidget(self.body)
        self.compare = QCheckBox("Compare")
        self.compare.setAccessibleName(f"Compare {s.name}")
        self.compare.toggled.connect(self._toggled)
        layout.addWidget(self.compare)

    @staticmethod
    def _parts_text(s: System) -> str:
        """What to buy, one line: the parts with their prices, the unit count, the age."""
        lines = []
        if not s.is_single_box:
            units = f"{s.nodes} units: " if s.nodes > 1 else ""
            lines.append(units + "; ".join(component_text(c) for c in s.components))
        age = price_age(s)
        if age:
            lines.append(age)
        return html.escape(". ".join(lines))

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
