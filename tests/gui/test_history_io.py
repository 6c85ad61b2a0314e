"""What the history keeps for the GUI: one answers shape whoever saved the run, older rows
still read for Rescan, and the top pick shown by the model's own name."""

from dataclasses import asdict

from pytestqt.qtbot import QtBot
from router_advisor.core.answers import answers_from_dict, answers_to_file_dict
from router_advisor.gui import history_io
from router_advisor.gui.history_window import HistoryWindow
from router_advisor.gui.settings import Settings
from router_advisor.history.records import NewRun
from router_advisor.services import history
from router_advisor.services.run import RunOptions, run_wizard

from tests.core.fixture_catalog import fixture_routers
from tests.gui import walk
from tests.gui.recorded import load_json, recorded_engines


def _stored_answers() -> list[dict]:
    with history.open_history() as store:
        return [history.show_run(store, s.id).answers for s in history.list_runs(store)]


def test_the_gui_and_run_wizard_save_answers_in_the_same_file_shape() -> None:
    answers = answers_from_dict(load_json("answers.json"))
    with history.open_history() as store:
        run_wizard(answers, store, RunOptions(speed=False, scan=False), routers=fixture_routers())
    history_io.save_run(Settings(), answers, None, None, None, {})
    by_gui, by_run = _stored_answers()
    assert by_gui == by_run == answers_to_file_dict(answers)
    assert "budget_usd" not in by_run and by_run["budget"] == {"max_usd": 300.0}


def test_rescan_reads_answers_saved_in_the_older_dataclass_shape() -> None:
    answers = answers_from_dict(load_json("answers.json"))
    with history.open_history() as store:
        store.save_run(
            NewRun(created_at="2025-01-01T00:00:00Z", app_version="0.1.0", answers=asdict(answers))
        )
    assert history_io.last_answers(Settings()) == answers


def test_the_history_shows_the_top_pick_by_its_display_name(qtbot: QtBot) -> None:
    engines = recorded_engines(seconds=0.05)
    window = walk.open_wizard(qtbot, engines)
    when = "2025-01-01T00:00:00Z"
    with history.open_history() as store:
        store.save_run(NewRun(when, "0.1.0", top_pick="no such/model"))
    # a run without a recommendation
    history_io.save_run(Settings(), answers_from_dict({}), None, None, None, {})
    real = next(r for r in engines.routers() if r.kind == "mesh" and r.pack_size > 1)
    with history.open_history() as store:
        store.save_run(NewRun(when, "0.1.0", top_pick=real.key))
    history_window = HistoryWindow(window.ctx, parent=window)
    column = history_window.runs.columnCount() - 1
    shown = [history_window.runs.item(row, column).text() for row in range(3)]
    assert shown == [real.display_name, "none", "no such model"]


def test_looking_at_the_history_creates_no_file(app_home) -> None:
    from router_advisor.gui.history_io import last_answers, overview
    from router_advisor.gui.settings import Settings

    settings = Settings()
    assert overview(settings).runs == [] and last_answers(settings) is None
    assert not (app_home / "history.db").exists()
