"""A walk test's node count replaces the estimate from the home's area, and says so; the
person's own mesh preference still holds."""

from router_advisor.core.answers import answers_from_dict
from router_advisor.core.needs import MEASURED_NODES_REASON, derive_requirements
from router_advisor.core.recommend import recommend

from tests.core.fixture_catalog import fixture_routers

BIG_HOUSE = {"home": {"size_m2": 400, "floors": 3, "walls": "brick"}}


def test_the_measured_count_replaces_the_area_guess_and_says_so() -> None:
    guessed = derive_requirements(answers_from_dict(BIG_HOUSE))
    assert guessed.nodes_needed > 2 and not guessed.nodes_measured
    measured = derive_requirements(answers_from_dict(BIG_HOUSE), measured_nodes=2)
    assert measured.nodes_needed == 2 and measured.nodes_measured
    assert any(MEASURED_NODES_REASON in note for note in measured.notes)
    small = derive_requirements(answers_from_dict({}), measured_nodes=3)
    assert small.nodes_needed == 3 and small.wants_mesh


def test_the_mesh_preference_still_holds() -> None:
    no_mesh = answers_from_dict({"preferences": {"mesh": "no"}})
    assert derive_requirements(no_mesh, measured_nodes=3).nodes_needed == 1
    assert not derive_requirements(no_mesh, measured_nodes=3).nodes_measured
    wants = answers_from_dict({"preferences": {"mesh": "yes"}})
    assert derive_requirements(wants, measured_nodes=1).nodes_needed == 2


def test_the_recommender_uses_it() -> None:
    rec = recommend(answers_from_dict(BIG_HOUSE), fixture_routers(), measured_nodes=1)
    assert rec.requirements.nodes_needed == 1
    assert rec.to_dict()["requirements"]["nodes_measured"] is True
