"""`router-advisor speed`: measure the connection (or record the plan's speeds by hand)."""

import argparse
from typing import TYPE_CHECKING

from router_advisor.cli.lazy import lazy_import
from router_advisor.cli.output import TextProgress, positive_number, print_json
from router_advisor.core.speed import DIRECTORY_ENV, SpeedResult
from router_advisor.core.wording import activity_name, measured
from router_advisor.errors import UserInputError

# Typed as the modules they are; loaded on first use.
if TYPE_CHECKING:
    from router_advisor.services import speed as speed_service
else:
    speed_service = lazy_import("router_advisor.services.speed")

DEFAULT_MAX_SECONDS = 12.0


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "speed",
        help="measure download, upload and latency under load (bufferbloat)",
        description="Measure the internet connection with the speedtest.net protocol: "
        "download, upload, idle latency and jitter, latency while the line is busy and its "
        "bufferbloat grade. By default the nearest speedtest.net server is used.",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--server-url",
        metavar="URL",
        help="a self-hosted speedtest-protocol server, e.g. "
        "http://10.0.0.2:8080/speedtest/upload.php; nothing is fetched from "
        "speedtest.net",
    )
    where.add_argument("--server-id", metavar="ID", help="a speedtest.net server id")
    where.add_argument(
        "--manual",
        metavar="DOWN/UP[/MS]",
        help="no test: record the plan's speeds in Mbit/s, and optionally its idle "
        "latency in ms, e.g. 300/50 or 300/50/12 (nothing is sent)",
    )
    parser.add_argument(
        "--max-seconds",
        type=positive_number("seconds"),
        metavar="S",
        help="time limit for the whole test in seconds, from 4 to 60 (default 12)",
    )
    parser.add_argument(
        "--directory-url",
        metavar="URL",
        help="a speedtest.net-compatible directory serving "
        "speedtest-config.php and the server list, instead of "
        f"www.speedtest.net (also ${DIRECTORY_ENV})",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run_speed)


def parse_manual(text: str) -> tuple[float, float, float | None]:
    """'300/50' -> (300.0, 50.0, None); '300/50/12' -> (300.0, 50.0, 12.0): the plan's
    speeds and, when given, its idle latency in ms."""
    parts = text.replace(" ", "").split("/")
    try:
        if len(parts) not in (2, 3):
            raise ValueError
        numbers = [float(part) for part in parts]
    except ValueError:
        raise UserInputError(
            f"--manual takes DOWN/UP in Mbit/s and an optional idle latency in ms, "
            f"e.g. 300/50 or 300/50/12, not {text!r}."
        ) from None
    return numbers[0], numbers[1], numbers[2] if len(numbers) == 3 else None


def refuse_unused_by_manual(args: argparse.Namespace) -> None:
    """--manual runs no test: an option only a test uses would be silently ignored."""
    unused = [
        option
        for option, value in (
            ("--max-seconds", args.max_seconds),
            ("--directory-url", args.directory_url),
        )
        if value is not None
    ]
    if unused:
        them = "it" if len(unused) == 1 else "them"
        raise UserInputError(
            f"--manual records the speeds you type and runs no test, so {' and '.join(unused)} "
            f"would be ignored; drop {them}, or drop --manual to run the test."
        )


def run_speed(args: argparse.Namespace) -> int:
    # Every value is checked, whatever else is given; then nothing given may go unused.
    if args.max_seconds is not None:
        speed_service.check_max_seconds(args.max_seconds)
    if args.directory_url is not None:
        speed_service.check_directory_url(args.directory_url)
    if args.manual is not None:  # even "": a given option is never ignored
        down, up, latency = parse_manual(args.manual)
        refuse_unused_by_manual(args)
        result = speed_service.manual_speed(down, up, latency)
    else:
        bar = TextProgress()
        try:
            result = speed_service.measure(
                server_url=args.server_url,
                server_id=args.server_id,
                max_seconds=args.max_seconds or DEFAULT_MAX_SECONDS,
                progress=bar,
                directory_url=args.directory_url,
            )
        finally:
            bar.close()
    if args.json:
        print_json(result.to_dict())
    else:
        print_summary(result)
    return 0


def print_summary(result: SpeedResult) -> None:
    if result.manual:
        latency = (
            f"idle latency {result.idle_latency_ms:g} ms as typed"
            if result.idle_latency_ms is not None
            else "no latency without a test"
        )
        print(f"Your plan's speeds, entered by hand (not measured; {latency}):")
    if result.server is not None:
        name = result.server.sponsor or result.server.name or result.server.url
        print(f"Server:        {name} ({result.server.url})")
    print(f"Download:      {result.download_mbps:.1f} Mbit/s")
    print(f"Upload:        {result.upload_mbps:.1f} Mbit/s")
    if not result.manual:
        idle, jitter = result.idle_latency_ms, result.jitter_ms
        print(f"Idle latency:  {measured(idle, 'ms', 1)} (jitter {measured(jitter, 'ms', 1)})")
        down, up = result.loaded_latency_download_ms, result.loaded_latency_upload_ms
        print(f"Under load:    download {measured(down, 'ms', 1)}, upload {measured(up, 'ms', 1)}")
        print(f"Bufferbloat:   grade {result.bufferbloat_grade or 'unknown'}")
    for name, verdict in result.verdicts.items():
        label = activity_name(name)
        print(f"{label + ':':<15}{verdict.rating} - {verdict.reason}")
    if not result.manual:
        print(f"Took {result.duration_s:.1f} s")
