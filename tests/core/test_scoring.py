"""Criteria, must-haves, penalties and the deterministic order of the ranking."""

from dataclasses import replace

from router_advisor.core.answers import answers_from_dict
from router_advisor.core.must_haves import misses_of
from router_advisor.core.needs import Requirements, derive_requirements
from router_advisor.core.recommend import rank
from router_advisor.core.router import FirmwarePolicy, Management, QoS, Router, Source
from router_advisor.core.scoring import criteria as c
from router_advisor.core.scoring import router_criteria as rc
from router_advisor.core.scoring.criteria import Market
from router_advisor.core.scoring.score import explain_scored, quick_score
from router_advisor.core.scoring.weights import weights_for
from router_advisor.core.system import System
from router_advisor.core.system_builder import build_system, for_sale_problem, index_catalog

SRC = (Source(ref="test", fields=()),)
MARKET = Market(150.0, 10)


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


def req(**answers: dict) -> Requirements:
    return derive_requirements(answers_from_dict(answers))


def system(r: Router, q: Requirements, *catalog: Router) -> System:
    return build_system(r, q, index_catalog([r, *catalog], q, None))


def scored(r: Router, q: Requirements, market: Market = MARKET):
    w = weights_for(q)
    return explain_scored(quick_score(system(r, q), q, w, market), q, w, market)


def test_must_haves_are_only_a_known_price_over_budget_and_stated_wishes() -> None:
    q = req(
        budget={"max_usd": 150},
        wired={"devices": 5},
        isp={"down_mbps": 2000},
        preferences={"no_cloud_account": True},
    )
    over = misses_of(system(router(price_usd=151.0), q), q)
    assert [(m.must_have, m.by, m.change) for m in over] == [
        ("budget", "$21.00 over", "budget.max_usd")  # $151 + a $20 switch for 5 devices
    ]
    assert misses_of(system(router(price_usd=None), q), q) == ()  # unknown is not over
    # Too few ports and a slow WAN port are weighed, never a must-have.
    assert misses_of(system(router(lan_ports_mbps=(1000,) * 2, wan_mbps=1000), q), q) == ()
    cloud = misses_of(system(router(management=Management(cloud_account_required=True)), q), q)
    assert [m.change for m in cloud] == ["preferences.no_cloud_account"]


def test_too_few_ports_add_a_priced_switch_to_the_system() -> None:
    q = req(wired={"devices": 5})
    s = system(router(lan_ports_mbps=(1000,) * 3, price_usd=100.0), q)
    switch = [x for x in s.components if x.kind == "switch"]
    assert len(switch) == 1 and switch[0].price_usd is not None
    assert s.price_usd == 100.0 + switch[0].price_usd


def test_the_mesh_preference_is_a_must_have_with_the_answer_to_change() -> None:
    kit = router(kind="mesh", pack_size=2, system="Kit")
    [miss] = misses_of(
        system(kit, req(preferences={"mesh": "no"})), req(preferences={"mesh": "no"})
    )
    assert miss.must_have == "mesh" and miss.change == "preferences.mesh"
    assert misses_of(
        system(router(), req(preferences={"mesh": "yes"})), req(preferences={"mesh": "yes"})
    )


def test_each_criterion_scores_and_explains() -> None:
    gamer = req(usage={"gaming": True})
    assert rc.qos(router(qos=QoS(sqm=True)), gamer).score == 1.0
    assert rc.qos(router(qos=QoS(sqm=False, device_priority=False)), gamer).score == 0.0
    assert rc.qos(router(), gamer).unknown == "qos.sqm"  # unknown and it matters here
    assert rc.qos(router(), req()).unknown == ""  # nobody games or calls: not worth a question
    assert rc.wifi(router(wifi_generation="5"), req(household={"devices": 30})).score < 0.3
    assert rc.wan(router(wan_mbps=None), req(isp={"down_mbps": 2000})).unknown == "wan_mbps"
    q = req()
    cheap, dear = system(router(price_usd=50.0), q), system(router(price_usd=500.0), q)
    assert c.value(cheap, q, MARKET).score > c.value(dear, q, MARKET).score


def test_a_model_past_its_end_of_support_is_not_for_sale() -> None:
    ended = router(firmware=FirmwarePolicy(automatic_updates=True, end_of_support="2024-01-01"))
    assert for_sale_problem(ended, req(), today="2025-06-01") == "end_of_support"
    assert for_sale_problem(ended, req(), today="2023-06-01") is None


def test_a_known_support_date_is_a_reason_with_the_date() -> None:
    fw = FirmwarePolicy(automatic_updates=True, end_of_support="2030-06-30")
    reasons = scored(router(firmware=fw), req()).reasons
    assert (
        "Security updates until 2030-06-30 (the vendor's date). "
        "Installs security updates automatically." in reasons
    )


def test_a_flagship_on_a_slow_plan_is_called_overkill_in_plain_words() -> None:
    q = req(isp={"down_mbps": 100})
    item = scored(router(wifi_class="BE19000", wifi_generation="7"), q)
    assert item.overkill[0].startswith("A BE19000 system will not make your 100 Mbit/s plan faster")
    assert not set(item.overkill) & set(item.caveats)
    assert scored(router(wifi_class="AX3000"), q).score > item.score


def test_an_unknown_wifi_class_does_not_exempt_a_dear_kit_from_the_overkill_check() -> None:
    q = req(isp={"down_mbps": 100})
    dear = scored(router(wifi_class=None, wifi_generation="7", price_usd=1000.0), q)
    assert any("more than twice the $150.00" in note for note in dear.overkill)


def test_unknown_facts_that_matter_cost_points_and_are_listed() -> None:
    q = req(usage={"gaming": True}, home={"size_m2": 300, "floors": 3, "cabling": "some_rooms"})
    known = router(kind="mesh", pack_size=3, qos=QoS(sqm=True), wired_backhaul=True)
    unknown = replace(known, qos=QoS(), wired_backhaul=None)
    a, b = scored(known, q), scored(unknown, q)
    assert a.score > b.score
    assert {"qos.sqm", "wired_backhaul"} <= set(b.unknowns)


def test_ties_break_by_price_then_key_every_time() -> None:
    q = req()
    same = [router(model="Zed"), router(model="Alpha"), router(model="Mid", price_usd=100.0)]
    cheaper = router(model="Cheap", price_usd=99.0)
    models = [*same, cheaper]
    first = rank(models, q, top=4).shortlist
    second = rank(list(reversed(models)), q, top=4).shortlist
    assert [s.router.model for s in first] == [s.router.model for s in second]
    assert [s.router.model for s in first][1:] == ["Alpha", "Mid", "Zed"]


def test_ranking_counts_what_is_not_for_sale_and_what_meets_the_must_haves() -> None:
    q = req(budget={"max_usd": 120})
    ranking = rank(
        [
            router(price_usd=200.0),
            router(model="B", price_usd=None),
            router(model="Old", discontinued=True),
            router(model="Trip", kind="travel"),
            router(),
        ],
        q,
        top=3,
    )
    assert ranking.excluded == {"discontinued": 1, "travel": 1}
    assert ranking.fits == 2 and not ranking.closest_fits
    assert {s.router.model for s in ranking.shortlist} == {"R1", "B"}


def test_prices_read_the_same_everywhere_with_cents() -> None:
    """Review item 17: "$99.99" in the header and "$100" in the reasons disagreed."""
    item = scored(router(price_usd=99.99), req(budget={"max_usd": 300}))
    assert "Costs $99.99, within your $300.00 budget." in item.reasons


def test_reasons_use_plurals_not_parenthesised_s() -> None:
    item = scored(router(lan_ports_mbps=(1000,)), req(wired={"devices": 1}))
    assert "1 LAN port for your 1 wired device." in item.reasons
    assert not any("(s)" in text for text in item.reasons + item.caveats)


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
    ranked = rank([vague, documented], q, top=2).shortlist
    assert [s.router.model for s in ranked] == ["Known", "Vague"]
    assert ranked[0].score - ranked[1].score >= 5


def test_the_wifi_reason_states_the_standard_not_a_promise_about_this_model() -> None:
    """Review item 21: "Wi-Fi 6 handles your 25 devices well" was inferred from the
    generation alone."""
    reasons = scored(router(), req(household={"devices": 25})).reasons
    assert "Wi-Fi 6, the standard built for many devices at once (yours: about 25)." in reasons
    assert not any("handles your" in r for r in reasons)


def test_a_measured_speed_is_not_called_a_plan() -> None:
    """Issue 15: "carries your full 96 Mbit/s plan" was said of a measured speed."""
    from router_advisor.core.speed import SpeedResult

    measured = SpeedResult(None, 96.0, 20.0, 12.0, 1.0, None, None, "A")
    q = derive_requirements(answers_from_dict({}), measured)
    reasons = scored(router(), q).reasons
    assert (
        "Its 1 Gbit/s Internet port carries the 96 Mbit/s your speed test measured in full."
        in reasons
    )
    assert not any("plan" in text for text in reasons)
