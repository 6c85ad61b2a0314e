"""Exports carry the walk test as an optional section: every format names the rooms, the
node count and the advice; room names from a person are escaped like catalog text; without
a walk the reports are exactly what they were."""

import csv
import io
import json

import pytest
from router_advisor.core.answers import answers_from_dict
from router_advisor.core.recommend import Recommendation, recommend
from router_advisor.core.scan import WifiLink
from router_advisor.core.walk import Walk, WalkStop
from router_advisor.core.walk_report import WalkReport, walk_report
from router_advisor.services.export import FORMATS, render

from tests.core.fixture_catalog import fixture_routers

HOSTILE_ROOM = "=SUM(1) <b>Den</b>"


def _walk() -> WalkReport:
    def stop(room: str, dbm: int, mbps: float) -> WalkStop:
        link = WifiLink(band="5", signal_dbm=dbm, bssid="50:c7:bf:8e:12:6d")
        return WalkStop(room, "2026-12-01T10:00:00Z", link, mbps, mbps, 4.0)

    walk = Walk(1, "2026-12-01T10:00:00Z", (stop("Hall", -48, 600), stop(HOSTILE_ROOM, -80, 20)))
    return walk_report(walk)


@pytest.fixture(scope="module")
def rec() -> Recommendation:
    return recommend(answers_from_dict({}), fixture_routers(), measured_nodes=2)


def test_without_a_walk_each_format_is_unchanged(rec: Recommendation) -> None:
    empty = walk_report(Walk(1, "t"))
    for fmt in FORMATS:
        assert render(rec, fmt, "2026-12-01") == render(rec, fmt, "2026-12-01", empty)
    assert "walk" not in json.loads(render(rec, "json"))


def test_every_format_has_the_rooms_nodes_and_advice(rec: Recommendation) -> None:
    walk = _walk()
    data = json.loads(render(rec, "json", walk=walk))
    assert data["walk"]["weak_rooms"] == [HOSTILE_ROOM] and data["walk"]["nodes_suggested"] == 2
    assert set(data) >= {"requirements", "shortlist", "vendor_questions", "walk"}
    md = render(rec, "md", walk=walk)
    assert "## Walk test, room by room" in md and "2 nodes needed" in md
    assert "<b>Den</b>" not in md and "Add a node between Hall and" in md
    page = render(rec, "html", walk=walk)
    assert "Walk test, room by room" in page and "&lt;b&gt;Den&lt;/b&gt;" in page
    assert "<b>Den</b>" not in page
    rows = list(csv.reader(io.StringIO(render(rec, "csv", walk=walk))))
    assert ["room", "rating", "signal", "band", "download", "upload", "delay", "node"] in rows
    den = next(r for r in rows if r and "Den" in r[0])
    assert den[0].startswith("'") and den[1] == "weak"  # a formula start is neutralised


def test_the_requirements_say_the_node_count_was_measured(rec: Recommendation) -> None:
    assert rec.requirements.nodes_needed == 2 and rec.requirements.nodes_measured
    md = render(rec, "md")
    assert "measured by your walk test" in md
