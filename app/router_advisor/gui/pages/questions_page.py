"""Step 6: the questions to ask a vendor, each with why it matters; tick, edit, add."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)
from router_advisor.gui.pages.base import WizardContext, WizardPage, wrapped_label
from router_advisor.gui.state import ChecklistItem
from router_advisor.gui.style import styled


class QuestionsPage(WizardPage):
    title = "Vendor questions"
    subtitle = (
        "Ask these before you buy, in a shop or by e-mail. Tick what you have asked; "
        "edit or add your own. They go into the export."
    )
    icon_name = "questions"

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__(ctx)
        self._filling = False
        layout = QVBoxLayout(self)
        self.list = styled(QListWidget(), "checklist")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.list.itemChanged.connect(self._item_changed)
        self.list.currentRowChanged.connect(self._show_why)
        layout.addWidget(self.list, 1)
        self.why = wrapped_label("", "infoBanner")
        self.why.hide()
        layout.addWidget(self.why)
        row = QHBoxLayout()
        self.add_button = QPushButton("&Add a question")
        self.add_button.clicked.connect(self.add_question)
        self.edit_button = QPushButton("&Edit")
        self.edit_button.clicked.connect(self._edit_current)
        self.remove_button = QPushButton("&Remove")
        self.remove_button.clicked.connect(self.remove_current)
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(wrapped_label("Space ticks a question, F2 edits it.", "muted"))

    def initial_focus(self) -> QListWidget:
        return self.list

    def enter(self) -> None:
        self._filling = True
        self.list.clear()
        for entry in self.ctx.state.checklist:
            self.list.addItem(self._make_item(entry))
        self._filling = False
        if self.list.count():
            self.list.setCurrentRow(0)
        self.edit_button.setEnabled(bool(self.list.count()))
        self.remove_button.setEnabled(bool(self.list.count()))

    @staticmethod
    def _make_item(entry: ChecklistItem) -> QListWidgetItem:
        item = QListWidgetItem(entry.question)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
        item.setCheckState(Qt.CheckState.Checked if entry.done else Qt.CheckState.Unchecked)
        item.setToolTip(entry.why)
        return item

    def _show_why(self, row: int) -> None:
        checklist = self.ctx.state.checklist
        why = checklist[row].why if 0 <= row < len(checklist) else ""
        self.why.setText(f"<b>Why it matters for you:</b> {why}" if why else "")
        self.why.setVisible(bool(why))

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        entry = self.ctx.state.checklist[self.list.row(item)]
        entry.done = item.checkState() == Qt.CheckState.Checked
        text = item.text().strip()
        if text:
            entry.question = text
        else:
            self._filling = True
            item.setText(entry.question)
            self._filling = False

    def add_question(self, text: str | None = None) -> None:
        if not text:
            text, ok = QInputDialog.getText(self, "Add a question", "Your question:")
            if not ok:
                return
        text = text.strip()
        if not text:
            return
        entry = ChecklistItem(text, "You added this question.", added_by_user=True)
        self.ctx.state.checklist.append(entry)
        self._filling = True
        self.list.addItem(self._make_item(entry))
        self._filling = False
        self.list.setCurrentRow(self.list.count() - 1)
        self.edit_button.setEnabled(True)
        self.remove_button.setEnabled(True)

    def _edit_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        del self.ctx.state.checklist[row]
        self._filling = True
        self.list.takeItem(row)
        self._filling = False
        self._show_why(self.list.currentRow())
        self.edit_button.setEnabled(bool(self.list.count()))
        self.remove_button.setEnabled(bool(self.list.count()))
