"""Two or three models side by side, one row per fact; facts that differ are in bold.
The dialog is as big as its table, so it leaves no empty band; Escape closes it."""

from collections.abc import Sequence

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
from router_advisor.gui.router_facts import COMPARISON_ROWS

FACT_HEADER = "Fact"


class CompareDialog(QDialog):
    def __init__(self, routers: Sequence[Router], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare side by side")
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(COMPARISON_ROWS), len(routers) + 1)
        self.table.setHorizontalHeaderLabels([FACT_HEADER, *(r.display_name for r in routers)])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        for row, (label, fact) in enumerate(COMPARISON_ROWS):
            self.table.setItem(row, 0, QTableWidgetItem(label))
            values = [fact(r) for r in routers]
            for column, value in enumerate(values, start=1):
                item = QTableWidgetItem(value)
                if len(set(values)) > 1:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in range(1, len(routers) + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.table.setFixedHeight(self._table_height())
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.resizeColumnsToContents()
        wanted = sum(self.table.columnWidth(c) for c in range(self.table.columnCount()))
        self.resize(max(620, wanted + 80), self.sizeHint().height())

    def _table_height(self) -> int:
        """Every row, the header and the frame: no scroll bar and no empty band."""
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        return (
            rows + self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        )
