"""`router-advisor scan`: find and identify the devices on the home network."""

import argparse
from typing import TYPE_CHECKING

from router_advisor.cli.lazy import lazy_import
from router_advisor.cli.output import TextProgress, print_json, print_table
from router_advisor.core.needs import scan_device_count
from router_advisor.core.scan import SCAN_METHODS, ScanResult
from router_advisor.core.wording import SCAN_LIMITS, kind_word, plural
from router_advisor.errors import UserInputError

# Typed as the modules they are; loaded on first use.
if TYPE_CHECKING:
    from router_advisor.services import scan as scan_service
else:
    scan_service = lazy_import("router_advisor.services.scan")


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "scan",
        help="find and identify the devices on your network",
        description="Find the devices on the network and guess what each one is. Without "
        "--iface/--cidr it scans the subnet of the default-route interface. " + SCAN_LIMITS,
    )
    parser.add_argument(
        "--iface", metavar="NAME", help="network interface to scan through (e.g. wlan0)"
    )
    parser.add_argument(
        "--cidr",
        metavar="SUBNET",
        help="subnet to scan, e.g. 192.168.1.0/24 (default: the interface's own subnet)",
    )
    parser.add_argument(
        "--method",
        choices=SCAN_METHODS,
        default="auto",
        help="arp (raw packets, needs permission), neighbor (no privileges) "
        "or auto (arp when permitted, else neighbor; the default)",
    )
    parser.add_argument(
        "--allow-large",
        action="store_true",
        help="allow subnets larger than a /22 (never beyond a /16)",
    )
    parser.add_argument(
        "--privileged",
        action="store_true",
        help="the deeper scan: run the ARP sweep in the small helper through "
        "pkexec (asks for an administrator password once); the app itself "
        "stays unprivileged",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run_scan)


def run_scan(args: argparse.Namespace) -> int:
    if args.privileged and args.method == "neighbor":
        raise UserInputError(
            "--privileged runs the ARP sweep; drop --method neighbor or --privileged"
        )
    progress = TextProgress()
    try:
        if args.privileged:
            result = scan_service.privileged_scan(
                args.iface, args.cidr, args.allow_large, progress=progress
            )
        else:
            result = scan_service.scan(
                args.iface, args.cidr, args.method, args.allow_large, progress=progress
            )
    finally:
        progress.close()
    if args.json:
        print_json(result.to_dict())
    else:
        print_text(result)
    return 0


def print_text(result: ScanResult) -> None:
    """The devices as a table; the router is marked and left out of the count, as everywhere."""
    others = scan_device_count(result)
    router = ", not counting your router" if others < len(result.devices) else ""
    print(
        f"{plural(others, 'device')} found on {result.cidr} via {result.interface}{router} "
        f"({result.method} method, {result.duration_s:.1f} s)"
    )
    if result.devices:
        print_table(
            ["IP", "MAC", "vendor", "name", "kind", ""],
            [
                [
                    d.ip,
                    d.mac + (" (private)" if d.randomized_mac else ""),
                    d.vendor,
                    d.hostname,
                    kind_word(d.kind),
                    "your router" if d.is_gateway else "",
                ]
                for d in result.devices
            ],
        )
        print(SCAN_LIMITS)
    else:
        print("No device answered: check --iface and --cidr, or wake the devices and scan again.")
    if (current := result.current_router) is not None:
        if current.name and current.identified:
            said = f"{current.name} ({current.identified.confidence} confidence)"
        else:
            said = "not identified (`router-advisor current --model` names it)"
        print(f"Your router: {said}; `router-advisor current` judges it against your line.")
    for note in result.notes:
        print(f"note: {note}")
