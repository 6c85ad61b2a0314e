"""Read the catalog's TOML fast: the plain subset its files are written in, rewritten as JSON.

The standard library's tomllib reads a character at a time in Python: ~120 ms of the first
catalog build for 680 kB of catalog, most of issue 12's 200 ms budget (no C parser: see
source.parse_toml). The catalog files use a small, regular part of
TOML: `[[router]]` tables of `key = value` lines, basic strings, decimal numbers, booleans,
arrays and one-line inline tables. Regular expressions (C speed) rewrite that into JSON,
which the C JSON reader reads: together ~3x faster than tomllib.

It never decides alone: anything outside that subset, and every mistake, makes it return
None, and the caller reads the file with tomllib, which gives the same result or its error.
Where the rewrite could let a mistake through, the JSON reader refuses it instead (a key
before the first table, a key inside an array, a missing comma or bracket), so a file that
reads here reads the same with tomllib (tests/catalog/test_catalog_toml.py checks that on the
shipped catalog and on generated documents).
"""

import json
import re
from typing import Any

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED_KEY = r'"[^"\\\x00-\x1f\x7f]*"'  # a quoted key without escapes
# A basic string whose escapes mean the same in JSON: no raw control characters (a tab is
# TOML but not JSON: left to tomllib), no \U or \e, no \u of a surrogate.
_STRING = (
    r'"[^"\\\x00-\x1f\x7f]*'
    r'(?:\\(?:["\\bfnrt]|u(?![dD][89a-fA-F])[0-9a-fA-F]{4})[^"\\\x00-\x1f\x7f]*)*"'
)
# A decimal number as JSON writes it, which TOML reads as the same int or float.
_NUMBER = r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?![\w.:+-])"
_SCALAR = rf"(?:{_STRING}|{_NUMBER}|(?:true|false)(?![\w-]))"
# An array of scalars on one line, without a trailing comma: the same text in JSON.
_ARRAY = rf"\[[ \t]*(?:{_SCALAR}(?:[ \t]*,[ \t]*{_SCALAR})*[ \t]*)?\]"
# In an inline table, an array of scalars may span lines and end with a comma (no comments).
_WIDE_ARRAY = rf"\[(?:[ \t\n]*{_SCALAR}[ \t\n]*,)*[ \t\n]*(?:{_SCALAR}[ \t\n]*)?\]"
_PAIR = rf"(?:{_BARE}|{_QUOTED_KEY})[ \t]*=[ \t]*(?:{_SCALAR}|{_WIDE_ARRAY})"
# Blanks, newlines and comments up to the "]" that ends an array.
_BEFORE_END = r"(?:[ \t\n]|#[^\n]*)*\]"

# First pass, by templates (no callback of ours). A key starts a line and its value starts
# on the same line; a bare key becomes KEY_MARK"key": (the mark becomes a comma), a dotted one of
# two parts "table\u0000key" (split again by _undot). A table header becomes TABLE_MARK.
# (No basic string holds a newline, so nothing here matches inside one.)
_KEY_MARK, _TABLE_MARK = "\x01", "\x02"
_TOP_KEY = re.compile(rf"\n[ \t]*({_BARE})[ \t]*=(?=[ \t]*[^ \t\n#])")
_DOTTED_KEY = re.compile(rf"\n[ \t]*({_BARE})[ \t]*\.[ \t]*({_BARE})[ \t]*=(?=[ \t]*[^ \t\n#])")
_TABLE = re.compile(r"\n[ \t]*\[\[[ \t]*router[ \t]*\]\][ \t]*(?=\n|#|\Z)")

# Second pass. Copied as it is: scalars, arrays, blanks, newlines, commas that do not end
# an array, the marks of the first pass. Rewritten: inline tables (their keys quoted),
# comments (dropped), a comma that ends an array (dropped). Anything else is outside.
_TOKENS = re.compile(
    rf"(?P<copy>(?:{_SCALAR}|{_KEY_MARK}\"{_BARE}(?:\\u0000{_BARE})?\":|{_TABLE_MARK}"
    rf"|[\[\] \t\n]+|,(?!{_BEFORE_END}))+)"
    # A source, the most common inline table by far: { ref = "...", fields = [...] }.
    rf"|(?P<source>\{{[ \t]*ref[ \t]*=[ \t]*(?P<ref>{_STRING})[ \t]*,"
    rf"[ \t]*fields[ \t]*=[ \t]*(?P<fields>{_WIDE_ARRAY})[ \t]*\}})"
    rf"|(?P<inline>\{{[ \t]*(?:{_PAIR}(?:[ \t]*,[ \t]*{_PAIR})*[ \t]*)?\}})"
    rf'|(?P<trail>(?<=[\]}}"0-9e]),(?={_BEFORE_END}))'
    r"|(?P<comment>#[^\x00-\x08\x0a-\x1f\x7f]*)"
    r"|(?P<other>[\s\S])"
)
_INLINE_PAIR = re.compile(
    rf"[{{,][ \t]*({_BARE}|{_QUOTED_KEY})[ \t]*=[ \t]*({_SCALAR}|{_WIDE_ARRAY})"
)


class _Outside(Exception):
    """The text leaves the subset (or is not TOML): tomllib reads it instead."""


def _rewrite(match: re.Match[str]) -> str:
    kind = match.lastgroup
    if kind == "copy":
        return match.group()
    if kind == "source":
        return f'{{"ref":{match.group("ref")},"fields":{_json_array(match.group("fields"))}}}'
    if kind == "inline":
        pairs = _INLINE_PAIR.findall(match.group())
        return "{" + ",".join(f"{_json_key(k)}:{_json_array(v)}" for k, v in pairs) + "}"
    if kind == "trail" or kind == "comment":
        return ""
    raise _Outside


def _json_array(value: str) -> str:
    """A scalar or an array of scalars without the trailing comma TOML allows."""
    if value[0] == "[":
        inside = value[:-1].rstrip(" \t\n")
        if inside.endswith(","):
            return inside[:-1] + "]"
    return value


def _json_key(key: str) -> str:
    """A bare or quoted key (no escapes) as a JSON string."""
    return key if key[0] == '"' else f'"{key}"'


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a table: a key defined twice is a TOML error (tomllib says where)."""
    table = dict(pairs)
    if len(table) != len(pairs):
        raise _Outside
    table.pop("\x00", None)  # the placeholder that opens each [[router]] table
    return table


def _undot(table: dict[str, Any]) -> dict[str, Any]:
    """Dotted keys ("firmware\\0end_of_support") into tables, as TOML defines them: a table
    made by dotted keys can take more of them; an inline table or a value cannot."""
    result: dict[str, Any] = {}
    made: set[int] = set()
    for key, value in table.items():
        parent, dot, last = key.partition("\x00")
        target = result
        if dot:
            inner = result.get(parent)
            if inner is None:
                inner = result[parent] = {}
                made.add(id(inner))
            elif not (isinstance(inner, dict) and id(inner) in made):
                raise _Outside
            target = inner
        else:
            last = parent
        if last in target:
            raise _Outside
        target[last] = value
    return result


def loads(text: str) -> dict[str, Any] | None:
    """The document `text` as tomllib reads it, or None when it is outside the subset (or is
    not valid TOML): then read it with tomllib."""
    if _KEY_MARK in text or _TABLE_MARK in text or '"""' in text or "'''" in text:
        return None  # (raw control characters are never valid TOML; multi-line strings)
    text = "\n" + text.replace("\r\n", "\n")  # every key and table starts after a newline
    text = _TABLE.sub(_TABLE_MARK, text)
    text, dotted = _DOTTED_KEY.subn(rf'{_KEY_MARK}"\1\\u0000\2":', text)
    text = _TOP_KEY.sub(rf'{_KEY_MARK}"\1":', text)
    try:
        body = _TOKENS.sub(_rewrite, text)
        # Before the first table nothing but blanks: a key there reads as "{,": refused.
        document = "[{" + body.replace(_KEY_MARK, ",").replace(_TABLE_MARK, '},{"\\u0000":0')
        tables = json.loads(document + "}]", object_pairs_hook=_unique)
        if tables[0] or len(tables) == 1:  # something before the first table, or no table
            return None if tables[0] or body.strip() else {}
        routers = tables[1:]
        return {"router": [_undot(r) for r in routers] if dotted else routers}
    except (_Outside, ValueError, RecursionError):
        return None
