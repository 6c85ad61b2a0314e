"""Two or three models side by side, one row per fact."""

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.router import Router
from app.gui.router_facts import COMPARISON_ROWS


class CompareDialog(QDialog):
    def __init__(self, routers: Sequence[Router], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare side by side")
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(COMPARISON_ROWS), len(routers))
        self.table.setHorizontalHeaderLabels([r.display_name for r in routers])
        self.table.setVerticalHeaderLabels([label for label, _ in COMPARISON_ROWS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, (_, fact) in enumerate(COMPARISON_ROWS):
            show: Callable[[Router], str] = fact  # type: ignore[assignment]
            values = [show(r) for r in routers]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if len(set(values)) > 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 500)
