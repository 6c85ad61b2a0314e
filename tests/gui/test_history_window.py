"""The history window numbers its runs as its diff panel names them, and the welcome page
gives the speed test's real duration (review item 20)."""

from pytestqt.qtbot import QtBot
from router_advisor.gui.history_window import RUN_COLUMNS, HistoryWindow
from router_advisor.gui.pages.welcome_page import SPEED_TRAFFIC
from router_advisor.gui.settings import Settings
from router_advisor.history.records import NewRun
from router_advisor.history.store import HistoryStore
from router_advisor.services import history

from tests.gui import walk
from tests.gui.recorded import recorded_engines
from tests.history import factory
from tests.history.factory import device


def test_runs_are_numbered_as_the_diff_panel_names_them(qtbot: QtBot) -> None:
    with HistoryStore(history.default_path()) as store:
        store.save_run(factory.run([device(1)]))
        store.save_run(NewRun(created_at="2025-01-02T10:00:00Z", app_version="0.1.0"))
        store.save_run(factory.run([device(1), device(2, kind="iot")]))
    window = walk.open_wizard(qtbot, recorded_engines(seconds=0.05))
    shown = HistoryWindow(window.ctx, parent=window)
    cell = {
        name: [shown.runs.item(row, col).text() for row in range(3)]
        for col, name in enumerate(RUN_COLUMNS)
    }
    assert cell["Run"] == ["3", "2", "1"]
    assert cell["Download"][1] == cell["Grade"][1] == "not measured"
    assert cell["Devices"][1] == "not scanned" and cell["Top pick"][1] == "none"
    panel = shown.diff.text()
    assert "From run 1 to run 3" in panel and "(smart-home, " in panel and "iot" not in panel


def test_the_welcome_page_gives_the_speed_tests_longest_time() -> None:
    limit = f"at most {Settings().speed_max_seconds:.0f}"
    assert limit in SPEED_TRAFFIC and "about 12" not in SPEED_TRAFFIC
