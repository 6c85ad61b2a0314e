"""`router-advisor history ...` and `devices label`: list, show and compare runs, name devices."""

import argparse
import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from router_advisor.cli.lazy import lazy_import
from router_advisor.cli.output import print_json, print_table, whole_number
from router_advisor.core.device_diff import DeviceDiff, SeenDevice
from router_advisor.core.scan import DEVICE_KINDS
from router_advisor.core.wording import (
    NOT_MEASURED,
    UNKNOWN,
    kind_to_type,
    kind_word,
    measured,
    plural,
    score_text,
    stored_price,
)
from router_advisor.errors import UserInputError
from router_advisor.history.records import DETECTED_KIND, RunSummary, StoredRun
from router_advisor.report.facts import display_name

# Typed as the modules they are; loaded on first use.
if TYPE_CHECKING:
    from router_advisor.services import history
else:
    history = lazy_import("router_advisor.services.history")

MAX_COUNT = 1_000_000


def _when(iso: str) -> str:
    """'2025-01-01T10:00:00Z' -> '2025-01-01 11:00' in this computer's time zone."""
    return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")


def run_id(text: str) -> int:
    """An argparse type: a run id, refused in plain words."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"a run id is a whole number such as 3 (history list shows them), not '{text}'"
        ) from None


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


def _top_pick(r: RunSummary) -> str:
    return r.top_pick_name or (r.top_pick or "none").replace("/", " ")


def _summary_rows(runs: list[RunSummary]) -> list[list[object]]:
    return [
        [
            r.id,
            _when(r.created_at),
            measured(r.download_mbps, digits=1),
            measured(r.upload_mbps, digits=1),
            measured(r.idle_latency_ms),
            measured(r.loaded_latency_ms),
            r.grade or NOT_MEASURED,
            "not scanned" if r.device_count is None else r.device_count,
            _top_pick(r),
        ]
        for r in runs
    ]


_SUMMARY_HEADERS = (
    "run",
    "date",
    "down Mbit/s",
    "up Mbit/s",
    "idle ms",
    "loaded ms",
    "grade",
    "devices",
    "top pick",
)
_NO_RUNS = "No runs saved yet. `router-advisor run --answers FILE` makes one."


def _list(args: argparse.Namespace) -> int:
    with history.open_history(args.db, create=False) as store:
        runs = history.list_runs(store, args.limit)
    if args.json:
        print_json([r.to_dict() for r in runs])
    elif not runs:
        print(_NO_RUNS)
    else:
        print_table(_SUMMARY_HEADERS, _summary_rows(runs))
    return 0


def _device_rows(devices: list[SeenDevice] | tuple[SeenDevice, ...]) -> list[list[object]]:
    return [
        [d.ip, d.mac, d.display_name, kind_word(d.kind), "yes" if d.known else "", d.vendor]
        for d in devices
    ]


_DEVICE_HEADERS = ("ip", "mac", "name", "kind", "known", "vendor")


def _print_speed(run: StoredRun) -> None:
    s, speed = run.summary, run.speed
    if speed is None:
        print(f"Speed: {NOT_MEASURED}")
    elif speed.manual:
        print(
            f"Speed: {s.download_mbps:.1f} down / {s.upload_mbps:.1f} up Mbit/s, as you entered it"
        )
    else:
        print(
            f"Speed: {s.download_mbps:.1f} down / {s.upload_mbps:.1f} up Mbit/s, "
            f"latency {measured(s.idle_latency_ms, 'ms')} idle, "
            f"{measured(s.loaded_latency_ms, 'ms')} loaded, grade {s.grade or NOT_MEASURED}"
        )


def _print_answers(answers: dict[str, Any] | None) -> None:
    """The saved answers, one answers-file section a line, values as the file writes them."""
    if not answers:
        print("Answers: none saved")
        return
    print("Answers:")
    for key, value in answers.items():
        if isinstance(value, dict):
            pairs = ", ".join(f"{k} = {json.dumps(v)}" for k, v in value.items())
            print(f"  [{key}] {pairs}")
        else:
            print(f"  {key} = {json.dumps(value)}")


def _print_shortlist(recommendation: dict[str, Any] | None) -> None:
    entries = (recommendation or {}).get("shortlist") or []
    if not entries:
        print("Shortlist: none saved")
        return
    print("Shortlist:")
    for e in entries:
        cost = stored_price(
            e["price_usd"],
            len(e.get("components") or ()),
            e.get("price_as_of"),
            e.get("price_kind"),
            e.get("price_region"),
        )
        print(f"  {e['rank']}. {display_name(e)}  {cost}  {score_text(e['score'])}")


def _print_run(run: StoredRun) -> None:
    s = run.summary
    print(f"Run {s.id}, {_when(s.created_at)} (Router Advisor {run.app_version})")
    _print_speed(run)
    print(f"Top pick: {_top_pick(s)}")
    _print_shortlist(run.recommendation)
    _print_answers(run.answers)
    if run.walk is not None:
        weak = ", ".join(run.walk.weak_rooms) or "none"
        print(
            f"Walk test: {plural(len(run.walk.rooms), 'room')}, weak: {weak}; "
            f"{plural(run.walk.nodes_suggested or 0, 'node')} suggested (`walk report "
            f"{run.walk.walk.id}` has the advice)"
        )
    if run.scan is None:
        print("Network: not scanned")
        return
    print(f"Network: {run.scan.cidr} on {run.scan.interface}, {plural(len(run.devices), 'device')}")
    print_table(_DEVICE_HEADERS, _device_rows(run.devices))


def _show(args: argparse.Namespace) -> int:
    with history.open_history(args.db, create=False) as store:
        run = history.show_run(store, args.run_id)
    if args.json:
        print_json(run.to_dict())
    else:
        _print_run(run)
    return 0


def _print_diff(diff: DeviceDiff) -> None:
    for title, devices in (("New devices", diff.new), ("Gone devices", diff.gone)):
        print(f"{title} ({len(devices)}):")
        if devices:
            print_table(("  ip", "mac", "name", "kind"), _diff_rows(devices))
    print(f"Changed devices ({len(diff.changed)}):")
    for c in diff.changed:
        what = ", ".join(
            f"{f.field} {f.before or UNKNOWN} -> {f.after or UNKNOWN}" for f in c.changes
        )
        print(f"  {c.after.display_name or c.after.mac}: {what}")
    print(f"Unchanged: {diff.unchanged}")


def _diff_rows(devices: tuple[SeenDevice, ...]) -> list[list[object]]:
    return [[f"  {d.ip}", d.mac, d.display_name or UNKNOWN, kind_word(d.kind)] for d in devices]


def _diff(args: argparse.Namespace) -> int:
    if (args.before is None) != (args.after is None):
        raise UserInputError("Give two run ids (history diff A B), or none for the last two.")
    with history.open_history(args.db, create=False) as store:
        result = history.diff_runs(store, args.before, args.after)
    if args.json:
        print_json(result.to_dict())
    else:
        a, b = result.before, result.after
        if args.before is not None and args.before != a.id:
            print(f"Compared in time order: run {a.id} is the older one.")
        print(f"Run {a.id} ({_when(a.created_at)}) -> run {b.id} ({_when(b.created_at)})")
        if result.router_changed:
            print(f"Router changed: {result.router_before} -> {result.router_after}")
        _print_diff(result.devices)
    return 0


def _trend(args: argparse.Namespace) -> int:
    with history.open_history(args.db, create=False) as store:
        points = history.trend(store)
    if args.json:
        print_json([p.to_dict() for p in points])
    elif not points:
        print(_NO_RUNS)
    else:
        print_table(_SUMMARY_HEADERS[:-1], [row[:-1] for row in _summary_rows(points)])
    return 0


def _prune(args: argparse.Namespace) -> int:
    with history.open_history(args.db, create=False) as store:
        deleted = history.prune(store, args.keep)
        kept = len(store.list_runs())
    if args.json:
        print_json({"deleted": deleted, "kept": kept})
    elif deleted == 0 and kept == 0:
        print("The history is empty: there was nothing to prune.")
    elif deleted == 0:
        print(
            f"Nothing deleted: the history holds {plural(kept, 'run')}, no more than {args.keep}."
        )
    else:
        print(f"Deleted {plural(deleted, 'older run')}; kept the newest {plural(kept, 'run')}.")
    return 0


def _label(args: argparse.Namespace) -> int:
    with history.open_history(args.db, create=False) as store:
        device_id, label = history.label_device(store, args.mac, args.name, args.known, args.kind)
    if args.json:
        result: dict[str, Any] = {
            "device_id": device_id,
            "mac": args.mac,
            "name": label.name,
            "known": label.known,
            "kind": label.kind,
        }
        print_json(result)
    else:
        name = f"'{label.name}'" if label.name else "no name of yours"
        kind = kind_word(label.kind) if label.kind else "as the scan found it"
        print(
            f"Labelled {args.mac}: {name}, known {'yes' if label.known else 'no'}, "
            f"kind {kind}. The label follows it in every run."
        )
    return 0


def _register_history(
    subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]",
    common: argparse.ArgumentParser,
) -> None:
    group = subparsers.add_parser(
        "history",
        help="past runs: list, show, diff, trend, prune",
        description="Every run is kept; compare them to see what "
        "changed on your network and in your speed.",
    )
    commands = group.add_subparsers(title="history commands", metavar="COMMAND", required=True)

    p = commands.add_parser(
        "list",
        parents=[common],
        help="saved runs, newest first",
        description="One line per saved run: date, speed, latency, grade, devices, top pick.",
    )
    p.add_argument(
        "--limit",
        type=whole_number(1, MAX_COUNT),
        metavar="N",
        help="show only the newest N runs",
    )
    p.set_defaults(handler=_list)

    p = commands.add_parser(
        "show",
        parents=[common],
        help="everything saved for one run",
        description="One run: its speed, top pick, shortlist, answers and the devices it saw.",
    )
    p.add_argument("run_id", type=run_id, metavar="ID", help="the run's id (history list shows it)")
    p.set_defaults(handler=_show)

    p = commands.add_parser(
        "diff",
        parents=[common],
        help="new, gone and changed devices between two runs (default: the last two)",
        description="Compare the devices two runs' network scans found: new, gone and changed "
        "(IP, name). Without ids, the last two runs that scanned.",
    )
    p.add_argument("before", type=run_id, nargs="?", metavar="A", help="the older run's id")
    p.add_argument("after", type=run_id, nargs="?", metavar="B", help="the newer run's id")
    p.set_defaults(handler=_diff)

    p = commands.add_parser(
        "trend",
        parents=[common],
        help="speed, latency, grade and device count over time",
        description="Every run oldest first: how speed, latency, grade and devices moved.",
    )
    p.set_defaults(handler=_trend)

    p = commands.add_parser(
        "prune",
        parents=[common],
        help="delete all but the newest N runs",
        description="Delete older runs, keeping the newest N; device names you gave are kept.",
    )
    p.add_argument(
        "--keep",
        type=whole_number(1, MAX_COUNT),
        required=True,
        metavar="N",
        help="how many of the newest runs to keep",
    )
    p.set_defaults(handler=_prune)


def _register_devices(
    subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]",
    common: argparse.ArgumentParser,
) -> None:
    devices = subparsers.add_parser(
        "devices",
        help="name the devices on your network",
        description="Give the devices your scans found your own names, kinds and 'known' "
        "marks; they show in history show and history diff.",
    )
    device_commands = devices.add_subparsers(
        title="devices commands", metavar="COMMAND", required=True
    )
    kinds = ", ".join(kind_to_type(k) for k in DEVICE_KINDS)
    p = device_commands.add_parser(
        "label",
        parents=[common],
        help="give a device your own name, kind and 'known' mark; it follows the device "
        "across rescans and MAC changes",
        description="Change a device's label: only the options you give change; the rest "
        "stays as it was.",
    )
    p.add_argument("mac", metavar="MAC", help="the device's MAC address as history show lists it")
    p.add_argument("--name", metavar="NAME", help="your name for it (up to 60 characters)")
    known = p.add_mutually_exclusive_group()
    known.add_argument(
        "--known",
        action="store_const",
        const=True,
        dest="known",
        help="mark it as a device you know",
    )
    known.add_argument(
        "--not-known",
        action="store_const",
        const=False,
        dest="known",
        help="take the 'known' mark off",
    )
    p.add_argument(
        "--kind",
        metavar="KIND",
        help=f"what it is: {kinds}; or {DETECTED_KIND} to go back to the kind the scan found",
    )
    p.set_defaults(handler=_label)


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    common = common_options()
    _register_history(subparsers, common)
    _register_devices(subparsers, common)
