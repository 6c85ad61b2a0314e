"""The GUI half of the namespace walk-through. Run only by test_walk_netns.py, as
`ip netns exec LAPTOP python -m pytest tests/gui/_walk_inner.py`: this process lives in the
lab's laptop namespace, so the engines can only reach the lab LAN and its speed server.

Between the two runs it asks the outer test (through files in GUI_LAB_DIR) to unplug one
host and plug in a new one, then checks that the history window reports exactly those.
"""

import json
import os
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from router_advisor.gui.engines import real_engines
from router_advisor.gui.settings import Settings

from tests.gui import walk

LAB = os.environ.get("GUI_LAB_DIR")
pytestmark = pytest.mark.skipif(not LAB, reason="run by tests/gui/test_walk_netns.py only")


def _lab_settings() -> Settings:
    return Settings(
        iface=os.environ["GUI_LAB_IFACE"],
        cidr=os.environ["GUI_LAB_CIDR"],
        server_url=os.environ["GUI_LAB_SERVER_URL"],
        speed_max_seconds=6.0,
    )


def _ask_outer(step: str, timeout: float = 60) -> dict:
    lab = Path(str(LAB))
    (lab / f"{step}.request").write_text("", encoding="utf-8")
    done = lab / f"{step}.done"
    deadline = time.monotonic() + timeout
    while not done.exists():
        assert time.monotonic() < deadline, f"the outer test did not answer {step}"
        time.sleep(0.1)
    return json.loads(done.read_text(encoding="utf-8"))


def test_walk_on_the_lab_lan(qtbot: QtBot, tmp_path: Path) -> None:
    expected = json.loads(os.environ["GUI_LAB_EXPECTED"])
    window = walk.open_wizard(qtbot, real_engines(_lab_settings()))

    # Cancel a running speed test and a running scan first; both must stop within 1 s.
    walk.press_next(qtbot, window)
    speed = window.current_page
    walk.cancel_running(qtbot, speed, speed.start)
    walk.press_next(qtbot, window)
    devices = window.current_page
    walk.cancel_running(qtbot, devices, lambda: devices.start(window.ctx.engines.scan))
    window.back()
    window.back()

    paths = walk.walk_once(qtbot, window, tmp_path / "first", 60000, label="Lab printer")
    state = window.ctx.state
    assert state.speed.download_mbps > 1 and state.speed.server is not None
    found = {d.ip: d.mac for d in state.scan.devices}
    assert found == expected, "the GUI's scan must find exactly the lab's live hosts"
    walk.check_exports(paths, window)

    change = _ask_outer("change-hosts")
    window.open_history()
    history = window._history_window
    history.rescan()
    walk.walk_once(qtbot, window, tmp_path / "second", 60000)
    history.refresh()
    assert history.runs.rowCount() == 2
    diff = history.diff.text()
    assert "1 new, 1 gone" in diff, diff
    assert change["added"] in diff and change["removed"] in diff
