"""Every model in the catalog, with filters: brand, kind, Wi-Fi generation, price, text;
and a price list (or any catalog import) read in from a file, as `catalog import` does.
Keyboard: Alt+S searches, Enter in the search goes to the table, Alt+I imports, Escape
closes."""

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from router_advisor.core.router import KINDS, WIFI_GENERATIONS, Router
from router_advisor.core.wording import KIND_WORDS
from router_advisor.gui import router_facts
from router_advisor.gui.style import buddy_label, styled
from router_advisor.gui.workers import plain_error

# Imports a file into the catalog and returns the one-line summary (services/catalog.py).
Importer = Callable[[Path], str]
IMPORT_FILTER = "Price lists and catalog files (*.csv *.json);;All files (*)"

COLUMNS = (
    ("Model", lambda r: r.display_name),
    ("Price", router_facts.price),
    ("Wi-Fi", router_facts.wifi),
    ("Kind", router_facts.kind),
    ("WAN", router_facts.wan),
    ("LAN", router_facts.lan),
    ("QoS", router_facts.qos),
    ("Updates", router_facts.updates),
)


class CatalogBrowser(QDialog):
    """The catalog as a filterable table. With an `importer` and a `reload` it offers
    "Import prices…". Signals: imported(str), the summary line, after an import changed
    the catalog."""

    imported = Signal(str)

    def __init__(
        self,
        routers: Sequence[Router],
        parent: QWidget | None = None,
        importer: Importer | None = None,
        reload: Callable[[], list[Router]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Browse the catalog")
        self.routers = sorted(routers, key=lambda r: r.key)
        self.importer, self.reload = importer, reload
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.search = QLineEdit(placeholderText="Search brand or model")
        self.search.setClearButtonEnabled(True)
        self.brand = QComboBox()
        self.brand.addItem("All brands", None)
        for brand in sorted({r.brand for r in routers}):
            self.brand.addItem(brand, brand)
        self.kind = QComboBox()
        self.kind.addItem("Every kind", None)
        for key in KINDS:
            self.kind.addItem(KIND_WORDS[key].capitalize(), key)
        self.generation = QComboBox()
        self.generation.addItem("Any Wi-Fi", None)
        for gen in WIFI_GENERATIONS:
            self.generation.addItem(f"Wi-Fi {gen}", gen)
        self.max_price = QDoubleSpinBox()
        self.max_price.setRange(0, 10000)
        self.max_price.setDecimals(0)
        self.max_price.setPrefix("up to $")
        self.max_price.setSpecialValueText("any price")
        self.search.returnPressed.connect(self._to_table)
        for widget, name in (
            (self.brand, "Brand"),
            (self.kind, "Kind"),
            (self.generation, "Wi-Fi generation"),
            (self.max_price, "Highest price"),
        ):
            widget.setAccessibleName(name)
        filters.addWidget(buddy_label("&Search:", self.search))
        filters.addWidget(self.search, 2)
        for widget in (self.brand, self.kind, self.generation, self.max_price):
            filters.addWidget(widget)
        layout.addLayout(filters)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([name for name, _ in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self._fill()
        header = self.table.horizontalHeader()
        # Every column as wide as its words, the model's name whole ("ASUS ROG Rapture
        # GT-AXE16000", not "ASUS ROG Rapture GT-..."); the rest scroll sideways.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)
        self.count = styled(QLabel(), "muted")
        layout.addWidget(self.count)
        # One plain line: what an import did, or why the file was refused.
        self.import_status = QLabel()
        self.import_status.setTextFormat(Qt.TextFormat.PlainText)
        self.import_status.setWordWrap(True)
        self.import_status.hide()
        layout.addWidget(self.import_status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = QPushButton("&Import prices…")
        self.import_button.setToolTip(
            "Read a price list (CSV with brand, model, price_usd, price_as_of, price_kind, "
            "price_region) or any catalog CSV/JSON file, as `router-advisor catalog import` does"
        )
        self.import_button.setAutoDefault(False)
        self.import_button.clicked.connect(self.choose_and_import)
        self.import_button.setVisible(importer is not None and reload is not None)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        # Enter in the search must not press Close (a dialog's auto-default button).
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        layout.addWidget(buttons)

        self.search.textChanged.connect(self.apply_filters)
        for combo in (self.brand, self.kind, self.generation):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.max_price.valueChanged.connect(self.apply_filters)
        self.apply_filters()
        self.resize(980, 560)

    def _fill(self) -> None:
        # Into empty rows: replacing an item of a shown table whose columns size to their
        # contents measures the column again for each cell (40 s for the catalog after an
        # import, on a loaded machine); new rows are measured once, when next laid out.
        self.table.setRowCount(0)
        self.table.setRowCount(len(self.routers))
        for row, r in enumerate(self.routers):
            for column, (_, show) in enumerate(COLUMNS):
                item = QTableWidgetItem(show(r))
                if column == 1 and r.price_usd is not None:
                    item.setData(Qt.ItemDataRole.UserRole, r.price_usd)
                self.table.setItem(row, column, item)

    def choose_and_import(self) -> None:
        """Ask for a file, then import it."""
        chosen, _ = QFileDialog.getOpenFileName(self, "Import a price list", "", IMPORT_FILTER)
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, path: Path) -> bool:
        """Import `path` with the same service as `catalog import`; show what it did or, for
        a bad file, one plain line (nothing is imported then). True when it was imported."""
        if self.importer is None or self.reload is None:
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            summary = self.importer(path)
            routers = self.reload()
        except Exception as exc:  # any failure is one line in the dialog, never a crash
            self._show_import(plain_error(exc), error=True)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.routers = sorted(routers, key=lambda r: r.key)
        self._fill()
        self.apply_filters()
        self._show_import(summary, error=False)
        self.imported.emit(summary)
        return True

    def _show_import(self, text: str, error: bool) -> None:
        self.import_status.setObjectName("errorBanner" if error else "infoBanner")
        self.import_status.style().unpolish(self.import_status)
        self.import_status.style().polish(self.import_status)
        self.import_status.setText(text)
        self.import_status.show()

    def matches(self, r: Router) -> bool:
        text = self.search.text().strip().lower()
        if text and text not in r.display_name.lower():
            return False
        for combo, value in (
            (self.brand, r.brand),
            (self.kind, r.kind),
            (self.generation, r.wifi_generation),
        ):
            if combo.currentData() is not None and combo.currentData() != value:
                return False
        limit = self.max_price.value()
        return not (limit > 0 and (r.price_usd is None or r.price_usd > limit))

    def _to_table(self) -> None:
        """Focus the first model the filters show."""
        for row in range(self.table.rowCount()):
            if not self.table.isRowHidden(row):
                self.table.setCurrentCell(row, 0)
                self.table.setFocus()
                return

    def apply_filters(self) -> None:
        shown = 0
        for row, r in enumerate(self.routers):
            visible = self.matches(r)
            self.table.setRowHidden(row, not visible)
            shown += visible
        self.count.setText(f"{shown} of {len(self.routers)} models")
