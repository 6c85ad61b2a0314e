"""Matching what a gateway says about itself to a known model, and a typed model name."""

from router_advisor.core.current_router import (
    GatewayClues,
    KnownRouter,
    brand_of,
    find_by_name,
    identify,
    merged,
)

KNOWN = [
    KnownRouter("Netgear", "R7000", "toh:r7000", wifi_generation="5"),
    KnownRouter("Netgear", "R7000", "tid:r7000", wan_mbps=1000, year=2013),
    KnownRouter("Netgear", "R7000P", "tid:r7000p", wifi_generation="5"),
    KnownRouter("TP-Link", "Archer AX55", "catalog:ax55", wifi_generation="6"),
    KnownRouter("TP-Link", "Archer A7", "catalog:a7", wifi_generation="5"),
    KnownRouter("Xfinity", "XB7", "isp:xb7", isp="Xfinity", aliases=("CGM4331COM",)),
]


def test_brands_are_read_from_the_ways_makers_spell_themselves() -> None:
    assert brand_of("NETGEAR, Inc.") == "Netgear"
    assert brand_of("ASUSTeK Computer Inc.") == "ASUS"
    assert brand_of("AVM Berlin") == "AVM"
    assert brand_of("Something else") is None


def test_a_stated_model_with_its_brand_is_high_confidence_and_the_longest_name_wins() -> None:
    found = identify(
        GatewayClues("10.0.0.1", upnp_manufacturer="NETGEAR", upnp_model_name="R7000P"),
        KNOWN,
    )
    assert found is not None
    assert found.known.model == "R7000P" and found.confidence == "high"
    assert "UPnP modelName 'R7000P'" in found.evidence[0]


def test_facts_of_one_model_from_two_tables_are_merged() -> None:
    found = identify(GatewayClues("10.0.0.1", upnp_model_name="R7000"), KNOWN)
    assert found is not None
    assert (found.known.wifi_generation, found.known.wan_mbps) == ("5", 1000)
    assert merged(KNOWN[0], KNOWN).year == 2013


def test_a_hint_without_a_brand_is_low_confidence() -> None:
    found = identify(GatewayClues("10.0.0.1", http_title="Archer AX55 login"), KNOWN)
    assert found is not None
    assert found.known.model == "Archer AX55" and found.confidence == "low"


def test_an_isp_box_answers_to_its_maker_model_number() -> None:
    found = identify(
        GatewayClues("10.0.0.1", upnp_manufacturer="Technicolor", upnp_model_name="CGM4331COM"),
        KNOWN,
    )
    assert found is not None and found.known.model == "XB7"


def test_a_brand_alone_never_names_a_model() -> None:
    assert identify(GatewayClues("10.0.0.1", mac_vendor="NETGEAR"), KNOWN) is None


def test_a_typed_name_finds_the_nearest_model_and_nothing_for_nonsense() -> None:
    assert find_by_name("netgear r7000", KNOWN).model == "R7000"  # type: ignore[union-attr]
    assert find_by_name("Archer A7", KNOWN).model == "Archer A7"  # type: ignore[union-attr]
    assert find_by_name("Netgear Archer A7", KNOWN) is None
    assert find_by_name("toaster 3000", KNOWN) is None
    assert find_by_name("toaster 7000", KNOWN) is None  # not R7000: no brand named
    assert find_by_name("Netgear Nighthawk R7000", KNOWN).model == "R7000"  # type: ignore[union-attr]


def test_a_host_name_the_gateway_announces_is_a_hint() -> None:
    clues = GatewayClues(
        "10.0.0.1", names=("Archer-AX55-5C10.local",), mdns_services=("_http._tcp",)
    )
    found = identify(clues, KNOWN)
    assert found is not None
    assert found.known.model == "Archer AX55" and found.confidence == "low"
    assert "network name 'Archer-AX55-5C10.local'" in found.evidence[0]
    assert "mDNS service '_http._tcp'" in found.evidence
