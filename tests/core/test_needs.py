"""Requirements derived from answers, a speed result and a scan."""

import pytest
from router_advisor.core.answers import answers_from_dict
from router_advisor.core.needs import derive_requirements
from router_advisor.core.scan import Device, ScanResult
from router_advisor.core.speed import SpeedResult


def speed(down: float, up: float, grade: str | None) -> SpeedResult:
    return SpeedResult(
        server=None,
        download_mbps=down,
        upload_mbps=up,
        idle_latency_ms=12.0,
        jitter_ms=2.0,
        loaded_latency_download_ms=None,
        loaded_latency_upload_ms=None,
        bufferbloat_grade=grade,
    )


def scan(*kinds: str) -> ScanResult:
    devices = [Device(ip="10.0.0.1", mac="02:00:00:00:00:01", kind="network", is_gateway=True)]
    devices += [
        Device(ip=f"10.0.0.{i + 10}", mac=f"02:00:00:00:01:{i:02x}", kind=k)
        for i, k in enumerate(kinds)
    ]
    return ScanResult(
        interface="eth0",
        cidr="10.0.0.0/24",
        gateway="10.0.0.1",
        method="arp",
        duration_s=1.0,
        devices=tuple(devices),
    )


def test_a_speed_result_overrides_the_plan_in_the_answers() -> None:
    a = answers_from_dict({"isp": {"down_mbps": 500, "up_mbps": 50}})
    assert derive_requirements(a).plan_down_mbps == 500
    q = derive_requirements(a, speed(310.0, 40.0, "A"))
    assert (q.plan_down_mbps, q.plan_source, q.bufferbloat_grade) == (310.0, "speed test", "A")


def test_no_plan_is_assumed_and_says_so() -> None:
    q = derive_requirements(answers_from_dict({}))
    assert q.plan_source == "assumed" and any("[isp] down_mbps" in n for n in q.notes)


def test_a_larger_scan_count_wins_and_reveals_consoles_and_iot() -> None:
    a = answers_from_dict({"household": {"devices": 3}})
    q = derive_requirements(a, scan=scan("phone", "console", "iot", "iot", "tv", "network"))
    assert q.clients == 6 and q.clients_source == "scan"  # every device but the router
    assert q.scan_devices == 6 and q.smart_home_devices == 2 and q.gaming
    assert any("games console" in n for n in q.notes)
    assert any(
        "the network scan found 6, not counting your router, more than the 3 you counted" in n
        for n in q.notes
    )


def test_a_larger_typed_count_is_kept_and_the_note_says_why() -> None:
    """Review item 8: the scan found 12, the person counted 22; 22 is used and said so."""
    a = answers_from_dict({"household": {"devices": 22}})
    q = derive_requirements(a, scan=scan(*["phone"] * 12))
    assert q.clients == 22 and q.clients_source == "answers" and q.scan_devices == 12
    note = next(n for n in q.notes if "connected devices" in n)
    assert note.startswith("About 22 connected devices (your count, the larger number")
    assert "found 12, not counting your router" in note and "11" not in note


def test_a_scan_alone_counts_every_device_but_the_router() -> None:
    q = derive_requirements(answers_from_dict({}), scan=scan("phone", "network"))
    assert q.clients == 2 and q.clients_source == "scan"
    assert any("(the network scan found 2, not counting your router)" in n for n in q.notes)


def test_hand_typed_speeds_are_not_called_measured() -> None:
    """Review item 6: a `speed --manual` result says "as you entered it"."""
    typed = speed(300.0, 50.0, None)
    typed = SpeedResult(**{**typed.__dict__, "manual": True})
    q = derive_requirements(answers_from_dict({}), typed)
    assert q.plan_source == "entered"
    assert any("as you entered it" in n for n in q.notes)
    assert not any("measured" in n and "not measured" not in n for n in q.notes)


def test_notes_use_plurals_and_the_unit_the_size_was_given_in() -> None:
    one = derive_requirements(answers_from_dict({"home": {"floors": 1}, "wired": {"devices": 1}}))
    text = " ".join(one.notes)
    assert "(s)" not in text and "100 m² on 1 floor with" in text
    assert "1 wired device needs LAN ports" in text
    sqft = derive_requirements(answers_from_dict({"home": {"size_sqft": 1200, "floors": 2}}))
    assert any(n.startswith("1,200 sq ft (111 m²) on 2 floors") for n in sqft.notes)
    assert sqft.area_unit == "sqft"


@pytest.mark.parametrize("grade", ["C", "F"])
def test_grade_c_and_f_read_differently(grade: str) -> None:
    a = answers_from_dict({"usage": {"gaming": True}})
    note = next(n for n in derive_requirements(a, speed(300, 20, grade)).notes if "grade" in n)
    assert ("badly" in note) == (grade == "F")


def test_devices_are_estimated_from_people_when_not_given() -> None:
    q = derive_requirements(answers_from_dict({"household": {"people": 3}}))
    assert q.clients == 24 and q.clients_source == "estimate"


@pytest.mark.parametrize(
    ("home", "mesh", "nodes"),
    [
        ({"size_m2": 45}, "auto", 1),
        ({"size_m2": 140}, "auto", 1),
        ({"size_m2": 250, "floors": 3}, "auto", 3),  # 83 m² a floor: one node per floor
        ({"size_m2": 150, "floors": 3}, "auto", 2),  # 50 m² a floor: one reaches the next
        ({"size_m2": 120, "floors": 2, "walls": "concrete"}, "auto", 2),
        ({"size_m2": 400, "floors": 2, "walls": "brick"}, "auto", 5),
        ({"size_m2": 45}, "yes", 2),
        ({"size_m2": 400, "floors": 3}, "no", 1),
    ],
)
def test_coverage_decides_one_router_or_a_mesh(home: dict, mesh: str, nodes: int) -> None:
    q = derive_requirements(answers_from_dict({"home": home, "preferences": {"mesh": mesh}}))
    assert q.nodes_needed == nodes
    assert q.wants_mesh == (mesh == "yes" or (mesh == "auto" and nodes > 1))


@pytest.mark.parametrize(
    ("down", "wan", "preferred"),
    [
        (100, 1000, 1000),
        (940, 1000, 2500),
        (1000, 1000, 2500),  # issue 11: a preference for a gigabit plan, not a must-have
        (1001, 2500, 2500),
        (2000, 2500, 2500),
        (5000, 10000, 10000),
    ],
)
def test_a_plan_over_a_gigabit_needs_a_faster_wan_port(
    down: float, wan: int, preferred: int
) -> None:
    q = derive_requirements(answers_from_dict({"isp": {"down_mbps": down}}))
    assert (q.wan_mbps_needed, q.wan_preferred_mbps) == (wan, preferred)


@pytest.mark.parametrize(
    ("usage", "grade", "need", "sqm"),
    [
        ({}, None, "none", False),
        ({}, "F", "helpful", True),
        ({"gaming": True}, None, "helpful", False),
        ({"gaming": True}, "A", "helpful", False),
        ({"gaming": True}, "D", "important", True),
        ({"video_calls": True}, "C", "important", False),
        ({"gaming": True}, "C", "important", True),
    ],
)
def test_qos_need_follows_bufferbloat_and_latency_sensitive_use(
    usage: dict, grade: str | None, need: str, sqm: bool
) -> None:
    a = answers_from_dict({"usage": usage})
    q = derive_requirements(a, speed(300, 20, grade) if grade else None)
    assert (q.qos_need, q.sqm_wanted) == (need, sqm)


def test_wifi_worth_having_follows_the_plan_and_a_multigig_lan() -> None:
    slow = derive_requirements(answers_from_dict({"isp": {"down_mbps": 100}}))
    nas = derive_requirements(
        answers_from_dict({"isp": {"down_mbps": 100}, "wired": {"multigig": True}})
    )
    assert slow.useful_wifi_mbps == 200 and nas.useful_wifi_mbps >= 2500


def test_many_smart_home_devices_raise_security_priority() -> None:
    q = derive_requirements(answers_from_dict({"household": {"smart_home_devices": 12}}))
    assert q.security_priority == "high"


def test_requirements_serialise_to_plain_json_types() -> None:
    data = derive_requirements(answers_from_dict({})).to_dict()
    assert isinstance(data["notes"], list) and data["wants_mesh"] is False


def test_a_three_floor_3000_sq_ft_house_gets_a_node_on_every_floor() -> None:
    """The README's big house (3,000 sq ft = 279 m² on three wooden floors) got 2 nodes: the
    area needs 2, and a node was counted for two floors. But a node serving two floors
    serves both floors' area (2 x 93 m², more than one node covers), and never reaches two
    floors away: one node on each floor, and the note says why."""
    import tomllib
    from pathlib import Path

    data = tomllib.loads(Path("data/examples/big-house-fibre.toml").read_text())
    q = derive_requirements(answers_from_dict(data))
    assert q.nodes_needed == 3
    assert any("one node per floor" in n for n in q.notes)
    # A compact two-storey house of the same floor size still needs no more than its area.
    small = derive_requirements(answers_from_dict({"home": {"size_m2": 120, "floors": 2}}))
    assert small.nodes_needed == 1


def test_one_router_for_two_floors_goes_between_them() -> None:
    """A two-storey home one router covers: it goes near the middle and between the floors,
    not just "up high" (the top shelf of the upper floor leaves the lower one weak)."""
    from router_advisor.core.coverage import placement

    two = derive_requirements(answers_from_dict({"home": {"size_m2": 120, "floors": 2}}))
    assert two.nodes_needed == 1
    assert "between its floors" in placement(two.home, 1)
    one = derive_requirements(answers_from_dict({"home": {"size_m2": 80}}))
    assert "between" not in placement(one.home, 1)
