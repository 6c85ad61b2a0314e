"""The GUI's door to the history of runs (router_advisor.services.history): save the finished wizard
with the person's device names, and read runs, the latest diff and the trend."""

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from router_advisor.core.answers import Answers, answers_from_dict, saved_answers_to_file_dict
from router_advisor.core.recommend import Recommendation
from router_advisor.core.scan import ScanResult
from router_advisor.core.speed import SpeedResult
from router_advisor.errors import UserInputError
from router_advisor.gui.settings import Settings
from router_advisor.history.records import RunDiff, RunSummary
from router_advisor.services import history


def db_path(settings: Settings) -> Path | None:
    return Path(settings.history_db) if settings.history_db else None


def save_run(
    settings: Settings,
    answers: Answers,
    speed: SpeedResult | None,
    scan: ScanResult | None,
    recommendation: Recommendation | None,
    labels: Mapping[str, str],
) -> int:
    """Save the finished wizard through the save path `router-advisor run` uses too."""
    with history.open_history(db_path(settings)) as store:
        return history.save_run(store, answers, speed, scan, recommendation, labels)


@dataclass(frozen=True)
class HistoryOverview:
    """What the history window shows: runs newest first, and the last two scans' diff."""

    runs: list[RunSummary]
    diff: RunDiff | None


def overview(settings: Settings) -> HistoryOverview:
    with history.open_history(db_path(settings), create=False) as store:
        runs = history.list_runs(store)
        try:
            diff: RunDiff | None = history.diff_runs(store)
        except UserInputError:  # fewer than two runs with a scan
            diff = None
        return HistoryOverview(runs=runs, diff=diff)


def last_answers(settings: Settings) -> Answers | None:
    """The answers of the newest run that has valid ones, for Rescan, whatever shape the run
    was saved in."""
    with history.open_history(db_path(settings), create=False) as store:
        for summary in history.list_runs(store, limit=20):
            answers = history.show_run(store, summary.id).answers
            if not answers:
                continue
            try:
                return answers_from_dict(saved_answers_to_file_dict(answers))
            except UserInputError:
                continue
    return None
