"""The recommendation as JSON: the `recommend --json` object plus `credits` (the catalog's
sources and licence), safe to embed in a page."""

import json

from router_advisor.core.credits import CATALOG_LICENCE, credit_lines
from router_advisor.core.recommend import Recommendation


def render_json(rec: Recommendation, generated_on: str | None = None) -> str:
    data = rec.to_dict() | {"credits": [*credit_lines(), CATALOG_LICENCE]}
    text = json.dumps(data, indent=2, ensure_ascii=False)
    # Still valid JSON, but inert if someone pastes it inside an HTML <script>.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
