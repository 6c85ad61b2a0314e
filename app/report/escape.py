"""Make untrusted text (catalog imports, device names) inert in Markdown, HTML and CSV."""

from typing import Any

_MD_SPECIAL = frozenset("\\`*_{}[]()#+-.!|~>")
# OWASP "CSV Injection": a cell starting with one of these is run as a formula by
# spreadsheet programs; a leading apostrophe makes it plain text.
_CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def md_escape(text: object) -> str:
    """Text that renders literally in Markdown: HTML disarmed, markup characters escaped."""
    plain = " ".join(str(text).split())  # no newlines: they would start new blocks
    plain = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in plain)


def csv_cell(value: Any) -> Any:
    """A cell that a spreadsheet shows as text, never evaluates; numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        text = str(value)
        if text.lstrip(" ").startswith(_CSV_FORMULA_START):
            return "'" + text
        return text
    return value
