"""`router-advisor recommend` and `export` run as a person runs them."""

import json
from pathlib import Path

import pytest

from app.errors import UserInputError
from app.resources import data_path
from app.services.recommend import recommend_from_files

EXAMPLE = str(data_path("examples", "family-home.toml"))


def write_speed(path: Path, grade: str = "F", down: float = 480.0) -> Path:
    path.write_text(
        json.dumps(
            {
                "server": None,
                "download_mbps": down,
                "upload_mbps": 20.0,
                "idle_latency_ms": 14.0,
                "jitter_ms": 2.0,
                "loaded_latency_ms": {"download": 420.0, "upload": 300.0},
                "bufferbloat_grade": grade,
                "verdicts": {},
                "duration_s": 9.5,
            }
        )
    )
    return path


def test_recommend_json_has_the_documented_shape(cli) -> None:
    result = cli("recommend", "--answers", EXAMPLE, "--top", "3", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"requirements", "shortlist", "vendor_questions"}
    assert len(data["shortlist"]) == 3
    assert all(entry["price_usd"] <= 300 for entry in data["shortlist"])
    assert all(q["question"] and q["why"] for q in data["vendor_questions"])


def test_recommend_text_lists_models_reasons_and_questions(cli) -> None:
    result = cli("recommend", "--answers", EXAMPLE, "--top", "2")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "1. " in out and "2. " in out and "3. " not in out.split("Questions")[0]
    assert "$" in out and "score" in out and "   + " in out
    assert "Questions to ask before buying:" in out and "Why: " in out


def test_a_speed_file_with_bufferbloat_brings_the_sqm_question(cli, tmp_path: Path) -> None:
    speed = write_speed(tmp_path / "speed.json")
    result = cli("recommend", "--answers", EXAMPLE, "--speed", str(speed), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["requirements"]["plan_down_mbps"] == 480.0
    assert any(
        "SQM" in q["question"] and "480 Mbps" in q["question"] for q in data["vendor_questions"]
    )


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_export_writes_each_format(cli, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"shortlist.{fmt}"
    result = cli("export", "--answers", EXAMPLE, "--format", fmt, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout and out.stat().st_size > 500


@pytest.mark.parametrize(
    ("content", "suffix", "expected"),
    [
        ("[home]\nrooms = 3\n", ".toml", "unknown key [home] rooms"),
        ("[home]\nsize_m2 = -20\n", ".toml", "[home] size_m2 = -20 is out of range"),
        ("[home\n", ".toml", "is not valid TOML"),
        ('{"usage": {"gaming": "yes"}}', ".json", "[usage] gaming must be true or false"),
        ("[budget]\nmax_usd = 15\n", ".toml", "raise [budget] max_usd"),
    ],
)
def test_bad_answers_get_one_plain_line_and_exit_2(
    cli, tmp_path: Path, content: str, suffix: str, expected: str
) -> None:
    answers = tmp_path / f"answers{suffix}"
    answers.write_text(content)
    result = cli("recommend", "--answers", str(answers))
    assert result.returncode == 2
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_files_and_bad_options_exit_2(cli, tmp_path: Path) -> None:
    missing = cli("recommend", "--answers", str(tmp_path / "none.toml"))
    assert missing.returncode == 2 and "no answers file" in missing.stderr
    bad_speed = tmp_path / "speed.json"
    bad_speed.write_text('{"upload_mbps": 3}')
    result = cli("recommend", "--answers", EXAMPLE, "--speed", str(bad_speed))
    assert result.returncode == 2 and "speed --json" in result.stderr
    top = cli("recommend", "--answers", EXAMPLE, "--top", "0")
    assert top.returncode == 2 and "--top" in top.stderr
    out = cli(
        "export", "--answers", EXAMPLE, "--format", "md", "--out", str(tmp_path / "no" / "x.md")
    )
    assert out.returncode == 2 and "does not exist" in out.stderr


def test_an_empty_catalog_is_a_clear_error() -> None:
    with pytest.raises(UserInputError, match="catalog is empty"):
        recommend_from_files(Path(EXAMPLE), routers=[])
