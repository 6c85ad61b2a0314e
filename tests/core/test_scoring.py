"""Criteria, hard limits, penalties and the deterministic order of the ranking."""

from dataclasses import replace

from router_advisor.core.answers import answers_from_dict
from router_advisor.core.needs import derive_requirements
from router_advisor.core.recommend import rank
from router_advisor.core.router import FirmwarePolicy, Management, QoS, Router, Source
from router_advisor.core.scoring import criteria as c
from router_advisor.core.scoring.limits import broken_limit
from router_advisor.core.scoring.score import explain_scored, quick_score
from router_advisor.core.scoring.weights import weights_for

SRC = (Source(ref="test", fields=()),)


def router(**facts: object) -> Router:
    base: dict[str, object] = dict(
        brand="Acme",
        model="R1",
        kind="router",
        pack_size=1,
        wifi_generation="6",
        sources=SRC,
        wifi_class="AX3000",
        wan_mbps=1000,
        lan_ports_mbps=(1000,) * 4,
        price_usd=100.0,
    )
    base.update(facts)
    return Router(**base)  # type: ignore[arg-type]


def req(**answers: dict) -> object:
    return derive_requirements(answers_from_dict(answers))


def test_hard_limits_each_name_what_broke() -> None:
    q = req(
        budget={"max_usd": 150},
        wired={"devices": 5},
        isp={"down_mbps": 2000},
        preferences={"no_cloud_account": True},
    )
    assert broken_limit(router(price_usd=151.0), q) == "budget"
    assert broken_limit(router(price_usd=None), q) == "budget"
    assert broken_limit(router(wan_mbps=2500, lan_ports_mbps=(1000,) * 4), q) == "ports"
    assert broken_limit(router(wan_mbps=1000, lan_ports_mbps=(1000,) * 5), q) == "wan"
    cloud = Management(cloud_account_required=True)
    assert (
        broken_limit(router(wan_mbps=2500, lan_ports_mbps=(1000,) * 5, management=cloud), q)
        == "cloud"
    )
    assert broken_limit(router(wan_mbps=2500, lan_ports_mbps=(1000,) * 5), q) is None


def test_coverage_and_mesh_preference_limits() -> None:
    big = req(home={"size_m2": 300, "floors": 3})
    assert broken_limit(router(), big) == "coverage"
    assert broken_limit(router(kind="mesh", pack_size=3), big) is None
    assert (
        broken_limit(router(kind="mesh", pack_size=2), req(preferences={"mesh": "no"}))
        == "mesh_preference"
    )
    assert broken_limit(router(), req(preferences={"mesh": "yes"})) == "mesh_preference"


def test_each_criterion_scores_and_explains() -> None:
    gamer = req(usage={"gaming": True})
    assert c.qos(router(qos=QoS(sqm=True)), gamer)[0] == 1.0
    assert c.qos(router(qos=QoS(sqm=False, device_priority=False)), gamer)[0] == 0.0
    assert c.qos(router(), gamer)[3] == "qos.sqm"  # unknown and it matters here
    assert c.qos(router(), req())[3] == ""  # nobody games or calls: not worth a question
    assert c.wifi(router(wifi_generation="5"), req(household={"devices": 30}))[0] < 0.3
    assert c.wan(router(wan_mbps=None), req(isp={"down_mbps": 2000}))[3] == "wan_mbps"
    assert c.value(router(price_usd=50.0), req())[0] > c.value(router(price_usd=500.0), req())[0]
    ended = router(firmware=FirmwarePolicy(automatic_updates=True, end_of_support="2024-01-01"))
    finding = c.security(ended, req(), today="2025-06-01")
    assert finding[0] == 0.0 and "ended on" in finding[2]


def test_a_flagship_on_a_slow_plan_is_called_overkill_in_plain_words() -> None:
    q = req(isp={"down_mbps": 100})
    item = quick_score(router(wifi_class="BE19000", wifi_generation="7"), q, weights_for(q))
    scored = explain_scored(item, q, weights_for(q))
    assert scored.overkill[0].startswith("A BE19000 router will not make a 100 Mbit/s plan faster")
    assert not set(scored.overkill) & set(scored.caveats)
    modest = quick_score(router(wifi_class="AX3000"), q, weights_for(q))
    assert modest.score > item.score


def test_unknown_facts_that_matter_cost_points_and_are_listed() -> None:
    q = req(usage={"gaming": True}, home={"size_m2": 300, "floors": 3})
    known = router(kind="mesh", pack_size=3, qos=QoS(sqm=True), wired_backhaul=True)
    unknown = replace(known, qos=QoS(), wired_backhaul=None)
    w = weights_for(q)
    a, b = quick_score(known, q, w), quick_score(unknown, q, w)
    assert a.score > b.score
    assert {"qos.sqm", "wired_backhaul"} <= set(explain_scored(b, q, w).unknowns)


def test_ties_break_by_price_then_key_every_time() -> None:
    q = req()
    same = [router(model="Zed"), router(model="Alpha"), router(model="Mid", price_usd=100.0)]
    cheaper = router(model="Cheap", price_usd=99.0)
    models = [*same, cheaper]
    first, _ = rank(models, q, top=4)
    second, _ = rank(list(reversed(models)), q, top=4)
    assert [s.router.model for s in first] == [s.router.model for s in second]
    assert len({s.score for s in first}) == 1  # all equal: price, then key decides
    assert [s.router.model for s in first] == ["Cheap", "Alpha", "Mid", "Zed"]


def test_ranking_counts_what_each_limit_left_out() -> None:
    q = req(budget={"max_usd": 120})
    _, excluded = rank(
        [router(price_usd=200.0), router(model="B", price_usd=None), router()], q, top=3
    )
    assert excluded == {"budget": 2}


def test_prices_read_the_same_everywhere_with_cents() -> None:
    """Review item 17: "$99.99" in the header and "$100" in the reasons disagreed."""
    q = req(budget={"max_usd": 300})
    w = weights_for(q)
    scored = explain_scored(quick_score(router(price_usd=99.99), q, w), q, w)
    assert "$99.99, within your $300.00 budget." in scored.reasons


def test_reasons_use_plurals_not_parenthesised_s() -> None:
    q = req(wired={"devices": 1})
    w = weights_for(q)
    scored = explain_scored(quick_score(router(lan_ports_mbps=(1000,)), q, w), q, w)
    assert "1 LAN port for your 1 wired device." in scored.reasons
    assert not any("(s)" in text for text in scored.reasons + scored.caveats)


def test_a_model_we_know_little_about_does_not_outrank_a_documented_one() -> None:
    """Review item 21: with no Wi-Fi class, unknown QoS, WPA3 and ports, a cheaper model
    ranked above the same model with every fact known, on the benefit of the doubt."""
    q = req()
    documented = router(
        model="Known",
        price_usd=100.0,
        wpa3=True,
        qos=QoS(device_priority=True, adaptive=False, sqm=False),
    )
    vague = replace(
        documented,
        model="Vague",
        price_usd=50.0,
        wifi_class=None,
        wpa3=None,
        qos=QoS(),
        lan_ports_mbps=None,
    )
    ranked, _ = rank([vague, documented], q, top=2)
    assert [s.router.model for s in ranked] == ["Known", "Vague"]
    assert ranked[0].score - ranked[1].score >= 5


def test_the_wifi_reason_states_the_standard_not_a_promise_about_this_model() -> None:
    """Review item 21: "Wi-Fi 6 handles your 25 devices well" was inferred from the
    generation alone."""
    q = req(household={"devices": 25})
    w = weights_for(q)
    reasons = explain_scored(quick_score(router(), q, w), q, w).reasons
    assert "Wi-Fi 6, the standard built for many devices at once (yours: about 25)." in reasons
    assert not any("handles your" in r for r in reasons)
