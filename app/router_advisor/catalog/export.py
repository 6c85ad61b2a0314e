"""Write the catalog as CSV or JSON, in the same shapes `catalog import` reads back, each
crediting the sources as their licences ask (core/credits.py): the JSON has `credits`
beside `routers`, the CSV starts with `#` lines that the import skips."""

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from router_advisor.catalog.fields import FIELDS
from router_advisor.catalog.records import router_to_document, router_to_flat, sources_to_json
from router_advisor.core.credits import CATALOG_LICENCE, credit_lines
from router_advisor.core.router import Router
from router_advisor.core.spreadsheet import neutral_text

CSV_COLUMNS: tuple[str, ...] = (*FIELDS, "sources")


def to_json(routers: Sequence[Router]) -> str:
    """`{"credits": [...], "routers": [...]}`: models nested like the TOML, unknown facts
    null."""
    document = {
        "credits": [*credit_lines(), CATALOG_LICENCE],
        "routers": [router_to_document(r) for r in routers],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def to_csv(routers: Sequence[Router]) -> str:
    """The credits as `#` lines, then one row per model: lists split by ';' ("none" when
    empty), sources as JSON; a text cell a spreadsheet would run as a formula starts with an
    apostrophe (import drops it)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for line in [*credit_lines(), CATALOG_LICENCE]:
        writer.writerow([f"# {line}"])
    writer.writerow(CSV_COLUMNS)
    for router in routers:
        flat = router_to_flat(router)
        row = [_cell(flat[name]) for name in FIELDS]
        row.append(neutral_text(json.dumps(sources_to_json(router.sources), ensure_ascii=False)))
        writer.writerow(row)
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return ";".join(f"{band}:{count}" for band, count in value.items())
    if isinstance(value, list):
        return neutral_text(";".join(str(v) for v in value)) if value else "none"
    return neutral_text(str(value))
