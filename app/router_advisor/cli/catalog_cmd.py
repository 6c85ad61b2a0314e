"""`router-advisor catalog ...`: list, show, import, export and build the router catalog."""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from router_advisor.catalog.records import router_to_document, router_to_flat
from router_advisor.catalog.source import CatalogDataError
from router_advisor.cli.lazy import lazy_import
from router_advisor.cli.output import positive_number, print_json, print_table
from router_advisor.core.fact_words import fact_label, fact_text, source_labels
from router_advisor.core.router import KINDS, WIFI_GENERATIONS, Router
from router_advisor.core.wording import plural, price_age
from router_advisor.errors import RuntimeFailure, UserInputError
from router_advisor.report.atomic import check_target, write_output

# Typed as the modules they are; loaded on first use.
if TYPE_CHECKING:
    from router_advisor.services import catalog
else:
    catalog = lazy_import("router_advisor.services.catalog")

# (header, right-aligned): numbers line up on the right and carry their unit.
_LIST_COLUMNS = (
    ("brand", False),
    ("model", False),
    ("rev", False),
    ("kind", False),
    ("nodes", True),
    ("Wi-Fi", False),
    ("class", False),
    ("WAN Mbit/s", True),
    ("price USD", True),
    ("price is", False),
    ("CPU cores", True),
    ("RAM MB", True),
)
_SHOWN_UNMATCHED = 10


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "catalog",
        help="list, show, import and export routers",
        description="The catalog of routers and mesh systems.",
    )
    commands = parser.add_subparsers(title="catalog commands", metavar="COMMAND", required=True)

    list_p = commands.add_parser(
        "list",
        help="list the models, optionally filtered",
        description="List the catalog's models; the filters combine.",
    )
    list_p.add_argument("--json", action="store_true", help="print a JSON array")
    list_p.add_argument("--brand", help="only this brand (any case), e.g. tp-link")
    list_p.add_argument("--kind", choices=KINDS, help="only this kind: " + ", ".join(KINDS))
    list_p.add_argument(
        "--wifi", choices=WIFI_GENERATIONS, type=str.upper, help="only this Wi-Fi generation"
    )
    list_p.add_argument(
        "--max-price",
        type=positive_number("US dollars"),
        metavar="USD",
        help="only models known to cost at most this much (above 0)",
    )
    list_p.add_argument(
        "--min-wan",
        type=positive_number("Mbit/s"),
        metavar="MBPS",
        help="only models whose WAN port is known to be at least this fast, in Mbit/s",
    )
    list_p.set_defaults(handler=_list)

    show_p = commands.add_parser(
        "show",
        help="every fact about one model, with its sources",
        description="Every fact the catalog holds about one model, and where each came from. "
        'Quote names with spaces: catalog show tp-link "archer a7 v5".',
    )
    show_p.add_argument("brand", help="the maker, any case, e.g. tp-link")
    show_p.add_argument(
        "model", help="the model, optionally with its revision, as `catalog list` shows it"
    )
    show_p.add_argument("--json", action="store_true", help="print JSON")
    show_p.set_defaults(handler=_show)

    import_p = commands.add_parser(
        "import",
        help="add or update models from a CSV or JSON file, or the OpenWrt ToH dump",
        description="Add or update models. Every row is checked first; a bad row stops "
        "the import and nothing changes. Imports are kept and applied again after every "
        "rebuild.",
    )
    import_p.add_argument(
        "file",
        type=Path,
        help="a CSV file (header row of field names), a JSON list of objects, "
        "or the OpenWrt Table of Hardware JSON dump",
    )
    import_p.set_defaults(handler=_import)

    export_p = commands.add_parser(
        "export",
        help="write the whole catalog as CSV or JSON",
        description="Write the whole catalog, imports included, in a form `catalog import` "
        "reads back.",
    )
    export_p.add_argument(
        "--format",
        choices=("csv", "json"),
        required=True,
        help="csv (one row per model) or json (a list of objects)",
    )
    export_p.add_argument(
        "--out",
        type=Path,
        metavar="PATH",
        help="write to this file (its folder must exist) instead of the screen",
    )
    export_p.set_defaults(handler=_export)

    build_p = commands.add_parser(
        "build",
        help="rebuild the catalog database from the app's catalog files now",
        description="Rebuild the catalog database from the catalog files that come with "
        "the app, then apply your imports again.",
    )
    build_p.add_argument(
        "--force",
        action="store_true",
        help="set a damaged database file aside (renamed, kept) and start anew; "
        "imports still readable in it are kept",
    )
    build_p.set_defaults(handler=_build)


def _list(args: argparse.Namespace) -> int:
    routers = [r for r in catalog.load_routers() if _keep(r, args)]
    if not routers:
        raise UserInputError(
            f"no models match {_filters(args)}; loosen or drop a filter "
            "(`router-advisor catalog list` shows them all)"
        )
    if args.json:
        print_json([router_to_document(r) for r in routers])
        return 0
    print_table(
        [header for header, _ in _LIST_COLUMNS],
        [
            (
                r.brand,
                r.model,
                r.hardware_revision or "",
                r.kind,
                r.pack_size,
                r.wifi_generation,
                r.wifi_class,
                "none" if r.no_ethernet else r.wan_mbps,  # no Ethernet port, not 0 Mbit/s
                _price(r.price_usd),
                "" if r.price_usd is None else price_age(r.price_as_of, r.price_kind),
                r.cpu_cores,
                r.ram_mb,
            )
            for r in routers
        ],
        right=[right for _, right in _LIST_COLUMNS],
    )
    return 0


def _filters(args: argparse.Namespace) -> str:
    """The filters given, as the person typed them."""
    given = [
        f"--{name.replace('_', '-')} {value:g}"
        if isinstance(value, float)
        else f"--{name.replace('_', '-')} {value}"
        for name in ("brand", "kind", "wifi", "max_price", "min_wan")
        if (value := getattr(args, name)) is not None
    ]
    return " ".join(given) or "the catalog (it is empty)"


def _keep(router: Router, args: argparse.Namespace) -> bool:
    return (
        (args.brand is None or router.brand.lower() == args.brand.strip().lower())
        and (args.kind is None or router.kind == args.kind)
        and (args.wifi is None or router.wifi_generation == args.wifi)
        and (
            args.max_price is None
            or (router.price_usd is not None and router.price_usd <= args.max_price)
        )
        and (
            args.min_wan is None
            or (router.wan_mbps is not None and router.wan_mbps >= args.min_wan)
        )
    )


def _show(args: argparse.Namespace) -> int:
    found = catalog.find_routers(args.brand, args.model, catalog.load_routers())
    if args.json:
        print_json([router_to_document(r) for r in found])
        return 0
    for number, router in enumerate(found):
        if number:
            print()
        print(router.display_name)
        print_table(
            ("fact", "value"),
            [
                (
                    fact_label(name, router.kind),
                    _price(value) if name == "price_usd" else fact_text(name, value, router.brand),
                )
                for name, value in router_to_flat(router).items()
            ],
        )
        print("Sources:")
        for source in router.sources:
            labels = source_labels(source.fields, router.kind)
            print(f"  {source.ref}\n    for: {'; '.join(labels)}")
    return 0


def _price(value: float | None) -> str | None:
    """A price as in every answer, without the $ the header already gives."""
    return None if value is None else f"{value:,.2f}"


def _import(args: argparse.Namespace) -> int:
    result = catalog.import_file(args.file)
    print(catalog.import_summary(args.file.name, result))
    for name in result.added:
        print(f"  added {name}")
    for line in result.updated:
        print(f"  updated {line}")
    for line in result.disagreements:
        print(f"  disagrees: {line}")
    if result.unmatched:
        rows = plural(len(result.unmatched), "row")
        print(f"{rows} match no catalog model and were not added:")
        for line in result.unmatched[:_SHOWN_UNMATCHED]:
            print(f"  {line}")
        if len(result.unmatched) > _SHOWN_UNMATCHED:
            print(f"  ... and {len(result.unmatched) - _SHOWN_UNMATCHED} more")
    return 0


def _export(args: argparse.Namespace) -> int:
    if args.out is not None:
        check_target(args.out, f"catalog.{args.format}")
    text = catalog.export_catalog(args.format)
    if args.out is None:
        sys.stdout.write(text)
        return 0
    write_output(args.out, text, f"catalog.{args.format}")
    print(f"Wrote {args.out}")
    return 0


def _build(args: argparse.Namespace) -> int:
    try:
        report, moved = catalog.build_catalog(force=args.force)
    except CatalogDataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        raise RuntimeFailure(
            f"the catalog files that come with the app have "
            f"{plural(len(exc.problems), 'problem')}, listed above; reinstall the app"
        ) from exc
    if moved is not None:
        print(f"Set the damaged catalog aside as {moved}")
        if report.recovered:
            print(f"Kept {plural(report.recovered, 'imported row')} recovered from it.")
    print(
        f"Built the catalog: {plural(report.models, 'model')}, "
        f"{plural(report.patches_applied, 'imported row')} applied again."
    )
    for line in report.skipped:
        print(f"  could not re-apply {line}")
    if report.imports_lost:
        print(
            "Warning: models you imported could not be read from the damaged file; "
            "import your files again with `router-advisor catalog import FILE`.",
            file=sys.stderr,
        )
    return 0
