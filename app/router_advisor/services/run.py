"""The whole wizard without a screen: measure the speed, scan the network, recommend, save.

Steps the person skipped are stored as missing, so a later `history trend` or `diff` knows
the difference between "not measured" and "zero".
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from router_advisor.core.answers import Answers
from router_advisor.core.progress import CancelToken, ProgressCallback, ignore_progress
from router_advisor.core.recommend import recommend
from router_advisor.core.router import Router
from router_advisor.errors import UserInputError
from router_advisor.history.store import HistoryStore
from router_advisor.services import history, walk
from router_advisor.services.catalog import load_routers
from router_advisor.services.scan import scan
from router_advisor.services.speed import measure


@dataclass(frozen=True)
class RunOptions:
    """Which steps to run and where: None means the defaults the GUI would use."""

    speed: bool = True
    scan: bool = True
    iface: str | None = None
    cidr: str | None = None
    server_url: str | None = None
    walk: bool = False  # rank with the current walk test's node count (refused without one)


def _walk_nodes(store: HistoryStore) -> int:
    report = walk.report(store)
    if report.nodes_suggested is None:
        raise UserInputError(
            "--walk uses your walk test, but no room has been measured yet: run "
            "`router-advisor walk measure --room NAME` in each room first."
        )
    return report.nodes_suggested


def run_wizard(
    answers: Answers,
    store: HistoryStore,
    options: RunOptions,
    routers: Sequence[Router] | None = None,
    progress: ProgressCallback = ignore_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Measure, scan and recommend as `options` say, save it all as one run; return its id.

    `routers` defaults to the real catalog. Nothing is saved when a step fails or is cancelled.
    With `options.walk` the current walk test's node count replaces the area estimate; the
    walk is kept with the run either way (history.save_run).
    """
    cancel = cancel or CancelToken()
    nodes = _walk_nodes(store) if options.walk else None  # refused before anything runs
    speed = (
        measure(server_url=options.server_url, progress=progress, cancel=cancel)
        if options.speed
        else None
    )
    cancel.raise_if_cancelled()
    found = (
        scan(options.iface, options.cidr, progress=progress, cancel=cancel)
        if options.scan
        else None
    )
    catalog = load_routers() if routers is None else routers
    today = date.today().isoformat()
    result = recommend(answers, catalog, speed, found, today=today, measured_nodes=nodes)
    cancel.raise_if_cancelled()
    return history.save_run(store, answers, speed, found, result)
