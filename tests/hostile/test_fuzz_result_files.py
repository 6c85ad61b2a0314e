"""Fuzz the files `recommend` and `export` read: answers (TOML/JSON), speed and scan results.

Every example must end in exit 0 with a shortlist, or exit 1/2 with one plain line.
"""

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from router_advisor.core.answers import SCHEMA
from router_advisor.core.scan import BandCrowding, NearbyNetworks, WifiLink

from tests.history import factory
from tests.hostile.hostile import (
    assert_plain,
    bounded,
    json_text,
    nasty_values,
    run_cli,
    text_mangled,
    toml_value,
)

EXAMPLES = 15
CHOICES = st.sampled_from(["drywall", "brick", "concrete", "auto", "yes", "no"])


@st.composite
def answers_documents(draw: st.DrawFn) -> dict[str, Any]:
    sections = [*SCHEMA, "home ", "extra", "\u200bhome"]
    document: dict[str, Any] = {}
    for section in draw(st.lists(st.sampled_from(sections), max_size=4, unique=True)):
        keys = [*SCHEMA.get(section, {}), "nope", "k" * 300]
        document[section] = {
            key: draw(st.integers(0, 60) | st.booleans() | CHOICES | nasty_values())
            for key in draw(st.lists(st.sampled_from(keys), max_size=4, unique=True))
        }
    if draw(st.booleans()):
        document = draw(nasty_values()) if draw(st.booleans()) else {"home": draw(nasty_values())}
    return document


def _answers_text(document: Any, as_json: bool) -> str:
    if as_json or not isinstance(document, dict):
        return json_text(document)
    lines = []
    for section, values in document.items():
        if isinstance(values, dict):
            lines.append(f"[{json.dumps(section)}]")
            lines.extend(f"{json.dumps(k)} = {toml_value(v)}" for k, v in values.items())
        else:
            lines.insert(0, f"{json.dumps(section)} = {toml_value(values)}")
    return "\n".join(lines) + "\n"


@bounded(EXAMPLES)
@given(document=answers_documents(), as_json=st.booleans(), data=st.data())
def test_answers_files(tmp_path: Path, document: Any, as_json: bool, data: st.DataObject) -> None:
    path = tmp_path / ("answers.json" if as_json else "answers.toml")
    path.write_bytes(data.draw(text_mangled(_answers_text(document, as_json))))
    outcome = run_cli("recommend", "--answers", str(path), "--json")
    assert_plain(outcome)
    if outcome.code == 0:
        assert json.loads(outcome.out)["shortlist"]


def _speed_document() -> dict[str, Any]:
    return factory.speed().to_dict()


def _scan_document() -> dict[str, Any]:
    result = factory.scan([factory.device(n) for n in range(3)])
    nearby = NearbyNetworks(bands=(BandCrowding("2.4", 12, -40, 70, (1, 6)),))
    link = WifiLink(standard="Wi-Fi 6", band="5", channel=36, signal_dbm=-50)
    document = result.to_dict()
    document["nearby_networks"] = nearby.to_dict()
    document["wifi_link"] = link.to_dict()
    return document


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a document a value sits, to replace one."""
    found = [prefix] if prefix else []
    if len(prefix) > 5:
        return found
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*prefix, index)))
    return found


@st.composite
def mutated(draw: st.DrawFn, base: dict[str, Any]) -> Any:
    """`base` with a few values replaced, removed or repeated."""
    document = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(_paths(document) or [()]))
        if not where:
            return draw(nasty_values())
        parent = document
        for step in where[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "replace", "delete", "repeat"]))
        if action == "delete" and isinstance(parent, dict):
            del parent[where[-1]]
        elif action == "repeat" and isinstance(parent, list):
            parent.extend([parent[where[-1]]] * 10)
        else:
            parent[where[-1]] = draw(nasty_values())
        if not _paths(document):
            break
    return document


@bounded(EXAMPLES)
@given(data=st.data())
def test_speed_files(tmp_path: Path, data: st.DataObject) -> None:
    path = tmp_path / "speed.json"
    document = data.draw(mutated(_speed_document()))
    path.write_bytes(data.draw(text_mangled(json_text(document))))
    assert_plain(run_cli("recommend", "--speed", str(path)))


@bounded(EXAMPLES)
@given(data=st.data())
def test_scan_files(tmp_path: Path, data: st.DataObject) -> None:
    path = tmp_path / "scan.json"
    document = data.draw(mutated(_scan_document()))
    path.write_bytes(data.draw(text_mangled(json_text(document))))
    assert_plain(run_cli("recommend", "--scan", str(path)))


def test_a_device_listed_ten_times_counts_once(tmp_path: Path) -> None:
    document = _scan_document()
    document["devices"] = document["devices"][:1] * 10
    path = tmp_path / "scan.json"
    path.write_text(json.dumps(document))
    from router_advisor.services.recommend import load_scan

    assert len(load_scan(path).devices) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\ufeff[home]\nfloors = 2\n", None),
        ("[home]\rfloors = 2\r", None),
        ("[home]\nfloors = " + "9" * 5000 + "\n", "holds a number far too big"),
        ("a = " + "[" * 5000 + "]" * 5000 + "\n", "nested more than 64 levels"),
        ("[home]\n" + "k" * 1_000_000 + " = 1\n", "characters): remove it"),
        ('[home]\nwalls = "' + "w" * 10_000_000 + '"\n', "larger than 4 MB"),
    ],
    ids=["bom", "cr-only", "4300-digits", "deep", "1MB-key", "10MB-value"],
)
def test_answers_file_classes(tmp_path: Path, text: str, expected: str | None) -> None:
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8", newline="")
    outcome = run_cli("recommend", "--answers", str(path))
    assert_plain(outcome)
    if expected is None:
        assert outcome.code == 0, outcome.err
    else:
        assert outcome.code == 2 and expected in outcome.err and len(outcome.err) < 400


def test_an_endless_answers_file_is_refused_before_reading() -> None:
    outcome = run_cli("recommend", "--answers", "/dev/zero")
    assert_plain(outcome)
    assert outcome.code == 2 and "is a device, not a regular file" in outcome.err, outcome.err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"download_mbps": 1e400, "upload_mbps": 5}', "infinite"),
        ('{"download_mbps": Infinity, "upload_mbps": 5}', "Infinity"),
        ('{"download_mbps": 5, "upload_mbps": 5, "server": {"name": "\\ud800"}}', "surrogate"),
    ],
)
def test_speed_file_classes(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "speed.json"
    path.write_text(text)
    outcome = run_cli("recommend", "--speed", str(path))
    assert outcome.code == 2 and expected in outcome.err, outcome.err


def test_nearby_network_count_of_1e400_is_plain(tmp_path: Path) -> None:
    document = _scan_document()
    path = tmp_path / "scan.json"
    path.write_text(json.dumps(document).replace('"networks": 12', '"networks": 1e400'))
    outcome = run_cli("recommend", "--scan", str(path))
    assert outcome.code == 2 and "infinite" in outcome.err, outcome.err
