"""Finding a model by the name a person types, and the nearest names when it is not there."""

import pytest
from router_advisor.core.router import Router, Source
from router_advisor.errors import UserInputError
from router_advisor.services.catalog import (
    edit_distance,
    find_routers,
    nearest_names,
    number_gap,
)

_SOURCE = (Source("https://example.com", ("wan_mbps",)),)


def _router(brand: str, model: str, revision: str | None = None) -> Router:
    return Router(brand, model, "router", 1, "6", _SOURCE, hardware_revision=revision)


ROUTERS = [
    _router("TP-Link", "Archer A6", "v2"),
    _router("TP-Link", "Archer A7", "v5"),
    _router("TP-Link", "Archer A9", "v6"),
    _router("TP-Link", "Archer AX80"),
    _router("TP-Link", "Archer AX21"),
    _router("TP-Link", "Archer C6", "v3"),
    _router("ASUS", "RT-AX86U Pro"),
    _router("ASUS", "RT-AX55"),
]


def test_edit_distance_counts_single_letter_changes() -> None:
    assert edit_distance("archer a8", "archer a7") == 1
    assert edit_distance("archer a8", "archer ax80") == 2
    assert edit_distance("", "abc") == 3 and edit_distance("abc", "abc") == 0


def test_a_near_miss_suggests_the_nearest_model_first() -> None:
    """Issue 12: "archer a8" suggested Archer AX80 first; A7 is one letter away. A6 and A9
    are too (the shipped catalog has both): the nearest number, then the name, decides."""
    assert nearest_names("tp-link", "archer a8", ROUTERS) == [
        "TP-Link Archer A7 v5",
        "TP-Link Archer A9 v6",
        "TP-Link Archer A6 v2",
    ]
    with pytest.raises(UserInputError) as caught:
        find_routers("tp-link", "Archer A8", ROUTERS)
    assert "did you mean 'TP-Link Archer A7 v5', 'TP-Link Archer A9 v6'" in str(caught.value)


def test_numbers_apart_count_how_far_a_mistyped_digit_is() -> None:
    assert number_gap("archer a8", "archer a7") == number_gap("archer a8", "archer a9") == 1
    assert number_gap("archer a8", "archer a6") == 2
    assert number_gap("archer a8", "archer a7 v5") > 1000  # a revision is not a near number


def test_a_name_the_person_cut_short_finds_the_model_it_begins() -> None:
    assert nearest_names("asus", "rt-ax86", ROUTERS)[0] == "ASUS RT-AX86U Pro"


def test_a_misspelt_brand_still_finds_the_model() -> None:
    assert nearest_names("tplink", "archer a7", ROUTERS)[0] == "TP-Link Archer A7 v5"


def test_nothing_near_says_where_to_look() -> None:
    assert nearest_names("tp-link", "xyz", ROUTERS) == []
    with pytest.raises(UserInputError, match="see `router-advisor catalog list`"):
        find_routers("tp-link", "xyz", ROUTERS)
