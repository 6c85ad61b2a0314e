"""services/export writes real files; services/speed refuses bad input before any traffic."""

import json
from pathlib import Path

import pytest
from router_advisor.core.answers import answers_from_dict
from router_advisor.core.recommend import recommend
from router_advisor.errors import UserInputError
from router_advisor.services import export, speed

from tests.core.fixture_catalog import fixture_routers


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_every_format_is_written_where_asked(tmp_path: Path, fmt: str) -> None:
    rec = recommend(answers_from_dict({}), fixture_routers(), top=2)
    out = export.export(rec, fmt, tmp_path / f"shortlist.{fmt}")
    text = out.read_text(encoding="utf-8")
    assert rec.shortlist[0].router.display_name in text
    if fmt == "json":
        assert json.loads(text)["shortlist"][0]["key"] == rec.shortlist[0].router.key
    assert [p.name for p in tmp_path.iterdir()] == [f"shortlist.{fmt}"]  # no temp file left


def test_an_unknown_format_is_refused_with_the_formats() -> None:
    rec = recommend(answers_from_dict({}), fixture_routers(), top=1)
    with pytest.raises(UserInputError, match="use one of"):
        export.render(rec, "docx")


def test_typed_speeds_give_verdicts_without_latency() -> None:
    result = speed.manual_speed(300, 50)
    assert result.manual and result.idle_latency_ms is None
    assert set(result.verdicts) == {"streaming_4k", "large_uploads"}
    with pytest.raises(UserInputError, match="download speed must be"):
        speed.manual_speed(0, 50)


def test_a_blank_directory_is_refused_before_anything_is_sent() -> None:
    with pytest.raises(UserInputError, match="directory URL"):
        speed.measure(directory_url=" ")
