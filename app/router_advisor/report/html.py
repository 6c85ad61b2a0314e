"""The recommendation as one self-contained HTML page (inline CSS, prints well).

Rendered by jinja2 with autoescaping on, so no catalog or device string can add markup.
"""

import jinja2

from router_advisor.core.recommend import Recommendation
from router_advisor.core.wording import key_facts, router_price, score_text
from router_advisor.report.facts import requirement_rows
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


def render_html(rec: Recommendation, generated_on: str | None = None) -> str:
    data = rec.to_dict()
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            requirements=requirement_rows(data["requirements"]),
            notes=data["requirements"]["notes"],
            shortlist=[
                entry
                | {
                    "name": item.router.display_name,
                    "key_facts": key_facts(item.router),
                    "price": router_price(item.router),
                }
                for entry, item in zip(data["shortlist"], rec.shortlist, strict=True)
            ],
            questions=data["vendor_questions"],
            considered=rec.considered,
            generated_on=generated_on,
        )
    )
