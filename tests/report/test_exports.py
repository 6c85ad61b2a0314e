"""Every export format keeps hostile catalog text inert, and files are written atomically."""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from router_advisor.core.answers import answers_from_dict
from router_advisor.core.credits import CATALOG_LICENCE, DATA_CREDITS, credit_lines
from router_advisor.core.recommend import Recommendation, recommend
from router_advisor.core.router import Router
from router_advisor.errors import UserInputError
from router_advisor.report.escape import csv_cell, md_escape
from router_advisor.services.export import FORMATS, export, render

from tests.core.fixture_catalog import fixture_routers

SCRIPT = "<script>alert(1)</script>"
LINK = "[click](javascript:alert(1))"
ATTR = '"><img src=x onerror=alert(2)>'
FORMULA = '=HYPERLINK("http://evil.test","x")'


def hostile_recommendation() -> Recommendation:
    evil = Router(
        brand=FORMULA,
        model=f"{SCRIPT} {LINK}",
        kind="router",
        pack_size=1,
        wifi_generation="6",
        sources=(),
        wifi_class=f"AX3000{ATTR}",
        wan_mbps=1000,
        lan_ports_mbps=(1000,) * 4,
        price_usd=10.0,
        subscription_features=(f"+cmd|' /C calc'!A0 {SCRIPT}", "@SUM(1+1)"),
    )
    return recommend(answers_from_dict({}), [evil, *fixture_routers()[:2]], top=3)


@pytest.fixture(scope="module")
def rec() -> Recommendation:
    r = hostile_recommendation()
    assert FORMULA in [s.router.brand for s in r.shortlist]  # the hostile model is shown
    return r


def test_html_escapes_every_untrusted_string(rec: Recommendation) -> None:
    page = render(rec, "html")
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "onerror=alert" not in page.replace("&#34;&gt;&lt;img src=x onerror", "")
    assert '"><img' not in page


def test_html_is_self_contained_and_prints_well() -> None:
    page = render(recommend(answers_from_dict({}), fixture_routers(), top=5), "html")
    assert not re.search(r"<(link|script|img|iframe)\b", page, re.I)
    assert not re.search(r"\b(src|href)\s*=|url\(", page)
    assert "@media print" in page and "<style>" in page
    assert "Questions to ask before buying" in page


def test_markdown_escapes_markup_and_html(rec: Recommendation) -> None:
    text = render(rec, "md")
    assert not re.search(r"(?<!\\)[<>]", text)  # no raw HTML: every < and > is escaped
    assert "\\<script\\>alert(1)\\</script\\>" in text
    assert not re.search(r"(?<!\\)\]\(", text)  # no link: "](" only as "\](" ...
    assert "\\[click\\](javascript:alert(1))" in text
    assert "&lt;" not in text and "&amp;" not in text  # ... and no HTML entities
    for line in text.splitlines():
        assert not line.lstrip().startswith(("=", "<")), line


def test_md_escape_round_trips_to_the_literal_text() -> None:
    raw = "*bold* _x_ [a](b) `code` # h | pipe <b>&</b>\nnew line"
    escaped = md_escape(raw)
    unescaped = re.sub(r"\\(.)", r"\1", escaped)
    assert unescaped == "*bold* _x_ [a](b) `code` # h | pipe <b>&</b> new line"


def test_csv_neutralises_formulas_in_every_cell(rec: Recommendation) -> None:
    rows = list(csv.reader(io.StringIO(render(rec, "csv"))))
    cells = [cell for row in rows for cell in row]
    assert any(FORMULA in cell for cell in cells)
    for cell in cells:
        assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert rows[0][:3] == ["rank", "name", "brand"]


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1+2", "@x", "\tx", "\rx", "  =1"])
def test_csv_cell_prefixes_formula_starts(value: str) -> None:
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_every_report_credits_the_catalogs_sources_and_licence(
    rec: Recommendation, fmt: str
) -> None:
    text = render(rec, fmt)
    for needed in (
        "OpenWrt Table of Hardware",
        "https://openwrt.org/toh",
        "CC BY-SA 4.0",
        "TechInfoDepot",
        "CC BY-SA 3.0",
    ):
        assert needed in text, (fmt, needed)
    for credit in DATA_CREDITS:
        assert credit.name in text and credit.url in text and credit.licence in text, credit


def test_csv_cell_keeps_numbers_and_plain_text() -> None:
    assert csv_cell(-5) == -5 and csv_cell(9.5) == 9.5 and csv_cell("Wi-Fi 6") == "Wi-Fi 6"
    assert csv_cell(None) == ""


def test_json_is_valid_inert_and_faithful(rec: Recommendation) -> None:
    text = render(rec, "json")
    assert "<" not in text and ">" not in text
    assert json.loads(text) == rec.to_dict() | {"credits": [*credit_lines(), CATALOG_LICENCE]}


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_writes_atomically_and_replaces(
    rec: Recommendation, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"shortlist.{fmt}"
    out.write_text("old")
    assert export(rec, fmt, out) == out
    assert out.read_text(encoding="utf-8") != "old" and out.stat().st_size > 200
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary left behind


def test_export_refuses_a_missing_folder_or_a_folder_as_file(
    rec: Recommendation, tmp_path: Path
) -> None:
    with pytest.raises(UserInputError, match="does not exist"):
        export(rec, "md", tmp_path / "nope" / "x.md")
    with pytest.raises(UserInputError, match="is a folder"):
        export(rec, "md", tmp_path)
    with pytest.raises(UserInputError, match="unknown export format"):
        render(rec, "pdf")


def test_every_format_shows_the_overkill_notes_apart_from_the_caveats() -> None:
    rec = recommend(
        answers_from_dict({"isp": {"down_mbps": 50, "up_mbps": 10}}), fixture_routers(), top=15
    )
    notes = [note for item in rec.shortlist for note in item.overkill]
    assert notes, "on a 50 Mbit/s plan some fixture model has a multi-gig port"
    assert not set(notes) & {c for item in rec.shortlist for c in item.caveats}
    note = notes[0]
    assert f"- Overkill: {md_escape(note)}" in render(rec, "md")
    assert f'<li class="overkill">Overkill: {note}</li>' in render(rec, "html")
    rows = list(csv.DictReader(io.StringIO(render(rec, "csv").split("\r\n\r\n")[0])))
    assert any(note in row["overkill"] for row in rows)
    assert any(note in e["overkill"] for e in json.loads(render(rec, "json"))["shortlist"])


def test_markdown_stays_readable_as_plain_text() -> None:
    """Review item 17: `2026\\-11\\-25`, `\\(answers\\)` and `AT&amp;T` were hard to read."""
    assert md_escape("Made on 2026-11-25 (answers) by AT&T.") == (
        "Made on 2026-11-25 (answers) by AT&T."
    )
    assert md_escape("# not a heading") == "\\# not a heading"
    assert md_escape("1. not a list") == "1\\. not a list"
    assert md_escape("&amp; stays literal") == "\\&amp; stays literal"
    text = render(recommend(answers_from_dict({}), fixture_routers(), top=2), "md", "2026-11-25")
    assert "Made on 2026-11-25 from" in text and "### 1. " in text and "/100" in text


def test_every_listed_format_has_a_renderer() -> None:
    from router_advisor.services.export import RENDERERS

    assert tuple(RENDERERS) == FORMATS


def test_every_price_in_every_report_says_how_old_it_is() -> None:
    """Issue 12: a price is shown with its age wherever it is shown, and one of unknown
    age says so (a price list imported without dates)."""
    from dataclasses import replace

    dated = [
        replace(r, price_as_of="2025-06", price_kind="street", price_region="US") if i % 2 else r
        for i, r in enumerate(fixture_routers())
    ]
    rec = recommend(answers_from_dict({}), dated, top=6)
    age = re.compile(r"\(([^)]*price as of 20\d\d-\d\d[^)]*|price, date unknown)\)|whole system")
    headings = [line for line in render(rec, "md").splitlines() if line.startswith("### ")]
    shown = re.findall(r'<span class="price">([^<]*)</span>', render(rec, "html"))
    assert len(headings) == len(shown) == len(rec.shortlist)
    for text in (*headings, *shown):
        assert age.search(text), text
    assert any("date unknown" in t for t in shown) and any("as of 2025-06" in t for t in shown)
    rows = list(csv.DictReader(io.StringIO(render(rec, "csv").split("\n\n")[-1])))
    entries = json.loads(render(rec, "json"))["shortlist"]
    assert all("price_as_of" in e and "price_kind" in e for e in entries)
    assert rows and all("price_as_of" in row for row in rows)
