"""Read a file a person gives us (answers, speed and scan results, catalog imports, settings)
without trusting it: a size cap, UTF-8 with or without a BOM, any line endings, and a parsed
document that later code can use without hitting Python's own limits.

Only a regular file is read: a named pipe would block the read until something writes
to it (forever, when nothing does), and a device such as `/dev/zero` never ends. The size
cap keeps a huge file from filling memory, and the checks keep a hostile document (deeply
nested, a number too big for SQLite, `Infinity`, lone surrogates) from turning into an
internal error far from the file.
"""

import json
import math
import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any

from router_advisor.core.echo import cut

MAX_INPUT_BYTES = 4 * 1024 * 1024
MAX_INPUT_MB = MAX_INPUT_BYTES // (1024 * 1024)
MAX_DEPTH = 64  # far deeper than any of our files; well inside Python's recursion limit
MAX_INTEGER = 2**63 - 1  # SQLite's integer range, and far beyond any real count or speed
_SURROGATE = re.compile("[\ud800-\udfff]")


class InputFileError(ValueError):
    """The file cannot be used. The message completes "the file ..." ("is not valid JSON",
    "holds ..."), without the file's name (each caller names the file in its own words);
    `line` says where, when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


# What a path that is not a regular file names, in the words of a refusal.
_NOT_REGULAR = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}
# Opening a named pipe without O_NONBLOCK waits for a writer; Windows has neither.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _refuse_unless_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        kind = _NOT_REGULAR.get(stat.S_IFMT(mode), "not a regular file")
        raise InputFileError(f"is {kind}, not a regular file; give the path of a saved file")


def read_input(path: Path, limit: int = MAX_INPUT_BYTES) -> str:
    """The file's text, at most `limit` bytes: UTF-8 (a BOM is dropped), newlines as "\\n".

    OSError (missing file, no permission) is left to the caller, who knows what the file
    is for; anything but a regular file (a folder, a named pipe, a device), a file too big
    or not UTF-8 raises InputFileError. Nothing here can block: the path is looked at
    before it is opened, and opened without waiting in case it changed in between."""
    _refuse_unless_regular(os.stat(path).st_mode)
    fd = os.open(path, _OPEN_FLAGS)
    with open(fd, "rb", closefd=True) as handle:
        _refuse_unless_regular(os.fstat(fd).st_mode)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputFileError(f"is larger than {MAX_INPUT_MB} MB, the most this file may hold")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputFileError("is not UTF-8 text; save it as UTF-8 and try again", line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for key, value in pairs:
        if key in document:
            raise InputFileError(f"repeats the key {cut(key)!r} in one object")
        document[key] = value
    return document


def _no_constant(name: str) -> Any:
    raise InputFileError(f"holds {name}, which is not a number; write a plain number")


def parse_json(text: str) -> Any:
    """A JSON document, checked by `check_values`; repeated keys and NaN/Infinity refused."""
    try:
        document = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise InputFileError(f"is not valid JSON ({exc.msg})", exc.lineno) from None
    except RecursionError:
        raise InputFileError(f"is nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as exc:  # an integer of more than 4,300 digits
        if isinstance(exc, InputFileError):
            raise
        raise InputFileError("holds a number far too big") from None
    check_values(document)
    return document


_TOML_AT = re.compile(r"\(at line (\d+), column \d+\)$")


def parse_toml(text: str) -> dict[str, Any]:
    """A TOML document, checked by `check_values`."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_AT.search(str(exc))
        raise InputFileError(
            f"is not valid TOML ({cut(str(exc), 120)})", int(found.group(1)) if found else None
        ) from None
    except RecursionError:
        raise InputFileError(f"is nested more than {MAX_DEPTH} levels deep") from None
    except ValueError:  # an integer of more than 4,300 digits
        raise InputFileError("holds a number far too big") from None
    check_values(document)
    return document


def check_values(document: Any) -> None:
    """Refuse what no file of ours holds and later code would trip on: nesting deeper than
    MAX_DEPTH, numbers that are infinite or beyond SQLite's integers, lone surrogates."""
    stack: list[tuple[Any, int]] = [(document, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                raise InputFileError(f"is nested more than {MAX_DEPTH} levels deep")
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str):
                    _check_text(key)
                stack.append((item, depth + 1))
        elif isinstance(value, str):
            _check_text(value)
        elif isinstance(value, float) and not math.isfinite(value):
            raise InputFileError("holds a number too big to be real (infinite)")
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INTEGER:
            raise InputFileError("holds a number far too big")


def is_text(text: str) -> bool:
    """False for a string holding lone surrogates: bytes that were not UTF-8 (a command-line
    argument) or a JSON escape of half a character. Such a string cannot be stored or shown."""
    return _SURROGATE.search(text) is None


def _check_text(text: str) -> None:
    if not is_text(text):
        raise InputFileError("holds text that is not valid Unicode (a lone surrogate)")
