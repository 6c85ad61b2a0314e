"""The recommendation as CSV: shortlist, requirements, checklist and the catalog's credited
sources, formulas neutralised.

Blocks, each with its own header row, separated by an empty row (the walk test's only when
there is one); spreadsheets open it as one sheet.
"""

import csv
import io

from router_advisor.core.credits import CATALOG_LICENCE, DATA_CREDITS
from router_advisor.core.current_verdict import report_lines
from router_advisor.core.must_haves import miss_text
from router_advisor.core.recommend import Recommendation
from router_advisor.core.system_wording import parts_text, system_name, where_text
from router_advisor.core.walk_report import WalkReport, room_cells
from router_advisor.core.wording import key_facts
from router_advisor.report.escape import csv_cell
from router_advisor.report.facts import requirement_rows
from router_advisor.report.walk_section import WALK_HEADER, nodes_line, walk_lines

SHORTLIST_HEADER = (
    "rank",
    "name",
    "brand",
    "model",
    "kind",
    "pack_size",
    "wifi_generation",
    "wan_mbps",
    "price_usd",
    "price_as_of",
    "price_kind",
    "price_region",
    "score",
    "key_facts",
    "reasons",
    "caveats",
    "overkill",
    "nodes",
    "parts",
    "price_unknown_parts",
    "where",
    "misses",
)


def render_csv(
    rec: Recommendation, generated_on: str | None = None, walk: WalkReport | None = None
) -> str:
    data = rec.to_dict()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")

    def row(*cells: object) -> None:
        writer.writerow([csv_cell(c) for c in cells])

    row(*SHORTLIST_HEADER)
    for e, item in zip(data["shortlist"], rec.shortlist, strict=True):
        row(
            e["rank"],
            system_name(item.system),
            e["brand"],
            e["model"],
            e["kind"],
            e["pack_size"],
            e["wifi_generation"],
            e["wan_mbps"],
            e["price_usd"],
            e["price_as_of"],
            e["price_kind"],
            e["price_region"],
            e["score"],
            key_facts(item.router, item.system.nodes),
            " | ".join(e["reasons"]),
            " | ".join(e["caveats"]),
            " | ".join(e["overkill"]),
            e["nodes"],
            parts_text(item.system),
            " | ".join(e["price_unknown_parts"]),
            where_text(item.system),
            " | ".join(miss_text(m, "file") for m in item.misses),
        )
    writer.writerow([])
    row("need", "value")
    for need, value in requirement_rows(data["requirements"]):
        row(need, value)
    if rec.current_router is not None:
        writer.writerow([])
        row("your router now", "verdict")
        row(rec.current_router.name or "not identified", rec.current_router.verdict.verdict)
        for line in report_lines(rec.current_router):
            row("", line)
    if walk is not None and walk.rooms:
        writer.writerow([])
        row("walk test: " + nodes_line(walk))
        row(*WALK_HEADER)
        for stop in walk.rooms:
            row(*room_cells(stop))
        for line in walk_lines(walk):
            row("", line)
    writer.writerow([])
    row("question", "why", "done")
    for vq in data["vendor_questions"]:
        row(vq["question"], vq["why"], "")
    writer.writerow([])
    row("catalog source", "address", "licence")
    for credit in DATA_CREDITS:
        row(credit.name, credit.url, credit.licence)
    row(CATALOG_LICENCE)
    return out.getvalue()
