"""Crowding per band from heard networks."""

from router_advisor.core.wifi_crowding import crowding


def test_crowding_counts_audible_networks_per_band() -> None:
    heard = [("2.4", 6, 80)] * 6 + [("2.4", 1, 20), ("5", 36, 90)]
    bands = {b.band: b for b in crowding(heard).bands}
    assert bands["2.4"].networks == 7 and bands["2.4"].crowding == 50
    assert bands["2.4"].busiest_channels == (6,)
    assert bands["5"].crowding == 3 and bands["5"].strongest_dbm == -30
    assert "6" not in bands


def test_nothing_heard_is_no_bands() -> None:
    assert crowding([]).bands == ()
