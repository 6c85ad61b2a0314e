"""The one vocabulary: every value of the core's types has its words, and a router reads the
same wherever it is shown."""

from dataclasses import replace
from typing import get_args

import pytest
from router_advisor.core.bufferbloat import GRADE_THRESHOLDS_MS, WORST_GRADE
from router_advisor.core.router import KINDS, FirmwarePolicy, QoS, Router, Source
from router_advisor.core.scan import DEVICE_KINDS, DeviceKind
from router_advisor.core.verdicts import Activity, LineFacts, speed_verdicts
from router_advisor.core.wording import (
    ACTIVITY_NAMES,
    DEVICE_KIND_WORDS,
    GRADE_WORDS,
    KIND_WORDS,
    activity_name,
    grade_words,
    key_facts,
    kind_from_text,
    kind_heading,
    kind_to_type,
    kind_word,
    price,
    price_age,
    router_name,
    router_price,
    stored_price,
    wan,
)


def test_every_device_kind_has_one_word_and_the_kinds_come_from_the_type() -> None:
    assert get_args(DeviceKind) == DEVICE_KINDS
    assert set(DEVICE_KIND_WORDS) == set(DEVICE_KINDS)
    assert len(set(DEVICE_KIND_WORDS.values())) == len(DEVICE_KINDS)


def test_people_read_words_where_the_store_keeps_keys() -> None:
    assert kind_word("iot") == "smart-home"
    assert kind_word("network") == "network gear"
    assert kind_heading("iot") == "Smart-home"
    assert kind_heading("tv") == "TV / streamer"
    assert kind_word("toaster") == "toaster"  # a kind from a newer file reads as stored


@pytest.mark.parametrize("kind", DEVICE_KINDS)
def test_what_the_help_says_to_type_is_read_back_as_the_same_kind(kind: DeviceKind) -> None:
    typed = kind_to_type(kind)
    assert " " not in typed and "/" not in typed
    for text in (typed, typed.upper(), kind, DEVICE_KIND_WORDS[kind]):
        assert kind_from_text(text) == kind
    assert kind_from_text("fridge") is None


def test_every_activity_a_verdict_is_given_for_has_a_name() -> None:
    verdicts = speed_verdicts(LineFacts(100, 20, 10, 2, 30, 40))
    assert set(verdicts) == set(get_args(Activity)) == set(ACTIVITY_NAMES)
    assert activity_name("gaming") == "Online gaming"
    assert activity_name("new_thing") == "New thing"


def test_every_bufferbloat_grade_is_explained() -> None:
    grades = {grade for _, grade in GRADE_THRESHOLDS_MS} | {WORST_GRADE}
    assert grades == set(GRADE_WORDS)
    assert grade_words(None) == ""


def test_every_catalog_kind_has_a_word() -> None:
    assert set(KIND_WORDS) == set(KINDS)


@pytest.mark.parametrize(
    ("brand", "model", "revision", "pack", "name"),
    [
        ("TP-Link", "Archer A7", "v5", 1, "TP-Link Archer A7 v5"),
        ("eero", "eero Pro 6E", None, 3, "eero Pro 6E (3-pack)"),
        ("ASUS", "RT-AX58U", None, 1, "ASUS RT-AX58U"),
    ],
)
def test_a_router_is_named_once(
    brand: str, model: str, revision: str | None, pack: int, name: str
) -> None:
    assert router_name(brand, model, revision, pack) == name


def test_key_facts_say_unknown_and_never_guess() -> None:
    src = (Source(ref="curator: test", fields=()),)
    known = Router(
        brand="Nova",
        model="Mesh 7",
        kind="mesh",
        pack_size=3,
        wifi_generation="7",
        wifi_class="BE19000",
        sources=src,
        wan_mbps=2500,
        lan_ports_mbps=(1000, 2500),
        qos=QoS(sqm=True),
        firmware=FirmwarePolicy(automatic_updates=True),
        price_usd=499.0,
    )
    assert key_facts(known) == (
        "Wi-Fi 7 (BE19000) · mesh, 3 nodes · WAN 2.5 Gbit/s · LAN 2 (up to 2.5G) · "
        "QoS SQM (smart queues)"
    )
    bare = Router(
        brand="Nova", model="R1", kind="router", pack_size=1, wifi_generation="6", sources=src
    )
    assert key_facts(bare) == "Wi-Fi 6 · router · WAN unknown · LAN unknown · QoS unknown"
    assert (price(known.price_usd), price(bare.price_usd)) == (
        "$499.00 (price, date unknown)",
        "price unknown",
    )


def test_an_access_points_ports_read_as_its_uplink_and_its_other_ports() -> None:
    """An access point's `wan_mbps` is its uplink (toward the router), `lan_ports_mbps`
    its other ports: it has no Internet port to speak of."""
    src = (Source(ref="curator: test", fields=()),)
    ap = Router(
        brand="Ubiquiti",
        model="U7 Pro",
        kind="access_point",
        pack_size=1,
        wifi_generation="7",
        sources=src,
        wan_mbps=2500,
        lan_ports_mbps=(),
    )
    assert key_facts(ap) == (
        "Wi-Fi 7 · access point · uplink 2.5 Gbit/s · other ports none · QoS unknown"
    )
    assert "WAN" not in key_facts(ap)


def test_a_unit_without_an_ethernet_port_says_so_not_a_speed() -> None:
    """wan_mbps = 0 is a plug-in point with no Ethernet port (the eero Beacon): the key
    facts say so in plain words, never "WAN 0 Mbit/s" or "LAN none"."""
    src = (Source(ref="curator: test", fields=()),)
    point = Router(
        brand="eero",
        model="eero Beacon",
        kind="node",
        pack_size=1,
        wifi_generation="5",
        sources=src,
        wifi_class="AC1200",
        wan_mbps=0,
        lan_ports_mbps=(),
    )
    assert point.no_ethernet
    assert key_facts(point) == (
        "Wi-Fi 5 (AC1200) · add-on mesh node · no Ethernet port · QoS unknown"
    )
    assert wan(point) == "no Ethernet port"
    unknown = replace(point, wan_mbps=None)  # unknown is not "no port"
    assert not unknown.no_ethernet and wan(unknown) == "unknown"


def test_a_price_says_how_old_it_is_and_what_it_is() -> None:
    src = (Source("https://example.com", ("price_usd",)),)
    dated = Router(
        brand="Acme",
        model="R1",
        kind="router",
        pack_size=1,
        wifi_generation="7",
        sources=src,
        price_usd=299.99,
        price_as_of="2024-03",
        price_kind="msrp",
        price_region="US",
    )
    assert router_price(dated) == "$299.99 (list price as of 2024-03, US)"
    assert price(89, "2025-06", "street") == "$89.00 (street price as of 2025-06)"
    assert price(89, None, "street") == "$89.00 (street price, date unknown)"
    assert stored_price(769.98, 3, "2025-03", "street", "US") == (
        "$769.98 for the whole system (main unit: street price as of 2025-03, US)"
    )
    assert stored_price(89, 1, "2025-06", "street") == "$89.00 (street price as of 2025-06)"
    assert stored_price(None, 3) == "price unknown"
    assert price(89, "2025-06") == "$89.00 (price as of 2025-06)"
    assert price(None, "2025-06", "street") == "price unknown"
    assert price_age("2025-06", "street", "UK") == "street price as of 2025-06, UK"


def test_an_unknown_system_price_names_each_model_once() -> None:
    """A router plus three more of it read "price unknown (Flint 3, Flint 3)" (GUI card)."""
    from router_advisor.core.router import Router, Source
    from router_advisor.core.system import Component, make_system
    from router_advisor.core.system_wording import system_price

    flint = Router("GL.iNet", "Flint 3", "router", 1, "7", (Source("curator: test", ()),))
    parts = (
        Component("GL.iNet", "Flint 3", "router", 1, None, flint),
        Component("GL.iNet", "Flint 3", "router", 3, None, flint),
    )
    system = make_system(flint, parts, 4, "shared_radio", "")
    assert system_price(system) == "price unknown (GL.iNet Flint 3)"


def test_a_systems_parts_line_says_how_old_its_oldest_price_is() -> None:
    from router_advisor.core.router import Router, Source
    from router_advisor.core.system import Component, make_system
    from router_advisor.core.system_wording import parts_line

    src = (Source("https://example.com", ("price_usd",)),)
    kit = Router(
        brand="Acme",
        model="Mesh",
        kind="mesh",
        pack_size=2,
        wifi_generation="6",
        sources=src,
        price_usd=199.0,
        price_as_of="2025-06",
        price_kind="street",
        price_region="US",
    )
    parts = (
        Component("Acme", "Mesh", "mesh", 1, 199.0, kit),
        Component("any", "5-port gigabit switch", "switch", 1, 20.0),
    )
    system = make_system(kit, parts, 2, "wired", "One unit by the line, one upstairs.")
    assert parts_line(system) == (
        "Parts: 1 x Acme Mesh (2-pack) ($199.00); 1 x 5-port gigabit switch ($20.00). "
        "Oldest price: street price as of 2025-06, US; parts of any make: street price as of "
        "2025, US."
    )
    assert parts_line(make_system(kit, parts[:1], 2, "wired", "")) == ""


def test_years_are_singular_for_one() -> None:
    from router_advisor.core.wording import years

    assert (years(1), years(2), years(1.5)) == ("1 year", "2 years", "1.5 years")


def test_the_article_goes_by_how_the_word_is_said() -> None:
    """ "A AX11000 system", "a 8-port switch" and "a EU price" read wrong."""
    from router_advisor.core.wording import a_or_an

    said = {
        "AX11000": "an",
        "AXE16000": "an",
        "BE19000": "a",
        "EU": "an",
        "UK": "a",
        "US": "a",
        "8-port gigabit switch": "an",
        "5-port gigabit switch": "a",
        "16-port gigabit switch": "a",
        "entry-level": "an",
        "router": "a",
    }
    assert {word: a_or_an(word) for word in said} == said


def test_one_mesh_unit_is_not_called_a_one_node_mesh() -> None:
    """ "2 x eero 6 ... mesh, 1 node" read as if the system had one node."""
    from router_advisor.core.wording import router_kind

    assert router_kind("mesh", 1) == "mesh unit, sold singly"
    assert router_kind("mesh", 3) == "mesh, 3 nodes"


def test_a_system_card_counts_the_units_in_the_home_not_the_leads_pack() -> None:
    """The card of "eero 7 (3-pack) + 1 x eero 7" read "mesh unit, sold singly": its lead is
    the single unit. A mesh system's line counts its units; a router heading access points
    stays a router."""
    src = (Source(ref="curator: test", fields=()),)
    single = Router(
        brand="eero", model="eero 7", kind="mesh", pack_size=1, wifi_generation="7", sources=src
    )
    assert "mesh unit, sold singly" in key_facts(single)
    assert " · mesh, 4 nodes · " in key_facts(single, 4)
    gateway = replace(single, kind="router")
    assert " · router · " in key_facts(gateway, 3)
