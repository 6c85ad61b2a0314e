"""Whole recommendations for realistic households, on the test catalog and the real one."""

from pathlib import Path

import pytest
from router_advisor.core.answers import Answers, answers_from_dict
from router_advisor.core.recommend import recommend
from router_advisor.core.router import Router
from router_advisor.core.scoring.criteria import class_rating
from router_advisor.core.scoring.thresholds import FLAGSHIP_CLASS_RATING
from router_advisor.errors import UserInputError
from router_advisor.services.catalog import load_routers

from tests.core.fixture_catalog import fixture_routers
from tests.core.fixture_speed import bufferbloated_line

SMALL_FLAT = {
    "home": {"size_m2": 45},
    "household": {"people": 1, "devices": 6},
    "isp": {"down_mbps": 100, "up_mbps": 20},
}
BIG_HOUSE = {
    "home": {"size_m2": 260, "floors": 3},
    "household": {"devices": 40},
    "isp": {"down_mbps": 2000, "up_mbps": 2000},
}
GAMER = {
    "home": {"size_m2": 80},
    "usage": {"gaming": True, "video_calls": True},
    "isp": {"down_mbps": 500, "up_mbps": 20},
}


@pytest.fixture(scope="module")
def real_catalog(tmp_path_factory: pytest.TempPathFactory) -> list[Router]:
    return load_routers(db_path=Path(tmp_path_factory.mktemp("catalog")) / "catalog.db")


@pytest.fixture(params=["fixture", "real"])
def catalog(request: pytest.FixtureRequest) -> list[Router]:
    if request.param == "fixture":
        return fixture_routers()
    routers: list[Router] = request.getfixturevalue("real_catalog")
    return routers


def answers(data: dict) -> Answers:
    return answers_from_dict(data)


def test_a_small_flat_on_100_mbps_gets_no_mesh_and_no_flagship(catalog: list[Router]) -> None:
    rec = recommend(answers(SMALL_FLAT), catalog, top=5)
    assert rec.requirements.nodes_needed == 1
    for item in rec.shortlist:
        r = item.router
        # One unit: a router, or a mesh kit's 1-pack (a single eero 6 is a router too).
        assert r.kind == "router" or (r.kind == "mesh" and r.pack_size == 1), r.display_name
        assert item.system.nodes == 1, r.display_name
        rating = class_rating(r.wifi_class)
        assert rating is None or rating < FLAGSHIP_CLASS_RATING, r.display_name
        assert r.price_usd is None or r.price_usd < 300, r.display_name


def test_a_three_floor_house_on_2_gbps_fibre_gets_a_multigig_mesh(catalog: list[Router]) -> None:
    rec = recommend(answers(BIG_HOUSE), catalog, top=5)
    assert rec.requirements.nodes_needed >= 2
    covering = [item.system.nodes >= rec.requirements.nodes_needed for item in rec.shortlist]
    assert covering[0] and covering == sorted(covering, reverse=True)  # short systems last
    for item in rec.shortlist:  # a gigabit port on a 2 Gbit/s plan is named as the cap it is
        if item.router.wan_mbps is not None and item.router.wan_mbps <= 1000:
            assert any("caps your 2000 Mbit/s plan" in c for c in item.caveats)
    top = rec.shortlist[0].router
    assert top.wan_mbps is not None and top.wan_mbps > 1000
    # No cable between rooms: the band that links the nodes is asked, not a cable; a 2
    # Gbit/s plan asks the provider's hand-off and the speed with features on.
    asked = " ".join(vq.question for vq in rec.vendor_questions)
    assert "link between the nodes (the backhaul)" in asked and "Ethernet cable" not in asked
    assert "Ask your provider: at what speed" in asked and "route 2000 Mbit/s" in asked


def test_a_gamer_with_bad_bufferbloat_gets_sqm_models_first_and_the_question(
    catalog: list[Router],
) -> None:
    rec = recommend(answers(GAMER), catalog, speed=bufferbloated_line(500.0), top=5)
    sqm = [item.router.qos.sqm is True for item in rec.shortlist]
    assert sqm[:3] == [True, True, True]
    assert sqm == sorted(sqm, reverse=True)  # no SQM model above one that has it
    questions = [vq.question for vq in rec.vendor_questions]
    sqm = next(question for question in questions if "SQM" in question)
    assert sqm.startswith("How do I turn on SQM (smart queue management, such as fq_codel")
    assert rec.shortlist[0].router.display_name in sqm and "500 Mbit/s down and 20 up" in sqm
    assert any("smart queue management" in reason for reason in rec.shortlist[0].reasons)


@pytest.mark.parametrize("budget", [80, 150, 250])
def test_the_budget_is_respected(catalog: list[Router], budget: int) -> None:
    rec = recommend(answers({**GAMER, "budget": {"max_usd": budget}}), catalog, top=10)
    for item in rec.shortlist:
        price = item.system.price_usd  # the whole system; unknown is ranked and flagged
        assert price is None or price <= budget
        assert price is not None or "price_usd" in item.unknowns


def test_a_budget_nothing_meets_shows_the_closest_fits_and_what_to_change(
    catalog: list[Router],
) -> None:
    rec = recommend(answers({**BIG_HOUSE, "budget": {"max_usd": 20}}), catalog)
    assert rec.shortlist
    assert rec.closest_fits and rec.shortlist[0].misses
    for item in rec.shortlist:  # over budget and saying so, or a price still to ask
        if item.system.price_usd is None:
            assert "price_usd" in item.unknowns and not item.misses
        else:
            assert [m.change for m in item.misses] == ["budget.max_usd"]


def test_an_empty_catalog_says_how_to_fill_it() -> None:
    with pytest.raises(UserInputError, match="catalog is empty") as caught:
        recommend(answers({}), [])
    # Plain words for both front ends; the CLI's commands are its own hint.
    assert "router-advisor" not in str(caught.value)
    assert "`router-advisor catalog import FILE`" in (caught.value.cli_hint or "")


def test_the_same_inputs_give_the_same_recommendation(catalog: list[Router]) -> None:
    first = recommend(answers(GAMER), catalog, speed=bufferbloated_line(500.0), top=8).to_dict()
    again = recommend(
        answers(GAMER), list(reversed(catalog)), speed=bufferbloated_line(500.0), top=8
    ).to_dict()
    assert first == again


def test_the_json_shape_has_every_field_the_issue_names(catalog: list[Router]) -> None:
    data = recommend(answers({}), catalog, top=3).to_dict()
    assert {"requirements", "shortlist", "vendor_questions"} <= set(data)
    for entry in data["shortlist"]:
        for key in (
            "brand",
            "model",
            "kind",
            "pack_size",
            "wifi_generation",
            "wan_mbps",
            "price_usd",
            "score",
            "reasons",
            "caveats",
            "overkill",
            "nodes",
            "components",
            "price_unknown_parts",
            "misses",
        ):
            assert key in entry
        assert entry["reasons"] and all(isinstance(r, str) for r in entry["reasons"])
    assert all(set(q) == {"question", "why"} for q in data["vendor_questions"])
