"""Vendor questions: the seed list, need-driven and gap-driven ones, each with its why."""

from dataclasses import replace

from router_advisor.core.answers import answers_from_dict
from router_advisor.core.needs import derive_requirements
from router_advisor.core.questions import need_questions, seed_questions, vendor_questions
from router_advisor.core.recommend import rank
from router_advisor.core.router import QoS

from tests.core.fixture_catalog import fixture_routers
from tests.core.fixture_speed import bufferbloated_line


def test_the_seed_list_asks_only_what_no_catalog_knows_and_says_why() -> None:
    """Issue 11: ask only what we don't know and what matters; known firmware facts are
    reasons on the card, an unknown policy a gap question about that model."""
    q = derive_requirements(answers_from_dict({}))
    text = " ".join(vq.question.lower() for vq in seed_questions(q))
    for topic in ("interface", "how many devices", "warranty", "support", "independent reviews"):
        assert topic in text, topic
    for known_elsewhere in ("firmware", "wpa3", "qos"):
        assert known_elsewhere not in text, known_elsewhere
    assert all(vq.why for vq in seed_questions(q))


def test_a_gamer_with_bufferbloat_is_asked_about_sqm_at_their_speed() -> None:
    q = derive_requirements(answers_from_dict({"usage": {"gaming": True}}), bufferbloated_line(500))
    sqm = [vq for vq in need_questions(q) if "SQM" in vq.question]
    assert sqm and "500 Mbit/s" in sqm[0].question and "hardware acceleration" in sqm[0].question
    assert "grade F" in sqm[0].why


def test_no_sqm_question_without_a_need() -> None:
    q = derive_requirements(answers_from_dict({}))
    assert not any("SQM" in vq.question for vq in need_questions(q))


def test_a_multi_floor_mesh_is_asked_about_wired_backhaul() -> None:
    q = derive_requirements(answers_from_dict({"home": {"size_m2": 260, "floors": 3}}))
    assert any("wired backhaul" in vq.question for vq in need_questions(q))
    flat = derive_requirements(answers_from_dict({"home": {"size_m2": 60}}))
    assert not any("wired backhaul" in vq.question for vq in need_questions(flat))


def test_unknown_facts_of_a_shortlisted_model_become_questions_about_it() -> None:
    q = derive_requirements(answers_from_dict({"usage": {"gaming": True}}), bufferbloated_line(300))
    routers = [r for r in fixture_routers() if r.model == "AX3000T"]
    assert routers[0].qos == QoS()  # nothing known about its QoS
    shortlist = rank(routers, q, top=1).shortlist
    gaps = [vq for vq in vendor_questions(q, shortlist) if vq.topic == "gap"]
    assert any("Xiaomi AX3000T" in vq.question and "SQM" in vq.question for vq in gaps)
    assert all(vq.why for vq in gaps)


def test_subscriptions_of_a_shortlisted_model_are_asked_about_and_nothing_repeats() -> None:
    q = derive_requirements(answers_from_dict({}))
    shortlist = rank(fixture_routers(), q, top=15).shortlist
    questions = vendor_questions(q, shortlist)
    assert any("HomeShield Pro" in vq.question for vq in questions)
    assert len({vq.question for vq in questions}) == len(questions)


def _sqm_gap_why(q) -> str:
    routers = [r for r in fixture_routers() if r.model == "AX3000T"]
    shortlist = rank(routers, q, top=1).shortlist
    gaps = [vq for vq in vendor_questions(q, shortlist) if vq.topic == "gap"]
    return next(vq.why for vq in gaps if "SQM" in vq.question)


def test_without_a_speed_test_the_sqm_why_does_not_claim_lag() -> None:
    """Review item 5: no measurement, so no "Your connection lags under load"."""
    q = derive_requirements(answers_from_dict({"usage": {"gaming": True}}))
    why = _sqm_gap_why(q)
    assert "lags under load" not in why and "No speed test was run" in why
    assert "if your line lags when busy" in why


def test_a_measured_grade_c_or_worse_is_named_in_the_sqm_why() -> None:
    q = derive_requirements(answers_from_dict({"usage": {"gaming": True}}), bufferbloated_line(300))
    assert "measured bufferbloat grade F" in _sqm_gap_why(q)


def test_the_wired_backhaul_why_names_the_floors_it_was_asked_for() -> None:
    q = derive_requirements(answers_from_dict({"home": {"size_m2": 300, "floors": 3}}))
    routers = [replace(r, wired_backhaul=None) for r in fixture_routers() if r.kind == "mesh"]
    shortlist = rank(routers, q, top=3).shortlist
    whys = [vq.why for vq in vendor_questions(q, shortlist) if "wired backhaul" in vq.question]
    assert whys and all("3 floors" in why for why in whys)


def test_the_subscription_question_is_asked_only_when_a_shortlisted_model_leaves_it_unknown() -> (
    None
):
    """Issue 11: ask only what we don't know and what matters."""
    q = derive_requirements(answers_from_dict({}))
    known = [replace(r, subscription_features=()) for r in fixture_routers()]
    asked = [vq.question for vq in vendor_questions(q, rank(known, q, top=3).shortlist)]
    assert not any("paid subscription" in question for question in asked)
    unknown = [replace(r, subscription_features=None) for r in fixture_routers()]
    asked = [vq.question for vq in vendor_questions(q, rank(unknown, q, top=3).shortlist)]
    assert any("paid subscription" in question for question in asked)
