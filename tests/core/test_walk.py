"""The walk test's pure parts: ratings from signal and throughput, node count, placement
advice and the room-by-room comparison."""

from router_advisor.core.scan import WifiLink
from router_advisor.core.walk import (
    FAIR_SIGNAL_DBM,
    GOOD_MBPS,
    GOOD_SIGNAL_DBM,
    WEAK_SIGNAL_DBM,
    Walk,
    WalkStop,
    signal_rating,
    throughput_rating,
)
from router_advisor.core.walk_report import node_key, walk_report

ROUTER = "50:c7:bf:8e:12:6d"
ROUTER_2G = "50:c7:bf:8e:12:6c"  # the same router's 2.4 GHz radio
NODE = "92:11:22:33:44:01"


def stop(
    room: str,
    dbm: int | None,
    mbps: float,
    band: str = "5",
    bssid: str | None = ROUTER,
    target: str = "lan",
) -> WalkStop:
    link = (
        None if dbm is None else WifiLink(band=band, signal_dbm=dbm, bssid=bssid, tx_rate_mbps=600)
    )
    return WalkStop(room, "2026-12-01T10:00:00Z", link, mbps, mbps * 0.8, 4.0, target)  # type: ignore[arg-type]


def walk(*stops: WalkStop, walk_id: int = 1) -> Walk:
    return Walk(walk_id, "2026-12-01T10:00:00Z", stops)


def test_signal_thresholds_at_their_edges() -> None:
    assert signal_rating(GOOD_SIGNAL_DBM) == "good"
    assert signal_rating(GOOD_SIGNAL_DBM - 1) == "fair"
    assert signal_rating(FAIR_SIGNAL_DBM) == "fair"
    assert signal_rating(FAIR_SIGNAL_DBM - 1) == "weak"
    assert signal_rating(WEAK_SIGNAL_DBM) == "weak"
    assert signal_rating(WEAK_SIGNAL_DBM - 1) == "dead"


def test_throughput_thresholds_use_the_slower_direction() -> None:
    assert throughput_rating(GOOD_MBPS) == "good"
    assert [throughput_rating(x) for x in (99, 25, 24.9, 3, 2.9)] == [
        "fair",
        "fair",
        "weak",
        "weak",
        "dead",
    ]
    fast_down_slow_up = WalkStop("Hall", "t", None, 400.0, 20.0, 3.0)
    assert fast_down_slow_up.rating == "weak"


def test_the_worse_of_signal_and_throughput_wins() -> None:
    assert stop("Hall", -50, 500).rating == "good"
    assert stop("Hall", -80, 500).rating == "weak"  # strong line, fading signal
    assert stop("Hall", -50, 10).rating == "weak"  # strong signal, little gets through
    assert stop("Hall", -90, 500).rating == "dead"


def test_a_wired_stop_has_null_signal_fields_and_says_so() -> None:
    wired = stop("Study", None, 900)
    data = wired.to_dict()
    assert list(data)[:9] == [
        "room",
        "signal_dbm",
        "link_mbps",
        "band",
        "bssid",
        "download_mbps",
        "upload_mbps",
        "latency_ms",
        "rating",
    ]
    assert (data["signal_dbm"], data["link_mbps"], data["band"], data["bssid"]) == (None,) * 4
    assert data["rating"] == "good" and "Wired" in data["note"]
    assert WalkStop.from_record(wired.to_record()) == wired


def test_one_router_covers_a_home_where_every_room_is_good_or_fair() -> None:
    report = walk_report(walk(stop("Living room", -45, 600), stop("Kitchen", -70, 200)))
    assert report.weak_rooms == () and report.nodes_suggested == 1
    assert report.advice[0].startswith("One router covers your home")


def test_fading_coverage_gets_a_node_between_the_last_good_room_and_the_first_weak_one() -> None:
    report = walk_report(
        walk(stop("Hall", -48, 600), stop("Landing", -66, 150), stop("Bedroom 2", -79, 20))
    )
    assert report.weak_rooms == ("Bedroom 2",)
    assert report.nodes_suggested == 2
    assert report.advice == (
        "Add a node between Landing and Bedroom 2: Bedroom 2 (weak, -79 dBm, 16 Mbit/s).",
    )


def test_a_weak_room_between_good_ones_is_behind_walls() -> None:
    report = walk_report(
        walk(stop("Hall", -50, 500), stop("Bathroom", -80, 30), stop("Kitchen", -55, 400))
    )
    (advice,) = report.advice
    assert "Bathroom (weak, -80 dBm, 24 Mbit/s) is behind walls from the router" in advice
    assert "A node in Hall, near Bathroom, fixes it." in advice
    assert report.nodes_suggested == 2


def test_a_2_4_ghz_fallback_room_wants_a_wired_ap_or_an_outdoor_node() -> None:
    report = walk_report(
        walk(
            stop("Living room", -45, 600),
            stop("Kitchen", -60, 300),
            stop("Garden office", -82, 8, band="2.4", bssid=ROUTER_2G),
        )
    )
    (advice,) = report.advice
    assert advice.startswith("2.4 GHz fallback in Garden office (weak, -82 dBm, 6 Mbit/s)")
    assert "wired access point" in advice and "outdoor node" in advice
    assert report.nodes_seen == 1  # both radios of one router are one node


def test_a_long_run_of_dead_rooms_needs_more_than_one_node() -> None:
    rooms = [stop("Hall", -50, 500)] + [stop(f"Room {i}", -88, 1) for i in range(1, 5)]
    report = walk_report(walk(*rooms))
    assert report.nodes_suggested == 3
    assert report.advice[0].startswith("Add 2 nodes between Hall and Room 1")


def test_good_signal_with_little_throughput_points_at_the_node_backhaul() -> None:
    report = walk_report(walk(stop("Hall", -45, 600), stop("Attic", -60, 10, bssid=NODE)))
    assert report.weak_rooms == ("Attic",)
    assert report.nodes_seen == 2 and report.nodes_suggested == 2  # no new node: wire it
    assert report.advice[0] == (
        "Your 2 nodes cover your home: the signal reaches every room you measured."
    )
    assert "weak link back to the router" in report.advice[1]


def test_to_an_internet_server_the_signal_alone_rates_the_room() -> None:
    slow_line = stop("Hall", -50, 20, target="internet")
    assert slow_line.rating == "good" and not slow_line.needs_coverage
    assert stop("Hall", -80, 500, target="internet").rating == "weak"
    wired = WalkStop("Study", "t", None, 20.0, 20.0, 3.0, "internet")
    assert wired.rating == "weak"  # nothing else to go by


def test_a_room_measured_again_keeps_its_latest_numbers() -> None:
    report = walk_report(walk(stop("Hall", -50, 500), stop("hall", -52, 450)))
    assert [(s.room, s.download_mbps) for s in report.rooms] == [("hall", 450)]


def test_measured_to_the_internet_says_the_line_is_in_the_numbers() -> None:
    report = walk_report(walk(stop("Hall", -50, 300, target="internet")))
    assert "serve-speed" in report.advice[-1]


def test_a_later_walk_compares_room_by_room() -> None:
    before = walk(stop("Hall", -48, 600), stop("Bedroom 2", -79, 38), walk_id=1)
    after = walk(stop("Hall", -48, 590), stop("Bedroom 2", -55, 410, bssid=NODE), walk_id=2)
    report = walk_report(after, before)
    assert report.compared_with == 1
    assert [c.text for c in report.changes] == [
        "Bedroom 2: 38 -> 410 Mbit/s (weak -> good) after the new node"
    ]
    assert report.to_dict()["changes"][0]["download_mbps_after"] == 410


def test_an_empty_walk_says_how_to_start() -> None:
    report = walk_report(walk())
    assert report.nodes_suggested is None and "Measure here" in report.advice[0]
    assert report.to_dict()["rooms"] == []


def test_node_key_groups_the_radios_of_one_node() -> None:
    assert node_key("50:C7:BF:8E:12:6D") == node_key("52:c7:bf:8e:12:6e")
    assert node_key("50:c7:bf:8e:12:6d") != node_key("50:c7:bf:8e:13:6d")
    assert node_key(None) is None


def test_a_node_that_serves_only_weak_rooms_is_replaced_not_kept() -> None:
    report = walk_report(walk(stop("Hall", -45, 600), stop("Garden", -80, 10, bssid=NODE)))
    assert report.nodes_seen == 2 and report.nodes_suggested == 2
