"""The GUI's door to the history of runs: save the finished wizard, read runs, diff, trend."""

import datetime
from dataclasses import dataclass
from pathlib import Path

from app import __version__, home
from app.gui.settings import Settings
from app.gui.state import WizardState
from app.history.records import DeviceLabel, NewRun, RunDiff, RunSummary
from app.history.store import HistoryStore

HISTORY_FILE = "history.db"


def db_path(settings: Settings) -> Path:
    return Path(settings.history_db) if settings.history_db else home.data_dir() / HISTORY_FILE


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def save_run(state: WizardState, settings: Settings) -> int:
    """Save the answers, measurements, recommendation and the person's device names."""
    rec = state.recommendation
    top = rec.shortlist[0].router.key if rec is not None and rec.shortlist else None
    with HistoryStore(db_path(settings)) as store:
        run_id = store.save_run(NewRun(
            created_at=_now(), app_version=__version__, answers=state.answers,
            speed=state.speed, scan=state.scan,
            recommendation=rec.to_dict() if rec is not None else None, top_pick=top))
        for mac, name in state.labels.items():
            store.label_device(mac, DeviceLabel(name=name, known=True), _now())
    return run_id


@dataclass(frozen=True)
class HistoryOverview:
    """What the history window shows: runs newest first, and the last two scans' diff."""

    runs: list[RunSummary]
    diff: RunDiff | None


def overview(settings: Settings) -> HistoryOverview:
    with HistoryStore(db_path(settings)) as store:
        pair = store.latest_two()
        return HistoryOverview(runs=store.list_runs(),
                               diff=store.diff(*pair) if pair else None)


def last_answers(settings: Settings) -> dict | None:
    """The answers of the newest run that has them, for Rescan."""
    with HistoryStore(db_path(settings)) as store:
        for summary in store.list_runs(limit=20):
            answers = store.get_run(summary.id).answers
            if answers:
                return answers
    return None
