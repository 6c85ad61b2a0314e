"""The GUI half of test_server_netns.py, run in the lab WAN's laptop namespace: the app's
real engines, with the speed-test directory given only by ROUTER_ADVISOR_SPEEDTEST_DIRECTORY
(as the CLI honours it), so nothing can reach anything but the lab's speed server."""

import os

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from router_advisor.gui.engines import real_engines
from router_advisor.gui.settings import Settings

from tests.gui import walk

LAB_SERVER = os.environ.get("GUI_LAB_SERVER_URL")
pytestmark = pytest.mark.skipif(not LAB_SERVER, reason="run by tests/gui/test_server_netns.py")


def test_pick_the_lab_server_from_the_nearby_list_then_a_self_hosted_url(qtbot: QtBot) -> None:
    engines = real_engines(Settings.load())
    window = walk.open_wizard(qtbot, engines)
    walk.press_next(qtbot, window)
    page = window.current_page
    row = page.server_row
    qtbot.mouseClick(row.toggle, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(row.list_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: row.nearby.count() > 0 or row.error.isVisible(), timeout=20000)
    assert not row.error.isVisible(), row.error.text()
    listed = row.nearby.itemText(0)  # sponsor (name, country), distance
    assert listed.startswith("Router Advisor test lab (") and listed.endswith("), 0 km"), listed
    qtbot.mouseClick(row.use_button, Qt.MouseButton.LeftButton)
    assert Settings.load().server_id == "4242"
    walk.run_speed(qtbot, window, 30000)
    server = window.ctx.state.speed.server
    assert (server.id, server.sponsor) == ("4242", "Router Advisor test lab")

    row.server_url.clear()
    qtbot.keyClicks(row.server_url, str(LAB_SERVER))
    qtbot.mouseClick(row.use_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    walk.wait_idle(qtbot, window, 30000)
    server = window.ctx.state.speed.server
    assert (server.url, server.sponsor) == (LAB_SERVER, "self-hosted")
    assert Settings.load() == Settings(server_url=LAB_SERVER)
