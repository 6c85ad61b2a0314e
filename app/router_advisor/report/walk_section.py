"""The walk test as a section of a report: one row per room, the node count and the advice,
the same words in Markdown, HTML and CSV (the JSON report carries WalkReport.to_dict())."""

from router_advisor.core.walk_report import WalkReport
from router_advisor.core.wording import plural

WALK_HEADER = ("room", "rating", "signal", "band", "download", "upload", "delay", "node")


def nodes_line(report: WalkReport) -> str:
    """'2 nodes needed (measured room by room; 1 access point seen)'."""
    nodes = report.nodes_suggested or 0
    word = "node" if nodes == 1 else "nodes"
    seen = plural(report.nodes_seen, "access point")
    return f"{nodes} {word} needed (measured room by room; {seen} seen)"


def walk_lines(report: WalkReport) -> list[str]:
    """The advice, then what changed since the walk before."""
    lines = list(report.advice)
    if report.changes:
        lines.append(f"Since walk {report.compared_with}:")
        lines += [c.text for c in report.changes]
    return lines
