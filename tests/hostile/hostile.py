"""Shared parts of the hostile-input and fault tests: run the CLI in-process, check that a
refusal is one plain line, and build hostile files with Hypothesis.

The fuzz tests (test_fuzz_*.py) run a bounded number of examples in the default suite;
tests/bench/bench_fuzz.py runs the same checks with many more.
"""

import contextlib
import hashlib
import io
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from router_advisor.cli.main import main

PREFIX = "router-advisor: error: "
USAGE = re.compile(r"^router-advisor( [a-z]+)*: error: ")
MAX_LINE = 1100  # the CLI's cut (1000) plus the prefix and a path


LONG_RUN_ENV = "ROUTER_ADVISOR_FUZZ_SCALE"  # tests/bench/bench_fuzz.py sets it


def bounded(examples: int) -> settings:
    """Settings for a fuzz test: no deadline (the first example builds the catalog), and the
    per-test home folder is fine to share between examples. The default suite runs the same
    `examples` cases every time; the long run (LONG_RUN_ENV=N) N times as many, random."""
    scale = int(os.environ.get(LONG_RUN_ENV, "1"))
    return settings(
        max_examples=examples * scale,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        derandomize=scale == 1,
        database=None,
    )


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


def run_cli(*argv: str) -> Outcome:
    """`router-advisor ARGV` in this process, as `python -m router_advisor` would run it."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
    return Outcome(code, out.getvalue(), err.getvalue())


def assert_plain(outcome: Outcome) -> None:
    """Exit 0, or exit 1/2 with one short plain line on stderr; never a traceback or an
    internal error."""
    assert "Traceback" not in outcome.err, outcome.err
    if outcome.code == 0:
        return
    assert outcome.code in (1, 2), outcome
    lines = outcome.err.splitlines()
    assert len(lines) == 1, outcome.err[:2000]
    line = lines[0]
    # "router-advisor: error: ...", or argparse's "router-advisor devices label: error: ..."
    assert USAGE.match(line) and len(line) <= MAX_LINE, line[:2000]
    assert "unexpected problem" not in line, line


def digest(*paths: Path) -> str:
    """The bytes of files (absent ones too), to prove a refusal changed nothing."""
    h = hashlib.sha256()
    for path in paths:
        h.update(path.read_bytes() if path.exists() else b"<absent>")
    return h.hexdigest()


def content(db: Path) -> str:
    """The logical content of an SQLite file (a WAL may hold part of it)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


# --- hostile values ------------------------------------------------------------------------
HUGE_TEXT = "x" * 200_000
NASTY_TEXT = st.sampled_from(
    [
        "",
        " ",
        "\u200b",
        "FZ\u200b 9",
        "FZ  9",
        "e\u0301",
        "=cmd|' /C calc'!A0",
        "+1",
        "-1",
        "@SUM(1)",
        "<script>",
        "a\nb",
        "a\rb",
        "\x00",
        "\ufeff",
        "\ud800",
        "😀",
        "2030-02-30",
        "2024-13-01",
        HUGE_TEXT,
    ]
)
NASTY_NUMBER = (
    st.sampled_from(
        [0, -1, 1, 2**63, -(2**63) - 1, 10**4000, 1e400, -1e400, 1e308, 5e-324, -0.0, 0.5, 99]
    )
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.integers(-(10**30), 10**30)
)
NASTY = NASTY_TEXT | NASTY_NUMBER | st.booleans() | st.none() | st.text(max_size=40)


def nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


def nasty_values() -> st.SearchStrategy[Any]:
    """A value for any field: text, numbers of every size, lists, tables, deep nesting."""
    return st.recursive(
        NASTY,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=8,
    ) | st.sampled_from([nested(70), nested(3000), {"k" * 100_000: 1}])


def json_text(document: Any) -> str:
    """JSON as a careless or hostile writer would: Infinity/NaN and lone surrogates escaped."""
    try:
        return json.dumps(document, allow_nan=True)
    except (RecursionError, ValueError):
        return "[" * 5000 + "]" * 5000


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return {"inf": "inf", "-inf": "-inf", "nan": "nan"}.get(repr(value), repr(value))
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        if len(value) == 1 and isinstance(value[0], list) and len(json_text(value)) > 1000:
            return "[" * 3000 + "]" * 3000
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    return '""'


@st.composite
def text_mangled(draw: st.DrawFn, text: str) -> bytes:
    """The file's bytes after what editors, transfers and attackers do to text."""
    data = text
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    data = data.replace("\n", ending)
    if draw(st.booleans()):
        data = "\ufeff" + data
    raw = data.encode("utf-8", "surrogatepass")
    cut = draw(st.sampled_from(["none", "none", "truncate", "garbage", "bad-utf8"]))
    if cut == "truncate" and raw:
        raw = raw[: draw(st.integers(0, len(raw) - 1))]
    elif cut == "garbage":
        raw += draw(st.binary(max_size=20))
    elif cut == "bad-utf8":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + b"\xff\xfe" + raw[at:]
    return raw
