"""The answers file: defaults, units and plain errors that name the key to fix."""

import tomllib
from dataclasses import asdict
from pathlib import Path

import pytest
from router_advisor.core.answers import (
    DEFAULT_SIZE_M2,
    SQFT_PER_M2,
    answers_from_dict,
    answers_to_file_dict,
    saved_answers_to_file_dict,
)
from router_advisor.errors import UserInputError
from router_advisor.resources import data_path


def test_an_empty_file_gets_sensible_defaults() -> None:
    a = answers_from_dict({})
    assert a.home.size_m2 == DEFAULT_SIZE_M2 and a.home.floors == 1 and a.home.walls == "drywall"
    assert a.budget_usd is None and a.isp.down_mbps is None and a.preferences.mesh == "auto"
    assert a.household.devices is None and a.usage.gaming is False


def test_the_issue_example_parses_exactly() -> None:
    data = tomllib.loads(data_path("examples", "family-home.toml").read_text())
    a = answers_from_dict(data)
    assert (a.home.size_m2, a.home.floors, a.home.walls) == (120, 2, "drywall")
    assert (a.household.people, a.household.devices, a.household.smart_home_devices) == (4, 25, 12)
    assert a.usage.gaming and a.usage.video_calls and a.usage.streaming_4k == 2
    assert (a.wired.devices, a.wired.multigig, a.budget_usd) == (3, False, 300)
    assert (a.isp.down_mbps, a.isp.up_mbps) == (500, 50)


@pytest.mark.parametrize("name", ["family-home", "small-flat", "big-house-fibre", "gamer"])
def test_every_bundled_example_is_valid(name: str) -> None:
    answers_from_dict(tomllib.loads(data_path("examples", f"{name}.toml").read_text()))


def test_square_feet_are_converted() -> None:
    a = answers_from_dict({"home": {"size_sqft": 1076.39}})
    assert a.home.size_m2 == pytest.approx(1076.39 / SQFT_PER_M2)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"garden": {}}, "unknown section [garden]"),
        ({"home": {"rooms": 4}}, "unknown key [home] rooms"),
        ({"home": {"floors": "two"}}, "[home] floors must be a whole number"),
        ({"home": {"floors": 1.5}}, "[home] floors must be a whole number"),
        ({"home": {"floors": True}}, "[home] floors must be a whole number"),
        ({"usage": {"gaming": 1}}, "[usage] gaming must be true or false"),
        ({"home": {"size_m2": -40}}, "[home] size_m2 = -40 is out of range"),
        ({"home": {"size_m2": 1e9}}, "[home] size_m2 = 1000000000.0 is out of range"),
        ({"isp": {"down_mbps": 0}}, "[isp] down_mbps = 0 is out of range"),
        ({"budget": {"max_usd": -1}}, "[budget] max_usd = -1 is out of range"),
        ({"household": {"devices": -3}}, "[household] devices = -3 is out of range"),
        ({"home": {"walls": "paper"}}, '[home] walls must be one of "drywall"'),
        ({"preferences": {"mesh": "maybe"}}, "[preferences] mesh must be one of"),
        ({"home": "big"}, "[home] must be a section"),
        ({"home": {"size_m2": 50, "size_sqft": 500}}, "keep only one of them"),
        ({"household": {"devices": 3, "smart_home_devices": 9}}, "smart_home_devices (9) is more"),
    ],
)
def test_bad_input_names_the_key_and_the_fix(data: dict, expected: str) -> None:
    with pytest.raises(UserInputError) as err:
        answers_from_dict(data)
    assert expected in str(err.value)


def test_out_of_range_message_says_what_to_write() -> None:
    with pytest.raises(UserInputError, match=r"write a number from 5 to 5000 \(square metres\)"):
        answers_from_dict({"home": {"size_m2": 0}})


@pytest.mark.parametrize("example", ["family-home", "small-flat", "big-house-fibre", "gamer"])
def test_answers_written_back_in_the_file_shape_read_the_same(example: str) -> None:
    data = tomllib.loads(data_path("examples", f"{example}.toml").read_text())
    answers = answers_from_dict(data)
    written = answers_to_file_dict(answers)
    assert answers_from_dict(written) == answers
    sections = {"home", "household", "usage", "wired", "budget", "isp", "preferences", "equipment"}
    assert set(written) <= sections
    assert all(v is not None for section in written.values() for v in section.values())


def test_the_file_shape_keeps_the_unit_and_leaves_out_what_was_not_answered() -> None:
    written = answers_to_file_dict(answers_from_dict({"home": {"size_sqft": 1200}}), "sqft")
    assert written["home"]["size_sqft"] == 1200.0 and "size_m2" not in written["home"]
    assert "budget" not in written and "down_mbps" not in written["isp"]
    assert "devices" not in written["household"]


def test_answers_saved_as_the_dataclass_by_older_runs_read_as_the_file_shape() -> None:
    answers = answers_from_dict(
        {"budget": {"max_usd": 199}, "household": {"people": 3}, "isp": {"down_mbps": 250}}
    )
    old_row = asdict(answers)  # what `router-advisor run` used to store
    assert saved_answers_to_file_dict(old_row) == answers_to_file_dict(answers)
    assert saved_answers_to_file_dict(answers_to_file_dict(answers)) == answers_to_file_dict(
        answers
    )
    with pytest.raises(UserInputError):
        saved_answers_to_file_dict({"home": {"floors": 99}})


def test_the_readme_answers_example_is_a_valid_answers_file() -> None:
    """The README shows every key; it must read as a person would copy it."""
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Answers file") :]
    block = section.split("```toml\n", 1)[1].split("```", 1)[0]
    answers = answers_from_dict(tomllib.loads(block))
    assert answers.home.cabling == "none" and answers.isp.handoff_mbps == 1000
    assert answers.equipment.owned == ("TP-Link Deco X55",)
    assert answers.usage.gamers == 2 and answers.preferences.region == "US"
