"""The recommendation as Markdown: catalog strings escaped so they render literally, yet the
file stays readable as plain text (backslashes only where Markdown needs them)."""

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
from router_advisor.report.escape import md_escape
from router_advisor.report.facts import requirement_rows
from router_advisor.report.walk_section import WALK_HEADER, nodes_line, walk_lines


def render_markdown(
    rec: Recommendation, generated_on: str | None = None, walk: WalkReport | None = None
) -> str:
    data = rec.to_dict()
    lines = ["# Router Advisor: your shortlist", ""]
    if generated_on:
        lines += [f"Made on {md_escape(generated_on)} from {rec.considered} catalog models.", ""]
    lines += ["## What your home needs", "", "| Need | Value |", "|---|---|"]
    rows = requirement_rows(data["requirements"])
    lines += [f"| {md_escape(need)} | {md_escape(value)} |" for need, value in rows]
    lines.append("")
    lines += [f"- {md_escape(note)}" for note in data["requirements"]["notes"]]
    if rec.current_router is not None:
        lines += ["", f"## {md_escape(report_title(rec.current_router))}", ""]
        lines += [f"- {md_escape(line)}" for line in report_lines(rec.current_router)]
    if walk is not None and walk.rooms:
        lines += ["", "## Walk test, room by room", "", md_escape(nodes_line(walk)), ""]
        lines += ["| " + " | ".join(h.capitalize() for h in WALK_HEADER) + " |"]
        lines += ["|" + "---|" * len(WALK_HEADER)]
        lines += ["| " + " | ".join(md_escape(c) for c in room_cells(s)) + " |" for s in walk.rooms]
        lines.append("")
        lines += [f"- {md_escape(line)}" for line in walk_lines(walk)]
    heading = shortlist_heading(rec.closest_fits, rec.fits, rec.systems)
    lines += ["", "## Shortlist", "", md_escape(heading), ""]
    left_out = left_out_text(rec.excluded)
    if left_out:
        lines += [md_escape(left_out), ""]
    for entry, item in zip(data["shortlist"], rec.shortlist, strict=True):
        s = item.system
        lines += [
            f"### {entry['rank']}. {md_escape(system_name(s))}: "
            f"{md_escape(system_price(s))}, {score_text(item.score)}",
            "",
            md_escape(key_facts(item.router, item.system.nodes)),
            "",
        ]
        parts = parts_line(s)
        if parts:
            lines += [md_escape(parts), ""]
        lines += [f"Where: {md_escape(where_text(s))}", ""]
        lines += [f"- Misses: {md_escape(miss_text(m, 'file'))}" for m in item.misses]
        lines += [f"- {md_escape(reason)}" for reason in entry["reasons"]]
        lines += [f"- Caveat: {md_escape(caveat)}" for caveat in entry["caveats"]]
        lines += [f"- Overkill: {md_escape(note)}" for note in entry["overkill"]]
        lines.append("")
    lines += ["## Questions to ask before buying", ""]
    for vq in data["vendor_questions"]:
        lines.append(f"- [ ] {md_escape(vq['question'])}  ")
        lines.append(f"  Why: {md_escape(vq['why'])}")
    lines += ["", "## Sources and licences", ""]
    lines += [f"- {md_escape(line)}" for line in credit_lines()]
    lines += ["", md_escape(CATALOG_LICENCE), ""]
    return "\n".join(lines)
