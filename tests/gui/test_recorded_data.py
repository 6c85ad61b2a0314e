"""The recorded results the walk-through and the screenshots replay agree with the real
grading: a fixture must never show a grade or verdict the app itself would not give."""

from router_advisor.core.bufferbloat import bufferbloat_grade, latency_increase
from router_advisor.core.speed import SpeedResult
from router_advisor.services import history

from tests.gui.recorded import load_json, measured_speed, seed_history


def test_the_recorded_speed_result_has_the_grade_and_verdicts_the_app_computes() -> None:
    data = load_json("speed.json")
    assert SpeedResult.from_dict(data) == measured_speed(data)


def test_the_seeded_history_grades_every_run_on_the_dslreports_scale() -> None:
    seed_history()
    with history.open_history() as store:
        runs = history.list_runs(store)
    assert len(runs) == 3
    for run in runs:
        increase = latency_increase(run.idle_latency_ms, run.loaded_latency_ms)
        assert run.grade == bufferbloat_grade(increase)
    assert {r.loaded_latency_ms: r.grade for r in runs}[310.0] == "D"  # +298 ms
