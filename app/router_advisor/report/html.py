"""The recommendation as one self-contained HTML page (inline CSS, prints well).

Rendered by jinja2 with autoescaping on, so no catalog or device string can add markup.
"""

import jinja2

from router_advisor.core.credits import CATALOG_LICENCE, credit_lines
from router_advisor.core.current_verdict import report_lines, report_title
from router_advisor.core.must_haves import miss_text
from router_advisor.core.recommend import Recommendation
from router_advisor.core.system_wording import (
    left_out_text,
    parts_line,
    shortlist_heading,
    system_name,
    system_price,
    where_text,
)
from router_advisor.core.walk_report import WalkReport, room_cells
from router_advisor.core.wording import key_facts, score_text
from router_advisor.report.facts import requirement_rows
from router_advisor.report.walk_section import WALK_HEADER, nodes_line, walk_lines
from router_advisor.resources import assets_path

TEMPLATE = "report.html.j2"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(assets_path("templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(score_text=score_text)
    return env


def render_html(
    rec: Recommendation, generated_on: str | None = None, walk: WalkReport | None = None
) -> str:
    data = rec.to_dict()
    has_walk = walk is not None and bool(walk.rooms)
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            requirements=requirement_rows(data["requirements"]),
            notes=data["requirements"]["notes"],
            shortlist=[
                entry
                | {
                    "name": system_name(item.system),
                    "key_facts": key_facts(item.router, item.system.nodes),
                    "price": system_price(item.system),
                    "parts": parts_line(item.system),
                    "where": where_text(item.system),
                    "miss_texts": [miss_text(m, "file") for m in item.misses],
                }
                for entry, item in zip(data["shortlist"], rec.shortlist, strict=True)
            ],
            heading=shortlist_heading(rec.closest_fits, rec.fits, rec.systems),
            left_out=left_out_text(rec.excluded),
            questions=data["vendor_questions"],
            considered=rec.considered,
            current_title=report_title(rec.current_router) if rec.current_router else None,
            current_lines=report_lines(rec.current_router) if rec.current_router else [],
            credits=credit_lines(),
            licence=CATALOG_LICENCE,
            generated_on=generated_on,
            walk_header=[h.capitalize() for h in WALK_HEADER],
            walk_rows=[room_cells(s) for s in walk.rooms] if walk is not None and has_walk else [],
            walk_nodes=nodes_line(walk) if walk is not None and has_walk else None,
            walk_lines=walk_lines(walk) if walk is not None and has_walk else [],
        )
    )
