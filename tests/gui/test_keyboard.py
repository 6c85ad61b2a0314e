"""Keyboard use: no two mnemonics clash on any page or window (Alt+letter would only cycle
between them), Enter goes on from a field, Escape stops a measurement and closes windows."""

import re
from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot
from router_advisor.gui.catalog_browser import CatalogBrowser
from router_advisor.gui.compare_dialog import CompareDialog
from router_advisor.gui.pages.speed_page import SpeedPage
from router_advisor.services.catalog import load_routers

from tests.gui import walk
from tests.gui.recorded import recorded_engines
from tests.gui.systems import one_box


def mnemonics(window: QWidget) -> list[str]:
    """The Alt+letter of every visible button, tab and label-with-buddy in `window`."""
    texts: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if isinstance(widget, QAbstractButton) or labelled:
            texts.append(widget.text())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
    letters = [re.search(r"&(\w)", t.replace("&&", "")) for t in texts]
    return [m.group(1).lower() for m in letters if m]


def clashes(window: QWidget) -> list[str]:
    return [letter for letter, n in Counter(mnemonics(window)).items() if n > 1]


def active(qtbot: QtBot, window: QWidget) -> None:
    """Keyboard focus and shortcuts work only in the active window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def test_no_mnemonic_clashes_on_any_page_or_window(qtbot: QtBot) -> None:
    window = walk.open_wizard(qtbot, recorded_engines(seconds=0.05))
    seen: dict[str, list[str]] = {}
    for index in range(len(window.pages)):
        page = window.current_page
        if index == 1:
            walk.run_speed(qtbot, window, 5000)
        if index == 2:
            walk.run_scan(qtbot, window, 5000)
        walk.wait_idle(qtbot, window, 30000)
        seen[page.title] = clashes(window)
        if index < len(window.pages) - 1:
            walk.press_next(qtbot, window)
    window.open_history()
    seen["History"] = clashes(window._history_window)
    routers = load_routers()
    for dialog in (CompareDialog([one_box(r) for r in routers[:2]]), CatalogBrowser(routers)):
        qtbot.addWidget(dialog)
        dialog.show()
        seen[dialog.windowTitle()] = clashes(dialog)
    assert seen == {title: [] for title in seen}
    assert len(mnemonics(window)) >= 10  # the export page's boxes and buttons have theirs


def test_enter_in_a_field_goes_to_the_next_step(qtbot: QtBot) -> None:
    window = walk.open_wizard(qtbot, recorded_engines(seconds=0.05))
    while window.current_page.title != "Your home":
        walk.press_next(qtbot, window)
    home = window.current_page
    active(qtbot, window)
    assert QApplication.focusWidget() is home.area
    qtbot.keyClick(home.area, Qt.Key.Key_Return)
    assert window.current_page.title == "Recommendations"


def test_enter_in_the_typed_speeds_uses_them(qtbot: QtBot) -> None:
    window = walk.open_wizard(qtbot, recorded_engines(seconds=0.05))
    walk.press_next(qtbot, window)
    page = window.current_page
    assert isinstance(page, SpeedPage)
    page.manual_down.setFocus()
    page.manual_down.setValue(250)
    qtbot.keyClick(page.manual_down, Qt.Key.Key_Return)
    assert window.current_page is page
    assert window.ctx.state.speed is not None and window.ctx.state.speed.download_mbps == 250


def test_escape_stops_a_running_speed_test_and_closes_the_history(qtbot: QtBot) -> None:
    window = walk.open_wizard(qtbot, recorded_engines(seconds=5.0))
    walk.press_next(qtbot, window)
    page = window.current_page
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.job is not None and page.cancel_button.hasFocus(), timeout=2000)
    qtbot.keyClick(page.cancel_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.job is None, timeout=1500)
    assert "cancelled" in page.status.text() and window.isVisible()

    window.open_history()
    history = window._history_window
    active(qtbot, history)
    qtbot.keyClick(history.runs, Qt.Key.Key_Escape)
    assert not history.isVisible() and window.isVisible()


def test_enter_in_the_catalog_search_goes_to_the_table_not_close(qtbot: QtBot) -> None:
    browser = CatalogBrowser(load_routers())
    qtbot.addWidget(browser)
    browser.show()
    active(qtbot, browser)
    browser.search.setFocus()
    qtbot.keyClicks(browser.search, "asus")
    qtbot.keyClick(browser.search, Qt.Key.Key_Return)
    assert browser.isVisible() and browser.table.hasFocus()
    assert "ASUS" in browser.table.item(browser.table.currentRow(), 0).text()
    qtbot.keyClick(browser.table, Qt.Key.Key_Escape)
    assert not browser.isVisible()
