"""The speed page's Server row with real widgets (issue 15: the Welcome page promised a
server of your choice that the app did not offer), and a broken settings file reported in
the window instead of the test going to the nearest server."""

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from router_advisor.gui.pages.server_row import BY_ID, OWN
from router_advisor.gui.settings import Settings, SettingsProblem, settings_path

from tests.gui import walk
from tests.gui.recorded import recorded_engines


def speed_page(qtbot: QtBot, engines=None):
    """The wizard on its speed page, with an engine that records the settings it was given."""
    used: list[Settings] = []
    engines = engines or recorded_engines(seconds=0.1)
    measure = engines.speed

    def speed(progress, cancel, settings):
        used.append(settings)
        return measure(progress, cancel, settings)

    window = walk.open_wizard(qtbot, replace(engines, speed=speed))
    walk.press_next(qtbot, window)
    return window, window.current_page, used


def click(qtbot: QtBot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_row_is_collapsed_and_says_automatic(qtbot: QtBot) -> None:
    window, page, used = speed_page(qtbot)
    row = page.server_row
    assert row.toggle.isVisible() and not row.panel.isVisible()
    assert row.toggle.text() == "Ser&ver: automatic (the nearest)"
    walk.run_speed(qtbot, window, 5000)
    assert used == [Settings()]


def test_pick_a_nearby_server_by_distance_and_sponsor_and_it_is_remembered(
    qtbot: QtBot, app_home: Path
) -> None:
    window, page, used = speed_page(qtbot)
    row = page.server_row
    click(qtbot, row.toggle)
    assert row.panel.isVisible()
    click(qtbot, row.list_button)
    qtbot.waitUntil(lambda: row.nearby.count() == 2, timeout=3000)
    assert row.nearby.itemText(0) == "Example Fibre (Amsterdam, Netherlands), 3 km"
    assert row.nearby.itemText(1) == "Example Cable (Utrecht, Netherlands), 36 km"
    row.nearby.setCurrentIndex(1)
    click(qtbot, row.use_button)
    assert "Example Cable (Utrecht, Netherlands), 36 km (id 20005)" in row.toggle.text()
    assert Settings.load() == Settings(server_id="20005")
    assert str(settings_path()) in row.note.text()
    walk.run_speed(qtbot, window, 5000)
    assert used[-1].server_id == "20005"

    # A new window reads the choice back from settings.toml.
    _, page2, _ = speed_page(qtbot, replace(recorded_engines(0.1), settings=Settings.load()))
    assert page2.server_row.toggle.text() == "Ser&ver: id 20005"
    assert page2.server_row.choices.checkedId() == BY_ID


def test_a_server_id_or_own_server_is_checked_before_use(qtbot: QtBot) -> None:
    window, page, used = speed_page(qtbot)
    row = page.server_row
    click(qtbot, row.toggle)
    qtbot.keyClicks(row.server_id, "abc")
    assert row.choices.checkedId() == BY_ID
    click(qtbot, row.use_button)
    assert "is not a number" in row.error.text() and row.error.isVisible()
    assert Settings.load() == Settings()
    qtbot.keyClicks(row.server_url, "http://10.0.0.2:8080/speedtest/upload.php")
    assert row.choices.checkedId() == OWN
    click(qtbot, row.use_button)
    assert not row.error.isVisible()
    assert Settings.load().server_url == "http://10.0.0.2:8080/speedtest/upload.php"
    walk.run_speed(qtbot, window, 5000)
    assert used[-1].server_url == "http://10.0.0.2:8080/speedtest/upload.php"
    assert used[-1].server_id is None


def test_a_broken_settings_file_is_shown_and_holds_the_test_back(
    qtbot: QtBot, app_home: Path
) -> None:
    path = settings_path()
    broken = '[engines]\nserver_url = "http://10.0.0.2:8080/speedtest/upload.php\n'
    path.write_text(broken, encoding="utf-8")
    try:
        Settings.load()
    except SettingsProblem as exc:
        problem = str(exc)
    window, page, used = speed_page(qtbot, replace(recorded_engines(0.1), settings_problem=problem))
    row = page.server_row
    assert row.problem.isVisible()
    assert str(path) in row.problem.text() and "line 2" in row.problem.text()
    click(qtbot, page.start_button)
    assert used == [] and page.job is None
    assert "Your settings could not be read" in page.error.text()
    assert row.panel.isVisible()  # opened, so the choice is right there

    # An explicit choice runs the test, and the broken file is not overwritten.
    click(qtbot, row.use_button)  # automatic, chosen in the window
    assert "not saved" in row.note.text()
    walk.run_speed(qtbot, window, 5000)
    assert used == [Settings()]
    assert path.read_text(encoding="utf-8") == broken
