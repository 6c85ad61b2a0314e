"""The export use case: write a recommendation as Markdown, HTML, CSV or JSON, atomically."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from router_advisor.core.recommend import Recommendation
from router_advisor.core.walk_report import WalkReport
from router_advisor.errors import UserInputError
from router_advisor.report import FORMATS
from router_advisor.report.atomic import write_output
from router_advisor.report.csv_report import render_csv
from router_advisor.report.html import render_html
from router_advisor.report.json_report import render_json
from router_advisor.report.markdown import render_markdown

Renderer = Callable[[Recommendation, str | None, WalkReport | None], str]

RENDERERS: dict[str, Renderer] = {
    "md": render_markdown,
    "html": render_html,
    "csv": render_csv,
    "json": render_json,
}


def render(
    rec: Recommendation, fmt: str, generated_on: str | None = None, walk: WalkReport | None = None
) -> str:
    """The report text in one of FORMATS; with a walk test, a section for it."""
    if fmt not in RENDERERS:
        raise UserInputError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    return RENDERERS[fmt](rec, generated_on, walk)


def export(rec: Recommendation, fmt: str, out: Path, walk: WalkReport | None = None) -> Path:
    """Write the report to `out` (replaced atomically) and return the path written."""
    text = render(rec, fmt, date.today().isoformat(), walk)
    write_output(out, text, f"shortlist.{fmt}")
    return out
