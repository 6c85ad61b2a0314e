"""Regenerate assets/screenshots/: every wizard page, the history window and the walk test
(plus the comparison and the catalog browser), drawn offscreen from recorded results.

Nothing is measured: the engines replay tests/gui/data, so this never touches a network.
Run from the checkout: /work/venv/bin/python packaging/screenshots.py
"""

import json
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT = REPO_ROOT / "assets" / "screenshots"
SIZE = (1060, 760)
SCREEN = {"name": "Laptop", "x": 0, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96}


def main() -> int:
    home = tempfile.mkdtemp(prefix="ra-screens-")
    os.environ["ROUTER_ADVISOR_HOME"] = home
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        # The offscreen screen is 800x800 unless told: a laptop's, so dialogs sized to the
        # screen (the comparison) look as they do on one.
        config = Path(home) / "offscreen-screen.json"
        config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    sys.path.insert(0, str(REPO_ROOT))
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDialog, QWidget
    from router_advisor.core.answers import answers_from_dict
    from router_advisor.core.speed import SpeedResult
    from router_advisor.gui.app import create_application
    from router_advisor.gui.wizard import WizardWindow

    from tests.gui.recorded import (
        NEARBY,
        WALK_PLAN,
        load_json,
        recorded_engines,
        replay,
        seed_earlier_walk,
        seed_history,
    )

    app = create_application()
    OUT.mkdir(parents=True, exist_ok=True)
    seed_history()

    def settle(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def wait_idle(window: WizardWindow) -> None:
        while window.ctx.runner.busy:
            settle(0.05)
        settle()

    def save(widget: QWidget, name: str) -> None:
        settle()
        path = OUT / f"{name}.png"
        widget.grab().save(str(path))
        print(path.relative_to(REPO_ROOT))

    engines = recorded_engines(seconds=0.2, scan_file="scan2.json")
    # The recorded test ran against the nearby server the speed page shows picked.
    speed = replace(SpeedResult.from_dict(load_json("speed.json")), server=NEARBY[0])
    engines = replace(engines, speed=replay(speed, 0.2, rate=lambda i: 40.0 + 5 * i))
    window = WizardWindow(engines)
    window.resize(*SIZE)
    window.show()
    window.ctx.state.answers = answers_from_dict(load_json("answers-house.json"))
    save(window, "1-welcome")
    window.next()
    server = window.current_page.server_row  # a nearby server picked in the Server row
    server.list_nearby()
    wait_idle(window)
    server.apply()
    window.current_page.start()
    wait_idle(window)
    server.toggle.setChecked(True)
    save(window, "2-speed")
    server.toggle.setChecked(False)
    window.next()
    window.current_page.start(window.ctx.engines.scan)
    wait_idle(window)
    window.current_page.table.item(1, 0).setText("Anna's laptop")
    save(window, "3-devices")
    window.next()
    save(window, "4-home")
    window.next()
    wait_idle(window)
    recs = window.current_page
    recs.cards[0].compare.setChecked(True)
    recs.cards[2].compare.setChecked(True)
    save(window, "5-recommendations")
    for opener, name in ((recs.open_comparison, "5b-compare"), (recs.open_catalog, "5c-catalog")):
        opener()
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        )
        save(dialog, name)
        dialog.close()
    window.next()
    window.current_page.list.item(0).setCheckState(Qt.CheckState.Checked)
    save(window, "6-questions")
    window.next()
    window.current_page.folder.setText("/home/you/Documents/Router Advisor")
    save(window, "7-export")

    # A second run with the first scan, so the history has a diff and a trend to show.
    window.ctx.engines = recorded_engines(seconds=0.2, scan_file="scan.json")
    window.open_history()
    history = window._history_window
    history.rescan()
    window.current_page.start()
    wait_idle(window)
    window.next()
    window.current_page.start(window.ctx.engines.scan)
    wait_idle(window)
    for _ in range(4):
        window.next()
        wait_idle(window)
    history.refresh()
    history.resize(*SIZE)
    save(history, "8-history")

    # The walk test: an earlier walk to compare with, then a room-by-room walk now.
    seed_earlier_walk()
    window.open_walk()
    walker = window._walk_window
    walker.resize(*SIZE)
    for room in WALK_PLAN:
        walker.room.setText(room)
        walker.measure()
        while walker.job is not None:
            settle(0.05)
    walker.room.setText("Bedroom 3")
    save(walker, "9-walk")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
