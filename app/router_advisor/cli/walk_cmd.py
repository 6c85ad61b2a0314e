"""`router-advisor walk ...`: the room-by-room walk test, and `serve-speed`, the speed server
on a wired computer that the walk measures to."""

import argparse
import sys
from datetime import datetime
from typing import TYPE_CHECKING

from router_advisor.cli.history_cmd import common_options
from router_advisor.cli.lazy import lazy_import
from router_advisor.cli.output import TextProgress, print_json, print_table, whole_number
from router_advisor.core.walk import WalkStop
from router_advisor.core.walk_report import WalkReport
from router_advisor.core.wording import measured, plural

# Typed as the modules they are; loaded on first use.
if TYPE_CHECKING:
    from router_advisor.services import history, serve_speed, walk
else:
    history = lazy_import("router_advisor.services.history")
    walk = lazy_import("router_advisor.services.walk")
    serve_speed = lazy_import("router_advisor.services.serve_speed")


def stop_line(stop: WalkStop) -> str:
    """One stop in words: the room, its rating and the numbers behind it."""
    if stop.link is None:
        radio = "no Wi-Fi (wired or not connected)"
    else:
        parts = [measured(stop.signal_dbm, "dBm")]
        if stop.link.noise_dbm is not None and stop.signal_dbm is not None:
            parts.append(f"SNR {stop.signal_dbm - stop.link.noise_dbm} dB")
        if stop.link.band:
            parts.append(f"{stop.link.band} GHz")
        if stop.link_mbps:
            parts.append(f"link {stop.link_mbps:.0f} Mbit/s")
        if stop.link.bssid:
            parts.append(f"node {stop.link.bssid}")
        radio = ", ".join(parts)
    return (
        f"{stop.room}: {stop.rating} - {stop.download_mbps:.0f} down / "
        f"{stop.upload_mbps:.0f} up Mbit/s, {measured(stop.latency_ms, 'ms')}; {radio}"
    )


def _measure(args: argparse.Namespace) -> int:
    with history.open_history(args.db) as store:  # a history that cannot be written fails first
        bar = TextProgress()
        try:
            stop = walk.measure_stop(args.room, args.server_url, progress=bar)
        finally:
            bar.close()
        current = walk.keep_stop(store, stop)
    if args.json:
        print_json(stop.to_dict())
    else:
        print(stop_line(stop))
        if stop.note:
            print(stop.note)
        print(
            f"Walk {current.id}: {len(current.stops)} stop(s). `walk report` says what they mean."
        )
    return 0


def print_report(report: WalkReport) -> None:
    if not report.rooms:
        print(report.advice[0])
        return
    started = datetime.fromisoformat(report.walk.started_at).astimezone()
    print(f"Walk {report.walk.id}, started {started:%Y-%m-%d %H:%M}:")
    rows = [
        (
            s.room,
            s.rating,
            "wired" if s.link is None else measured(s.signal_dbm),
            s.link.band if s.link else "",
            f"{s.download_mbps:.0f}",
            f"{s.upload_mbps:.0f}",
            measured(s.latency_ms),
            s.link.bssid if s.link else "wired / no Wi-Fi",
        )
        for s in report.rooms
    ]
    print_table(
        ("Room", "Rating", "dBm", "GHz", "Down", "Up", "ms", "Node (BSSID)"),
        rows,
        (False, False, True, False, True, True, True, False),
    )
    seen = plural(report.nodes_seen, "access point")
    print(f"Nodes suggested: {report.nodes_suggested} (measured room by room; {seen} seen now)")
    for line in report.advice:
        print(f"- {line}")
    if report.changes:
        print(f"Since walk {report.compared_with}:")
        for change in report.changes:
            print(f"  {change.text}")


def _report(args: argparse.Namespace) -> int:
    with history.open_history(args.db, create=False) as store:
        report = walk.report(store, args.walk_id)
    if args.json:
        print_json(report.to_dict())
    else:
        print_report(report)
    return 0


def _new(args: argparse.Namespace) -> int:
    with history.open_history(args.db) as store:
        started = walk.new_walk(store)
    if args.json:
        print_json({"walk_id": started.id, "started_at": started.started_at})
    else:
        print(f"Walk {started.id} started; `walk measure --room NAME` in each room.")
    return 0


def _undo(args: argparse.Namespace) -> int:
    with history.open_history(args.db, create=False) as store:
        removed = walk.undo_last(store)
    if args.json:
        print_json({"removed": removed.to_dict() if removed else None})
    else:
        print(f"Removed the stop in {removed.room}." if removed else "The walk has no stops.")
    return 0


def _list(args: argparse.Namespace) -> int:
    with history.open_history(args.db, create=False) as store:
        walks = walk.list_walks(store)
    if args.json:
        print_json([{"id": i, "started_at": t, "stops": n, "run_id": r} for i, t, n, r in walks])
    else:
        print_table(("Walk", "Started", "Stops", "Run"), walks, (True, False, True, True))
    return 0


def _serve(args: argparse.Namespace) -> int:
    def ready(url: str) -> None:
        print(f"Serving the speed test at {url}", flush=True)
        print(
            "On the laptop: `router-advisor walk measure --room NAME` finds it, or give "
            f"--server-url {url}. Ctrl-C stops it.",
            flush=True,
        )

    try:
        serve_speed.serve(
            args.bind,
            args.port,
            allow_public=args.allow_public,
            announce=not args.no_announce,
            ready=ready,
            notes=lambda note: print(note, file=sys.stderr, flush=True),
        )
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
    return 0


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    common = common_options()
    group = subparsers.add_parser(
        "walk",
        help="walk the home: measure Wi-Fi room by room, get node count and placement",
        description="Carry the laptop from room to room and measure in each: the Wi-Fi "
        "signal and a short speed test to a serve-speed server in the home. The report rates "
        "each room, counts the nodes the home needs and says where to put them.",
    )
    commands = group.add_subparsers(title="walk commands", metavar="COMMAND", required=True)
    p = commands.add_parser(
        "measure",
        parents=[common],
        help="measure this room and add it to the current walk",
        description="Read the Wi-Fi link and run a short speed test (about 10 s) to a "
        "serve-speed server announced in the home, else to --server-url, else to the nearest "
        "internet speed server; keep the result as a stop of the current walk.",
    )
    p.add_argument("--room", required=True, metavar="NAME", help="where you stand, e.g. 'Hall'")
    p.add_argument(
        "--server-url",
        metavar="URL",
        help="the speed server to measure to, e.g. http://192.168.1.20:8080/speedtest/upload.php",
    )
    p.set_defaults(handler=_measure)
    p = commands.add_parser("report", parents=[common], help="ratings, nodes and advice")
    p.add_argument(
        "walk_id",
        nargs="?",
        type=whole_number(1, 2**63 - 1),
        metavar="ID",
        help="a walk's id (default: the current walk)",
    )
    p.set_defaults(handler=_report)
    p = commands.add_parser("new", parents=[common], help="start a new walk (the old one is kept)")
    p.set_defaults(handler=_new)
    p = commands.add_parser("undo", parents=[common], help="remove the last stop of the walk")
    p.set_defaults(handler=_undo)
    p = commands.add_parser("list", parents=[common], help="saved walks, newest first")
    p.set_defaults(handler=_list)

    p = subparsers.add_parser(
        "serve-speed",
        help="run a speed-test server on this (wired) computer for the walk test",
        description="Serve the speedtest protocol on this computer, announced on the home "
        "network (mDNS) so `walk measure` finds it. Run it on a computer connected by cable. "
        "It also works as a self-hosted server for `speed --server-url`.",
    )
    p.add_argument(
        "--port",
        type=whole_number(1, 65535),
        default=8080,
        metavar="P",
        help="TCP port (default 8080)",
    )
    p.add_argument(
        "--bind",
        metavar="ADDR",
        help="the address to listen on (default: this computer's LAN address)",
    )
    p.add_argument(
        "--allow-public",
        action="store_true",
        help="allow a public address or 0.0.0.0 (anyone reaching it can use it)",
    )
    p.add_argument("--no-announce", action="store_true", help="do not announce it on mDNS")
    p.set_defaults(handler=_serve)
