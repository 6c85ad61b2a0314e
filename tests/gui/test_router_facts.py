"""The comparison's fact words: support that has ended says so, with the listing's date."""

from dataclasses import replace

from router_advisor.core.router import FirmwarePolicy
from router_advisor.gui.router_facts import updates

from tests.core.fixture_systems import systems_catalog


def test_an_end_of_life_listing_reads_as_support_ended() -> None:
    base = next(r for r in systems_catalog() if r.model == "Archer AX55")
    listed = replace(
        base, firmware=FirmwarePolicy(automatic_updates=False, eol_listed_as_of="2026-06-24")
    )
    assert updates(listed) == (
        "manual, ended (on TP-Link's end-of-life list as of 2026-06-24, no end date given)"
    )
