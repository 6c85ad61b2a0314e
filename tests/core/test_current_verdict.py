"""Keep, tune or replace: the verdicts a network-savvy friend would give."""

from router_advisor.core.current_router import Identified, KnownRouter
from router_advisor.core.current_verdict import HomeFacts, judge

TODAY = "2026-12-01"


def _have(**facts: object) -> Identified:
    known = KnownRouter(brand="Brand", model="R1", source="test", **facts)  # type: ignore[arg-type]
    return Identified(known, "high", ("test",))


def test_a_gigabit_port_on_a_two_gigabit_plan_means_replace() -> None:
    verdict = judge(
        _have(wifi_generation="6", wan_mbps=1000),
        HomeFacts(TODAY, plan_down_mbps=2000, measured_down_mbps=938),
    )
    assert verdict.verdict == "replace"
    assert "940" in verdict.reasons[0] and "measured 938" in verdict.reasons[0]
    assert verdict.gain and "2 Gbit/s instead of about 940 Mbit/s" in verdict.gain
    assert verdict.reuse and "access point" in verdict.reuse


def test_sqm_it_already_has_turned_off_with_grade_d_means_tune() -> None:
    verdict = judge(
        _have(wifi_generation="6", wan_mbps=1000, sqm=True),
        HomeFacts(TODAY, plan_down_mbps=300, bufferbloat_grade="D", devices=15),
    )
    assert verdict.verdict == "tune"
    assert "Smart Queue Management" in verdict.tuning[0] and "grade D" in verdict.tuning[0]


def test_a_wifi_6_router_on_300_mbit_with_20_devices_is_kept() -> None:
    verdict = judge(
        _have(wifi_generation="6", wan_mbps=1000),
        HomeFacts(TODAY, plan_down_mbps=300, bufferbloat_grade="A", devices=20, size_m2=90),
    )
    assert verdict.verdict == "keep"
    assert "Wi-Fi 6" in verdict.reasons[0] and "20 devices" in verdict.reasons[0]
    assert not verdict.tuning and not verdict.questions


def test_past_its_end_of_support_means_replace_with_the_date() -> None:
    verdict = judge(
        _have(wifi_generation="6", wan_mbps=1000, end_of_support="2025-06-30"),
        HomeFacts(TODAY, plan_down_mbps=300),
    )
    assert verdict.verdict == "replace"
    assert "2025-06-30" in verdict.reasons[0]


def test_wifi_5_on_a_gigabit_plan_holds_the_laptops_back() -> None:
    verdict = judge(_have(wifi_generation="5", wan_mbps=1000), HomeFacts(TODAY, plan_down_mbps=900))
    assert verdict.verdict == "replace"
    assert "Wi-Fi 5" in verdict.reasons[0]


def test_wifi_5_is_fine_for_a_modest_line_and_few_devices() -> None:
    verdict = judge(
        _have(wifi_generation="5", wan_mbps=1000),
        HomeFacts(TODAY, plan_down_mbps=200, devices=12, bufferbloat_grade="B"),
    )
    assert verdict.verdict == "keep"


def test_bufferbloat_without_sqm_but_openwrt_support_is_tuned_with_the_risk_said() -> None:
    verdict = judge(
        _have(wifi_generation="5", wan_mbps=1000, sqm=False, adaptive_qos=False, openwrt=True),
        HomeFacts(TODAY, plan_down_mbps=100, bufferbloat_grade="F"),
    )
    assert verdict.verdict == "tune"
    assert "OpenWrt" in verdict.tuning[0] and "Risk" in verdict.tuning[0]


def test_bufferbloat_a_router_cannot_fix_means_replace() -> None:
    verdict = judge(
        _have(wifi_generation="6", wan_mbps=1000, sqm=False, adaptive_qos=False, openwrt=False),
        HomeFacts(TODAY, plan_down_mbps=100, bufferbloat_grade="D"),
    )
    assert verdict.verdict == "replace"
    assert "no queue management" in verdict.reasons[0]


def test_an_isp_box_is_told_to_go_to_bridge_mode() -> None:
    verdict = judge(
        _have(wifi_generation="6", isp="Xfinity", bridge_mode="bridge mode"),
        HomeFacts(TODAY, plan_down_mbps=300),
    )
    assert verdict.verdict == "tune"
    assert "bridge mode" in verdict.tuning[0] and "double NAT" in verdict.tuning[0]
    assert verdict.reuse is None


def test_a_laptop_on_2_4_ghz_and_a_crowded_channel_get_free_fixes() -> None:
    verdict = judge(
        _have(wifi_generation="6", wan_mbps=1000),
        HomeFacts(
            TODAY,
            plan_down_mbps=300,
            laptop_band="2.4",
            laptop_channel=6,
            busiest_channels=(6, 1),
            band_crowding=80,
        ),
    )
    assert verdict.verdict == "tune"
    assert any("5 GHz" in tip for tip in verdict.tuning)
    assert any("Channel 6" in tip for tip in verdict.tuning)


def test_a_big_home_with_a_mesh_capable_router_adds_a_node() -> None:
    verdict = judge(
        _have(wifi_generation="6", wan_mbps=1000, mesh_system="AiMesh"),
        HomeFacts(TODAY, plan_down_mbps=300, size_m2=260, floors=1),
    )
    assert verdict.verdict == "tune"
    assert "AiMesh" in verdict.tuning[0]


def test_an_unidentified_router_is_unknown_and_the_person_is_asked() -> None:
    verdict = judge(None, HomeFacts(TODAY))
    assert verdict.verdict == "unknown"
    assert "model" in verdict.questions[0]


def test_keep_without_a_plan_or_measurement_asks_for_the_speed() -> None:
    verdict = judge(_have(wifi_generation="6", wan_mbps=1000), HomeFacts(TODAY))
    assert verdict.verdict == "keep"
    assert "plan" in verdict.questions[0]


def test_grade_c_without_queue_management_is_a_tip_not_a_replacement() -> None:
    verdict = judge(
        _have(wifi_generation="6", wan_mbps=1000, sqm=False, adaptive_qos=False, openwrt=False),
        HomeFacts(TODAY, plan_down_mbps=100, bufferbloat_grade="C"),
    )
    assert verdict.verdict == "tune"
    assert "grade C" in verdict.tuning[0] and "SQM" in verdict.tuning[0]
