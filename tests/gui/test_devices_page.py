"""The Devices page says what a scan can and cannot see, and lists each device once
(issue 15: it promised "every device that is switched on" and missed every sleepy phone)."""

from dataclasses import replace

from pytestqt.qtbot import QtBot
from router_advisor.core.scan import ScanResult
from router_advisor.core.wording import SCAN_LIMITS

from tests.gui import walk
from tests.gui.recorded import load_json, recorded_engines


def test_the_scan_says_what_it_cannot_see_for_both_methods(qtbot: QtBot) -> None:
    window = walk.open_wizard(qtbot, recorded_engines(seconds=0.1))
    walk.press_next(qtbot, window)
    walk.press_next(qtbot, window)
    page = window.current_page
    walk.run_scan(qtbot, window, 5000)
    assert window.ctx.state.scan.method == "neighbor"
    assert SCAN_LIMITS in page.method_note.text()
    page.start_deeper()
    walk.wait_idle(qtbot, window, 5000)
    assert window.ctx.state.scan.method == "arp"
    note = page.method_note.text()
    assert SCAN_LIMITS in note and "every device" not in note


def test_a_device_reported_twice_is_one_row(qtbot: QtBot) -> None:
    recorded = ScanResult.from_dict(load_json("scan.json"))
    doubled = replace(recorded, devices=recorded.devices + recorded.devices[:3])
    window = walk.open_wizard(qtbot, recorded_engines(seconds=0.1))
    walk.press_next(qtbot, window)
    walk.press_next(qtbot, window)
    page = window.current_page
    page.show_result(doubled)
    ips = [page.table.item(row, 3).text() for row in range(page.table.rowCount())]
    assert sorted(ips) == sorted(d.ip for d in recorded.devices)
    assert f"Found {len(recorded.devices)} devices" in page.status.text()
