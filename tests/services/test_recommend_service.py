"""services/recommend: answers, speed and scan files read and checked, naming file and field."""

import json
from pathlib import Path

import pytest
from router_advisor.core.answers import Answers
from router_advisor.errors import UserInputError
from router_advisor.services.recommend import (
    load_answers,
    load_scan,
    load_speed,
    recommend_from_files,
)
from router_advisor.services.speed import manual_speed

from tests.core.fixture_catalog import fixture_routers
from tests.history import factory


def test_files_in_give_the_same_shortlist_as_objects(tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text("[home]\nsize_m2 = 180\nfloors = 3\n[budget]\nmax_usd = 500\n")
    speed = tmp_path / "speed.json"
    speed.write_text(json.dumps(manual_speed(300, 50).to_dict()))
    scan = tmp_path / "scan.json"
    scan.write_text(json.dumps(factory.scan([factory.device(n) for n in range(30)]).to_dict()))
    rec = recommend_from_files(answers, speed, scan, top=3, routers=fixture_routers())
    assert rec.requirements.clients == 30 and rec.requirements.floors == 3
    assert len(rec.shortlist) == 3
    prices = [item.router.price_usd for item in rec.shortlist]
    assert all(price is None or price <= 500 for price in prices)
    assert load_speed(speed).download_mbps == 300 and len(load_scan(scan).devices) == 30


def test_a_wrong_answer_names_the_file_and_the_field(tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text("[home]\nfloors = -1\n")
    with pytest.raises(UserInputError, match=r"answers.toml: .*floors"):
        load_answers(answers)


def test_a_scan_file_given_as_the_speed_file_is_refused(tmp_path: Path) -> None:
    scan = tmp_path / "scan.json"
    scan.write_text(json.dumps(factory.scan([factory.device(1)]).to_dict()))
    with pytest.raises(UserInputError, match=r"scan.json: field download_mbps"):
        load_speed(scan)


def test_no_answers_file_means_a_typical_home() -> None:
    assert load_answers(None) == Answers()
    rec = recommend_from_files(None, routers=fixture_routers())
    assert rec.shortlist
