"""The whole wizard, Welcome to Export, with recorded engine results (no root needed);
cancel a running speed test and scan; the history window and its diff after two runs."""

from pathlib import Path

from pytestqt.qtbot import QtBot
from router_advisor.gui.settings import load_last_answers

from tests.gui import walk
from tests.gui.recorded import load_json, recorded_engines


def test_walk_from_welcome_to_export_then_rescan_and_diff(qtbot: QtBot, tmp_path: Path) -> None:
    engines = recorded_engines(seconds=0.3)
    window = walk.open_wizard(qtbot, engines)
    paths = walk.walk_once(qtbot, window, tmp_path / "first", 5000, label="Anna's laptop")
    walk.check_exports(paths, window)
    remembered = load_last_answers()
    assert remembered is not None and remembered.household.people == 3  # for next time

    window.open_history()
    history = window._history_window
    assert history.runs.rowCount() == 1
    assert "Run the wizard twice" in history.diff.text()

    # Second run through Rescan, with a scan where the printer is gone and a tablet is new.
    window.ctx.engines = recorded_engines(0.3, scan_file="scan2.json")
    history.rescan()
    assert window.current_index == 1
    walk.walk_once(qtbot, window, tmp_path / "second", 5000)
    history.refresh()
    assert history.runs.rowCount() == 2
    diff = history.diff.text()
    assert "1 new, 1 gone" in diff and "Galaxy-Tab" in diff and "BRW30055CAABBCC" in diff
    assert history.charts.count() == 3


def test_cancel_a_running_speed_test_and_scan(qtbot: QtBot) -> None:
    window = walk.open_wizard(qtbot, recorded_engines(seconds=5.0))
    walk.press_next(qtbot, window)
    speed = window.current_page
    walk.cancel_running(qtbot, speed, speed.start)
    assert window.ctx.state.speed is None and window.next_button.isEnabled()
    walk.press_next(qtbot, window)
    devices = window.current_page
    walk.cancel_running(qtbot, devices, lambda: devices.start(window.ctx.engines.scan))
    assert window.ctx.state.scan is None and window.next_button.isEnabled()


def test_the_deeper_scan_is_offered_after_an_unprivileged_scan(qtbot: QtBot) -> None:
    window = walk.open_wizard(qtbot, recorded_engines(seconds=0.2))
    walk.press_next(qtbot, window)
    walk.press_next(qtbot, window)
    walk.run_scan(qtbot, window, 5000)
    page = window.current_page
    assert load_json("scan.json")["method"] == "neighbor"
    assert page.deeper_button.isVisible()
    assert "needs administrator rights" in page.method_note.text()
    page.start_deeper()
    walk.wait_idle(qtbot, window, 5000)
    assert window.ctx.state.scan.method == "arp" and not page.deeper_button.isVisible()
