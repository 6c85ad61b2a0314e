"""services/history on real SQLite files: the one save path, labels, reading and pruning."""

import json
from pathlib import Path

import pytest
from router_advisor.core.answers import answers_from_dict, answers_to_file_dict
from router_advisor.core.recommend import recommend
from router_advisor.errors import UserInputError
from router_advisor.services import history

from tests.core.fixture_catalog import fixture_routers
from tests.history import factory

ANSWERS = {"home": {"size_sqft": 1400, "floors": 2}, "budget": {"max_usd": 250}}


def test_save_run_keeps_everything_a_finished_wizard_has(tmp_path: Path) -> None:
    answers = answers_from_dict(ANSWERS)
    scan = factory.scan([factory.device(1), factory.device(2)])
    speed = factory.speed(150.0)
    rec = recommend(answers, fixture_routers(), speed, scan, top=3)
    mac = scan.devices[0].mac
    path = tmp_path / "runs.db"
    with history.open_history(path) as store:
        run_id = history.save_run(store, answers, speed, scan, rec, {mac: "Anna's laptop"})
    assert path.is_file()
    with history.open_history(path, create=False) as store:
        run = history.show_run(store, run_id)
        (summary,) = history.list_runs(store)
    # The answers file's shape, in the unit the person gave (sq ft), whoever saved it.
    assert run.answers == answers_to_file_dict(answers)
    assert "size_sqft" in run.answers["home"]
    assert run.summary.top_pick == summary.top_pick == rec.shortlist[0].router.key
    assert run.recommendation == json.loads(json.dumps(rec.to_dict()))
    assert summary.top_pick_name == rec.shortlist[0].router.display_name
    named = {d.mac: (d.label, d.known) for d in run.devices}
    assert named[mac] == ("Anna's laptop", True)


def test_a_run_without_a_recommendation_has_no_top_pick(tmp_path: Path) -> None:
    with history.open_history(tmp_path / "runs.db") as store:
        run_id = history.save_run(store, answers_from_dict({}), None, None, None)
        run = history.show_run(store, run_id)
    assert (run.summary.top_pick, run.recommendation, run.speed, run.scan) == (None,) * 4


def test_reading_a_history_that_is_not_there_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "runs.db"
    with (
        pytest.raises(UserInputError, match="There is no history at"),
        history.open_history(missing, create=False),
    ):
        pass
    assert not missing.parent.exists()


def test_labels_take_the_words_people_read(tmp_path: Path) -> None:
    with history.open_history(tmp_path / "runs.db") as store:
        store.save_run(factory.run([factory.device(1), factory.device(2)]))
        mac1, mac2 = factory.device(1).mac, factory.device(2).mac
        assert history.label_device(store, mac1, kind="smart-home")[1].kind == "iot"
        assert history.label_device(store, mac2, kind="TV / streamer")[1].kind == "tv"
        with pytest.raises(UserInputError, match="choose one of: phone, computer, tv"):
            history.label_device(store, mac1, kind="fridge")
        with pytest.raises(UserInputError, match="61 characters long; keep it to 60"):
            history.label_device(store, mac1, name="x" * 61)


def test_diff_needs_two_scanned_runs_and_prune_keeps_the_newest(tmp_path: Path) -> None:
    with history.open_history(tmp_path / "runs.db") as store:
        store.save_run(factory.run([factory.device(1)], created_at="2025-01-01T10:00:00Z"))
        with pytest.raises(UserInputError):
            history.diff_runs(store)
        store.save_run(
            factory.run([factory.device(1), factory.device(3)], created_at="2025-02-01T10:00:00Z")
        )
        assert [d.mac for d in history.diff_runs(store).devices.new] == [factory.device(3).mac]
        assert history.prune(store, keep=1) == 1
        assert [r.created_at for r in history.list_runs(store)] == ["2025-02-01T10:00:00Z"]
