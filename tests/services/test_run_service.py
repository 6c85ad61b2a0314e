"""services/run: the wizard without a screen, saved through the one save path."""

from pathlib import Path

import pytest
from router_advisor.core.answers import answers_from_dict
from router_advisor.core.progress import Cancelled, CancelToken
from router_advisor.services import history
from router_advisor.services.run import RunOptions, run_wizard

from tests.core.fixture_catalog import fixture_routers

NOTHING_MEASURED = RunOptions(speed=False, scan=False)


def test_a_run_without_measurements_is_saved_with_its_top_pick(tmp_path: Path) -> None:
    answers = answers_from_dict({"budget": {"max_usd": 120}})
    with history.open_history(tmp_path / "runs.db") as store:
        run_id = run_wizard(answers, store, NOTHING_MEASURED, routers=fixture_routers())
        run = history.show_run(store, run_id)
    assert run.speed is None and run.scan is None  # skipped, not zero
    assert run.recommendation is not None
    top = run.recommendation["shortlist"][0]
    assert run.summary.top_pick == top["key"] and top["price_usd"] <= 120


def test_a_cancelled_run_saves_nothing(tmp_path: Path) -> None:
    cancel = CancelToken()
    cancel.cancel()
    with history.open_history(tmp_path / "runs.db") as store:
        with pytest.raises(Cancelled):
            run_wizard(
                answers_from_dict({}),
                store,
                NOTHING_MEASURED,
                routers=fixture_routers(),
                cancel=cancel,
            )
        assert history.list_runs(store) == []
