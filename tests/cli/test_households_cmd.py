"""Households through `router-advisor recommend` as a person runs it, on the shipped catalog:
the JSON contract of issue 11 (systems with nodes, components and a whole price; closest
fits with misses; exit 0 whenever a shortlist prints) and the four example households."""

import dataclasses
import json
from pathlib import Path

import pytest
from router_advisor.resources import data_path

from tests.core.households import BY_NAME

# A spread of homes: one box, a mesh, cable, a modem line, a budget nothing meets.
CLI_HOUSEHOLDS = (
    "studio-dsl-60",
    "stone-farmhouse",
    "four-gamers-gigabit",
    "cat6-every-room",
    "satellite",
    "cable-modem-needed",
    "mansion-tiny-budget",
)
EXAMPLES = ("family-home", "small-flat", "big-house-fibre", "gamer")


def recommend_json(cli, tmp_path: Path, name: str) -> dict:
    answers = tmp_path / f"{name}.json"
    answers.write_text(json.dumps(BY_NAME[name].answers))
    proc = cli("recommend", "--answers", str(answers), "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("name", CLI_HOUSEHOLDS)
def test_each_shortlisted_system_is_priced_as_a_whole(cli, tmp_path: Path, name: str) -> None:
    data = recommend_json(cli, tmp_path, name)
    assert data["shortlist"], name
    budget = data["requirements"]["budget_usd"]
    for entry in data["shortlist"]:
        parts = entry["components"]
        assert parts and entry["nodes"] >= 1
        assert all(set(c) >= {"brand", "model", "kind", "count", "price_usd"} for c in parts)
        assert all(c["kind"] != "travel" for c in parts)
        unknown = [c for c in parts if c["price_usd"] is None]
        if unknown:
            assert entry["price_usd"] is None and entry["price_unknown_parts"]
        else:
            total = sum(c["price_usd"] * c["count"] for c in parts)
            assert entry["price_usd"] == pytest.approx(total, abs=0.01)
        for miss in entry["misses"]:
            assert set(miss) == {"must_have", "by", "change"}
            section, key = miss["change"].split(".")
            assert section and key  # an answers-file key, e.g. budget.max_usd
        if budget is not None and not entry["misses"] and entry["price_usd"] is not None:
            assert entry["price_usd"] <= budget
    if data["requirements"]["nodes_needed"] > 1:
        assert any("backhaul" in q["question"] for q in data["vendor_questions"])


def test_a_mansion_on_a_tiny_budget_prints_closest_fits_and_exits_0(cli, tmp_path: Path) -> None:
    """$40 covers no 400 m² home: what fits the budget (if anything), and what covering the
    home would take, with how far over the budget it is and the key to change."""
    data = recommend_json(cli, tmp_path, "mansion-tiny-budget")
    nodes = data["requirements"]["nodes_needed"]
    over = [e for e in data["shortlist"] if e["misses"]]
    assert over and any(e["nodes"] >= nodes for e in over)
    for entry in over:
        assert entry["misses"][0]["must_have"] == "budget"
        assert entry["misses"][0]["change"] == "budget.max_usd"
    answers = tmp_path / "mansion.json"
    answers.write_text(json.dumps(BY_NAME["mansion-tiny-budget"].answers))
    text = cli("recommend", "--answers", str(answers))
    assert text.returncode == 0 and "change [budget] max_usd." in text.stdout


def test_the_cabled_house_gets_systems_that_link_by_cable(cli, tmp_path: Path) -> None:
    data = recommend_json(cli, tmp_path, "cat6-every-room")
    multi = [e for e in data["shortlist"] if e["nodes"] > 1]
    assert multi and all(e["backhaul"] == "wired" for e in multi)


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_example_households_get_a_readable_shortlist(cli, example: str) -> None:
    path = str(data_path("examples", f"{example}.toml"))
    text = cli("recommend", "--answers", path)
    assert text.returncode == 0, text.stderr
    out = text.stdout
    assert "Shortlist (" in out and "Where: " in out and "Questions to ask before buying" in out
    data = json.loads(cli("recommend", "--answers", path, "--json").stdout)
    q = data["requirements"]
    for entry in data["shortlist"]:
        assert entry["nodes"] >= min(q["nodes_needed"], 1)
        if q["budget_usd"] is not None and entry["price_usd"] is not None:
            assert entry["price_usd"] <= q["budget_usd"] or entry["misses"]
    if q["gaming"]:
        assert q["qos_need"] != "none"


def test_the_big_house_example_needs_a_multinode_system_and_asks_about_backhaul(cli) -> None:
    path = str(data_path("examples", "big-house-fibre.toml"))
    data = json.loads(cli("recommend", "--answers", path, "--json").stdout)
    assert data["requirements"]["nodes_needed"] >= 2
    assert data["shortlist"][0]["nodes"] >= data["requirements"]["nodes_needed"]
    assert any("backhaul" in q["question"] for q in data["vendor_questions"])


def test_a_measured_bufferbloat_heads_the_printed_checklist(cli, tmp_path: Path) -> None:
    """Through the real CLI with a speed file, as a person runs it: the measured grade F
    leads the checklist with SQM named and explained, at the measured speeds, and the
    checklist stays short."""
    home = BY_NAME["gamer-bufferbloat"]
    answers = tmp_path / "gamer.json"
    answers.write_text(json.dumps(home.answers))
    speed = tmp_path / "speed.json"
    speed.write_text(json.dumps(dataclasses.asdict(home.speed)))
    proc = cli("recommend", "--answers", str(answers), "--speed", str(speed))
    assert proc.returncode == 0, proc.stderr
    checklist = proc.stdout.split("Questions to ask before buying:")[1]
    first = checklist.strip().splitlines()[0]
    assert first.startswith("[ ] How do I turn on SQM (smart queue management, such as fq_codel")
    assert "480 Mbit/s down and 20 up" in first
    assert checklist.count("[ ]") <= 12
