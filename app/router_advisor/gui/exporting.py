"""Write the report in the chosen formats: Markdown, HTML, CSV and JSON by
router_advisor.services.export, PDF drawn by Qt from the HTML. The person's edited checklist
replaces the generated one."""

import dataclasses
from pathlib import Path

from router_advisor.core.questions import VendorQuestion
from router_advisor.core.recommend import Recommendation
from router_advisor.gui.pdf import html_to_pdf
from router_advisor.gui.state import WizardState
from router_advisor.report.atomic import check_target

BASENAME = "router-advisor-report"


def _recommendation(state: WizardState) -> Recommendation:
    rec = state.recommendation
    questions = tuple(
        VendorQuestion(item.question, item.why, "user" if item.added_by_user else "checklist")
        for item in state.checklist
    )
    return dataclasses.replace(rec, vendor_questions=questions)


def export_report(state: WizardState, folder: Path, formats: list[str]) -> list[Path]:
    """Write one file per format into `folder`; returns the paths in the order asked."""
    from router_advisor.services.export import export, render

    rec = _recommendation(state)
    written = []
    for fmt in formats:
        path = folder / f"{BASENAME}.{fmt}"
        if fmt == "pdf":
            check_target(path, f"{BASENAME}.pdf")  # as every other export: never over a link
            html_to_pdf(render(rec, "html", walk=state.walk), path)
        else:
            export(rec, fmt, path, state.walk)
        written.append(path)
    return written
