"""A model on its maker's end-of-life list without an end date (ASUS's page lists the
RT-AX86U so) has lost its support: not for sale, an owned one is retired, a router in use
is judged past support, and every place says so in words."""

from dataclasses import replace

from router_advisor.catalog.known_routers import from_catalog
from router_advisor.core.answers import answers_from_dict
from router_advisor.core.current_router import Identified
from router_advisor.core.current_verdict import HomeFacts, judge
from router_advisor.core.needs import derive_requirements
from router_advisor.core.recommend import recommend
from router_advisor.core.router import FirmwarePolicy, Router, support_end
from router_advisor.core.scoring.router_criteria import security
from router_advisor.core.system_builder import for_sale_problem

from tests.core.fixture_systems import systems_catalog

TODAY = "2026-12-01"
LISTED = FirmwarePolicy(automatic_updates=True, eol_listed_as_of="2026-06-24")


def _listed(model: str = "Archer AX55") -> Router:
    base = next(r for r in systems_catalog() if r.model == model)
    return replace(base, brand="ASUS", firmware=LISTED)


def test_support_ended_by_the_day_it_was_seen_on_the_list() -> None:
    assert support_end(_listed()) == "2026-06-24"
    dated = replace(LISTED, end_of_support="2025-03-31")
    assert support_end(replace(_listed(), firmware=dated)) == "2025-03-31"  # a date wins


def test_a_listed_model_is_never_recommended_as_a_purchase() -> None:
    q = derive_requirements(answers_from_dict({}), None, None)
    assert for_sale_problem(_listed(), q, TODAY) == "end_of_support"
    others = [r for r in systems_catalog() if r.model != "Archer AX55"]
    without = recommend(answers_from_dict({}), others, top=50, today=TODAY)
    rec = recommend(answers_from_dict({}), [_listed(), *others], top=50, today=TODAY)
    assert all(i.router.model != "Archer AX55" for i in rec.shortlist)
    assert rec.excluded["end_of_support"] == without.excluded.get("end_of_support", 0) + 1


def test_an_owned_listed_unit_is_retired_not_reused() -> None:
    listed = replace(_listed(), system="AiMesh")
    home = answers_from_dict({"equipment": {"owned": ["ASUS Archer AX55"]}})
    rec = recommend(home, [listed, *systems_catalog()], today=TODAY)
    notes = " ".join(rec.requirements.notes)
    assert "Your ASUS Archer AX55 no longer gets security updates" in notes
    assert not any(c.owned for i in rec.shortlist for c in i.system.components)


def test_a_listed_router_in_use_is_judged_past_support_in_plain_words() -> None:
    known = from_catalog(_listed())
    assert (known.end_of_support, known.eol_listed_as_of) == (None, "2026-06-24")
    verdict = judge(Identified(known, "high", ("test",)), HomeFacts(TODAY, plan_down_mbps=300))
    assert verdict.verdict == "replace"
    assert verdict.reasons[0] == (
        "It is on ASUS's end-of-life list as of 2026-06-24, no end date given: no more "
        "security updates."
    )


def test_the_security_finding_says_support_has_ended() -> None:
    q = derive_requirements(answers_from_dict({}), None, None)
    listed = security(_listed(), q, TODAY)
    supported = security(
        replace(_listed(), firmware=FirmwarePolicy(automatic_updates=True)), q, TODAY
    )
    assert listed.score < supported.score
    assert listed.caveat == "It is {x.eol_listed}: no more security updates."
