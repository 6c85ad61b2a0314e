"""`router-advisor recommend` and `export` run as a person runs them."""

import json
import re
from pathlib import Path

import pytest
from router_advisor.errors import UserInputError
from router_advisor.resources import data_path
from router_advisor.services.recommend import recommend_from_files

from tests.cli.test_catalog_cmd import undocumented

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
    assert {"requirements", "shortlist", "vendor_questions"} <= set(data)
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
        "SQM" in q["question"] and "480 Mbit/s" in q["question"] for q in data["vendor_questions"]
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
        ("[usage]\ngaming = false\ngamers = 2\n", ".toml", "gaming = false but gamers = 2"),
        ('[equipment]\nowned = "Deco X55"\n', ".toml", "[equipment] owned must be a list"),
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


def test_a_budget_nothing_meets_still_prints_the_closest_fits_and_exits_0(
    cli, tmp_path: Path
) -> None:
    """Issue 11: an empty answer is never the answer; the closest systems say what they
    miss, by how much, and which file key to change."""
    answers = tmp_path / "answers.toml"
    answers.write_text("[budget]\nmax_usd = 15\n")
    text = cli("recommend", "--answers", str(answers))
    assert text.returncode == 0, text.stderr
    assert "No system of known price meets every must-have" in text.stdout
    assert "x Misses your budget ($" in text.stdout and "change [budget] max_usd." in text.stdout
    data = json.loads(cli("recommend", "--answers", str(answers), "--json").stdout)
    assert data["closest_fits"] and data["shortlist"]
    for entry in data["shortlist"]:
        if entry["price_usd"] is None:  # may fit: ranked last, flagged, its price asked
            assert not entry["misses"] and "price_usd" in entry["unknown_facts"]
            continue
        assert [m["change"] for m in entry["misses"]] == ["budget.max_usd"]
        assert entry["misses"][0]["by"].endswith(" over")
    assert data["shortlist"][0]["misses"]


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


def one_plain_line(result) -> str:
    """The one stderr line of a refused command; never a traceback or Python's own words."""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "Error(" not in result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"download_mbps": -5}, "field download_mbps must be a number of Mbit/s above 0"),
        ({"download_mbps": 0}, "field download_mbps must be a number of Mbit/s above 0"),
        ({"upload_mbps": "fast"}, "field upload_mbps must be a number of Mbit/s above 0"),
        ({"bufferbloat_grade": "Z"}, "field bufferbloat_grade must be one of A+, A, B, C, D, F"),
        ({"idle_latency_ms": -1}, "field idle_latency_ms must be a number of milliseconds"),
        ({"loaded_latency_ms": {"upload": "x"}}, "field loaded_latency_ms.upload must be"),
        ({"manual": "yes"}, "field manual must be true or false"),
        ({"download_mbps": None}, "field download_mbps must be a number"),
    ],
)
def test_a_wrong_speed_file_names_the_file_and_field(
    cli, tmp_path: Path, change: dict, expected: str
) -> None:
    """Review item 4: a bad --speed file was accepted or showed KeyError/ValueError text."""
    speed = write_speed(tmp_path / "speed.json")
    data = {**json.loads(speed.read_text()), **change}
    speed.write_text(json.dumps(data))
    result = cli("recommend", "--answers", EXAMPLE, "--speed", str(speed))
    assert result.returncode == 2
    line = one_plain_line(result)
    assert str(speed) in line and expected in line, line
    assert "KeyError" not in line and "ValueError" not in line


def test_a_scan_file_without_its_interface_names_the_field(cli, tmp_path: Path) -> None:
    scan = tmp_path / "scan.json"
    scan.write_text(json.dumps({"cidr": "10.0.0.0/24", "method": "arp", "devices": []}))
    result = cli("recommend", "--answers", EXAMPLE, "--scan", str(scan))
    assert result.returncode == 2
    line = one_plain_line(result)
    assert "field interface must be a piece of text, it is missing" in line
    assert "KeyError" not in line


def test_hand_typed_speeds_are_said_to_be_entered_not_measured(cli, tmp_path: Path) -> None:
    """Review item 6: a `speed --manual` file read "as measured by the speed test"."""
    typed = tmp_path / "typed.json"
    typed.write_text(
        json.dumps({"server": None, "download_mbps": 300, "upload_mbps": 50, "manual": True})
    )
    result = cli("recommend", "--answers", EXAMPLE, "--speed", str(typed))
    assert result.returncode == 0, result.stderr
    assert "as you entered it" in result.stdout and "as measured" not in result.stdout


def test_recommend_text_explains_its_markers_and_scale(cli) -> None:
    result = cli("recommend", "--top", "2")  # every answer is optional: no --answers needed
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "+ a reason it fits" in out and "! a catch" in out and "$ overkill" in out
    assert re.search(
        r"\$\d[\d,]*\.\d\d \((list|street) price as of \d{4}-\d\d[^)]*\)  score \d+/100", out
    ), out
    assert "(s)" not in out and " m2 " not in out and "m²" in out


def test_a_size_in_square_feet_is_echoed_in_square_feet(cli, tmp_path: Path) -> None:
    answers = tmp_path / "sqft.toml"
    answers.write_text("[home]\nsize_sqft = 1200\nfloors = 2\n")
    result = cli("recommend", "--answers", str(answers), "--top", "1")
    assert result.returncode == 0, result.stderr
    assert "1,200 sq ft (111 m²) on 2 floors" in result.stdout


@pytest.mark.parametrize(
    ("content", "suffix", "expected"),
    [
        (b"[home]\nfloors = 2 \xff\n", ".toml", "is not UTF-8 text; save it as UTF-8"),
        (b"[household]\npeople = true\n", ".toml", "people must be a whole number, not true"),
        (b"[1, 2]", ".json", "must be one JSON object {...} with named fields, not a list"),
        (b"size_m2 = 100\n", ".toml", "size_m2 must go in a section: put it under [home]"),
    ],
)
def test_answers_file_mistakes_read_in_plain_words(
    cli, tmp_path: Path, content: bytes, suffix: str, expected: str
) -> None:
    """Review item 12: codec errors, "not True", "not list", "unknown section [size_m2]"."""
    answers = tmp_path / f"answers{suffix}"
    answers.write_bytes(content)
    result = cli("recommend", "--answers", str(answers))
    assert result.returncode == 2
    line = one_plain_line(result)
    assert str(answers) in line and expected in line, line


def test_an_answers_folder_and_a_bad_top_read_in_plain_words(cli, tmp_path: Path) -> None:
    folder = cli("recommend", "--answers", str(tmp_path))
    assert folder.returncode == 2
    assert "is a folder: give the path of the answers file" in one_plain_line(folder)
    top = cli("recommend", "--top", "x")
    assert top.returncode == 2
    line = one_plain_line(top)
    assert "--top: write a whole number from 1 to 50, not 'x'" in line
    assert "invalid int" not in line


@pytest.mark.parametrize("command", ["recommend", "export", "scan"])
def test_every_option_has_help(cli, command: str) -> None:
    """Review item 18."""
    result = cli(command, "--help")
    assert result.returncode == 0
    assert undocumented(result.stdout) == []
