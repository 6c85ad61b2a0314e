"""A system's name starts with its kit: "eero 6 (3-pack) + 1 x eero 6", never the single
unit first (the screenshot read "eero 6 + 1 x eero 6 (3-pack)")."""

from router_advisor.core.router import Router, Source
from router_advisor.core.system import Component, make_system
from router_advisor.core.system_wording import system_name

SOURCES = (Source("https://example.test", ("wan_mbps",)),)


def test_the_kit_reads_first() -> None:
    single = Router("eero", "eero 6", "mesh", 1, "6", SOURCES, system="eero")
    kit = Router("eero", "eero 6", "mesh", 3, "6", SOURCES, system="eero")
    parts = (
        Component("eero", "eero 6", "mesh", 1, 129.0, single),
        Component("eero", "eero 6", "mesh", 1, 279.0, kit),
        Component("any", "5-port gigabit switch", "switch", 1, 20.0),
    )
    name = system_name(make_system(single, parts, 4, "shared_radio", "placed"))
    assert name.startswith("eero 6 (3-pack) + ")
    assert name.endswith("+ 1 x 5-port gigabit switch")
