"""`router-advisor recommend` and `export`: the explained shortlist, on screen or in a file."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from router_advisor.cli.lazy import lazy_import
from router_advisor.cli.output import plain, print_json, whole_number
from router_advisor.core.current_verdict import report_lines, report_title
from router_advisor.core.must_haves import miss_text
from router_advisor.core.recommend import DEFAULT_TOP, MAX_TOP, Recommendation
from router_advisor.core.system_wording import (
    left_out_text,
    parts_line,
    shortlist_heading,
    system_name,
    system_price,
    where_text,
)
from router_advisor.core.walk_report import WalkReport
from router_advisor.core.wording import key_facts, score_text
from router_advisor.errors import UserInputError
from router_advisor.report import FORMATS

# Typed as the modules they are; loaded on first use.
if TYPE_CHECKING:
    from router_advisor.services import export as export_service
    from router_advisor.services import history
    from router_advisor.services import recommend as recommend_service
    from router_advisor.services import walk as walk_service
else:
    export_service = lazy_import("router_advisor.services.export")
    history = lazy_import("router_advisor.services.history")
    walk_service = lazy_import("router_advisor.services.walk")
    recommend_service = lazy_import("router_advisor.services.recommend")


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--answers",
        type=Path,
        metavar="FILE",
        help="your answers (TOML, or JSON when the name ends in .json); every key is "
        "optional; without this file a typical home is assumed (see README, Answers file; "
        "`router-advisor examples` lists examples)",
    )
    parser.add_argument(
        "--speed",
        type=Path,
        metavar="FILE",
        help="a result saved by `router-advisor speed --json`; its speeds replace [isp]",
    )
    parser.add_argument(
        "--scan",
        type=Path,
        metavar="FILE",
        help="a result saved by `router-advisor scan --json`; the larger of its device "
        "count and yours is used",
    )
    parser.add_argument(
        "--top",
        type=whole_number(1, MAX_TOP),
        default=DEFAULT_TOP,
        metavar="N",
        help=f"how many models to shortlist, 1 to {MAX_TOP} (default {DEFAULT_TOP})",
    )
    parser.add_argument(
        "--walk",
        action="store_true",
        help="use your walk test (`walk report`): its measured node count replaces the "
        "estimate from the home's area; an export gets a section for it",
    )


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    rec = subparsers.add_parser(
        "recommend",
        help="rank catalog routers for your home, with reasons and questions",
        description="Rank whole systems for your household (a router, a mesh kit plus "
        "add-on nodes, or a router plus wired access points), priced as a whole: "
        "must-haves (budget, no cloud account, mesh or not), weighted scores, overkill "
        "warnings, and the questions to ask a vendor before buying. When nothing meets "
        "every must-have, the closest systems are shown with what they miss.",
    )
    _add_inputs(rec)
    rec.add_argument("--json", action="store_true", help="print one JSON object")
    rec.set_defaults(handler=run_recommend)

    exp = subparsers.add_parser(
        "export",
        help="write the shortlist, requirements and checklist to a file",
        description="Write the recommendation as Markdown, a self-contained HTML page, "
        "CSV or JSON. The file is replaced atomically.",
    )
    _add_inputs(exp)
    exp.add_argument(
        "--format",
        required=True,
        choices=FORMATS,
        help="md (Markdown), html (one self-contained page), csv (for a spreadsheet) or json",
    )
    exp.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="PATH",
        help="the file to write (replaced if it exists); its folder must exist",
    )
    exp.set_defaults(handler=run_export)


def _walk(args: argparse.Namespace) -> WalkReport | None:
    """With --walk, the current walk test (its rooms and node count); None otherwise."""
    if not args.walk:
        return None
    with history.open_history(create=False) as store:
        report = walk_service.report(store)
    if not report.rooms:
        raise UserInputError(
            "--walk uses your walk test, but no room has been measured yet: run "
            "`router-advisor walk measure --room NAME` in each room first."
        )
    return report


def _recommendation(args: argparse.Namespace, walk: WalkReport | None) -> Recommendation:
    rec: Recommendation = recommend_service.recommend_from_files(
        args.answers,
        args.speed,
        args.scan,
        args.top,
        measured_nodes=walk.nodes_suggested if walk is not None else None,
    )
    return rec


LEGEND = (
    "  (+ a reason it fits   ! a catch to know about   $ overkill: paying for unused power"
    "   x a must-have it misses)"
)


def print_text(rec: Recommendation) -> None:
    """The recommendation as plain text: needs, ranked models, then the questions."""
    data = rec.to_dict()
    print("What your home needs:")
    for note in data["requirements"]["notes"]:
        print(f"  - {plain(note)}")
    if rec.current_router is not None:
        print(f"\n{plain(report_title(rec.current_router))}")
        for line in report_lines(rec.current_router):
            print(f"  - {plain(line)}")
    print(f"\n{shortlist_heading(rec.closest_fits, rec.fits, rec.systems)}")
    left_out = left_out_text(rec.excluded)
    if left_out:
        print(f"  {left_out}")
    print(LEGEND)
    for entry, item in zip(data["shortlist"], rec.shortlist, strict=True):
        s = item.system
        print(
            f"\n{entry['rank']}. {plain(system_name(s))}  "
            f"{plain(system_price(s))}  {score_text(item.score)}"
        )
        print(f"   {plain(key_facts(item.router, item.system.nodes))}")
        parts = parts_line(s)
        if parts:
            print(f"   {plain(parts)}")
        print(f"   Where: {plain(where_text(s))}")
        for miss in item.misses:
            print(f"   x {plain(miss_text(miss, 'file'))}")
        for reason in entry["reasons"]:
            print(f"   + {plain(reason)}")
        for caveat in entry["caveats"]:
            print(f"   ! {plain(caveat)}")
        for note in entry["overkill"]:
            print(f"   $ Overkill: {plain(note)}")
    print("\nQuestions to ask before buying:")
    for vq in data["vendor_questions"]:
        print(f"  [ ] {plain(vq['question'])}")
        print(f"      Why: {plain(vq['why'])}")


def run_recommend(args: argparse.Namespace) -> int:
    rec = _recommendation(args, _walk(args))
    if args.json:
        print_json(rec.to_dict())
    else:
        print_text(rec)
    return 0


def run_export(args: argparse.Namespace) -> int:
    walk = _walk(args)
    path = export_service.export(_recommendation(args, walk), args.format, args.out, walk)
    print(f"Wrote {path}")
    return 0
