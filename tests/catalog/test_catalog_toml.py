"""The catalog's fast TOML reader reads what tomllib reads, or leaves the file to tomllib:
it never returns something else, and never accepts a file tomllib refuses."""

import json
import math
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from router_advisor.catalog import catalog_toml
from router_advisor.catalog.source import source_files
from router_advisor.resources import data_path


def _same(a: Any, b: Any) -> bool:
    """Equal with the same types all the way down (1 == 1.0 == True in Python)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def _agrees(text: str) -> dict[str, Any] | None:
    """The fast reader's answer, checked against tomllib's."""
    fast = catalog_toml.loads(text)
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert fast is None, f"accepted what tomllib refuses: {text!r}"
        return None
    assert fast is None or _same(fast, expected), f"read differently: {text!r}"
    return fast


@pytest.mark.parametrize("path", source_files(data_path("catalog")), ids=lambda p: p.name)
def test_every_shipped_file_reads_fast_and_the_same(path: Path) -> None:
    """The first build's budget counts on it: a file the fast reader leaves to tomllib
    costs ~4x. Keep to plain `key = value` lines; an inline table on one line."""
    text = path.read_text(encoding="utf-8")
    assert _agrees(text) is not None, f"{path.name} is read by tomllib, the slow way"


@pytest.mark.parametrize(
    "text",
    [
        '[[router]]\nbrand = "A"\nfirmware.end_of_support = "2030-06-30"\nfirmware.x = true\n',
        '[[router]]\nsources = [{ ref = "x", fields = [\n  "a", "b",\n] }]\n',
        '[[router]]\nsources = [\n  { ref = "x", fields = ["a"] },\n  # a note\n]\n',
        '# a comment\n\n[[router]] # one\nstreams = { "2.4" = 2, "5" = 4 }\n[[router]]\n',
        '[[router]]\r\na = 1.5\r\nb = [1e5, -0, 0.25]\r\nc = "\\u00e9\\n\\"q\\""\r\n',
        "",
    ],
)
def test_the_subset_reads_fast(text: str) -> None:
    assert _agrees(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "[[router]]\nfirmware = { a = 1 }\nfirmware.b = 2\n",  # an inline table is closed
        "[[router]]\nfirmware.b = 2\nfirmware = { a = 1 }\n",
        "[[router]]\nq = { a = 1,\n b = 2 }\n",  # an inline table on two lines
        "[[router]]\na = 1 b = 2\n",
        "[[router]]\na =\n1\n",
        "[[router]]\na = 1, b = 2\n",
        "[[router]]\na = 1\na = 2\n",
        "\ufeff[[router]]\na = 1\n",
        "[[router]]\na = 1\rb = 2\n",
        "1,\n[[router]]\na = 1\n",
        "[[router]]\na = null\nb = NaN\n",
        '[[router]]\na = "\\/"\n',
        '[[router]]\na = "\\ud800"\n',
        "[[router]]\na = [,]\n",
        "[[router]]\na = +1\n",
        "[[router]]\na = 01\n",
        '[[router]]\na = "x"\x01"y"\n',
        "a = 1\n[[router]]\n",  # valid TOML outside the subset: tomllib reads it
        "[[router]]\na = 1_000\nb = 0x10\nc = inf\nd = 2024-05-01\ne = 'lit'\n",
        '[[router]]\na = """two\nlines"""\n',
        "[router]\na = 1\n",
        "[[router]]\n[[router.sub]]\na = 1\n",
    ],
)
def test_mistakes_and_the_rest_of_toml_go_to_tomllib(text: str) -> None:
    assert catalog_toml.loads(text) is None
    _agrees(text)


# Generated documents: the subset's pieces and TOML's others, then mangled a character
# at a time, as an editor's slip would.
_KEYS = st.sampled_from(
    ["brand", "a", "b", "q", "x-y", "1", '"2.4"', '"a b"', "a.b", "a . c", '"a".b', "a.b.c", ""]
)
_SCALARS = st.one_of(
    st.text(max_size=6).map(json.dumps),
    st.integers(-(10**20), 10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(
        [
            "true",
            "false",
            "True",
            "null",
            "NaN",
            "1_000",
            "0x10",
            "+1",
            "01",
            "1.",
            ".5",
            "1e5",
            "-0",
            "inf",
            "nan",
            "1E400",
            "2024-05-01",
            "'lit'",
            '"\\U0001F600"',
            '"\\e"',
            '"\t"',
            '"\\x41"',
            '"a\\/b"',
            '"\\u00e9"',
            '"\\ud83d"',
        ]
    ),
)
_SEPARATORS = st.sampled_from([", ", ",", " , ", ",\n  ", ",\n  # c\n  "])


def _values() -> st.SearchStrategy[str]:
    def compound(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        items = st.lists(inner, max_size=4)
        array = st.tuples(items, _SEPARATORS, st.sampled_from(["", ",", ", ", ",\n"])).map(
            lambda t: "[" + t[1].join(t[0]) + (t[2] if t[0] else "") + "]"
        )
        pairs = st.lists(st.tuples(_KEYS, inner), max_size=3)
        table = st.tuples(pairs, st.sampled_from([", ", ",", ",\n "])).map(
            lambda t: "{ " + t[1].join(f"{k} = {v}" for k, v in t[0]) + " }"
        )
        return array | table

    return st.recursive(_SCALARS, compound, max_leaves=6)


_LINES = st.one_of(
    st.tuples(_KEYS, st.sampled_from([" = ", "=", " =\t"]), _values()).map("".join),
    st.sampled_from(
        ["[[router]]", "[[ router ]]", "[router]", "[[other]]", "[[router]] # c", "# note", ""]
    ),
)


@st.composite
def _documents(draw: st.DrawFn) -> str:
    lines = ["[[router]]", *draw(st.lists(_LINES, max_size=8))]
    text = draw(st.sampled_from(["\n", "\r\n"])).join(lines)
    for _ in range(draw(st.integers(0, 2))):  # an editor's slip
        at = draw(st.integers(0, len(text)))
        slip = draw(st.sampled_from(["", "[", "]", "{", "}", ",", "=", "#", '"', "\n", " ", "."]))
        text = text[:at] + slip + text[at + draw(st.integers(0, 1)) :]
    return text


@settings(
    max_examples=400,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(_documents())
def test_generated_documents_read_as_tomllib_reads_them_or_go_to_it(text: str) -> None:
    _agrees(text)
