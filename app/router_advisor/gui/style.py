"""Look and feel: Fusion with a palette that follows the system light/dark scheme, the
style sheet from assets/styles, and the SVG icons from assets/icons (sharp at any DPI)."""

from collections.abc import Sequence
from functools import cache
from typing import TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QTableWidget,
    QWidget,
)
from router_advisor.resources import assets_path

ACCENT = QColor("#2f7de1")

W = TypeVar("W", bound=QWidget)


def styled(widget: W, name: str) -> W:
    """`widget` named for the style sheet's #NAME rules (Qt's typed stubs lack objectName=)."""
    widget.setObjectName(name)
    return widget


def read_only_table(columns: Sequence[str]) -> QTableWidget:
    """A table of whole rows to read and select, never edit: columns as wide as their
    words, the last one taking the rest, one line a row."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A label whose &-shortcut moves the focus to `buddy`."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


@cache
def icon(name: str) -> QIcon:
    """An icon from assets/icons/NAME.svg; Qt renders SVG at the screen's pixel density.

    NAME-selected.svg, when it exists, is drawn on a selected row: a blue icon would vanish
    on the blue highlight, and Qt's own selected tint makes it the highlight's colour.
    """
    result = QIcon(str(assets_path("icons", f"{name}.svg")))
    selected = assets_path("icons", f"{name}-selected.svg")
    if selected.is_file():
        result.addFile(str(selected), QSize(), QIcon.Mode.Selected)
    return result


def _dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#1f2125"), QColor("#17181b"), QColor("#e6e8eb")
    for role, color in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor("#26292e")),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, QColor("#2b2e33")),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.ToolTipBase, base),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.Mid, QColor("#3a3e44")),
        (QPalette.ColorRole.PlaceholderText, QColor("#9aa0a8")),
        (QPalette.ColorRole.Highlight, ACCENT),
        (QPalette.ColorRole.HighlightedText, QColor("white")),
        (QPalette.ColorRole.Link, QColor("#6aa8ff")),
    ):
        p.setColor(role, color)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6b7078"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6b7078"))
    return p


def _light_palette() -> QPalette:
    p = QApplication.style().standardPalette()
    p.setColor(QPalette.ColorRole.Window, QColor("#f4f5f7"))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#eceef1"))
    p.setColor(QPalette.ColorRole.Mid, QColor("#d3d7dd"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#676d75"))
    p.setColor(QPalette.ColorRole.Highlight, ACCENT)
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    return p


def is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication) -> None:
    """Set the palette for the current system scheme and the app's style sheet."""
    app.setPalette(_dark_palette() if is_dark() else _light_palette())
    app.setStyleSheet(assets_path("styles", "app.qss").read_text(encoding="utf-8"))


def follow_system_theme(app: QApplication) -> None:
    apply_theme(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))
