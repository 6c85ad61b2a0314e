"""`router-advisor run`: the whole wizard without a screen, saved as one run in the history."""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from router_advisor.cli.history_cmd import common_options
from router_advisor.cli.lazy import lazy_import
from router_advisor.cli.output import TextProgress, print_json
from router_advisor.errors import UserInputError

# Typed as the modules they are; loaded on first use.
if TYPE_CHECKING:
    from router_advisor.services import history
    from router_advisor.services import recommend as recommend_service
    from router_advisor.services import run as run_service
else:
    history = lazy_import("router_advisor.services.history")
    recommend_service = lazy_import("router_advisor.services.recommend")
    run_service = lazy_import("router_advisor.services.run")


def _refuse_conflicts(args: argparse.Namespace) -> None:
    """An option that a --no-... option would silently ignore is a mistake: say so."""
    if args.no_scan and (args.iface is not None or args.cidr is not None):
        raise UserInputError(
            "--iface and --cidr choose what to scan; leave them out with --no-scan."
        )
    if args.no_speed and args.server_url is not None:
        raise UserInputError(
            "--server-url chooses the speed-test server; leave it out with --no-speed."
        )


def _next_step(run: int, scanned: bool, previous_scan: int | None) -> str:
    show = f"Saved run {run}. `router-advisor history show {run}` shows it"
    if not scanned:
        return f"{show}. It has no network scan, so `history diff` cannot compare it."
    if previous_scan is None:
        return (
            f"{show}; run again another day and `router-advisor history diff` shows what changed."
        )
    return f"{show}; `router-advisor history diff` compares its devices with run {previous_scan}."


def _run(args: argparse.Namespace) -> int:
    _refuse_conflicts(args)
    answers = recommend_service.load_answers(args.answers)
    options = run_service.RunOptions(
        speed=not args.no_speed,
        scan=not args.no_scan,
        iface=args.iface,
        cidr=args.cidr,
        server_url=args.server_url,
        walk=args.walk,
    )
    progress = TextProgress()
    with history.open_history(args.db) as store:
        try:
            new_id = run_service.run_wizard(answers, store, options, progress=progress)
        finally:
            progress.close()
        saved = history.show_run(store, new_id) if args.json else None
        latest = store.latest_two()
    if saved is not None:
        print_json(saved.to_dict())
    else:
        print(new_id)
        previous = latest[0] if latest is not None and latest[1] == new_id else None
        print(_next_step(new_id, not args.no_scan, previous), file=sys.stderr)
    return 0


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    common = common_options()
    p = subparsers.add_parser(
        "run",
        parents=[common],
        help="the whole wizard without a screen: measure, scan, "
        "recommend and save a run; prints the run id",
        description="Measure the connection, scan the network, rank routers for your answers "
        "and keep it all in the history, to compare with later runs.",
    )
    p.add_argument(
        "--answers",
        type=Path,
        required=True,
        metavar="FILE",
        help="your answers (TOML, or JSON by its .json suffix); "
        "`router-advisor examples` lists examples",
    )
    p.add_argument("--no-speed", action="store_true", help="skip the speed test")
    p.add_argument("--no-scan", action="store_true", help="skip the network scan")
    p.add_argument("--iface", metavar="IF", help="interface to scan (default: the default route's)")
    p.add_argument("--cidr", metavar="CIDR", help="subnet to scan (default: the interface's)")
    p.add_argument(
        "--server-url",
        metavar="URL",
        help="your own speed-test server's upload URL instead of speedtest.net",
    )
    p.add_argument(
        "--walk",
        action="store_true",
        help="rank with your walk test's measured node count (see `walk report`)",
    )
    p.set_defaults(handler=_run)
