"""Text cells a spreadsheet shows as text, never runs: the report's and the catalog's CSV.

OWASP "CSV Injection": a cell starting with one of FORMULA_START is run as a formula by
spreadsheet programs; a leading apostrophe makes it plain text. `catalog import` takes the
apostrophe off again, so the catalog's own CSV reads back as it was.
"""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral_text(text: str) -> str:
    """`text`, with an apostrophe in front when a spreadsheet would run it as a formula."""
    return "'" + text if text.lstrip(" ").startswith(FORMULA_START) else text


def unquote_formula(text: str) -> str:
    """The inverse of `neutral_text` for a cell read back from a CSV file."""
    if text.startswith("'") and text[1:].lstrip(" ").startswith(FORMULA_START):
        return text[1:]
    return text
