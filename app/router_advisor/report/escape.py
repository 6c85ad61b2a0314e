"""Make untrusted text (catalog imports, device names) inert in Markdown, HTML and CSV."""

import re
from typing import Any

from router_advisor.core.spreadsheet import neutral_text

# Characters that are markup anywhere in a line (CommonMark + GitHub tables/strikethrough);
# `<` starts raw HTML or an autolink. Everything else reads as itself, so dates, brackets
# and "AT&T" stay readable: escaped with a backslash, never an HTML entity.
_MD_INLINE = frozenset("\\`*_[]<>|~")
# Markup only at the start of a block: headings, lists, quotes, setext underlines.
_MD_LINE_START = re.compile(r"^(?:[#+\-=]|\d+(?=[.)](?:\s|$)))")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")  # "&amp;" would render as "&"


def md_escape(text: object) -> str:
    """Text that renders literally in Markdown and still reads well as plain text."""
    plain = " ".join(str(text).split())  # no newlines: they would start new blocks
    escaped = "".join("\\" + ch if ch in _MD_INLINE else ch for ch in plain)
    escaped = _MD_ENTITY.sub(r"\\&", escaped)
    return _MD_LINE_START.sub(_escape_line_start, escaped, count=1)


def _escape_line_start(match: re.Match[str]) -> str:
    """ "# x" -> "\\# x"; "1. x" -> "1\\. x" (the dot, not the digits, makes a list)."""
    found = match.group(0)
    return found + "\\" if found[0].isdigit() else "\\" + found


def csv_cell(value: Any) -> Any:
    """A cell that a spreadsheet shows as text, never evaluates; numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return neutral_text(str(value))
    return value
