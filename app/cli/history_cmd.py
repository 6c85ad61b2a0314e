"""`router-advisor run`, `history ...` and `devices label`: save runs, compare, name devices."""

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.lazy import lazy_import
from app.cli.output import TextProgress, print_json, print_table
from app.core.device_diff import DeviceDiff, SeenDevice
from app.core.scan import DEVICE_KINDS
from app.errors import UserInputError
from app.history.records import RunSummary, StoredRun

history = lazy_import("app.services.history")
recommend_service = lazy_import("app.services.recommend")
run_service = lazy_import("app.services.run")


def _when(iso: str) -> str:
    """'2025-01-01T10:00:00Z' -> '2025-01-01 10:00' for tables."""
    return iso.replace("T", " ")[:16]


def _num(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def common_options() -> argparse.ArgumentParser:
    """--db and --json, shared by every history and devices command."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="history database file (default: history.db in the data folder)",
    )
    parent.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parent


def _summary_rows(runs: list[RunSummary]) -> list[list[object]]:
    return [
        [
            r.id,
            _when(r.created_at),
            _num(r.download_mbps),
            _num(r.upload_mbps),
            _num(r.idle_latency_ms, 0),
            _num(r.loaded_latency_ms, 0),
            r.grade or "-",
            "not scanned" if r.device_count is None else r.device_count,
            r.top_pick,
        ]
        for r in runs
    ]


_SUMMARY_HEADERS = (
    "run",
    "date (UTC)",
    "down Mbit/s",
    "up Mbit/s",
    "idle ms",
    "loaded ms",
    "grade",
    "devices",
    "top pick",
)


def _list(args: argparse.Namespace) -> int:
    with history.open_history(args.db) as store:
        runs = history.list_runs(store, args.limit)
    if args.json:
        print_json([r.to_dict() for r in runs])
    elif not runs:
        print("No runs saved yet. `router-advisor run --answers FILE` makes one.")
    else:
        print_table(_SUMMARY_HEADERS, _summary_rows(runs))
    return 0


def _device_rows(devices: list[SeenDevice] | tuple[SeenDevice, ...]) -> list[list[object]]:
    return [
        [d.ip, d.mac, d.display_name, d.kind, "yes" if d.known else "", d.vendor] for d in devices
    ]


_DEVICE_HEADERS = ("ip", "mac", "name", "kind", "known", "vendor")


def _print_run(run: StoredRun) -> None:
    s = run.summary
    print(f"Run {s.id}, {_when(s.created_at)} UTC (Router Advisor {run.app_version})")
    if run.speed is not None:
        print(
            f"Speed: {s.download_mbps:.1f} down / {s.upload_mbps:.1f} up Mbit/s, "
            f"latency {_num(s.idle_latency_ms, 0)} ms idle, "
            f"{_num(s.loaded_latency_ms, 0)} ms loaded, grade {s.grade or 'unknown'}"
        )
    else:
        print("Speed: not measured")
    print(f"Top pick: {s.top_pick or 'none'}")
    if run.scan is None:
        print("Network: not scanned")
        return
    print(f"Network: {run.scan.cidr} on {run.scan.interface}, {len(run.devices)} devices")
    print_table(_DEVICE_HEADERS, _device_rows(run.devices))


def _show(args: argparse.Namespace) -> int:
    with history.open_history(args.db) as store:
        run = history.show_run(store, args.run_id)
    if args.json:
        print_json(run.to_dict())
    else:
        _print_run(run)
    return 0


def _print_diff(diff: DeviceDiff) -> None:
    for title, devices in (("New devices", diff.new), ("Gone devices", diff.gone)):
        print(f"{title} ({len(devices)}):")
        for d in devices:
            print(f"  {d.ip:<15}  {d.mac}  {d.display_name or 'no name'}  ({d.kind})")
    print(f"Changed devices ({len(diff.changed)}):")
    for c in diff.changed:
        what = ", ".join(
            f"{f.field} {f.before or 'none'} -> {f.after or 'none'}" for f in c.changes
        )
        print(f"  {c.after.display_name or c.after.mac}: {what}")
    print(f"Unchanged: {diff.unchanged}")


def _diff(args: argparse.Namespace) -> int:
    if len(args.runs) not in (0, 2):
        raise UserInputError("Give two run ids (history diff A B), or none for the last two.")
    with history.open_history(args.db) as store:
        result = history.diff_runs(store, *args.runs)
    if args.json:
        print_json(result.to_dict())
    else:
        a, b = result.before, result.after
        print(f"Run {a.id} ({_when(a.created_at)}) -> run {b.id} ({_when(b.created_at)})")
        _print_diff(result.devices)
    return 0


def _trend(args: argparse.Namespace) -> int:
    with history.open_history(args.db) as store:
        points = history.trend(store)
    if args.json:
        print_json([p.to_dict() for p in points])
    elif not points:
        print("No runs saved yet. `router-advisor run --answers FILE` makes one.")
    else:
        print_table(_SUMMARY_HEADERS[:-1], [row[:-1] for row in _summary_rows(points)])
    return 0


def _prune(args: argparse.Namespace) -> int:
    with history.open_history(args.db) as store:
        deleted = history.prune(store, args.keep)
    if args.json:
        print_json({"deleted": deleted, "kept": args.keep})
    else:
        print(f"Deleted {deleted} older run(s); kept the newest {args.keep}.")
    return 0


def _label(args: argparse.Namespace) -> int:
    with history.open_history(args.db) as store:
        device_id = history.label_device(store, args.mac, args.name, args.known, args.kind)
    if args.json:
        result: dict[str, Any] = {
            "device_id": device_id,
            "mac": args.mac,
            "name": args.name,
            "known": args.known,
            "kind": args.kind,
        }
        print_json(result)
    else:
        print(f"Labelled {args.mac} as '{args.name}'; the label follows it in every run.")
    return 0


def _run(args: argparse.Namespace) -> int:
    answers = recommend_service.load_answers(args.answers)
    options = run_service.RunOptions(
        speed=not args.no_speed,
        scan=not args.no_scan,
        iface=args.iface,
        cidr=args.cidr,
        server_url=args.server_url,
    )
    progress = TextProgress()
    with history.open_history(args.db) as store:
        try:
            run_id = run_service.run_wizard(answers, store, options, progress=progress)
        finally:
            progress.close()
        saved = history.show_run(store, run_id) if args.json else None
    if saved is not None:
        print_json(saved.to_dict())
    else:
        print(run_id)
        print(
            f"Saved run {run_id}. `router-advisor history show {run_id}` shows it; "
            "`router-advisor history diff` compares it with the run before.",
            file=sys.stderr,
        )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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
        help="your answers (TOML, or JSON by its .json suffix); see data/examples",
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
    p.set_defaults(handler=_run)

    group = subparsers.add_parser(
        "history",
        help="past runs: list, show, diff, trend, prune",
        description="Every run is kept; compare them to see what "
        "changed on your network and in your speed.",
    )
    commands = group.add_subparsers(title="history commands", metavar="COMMAND", required=True)

    p = commands.add_parser("list", parents=[common], help="saved runs, newest first")
    p.add_argument("--limit", type=int, help="show only the newest N runs")
    p.set_defaults(handler=_list)

    p = commands.add_parser("show", parents=[common], help="everything saved for one run")
    p.add_argument("run_id", type=int, metavar="ID")
    p.set_defaults(handler=_show)

    p = commands.add_parser(
        "diff",
        parents=[common],
        help="new, gone and changed devices between two runs (default: the last two)",
    )
    p.add_argument("runs", type=int, nargs="*", metavar="A B")
    p.set_defaults(handler=_diff)

    p = commands.add_parser(
        "trend", parents=[common], help="speed, latency, grade and device count over time"
    )
    p.set_defaults(handler=_trend)

    p = commands.add_parser("prune", parents=[common], help="delete all but the newest N runs")
    p.add_argument("--keep", type=int, required=True, metavar="N")
    p.set_defaults(handler=_prune)

    devices = subparsers.add_parser("devices", help="name the devices on your network")
    device_commands = devices.add_subparsers(
        title="devices commands", metavar="COMMAND", required=True
    )
    p = device_commands.add_parser(
        "label",
        parents=[common],
        help="give a device your own name, kind and 'known' mark; it follows the device "
        "across rescans and MAC changes",
    )
    p.add_argument("mac", metavar="MAC")
    p.add_argument("--name", required=True)
    p.add_argument("--known", action="store_true", help="mark it as a device you know")
    p.add_argument("--kind", choices=DEVICE_KINDS)
    p.set_defaults(handler=_label)
