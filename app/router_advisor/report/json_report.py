"""The recommendation as JSON: the `recommend --json` object plus `credits` (the catalog's
sources and licence), safe to embed in a page."""

import json

from router_advisor.core.credits import CATALOG_LICENCE, credit_lines
from router_advisor.core.recommend import Recommendation
from router_advisor.core.walk_report import WalkReport


def render_json(
    rec: Recommendation, generated_on: str | None = None, walk: WalkReport | None = None
) -> str:
    """The recommendation's keys and `credits`; with a walk test, its report under "walk"."""
    data = rec.to_dict() | {"credits": [*credit_lines(), CATALOG_LICENCE]}
    if walk is not None and walk.rooms:
        data["walk"] = walk.to_dict()
    text = json.dumps(data, indent=2, ensure_ascii=False)
    # Still valid JSON, but inert if someone pastes it inside an HTML <script>.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
