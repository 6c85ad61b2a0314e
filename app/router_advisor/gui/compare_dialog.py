"""Two or three systems side by side, one row per fact; facts that differ are in bold.
The whole system comes first (what to buy, its units and price), then the facts of the
unit the Internet plugs into. The dialog is as big as its table, so it leaves no empty
band; Escape closes it."""

from collections.abc import Callable, Sequence

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from router_advisor.core.router import Router
from router_advisor.core.system import System
from router_advisor.core.system_wording import parts_text, prices_seen, system_name, system_price
from router_advisor.core.wording import system_kind
from router_advisor.gui.router_facts import COMPARISON_ROWS

FACT_HEADER = "Fact"

# The whole system's rows; the lead unit's own price row would only confuse next to them.
SYSTEM_ROWS: tuple[tuple[str, Callable[[System], str]], ...] = (
    ("What to buy", lambda s: parts_text(s).replace("; ", "\n") or system_name(s)),
    ("Units in the home", lambda s: str(s.nodes)),
    ("Whole price", lambda s: "\n".join(filter(None, (system_price(s), prices_seen(s))))),
)


def column_title(s: System) -> str:
    """A short column head: one box by its name, a system by its first part and how many
    more ("eero 7 (2-pack) + 2 more"); the "What to buy" row lists every part."""
    more = len(s.components) - 1
    return f"{s.components[0].name} + {more} more" if more else system_name(s)


def _of_lead(fact: Callable[[Router], str]) -> Callable[[System], str]:
    """A fact of the system's lead unit, the one the Internet plugs into."""
    return lambda s: fact(s.lead)


def _rows() -> list[tuple[str, Callable[[System], str]]]:
    """The system's rows, then its lead unit's facts; the kind is the system's ("mesh, 4
    nodes": the lead's own read "mesh unit, sold singly" beside "Units in the home: 4")."""
    lead_rows = [
        (label, (lambda s: system_kind(s.lead, s.nodes)) if label == "Kind" else _of_lead(fact))
        for label, fact in COMPARISON_ROWS
        if label != "Price"
    ]
    return [*SYSTEM_ROWS, *lead_rows]


class CompareDialog(QDialog):
    def __init__(self, systems: Sequence[System], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare side by side")
        layout = QVBoxLayout(self)
        rows = _rows()
        self.table = QTableWidget(len(rows), len(systems) + 1)
        self.table.setHorizontalHeaderLabels([FACT_HEADER, *(column_title(s) for s in systems)])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        for row, (label, fact) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(label))
            values = [fact(s) for s in systems]
            for column, value in enumerate(values, start=1):
                item = QTableWidgetItem(value)
                if len(set(values)) > 1:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in range(1, len(systems) + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.table.setFixedHeight(self._table_height())
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.resizeColumnsToContents()
        wanted = sum(self.table.columnWidth(c) for c in range(self.table.columnCount()))
        # Never wider than the screen: the system columns share what is left and wrap.
        screen = self.screen().availableGeometry().width() - 40
        self.resize(min(max(620, wanted + 80), screen), self.sizeHint().height())

    def _table_height(self) -> int:
        """Every row, the header and the frame: no scroll bar and no empty band."""
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        return (
            rows + self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        )
