"""The walk window's door to the history (router_advisor.services.walk): keep a stop in the
current walk, undo it, start a new walk, and read the current walk's report. Each call opens
the history briefly, as the History window does, so the CLI and the app can share it."""

from router_advisor.core.walk import WalkStop
from router_advisor.core.walk_report import WalkReport
from router_advisor.errors import RouterAdvisorError
from router_advisor.gui.history_io import db_path
from router_advisor.gui.settings import Settings
from router_advisor.services import history, walk


def current_report(settings: Settings) -> WalkReport:
    with history.open_history(db_path(settings), create=False) as store:
        return walk.report(store)


def walk_for_recommendation(settings: Settings) -> WalkReport | None:
    """The current walk when it has rooms (its node count replaces the area estimate);
    None without one, or when the history cannot be read (the ranking goes on without)."""
    try:
        report = current_report(settings)
    except RouterAdvisorError:
        return None
    return report if report.rooms else None


def keep_stop(settings: Settings, stop: WalkStop) -> WalkReport:
    with history.open_history(db_path(settings)) as store:
        walk.keep_stop(store, stop)
        return walk.report(store)


def undo_last(settings: Settings) -> tuple[WalkStop | None, WalkReport]:
    with history.open_history(db_path(settings), create=False) as store:
        removed = walk.undo_last(store)
        return removed, walk.report(store)


def new_walk(settings: Settings) -> WalkReport:
    with history.open_history(db_path(settings)) as store:
        walk.new_walk(store)
        return walk.report(store)
