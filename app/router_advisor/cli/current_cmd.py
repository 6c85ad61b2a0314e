"""`router-advisor current`: is the router you have the problem? Keep, tune or replace."""

import argparse
from pathlib import Path

from router_advisor.cli.lazy import lazy_import
from router_advisor.cli.output import plain, print_json
from router_advisor.core.wording import verdict_heading

current_service = lazy_import("router_advisor.services.current")
recommend_service = lazy_import("router_advisor.services.recommend")


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    cur = subparsers.add_parser(
        "current",
        help="identify the router you have now and say whether to keep, tune or replace it",
        description="Ask the gateway what it is (UPnP, its admin page, TR-064, MAC vendor; "
        "no login, nothing changed on it), match it to a known model, and judge it against "
        "your line and home.",
    )
    cur.add_argument("--iface", metavar="IF", help="the interface your home network is on")
    cur.add_argument("--speed", type=Path, metavar="FILE", help="a result saved by `speed --json`")
    cur.add_argument(
        "--answers", type=Path, metavar="FILE", help="your answers file (TOML or JSON)"
    )
    cur.add_argument(
        "--model",
        metavar='"BRAND MODEL"',
        help="the router's brand and model as on its label, instead of asking it",
    )
    cur.add_argument("--json", action="store_true", help="print one JSON object")
    cur.set_defaults(handler=run_current)


def run_current(args: argparse.Namespace) -> int:
    answers = recommend_service.load_answers(args.answers) if args.answers else None
    speed = recommend_service.load_speed(args.speed) if args.speed else None
    report = current_service.check_current_router(
        iface=args.iface, model=args.model, answers=answers, speed=speed
    )
    data = report.to_dict()
    if args.json:
        print_json(data)
        return 0
    found = data["identified"]
    where = f" at {data['gateway_ip']}" if data["gateway_ip"] else ""
    if found:
        name = " ".join(
            x for x in (found["brand"], found["model"], found["hardware_revision"]) if x
        )
        print(f"Your router{where}: {plain(name)} ({found['confidence']} confidence)")
        for line in found["evidence"]:
            print(f"  - {plain(line)}")
    else:
        print(f"Your router{where}: not identified")
        for line in data["clues"]:
            print(f"  - it said: {plain(line)}")
    print(f"\nVerdict: {verdict_heading(data['verdict'])}")
    for reason in data["reasons"]:
        print(f"  - {plain(reason)}")
    if data["gain"]:
        print(f"  {plain(data['gain'])}")
    if data["reuse"]:
        print(f"  {plain(data['reuse'])}")
    if data["tuning"]:
        print("\nFree changes to try:")
        for tip in data["tuning"]:
            print(f"  - {plain(tip)}")
    for question in data["questions"]:
        print(f'\n{plain(question)} Run again with --model "BRAND MODEL".')
    for problem in data["problems"]:
        print(f"  (ignored: {plain(problem)})")
    return 0
