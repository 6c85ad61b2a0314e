"""`router-advisor catalog ...`: list, show, import, export and build the router catalog."""

import argparse
import sys
from pathlib import Path
from typing import Any

from app.catalog.records import router_to_document, router_to_flat
from app.catalog.source import CatalogDataError
from app.cli.lazy import lazy_import
from app.cli.output import print_json, print_table
from app.core.router import WIFI_GENERATIONS, Router
from app.errors import RuntimeFailure, UserInputError

catalog = lazy_import("app.services.catalog")

_LIST_HEADERS = (
    "brand",
    "model",
    "rev",
    "kind",
    "pack",
    "wifi",
    "class",
    "WAN",
    "USD",
    "cores",
    "RAM MB",
)
_SHOWN_UNMATCHED = 10


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "catalog",
        help="list, show, import and export routers",
        description="The catalog of routers and mesh systems.",
    )
    commands = parser.add_subparsers(title="catalog commands", metavar="COMMAND", required=True)

    list_p = commands.add_parser("list", help="list the models, optionally filtered")
    list_p.add_argument("--json", action="store_true", help="print a JSON array")
    list_p.add_argument("--brand", help="only this brand (any case)")
    list_p.add_argument("--kind", choices=("router", "mesh"))
    list_p.add_argument(
        "--wifi", choices=WIFI_GENERATIONS, type=str.upper, help="only this Wi-Fi generation"
    )
    list_p.add_argument(
        "--max-price", type=float, metavar="USD", help="only models known to cost at most this much"
    )
    list_p.add_argument(
        "--min-wan",
        type=int,
        metavar="MBPS",
        help="only models whose WAN port is known to be at least this fast",
    )
    list_p.set_defaults(handler=_list)

    show_p = commands.add_parser("show", help="every fact about one model, with its sources")
    show_p.add_argument("brand")
    show_p.add_argument("model")
    show_p.add_argument("--json", action="store_true", help="print JSON")
    show_p.set_defaults(handler=_show)

    import_p = commands.add_parser(
        "import", help="add or update models from a CSV or JSON file, or the OpenWrt ToH dump"
    )
    import_p.add_argument("file", type=Path)
    import_p.set_defaults(handler=_import)

    export_p = commands.add_parser("export", help="write the whole catalog as CSV or JSON")
    export_p.add_argument("--format", choices=("csv", "json"), required=True)
    export_p.add_argument("--out", type=Path, help="write to this file instead of the screen")
    export_p.set_defaults(handler=_export)

    build_p = commands.add_parser("build", help="rebuild the catalog database from data/ now")
    build_p.add_argument(
        "--force",
        action="store_true",
        help="set a damaged database file aside (renamed, kept) and start anew",
    )
    build_p.set_defaults(handler=_build)


def _list(args: argparse.Namespace) -> int:
    routers = [r for r in catalog.load_routers() if _keep(r, args)]
    if args.json:
        print_json([router_to_document(r) for r in routers])
        return 0
    print_table(
        _LIST_HEADERS,
        [
            (
                r.brand,
                r.model,
                r.hardware_revision or "",
                r.kind,
                r.pack_size,
                r.wifi_generation,
                r.wifi_class,
                r.wan_mbps,
                _text(r.price_usd),
                r.cpu_cores,
                r.ram_mb,
            )
            for r in routers
        ],
    )
    return 0


def _keep(router: Router, args: argparse.Namespace) -> bool:
    return (
        (args.brand is None or router.brand.lower() == args.brand.lower())
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
        print(
            router.display_name
            + (f" {router.hardware_revision}" if router.hardware_revision else "")
        )
        print_table(
            ("field", "value"),
            [(name, _text(value)) for name, value in router_to_flat(router).items()],
        )
        print("sources:")
        for source in router.sources:
            print(f"  {source.ref}\n    for: {', '.join(source.fields)}")
    return 0


def _text(value: object) -> object:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else "none"
    if isinstance(value, dict):
        return ", ".join(f"{k} GHz: {v}" for k, v in value.items())
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return value


def _import(args: argparse.Namespace) -> int:
    result = catalog.import_file(args.file)
    print(
        f"Imported {args.file.name} ({result.fmt}): {len(result.added)} added, "
        f"{len(result.updated)} updated, {result.unchanged} unchanged."
    )
    for name in result.added:
        print(f"  added {name}")
    for line in result.updated:
        print(f"  updated {line}")
    for line in result.disagreements:
        print(f"  disagrees: {line}")
    if result.unmatched:
        print(f"{len(result.unmatched)} rows match no catalog model and were not added:")
        for line in result.unmatched[:_SHOWN_UNMATCHED]:
            print(f"  {line}")
        if len(result.unmatched) > _SHOWN_UNMATCHED:
            print(f"  ... and {len(result.unmatched) - _SHOWN_UNMATCHED} more")
    return 0


def _export(args: argparse.Namespace) -> int:
    text = catalog.export_catalog(args.format)
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserInputError(
            f"cannot write {args.out} ({exc.strerror}); choose another path"
        ) from exc
    print(f"Wrote {args.out}")
    return 0


def _build(args: argparse.Namespace) -> int:
    try:
        report, moved = catalog.build_catalog(force=args.force)
    except CatalogDataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        raise RuntimeFailure(
            f"the catalog source has {len(exc.problems)} problem(s), listed "
            "above; fix them and build again"
        ) from exc
    if moved is not None:
        print(f"Set the damaged catalog aside as {moved}")
    print(
        f"Built the catalog: {report.models} models, {report.patches_applied} imported rows "
        "applied again."
    )
    for line in report.skipped:
        print(f"  could not re-apply {line}")
    return 0
