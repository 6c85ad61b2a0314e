"""Fuzz `catalog import` with CSV, JSON and OpenWrt ToH files, and round-trip the export.

Each example ends in exit 0, or exit 1/2 with one plain line and the catalog unchanged.
"""

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from router_advisor.catalog.fields import FIELDS

from tests.hostile.hostile import (
    NASTY_TEXT,
    assert_plain,
    bounded,
    content,
    json_text,
    nasty_values,
    run_cli,
    text_mangled,
)

EXAMPLES = 15
REPO = Path(__file__).resolve().parent.parent.parent
TOH = REPO / "tests" / "fixtures" / "catalog" / "openwrt-toh-slice.json"
MODELS = [("ASUS", "RT-BE96U"), ("ASUS", "ROG Rapture GT-BE98"), ("Acme", "New 1")]
NAMES = st.sampled_from([*FIELDS, "sources", "brand ", "Brand", "b\u200brand", "k" * 300])
CELLS = (
    NASTY_TEXT
    | st.sampled_from(["true", "no", "none", "2.4;5", "2.4:2;5:4", "2.4:2;2.4:4", "1000;2500"])
    | st.integers(-5, 200_000).map(str)
    | st.text(max_size=20)
)


def _import_checked(home: Path, path: Path) -> None:
    """Import `path`; a refusal must leave the catalog as it was."""
    db = home / "catalog.db"
    assert run_cli("catalog", "list").code == 0  # current (built, or rebuilt if data changed)
    before = content(db)
    outcome = run_cli("catalog", "import", str(path))
    assert_plain(outcome)
    if outcome.code != 0:
        assert content(db) == before, outcome.err


@st.composite
def csv_files(draw: st.DrawFn) -> str:
    header = ["brand", "model", *draw(st.lists(NAMES, max_size=4))]
    if draw(st.booleans()):
        header = draw(st.lists(NAMES, min_size=1, max_size=5))
    rows = []
    for _ in range(draw(st.integers(0, 3))):
        brand, model = draw(st.sampled_from(MODELS))
        cells = [brand, model, *(draw(CELLS) for _ in header[2:])]
        rows.append(draw(st.lists(CELLS, max_size=6)) if draw(st.integers(0, 5)) == 0 else cells)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


@bounded(EXAMPLES)
@given(text=csv_files(), data=st.data())
def test_csv_imports(app_home: Path, tmp_path: Path, text: str, data: st.DataObject) -> None:
    path = tmp_path / "models.csv"
    path.write_bytes(data.draw(text_mangled(text)))
    _import_checked(app_home, path)


@st.composite
def json_rows(draw: st.DrawFn) -> Any:
    rows = []
    for _ in range(draw(st.integers(0, 3))):
        brand, model = draw(st.sampled_from(MODELS))
        row: dict[str, Any] = {"brand": brand, "model": model}
        for name in draw(st.lists(NAMES, max_size=4)):
            row[name] = draw(CELLS | nasty_values() | st.integers(0, 5000) | st.booleans())
        rows.append(row)
    return rows if draw(st.integers(0, 6)) else draw(nasty_values())


@bounded(EXAMPLES)
@given(document=json_rows(), data=st.data())
def test_json_imports(app_home: Path, tmp_path: Path, document: Any, data: st.DataObject) -> None:
    path = tmp_path / "models.json"
    path.write_bytes(data.draw(text_mangled(json_text(document))))
    _import_checked(app_home, path)


@bounded(EXAMPLES)
@given(data=st.data())
def test_openwrt_dump_imports(app_home: Path, tmp_path: Path, data: st.DataObject) -> None:
    dump = json.loads(TOH.read_text(encoding="utf-8"))
    for _ in range(data.draw(st.integers(1, 4))):
        entries = dump["entries"]
        row = data.draw(st.integers(0, len(entries) - 1))
        column = data.draw(st.integers(0, len(dump["columns"]) - 1))
        entries[row][column] = data.draw(nasty_values() | CELLS)
    if data.draw(st.integers(0, 4)) == 0:
        dump[data.draw(st.sampled_from(["columns", "entries", "captions"]))] = data.draw(
            nasty_values()
        )
    path = tmp_path / "toh.json"
    path.write_bytes(data.draw(text_mangled(json_text(dump))))
    _import_checked(app_home, path)


_SOURCED = {"sources": [{"ref": "curator: test", "fields": ["wifi_generation"]}]}
_NEW = {"brand": "Acme", "kind": "router", "pack_size": 1, "wifi_generation": "6", **_SOURCED}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            json.dumps([{**_NEW, "model": "FZ 9"}, {**_NEW, "model": "FZ\u200b  9"}]),
            "appears again",
        ),
        ('[{"brand":"ASUS","model":"RT-BE96U","price_usd":99,"price_usd":98}]', "repeats the key"),
        (
            '[{"brand":"ASUS","model":"RT-BE96U","firmware":{"end_of_support":"2030-02-30"}}]',
            "2030-02-30",
        ),
    ],
    ids=["invisible-duplicate", "repeated-key", "impossible-date"],
)
def test_import_refusals(app_home: Path, tmp_path: Path, rows: str, expected: str) -> None:
    path = tmp_path / "rows.json"
    path.write_text(rows, encoding="utf-8")
    assert run_cli("catalog", "list").code == 0
    before = content(app_home / "catalog.db")
    outcome = run_cli("catalog", "import", str(path))
    assert outcome.code == 2 and expected in outcome.err, outcome.err
    assert content(app_home / "catalog.db") == before


def test_csv_with_cr_only_line_endings_and_a_cell_over_the_csv_limit(tmp_path: Path) -> None:
    note = "n" * 200_000
    path = tmp_path / "rows.csv"
    path.write_text(f'brand,model,cross_check_note\r"ASUS","RT-BE96U",{note}\r', newline="")
    outcome = run_cli("catalog", "import", str(path))
    assert outcome.code == 0, outcome.err


def test_export_is_formula_neutral_and_reads_back(app_home: Path, tmp_path: Path) -> None:
    rows = tmp_path / "rows.json"
    long_note = "=HYPERLINK(1) " + "n" * 200_000
    rows.write_text(
        json.dumps([{"brand": "ASUS", "model": "RT-BE96U", "cross_check_note": long_note}])
    )
    assert run_cli("catalog", "import", str(rows)).code == 0
    exported = tmp_path / "catalog.csv"
    assert run_cli("catalog", "export", "--format", "csv", "--out", str(exported)).code == 0
    cells = [c for row in csv.reader(io.StringIO(exported.read_text())) for c in row]
    assert "'" + long_note in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    before = content(app_home / "catalog.db")
    outcome = run_cli("catalog", "import", str(exported))
    assert outcome.code == 0 and " 0 added, 0 updated" in outcome.out, outcome.out[:500]
    assert content(app_home / "catalog.db") == before
