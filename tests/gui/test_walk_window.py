"""The walk test window with real widgets offscreen: rooms measured from the keyboard with
recorded readings, colour ratings, the chart and the advice; undo, a new walk, cancel, a
failed stop that keeps the earlier ones, a walk that survives reopening; reachable from the
Devices page and the History window; the speed server refuses root from the GUI; the
recommendation uses the measured node count and the export carries the walk."""

import os
from dataclasses import replace

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QChartView
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from router_advisor.core.progress import CancelToken, ProgressCallback
from router_advisor.core.walk import WalkStop
from router_advisor.errors import RuntimeFailure
from router_advisor.gui.engines import Engines
from router_advisor.gui.history_window import HistoryWindow
from router_advisor.gui.pages.devices_page import DevicesPage
from router_advisor.gui.walk_window import RATING_COLOURS, WalkWindow
from router_advisor.gui.wizard import WizardWindow

from tests.gui import walk
from tests.gui.recorded import recorded_engines, walk_engine


def _open(qtbot: QtBot, engines: Engines) -> tuple[WizardWindow, WalkWindow]:
    wizard = walk.open_wizard(qtbot, engines)
    wizard.open_walk()
    window = wizard._walk_window
    assert isinstance(window, WalkWindow)
    qtbot.waitExposed(window)
    return wizard, window


def _measure(qtbot: QtBot, window: WalkWindow, room: str) -> None:
    window.room.setFocus()
    qtbot.keyClicks(window.room, room)
    qtbot.keyClick(window.room, Qt.Key.Key_Return)
    assert window.job is not None and window.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: window.job is None, timeout=5000)


def _rooms(window: WalkWindow) -> list[tuple[str, str]]:
    return [
        (window.table.item(r, 0).text(), window.table.item(r, 1).text())
        for r in range(window.table.rowCount())
    ]


def test_rooms_measured_from_the_keyboard_get_ratings_chart_and_advice(qtbot: QtBot) -> None:
    _, window = _open(qtbot, recorded_engines(seconds=0.05))
    for room in ("Living room", "Hall", "Bedroom 2", "Kitchen", "Garden office"):
        _measure(qtbot, window, room)
    assert _rooms(window) == [
        ("Living room", "good"),
        ("Hall", "good"),
        ("Bedroom 2", "weak"),
        ("Kitchen", "fair"),
        ("Garden office", "weak"),
    ]
    weak = window.table.item(2, 1)
    assert weak.foreground().color().name() == RATING_COLOURS["weak"]
    assert window.table.item(2, 2).text() == "-78 dBm"
    assert window.table.item(2, 7).text() == "56:dd:8c:45:e5:fa"
    advice = window.advice.text()
    assert "Bedroom 2" in advice and "behind walls" in advice and "A node in Hall" in advice
    assert "2.4 GHz fallback in Garden office" in advice
    assert "3 nodes needed" in advice and "measured room by room" in advice
    assert isinstance(window.chart, QChartView)
    (axis,) = [a for a in window.chart.chart().axes() if isinstance(a, QBarCategoryAxis)]
    assert axis.categories() == ["Garden office", "Kitchen", "Bedroom 2", "Hall", "Living room"]
    assert window.room.text() == "" and window.focusWidget() is window.room


def test_undo_new_walk_and_reopening_keep_the_walk(qtbot: QtBot) -> None:
    wizard, window = _open(qtbot, recorded_engines(seconds=0.05))
    _measure(qtbot, window, "Living room")
    _measure(qtbot, window, "Bedroom 2")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _rooms(window) == [("Living room", "good")] and window.room.text() == "Bedroom 2"
    window.close()
    again = WalkWindow(wizard.ctx)  # the walk comes back from the history
    qtbot.addWidget(again)
    assert _rooms(again) == [("Living room", "good")]
    qtbot.mouseClick(again.new_button, Qt.MouseButton.LeftButton)
    assert _rooms(again) == [] and not again.undo_button.isEnabled()


def test_cancel_keeps_nothing_and_the_window_stays_responsive(qtbot: QtBot) -> None:
    _, window = _open(qtbot, replace(recorded_engines(), walk_stop=walk_engine(seconds=5.0)))
    qtbot.keyClicks(window.room, "Kitchen")
    qtbot.mouseClick(window.measure_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Step" in window.status.text(), timeout=3000)  # events flow
    assert not window.measure_button.isEnabled() and not window.room.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.job is None, timeout=2000)
    assert _rooms(window) == [] and "Kitchen was not kept" in window.status.text()
    assert window.isVisible()  # Escape cancelled the stop; a second one would close


def test_a_failed_stop_says_why_in_one_line_and_keeps_the_earlier_stops(qtbot: QtBot) -> None:
    plain = walk_engine(seconds=0.05)

    def vanishing(room: str, progress: ProgressCallback, cancel: CancelToken) -> WalkStop:
        if room == "Attic":
            raise RuntimeFailure(
                "The test in Attic did not finish (the server stopped answering); the rooms "
                "measured before are kept."
            )
        return plain(room, progress, cancel)

    _, window = _open(qtbot, replace(recorded_engines(), walk_stop=vanishing))
    _measure(qtbot, window, "Living room")
    _measure(qtbot, window, "Attic")
    assert window.error.isVisible() and "\n" not in window.error.text()
    assert "Attic did not finish" in window.error.text()
    assert _rooms(window) == [("Living room", "good")]
    assert window.room.text() == "Attic"  # ready to measure the room again


def test_reachable_from_the_devices_page_and_the_history_window(qtbot: QtBot) -> None:
    wizard = walk.open_wizard(qtbot, recorded_engines(seconds=0.05))
    devices = next(p for p in wizard.pages if isinstance(p, DevicesPage))
    assert devices.walk_button.isVisibleTo(devices)
    devices.walk_button.click()
    assert isinstance(wizard._walk_window, WalkWindow) and wizard._walk_window.isVisible()
    wizard._walk_window.close()
    wizard.open_history()
    history = wizard._history_window
    assert isinstance(history, HistoryWindow)
    qtbot.mouseClick(history.walk_button, Qt.MouseButton.LeftButton)
    assert wizard._walk_window.isVisible()


def test_without_a_walk_engine_nothing_offers_it(qtbot: QtBot) -> None:
    wizard = walk.open_wizard(qtbot, replace(recorded_engines(), walk_stop=None))
    devices = next(p for p in wizard.pages if isinstance(p, DevicesPage))
    assert not devices.walk_button.isVisibleTo(devices)


@pytest.mark.skipif(os.geteuid() != 0, reason="checks the refusal a root GUI gets")
def test_the_speed_server_never_runs_as_root_from_the_gui(qtbot: QtBot) -> None:
    from router_advisor.gui.engines import real_engines
    from router_advisor.gui.settings import Settings

    serve = real_engines(Settings()).serve_speed
    _, window = _open(qtbot, replace(recorded_engines(), serve_speed=serve))
    window.serve_button.click()
    qtbot.waitUntil(lambda: window.server_job is None, timeout=5000)
    assert "does not run as root from the desktop app" in window.error.text()
    assert not window.serve_button.isChecked()


def test_the_recommendation_uses_the_walk_and_the_export_carries_it(qtbot: QtBot, tmp_path) -> None:
    from router_advisor.gui.exporting import export_report
    from router_advisor.gui.pages.recommendations_page import RecommendationsPage

    wizard, window = _open(qtbot, recorded_engines(seconds=0.05))
    for room in ("Living room", "Hall", "Bedroom 2"):
        _measure(qtbot, window, room)
    window.close()
    while not isinstance(wizard.current_page, RecommendationsPage):
        walk.press_next(qtbot, wizard)
    walk.wait_idle(qtbot, wizard, 30000)
    rec = wizard.ctx.state.recommendation
    assert rec is not None and rec.requirements.nodes_measured
    assert rec.requirements.nodes_needed == 2  # the router, and a node for Bedroom 2
    (path,) = export_report(wizard.ctx.state, tmp_path, ["md"])
    text = path.read_text(encoding="utf-8")
    assert "## Walk test, room by room" in text and "measured by your walk test" in text
