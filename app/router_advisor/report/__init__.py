"""Shortlist, requirements and questions rendered as Markdown, HTML, CSV and JSON."""

# The export formats, in the order menus show them; router_advisor.services.export renders each.
FORMATS: tuple[str, ...] = ("md", "html", "csv", "json")
