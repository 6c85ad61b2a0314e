"""Systems put together from catalog parts: add-on units, access points, PoE, switches,
and the words that name a change of answer in each front end."""

from dataclasses import replace

from router_advisor.core.answers import SCHEMA, answers_from_dict
from router_advisor.core.must_haves import Miss, miss_text
from router_advisor.core.needs import Requirements, derive_requirements
from router_advisor.core.part_prices import SFP_CONVERTER_GIGABIT, SFP_CONVERTER_MULTIGIG
from router_advisor.core.router import Router, Source
from router_advisor.core.system import System
from router_advisor.core.system_builder import build_system, index_catalog
from router_advisor.core.system_wording import parts_text, system_name, system_price
from router_advisor.core.wording import ANSWER_GUI_LABELS, answer_name

SRC = (Source(ref="test", fields=()),)


def unit(model: str, **facts: object) -> Router:
    base: dict[str, object] = dict(
        brand="Acme",
        model=model,
        kind="router",
        pack_size=1,
        wifi_generation="6",
        sources=SRC,
        wan_mbps=1000,
        lan_ports_mbps=(1000,) * 4,
        price_usd=100.0,
        system="Acme Net",
    )
    base.update(facts)
    return Router(**base)  # type: ignore[arg-type]


def home(**answers: dict) -> Requirements:
    return derive_requirements(answers_from_dict(answers))


def built(lead: Router, q: Requirements, *catalog: Router) -> System:
    return build_system(lead, q, index_catalog([lead, *catalog], q, None))


def test_three_wired_access_points_get_a_poe_switch_not_three_injectors() -> None:
    """From three PoE access points on, one PoE switch (priced) powers them all."""
    q = home(home={"size_m2": 500, "floors": 2, "cabling": "every_room"})
    assert q.nodes_needed == 4
    ap = unit("AP 1", kind="access_point", poe="in", price_usd=80.0)
    s = built(unit("Gateway", poe="none"), q, ap)
    kinds = [(c.kind, c.count) for c in s.components]
    assert kinds[:2] == [("router", 1), ("access_point", 3)]
    assert ("poe_switch", 1) in kinds and ("poe_injector", 3) not in kinds
    assert s.backhaul == "wired" and "run a cable to each" in s.placement


def test_one_access_point_gets_an_injector_unless_the_router_powers_it() -> None:
    q = home(home={"size_m2": 250, "cabling": "some_rooms"})
    ap = unit("AP 1", kind="access_point", poe="in", price_usd=80.0)
    plain = built(unit("Gateway", poe="none"), q, ap)
    assert [c.kind for c in plain.components] == ["router", "access_point", "poe_injector"]
    powered = built(unit("Gateway PoE", poe="out"), q, ap)
    assert [c.kind for c in powered.components] == ["router", "access_point"]


def test_an_access_point_is_chosen_by_the_uplink_that_carries_the_plan() -> None:
    """An access point's uplink is `wan_mbps` (its other ports are `lan_ports_mbps`): it
    passes its clients no more than that port carries, so a 2 Gbit/s plan gets the
    cheapest 2.5G-uplink access point, a 500 Mbit/s plan the cheapest of all."""
    gigabit = unit("AP 1G", kind="access_point", wan_mbps=1000, lan_ports_mbps=(), price_usd=80.0)
    fast = unit("AP 2.5G", kind="access_point", wan_mbps=2500, lan_ports_mbps=(), price_usd=150.0)
    unknown = unit("AP ?", kind="access_point", wan_mbps=None, lan_ports_mbps=(), price_usd=60.0)
    gateway = unit("Gateway", wan_mbps=10000, poe="out")

    def chosen(down_mbps: int) -> str:
        q = home(home={"size_m2": 250, "cabling": "some_rooms"}, isp={"down_mbps": down_mbps})
        s = built(gateway, q, gigabit, fast, unknown)
        return next(c.model for c in s.components if c.kind == "access_point")

    assert chosen(2000) == "AP 2.5G"
    assert chosen(500) == "AP 1G"  # an unknown uplink comes after one known to carry it
    slow_only = built(
        gateway,
        home(home={"size_m2": 250, "cabling": "some_rooms"}, isp={"down_mbps": 2000}),
        gigabit,
    )
    assert [c.model for c in slow_only.components if c.kind == "access_point"] == ["AP 1G"]


def test_a_switch_is_sized_for_the_ports_that_are_missing() -> None:
    """A switch takes one router port and one of its own: behind a 1-port router a 5-port
    switch leaves 4 ports (1 - 1 + 5 - 1), enough for 4 devices but not 5."""
    four = built(unit("One port", lan_ports_mbps=(1000,)), home(wired={"devices": 4}))
    assert [c.model for c in four.components[1:]] == ["5-port gigabit switch"]
    assert four.price_usd == 120.0
    five = built(unit("One port", lan_ports_mbps=(1000,)), home(wired={"devices": 5}))
    assert [c.model for c in five.components[1:]] == ["8-port gigabit switch"]


def test_add_on_units_are_the_cheapest_mix_and_the_name_and_parts_say_so() -> None:
    q = home(home={"size_m2": 400, "floors": 2})  # 3 nodes
    kit = unit("Kit", kind="mesh", pack_size=2, price_usd=150.0)
    node = unit("Node", kind="node", price_usd=60.0)
    single = unit("Kit", kind="mesh", pack_size=1, price_usd=90.0)
    s = built(kit, q, node, single)
    assert s.nodes == 3 and s.price_usd == 210.0
    assert system_name(s) == "Acme Kit (2-pack) + 1 x Acme Node"
    assert system_price(s) == "$210.00 for the whole system"
    assert parts_text(s) == "1 x Acme Kit (2-pack) ($150.00); 1 x Acme Node ($60.00)"


def test_an_unknown_part_price_makes_the_whole_price_unknown_and_names_the_part() -> None:
    q = home(
        home={"size_m2": 300, "floors": 2},
        isp={"line": "dsl", "handoff": "modem_needed"},
    )
    base = unit("Base", kind="modem_router", line="dsl")  # the family's only priced unit
    s = built(base, q, unit("Sat", kind="node", price_usd=None))
    assert s.price_usd is None and s.known_price_usd == 100.0
    assert s.price_unknown_parts == ("Acme Sat",)
    assert system_price(s) == "price unknown (Acme Sat)"


def test_a_change_of_answer_reads_as_the_file_key_or_the_gui_label() -> None:
    miss = Miss("budget", "$49.01 over", "budget.max_usd")
    assert miss_text(miss, "file") == "Misses your budget ($49.01 over): change [budget] max_usd."
    assert miss_text(miss, "gui") == "Misses your budget ($49.01 over): change “Budget”."


def test_every_answer_key_has_a_gui_label() -> None:
    """One vocabulary: each answers-file key has the words the desktop app shows for it."""
    keys = {f"{section}.{key}" for section, rules in SCHEMA.items() for key in rules}
    assert keys == set(ANSWER_GUI_LABELS)
    assert answer_name("isp.handoff") == "[isp] handoff"


def test_an_owned_router_heads_the_system_and_only_the_rest_is_bought() -> None:
    """They own an AiMesh-style router and need two nodes: keep it, buy one more."""
    q = derive_requirements(
        answers_from_dict(
            {"home": {"size_m2": 250, "floors": 2}, "equipment": {"owned": ["Acme Base"]}}
        )
    )
    base = unit("Base", price_usd=150.0)
    catalog = [base, unit("Node", kind="node", price_usd=70.0)]
    s = build_system(base, q, index_catalog(catalog, q, None))
    assert [(c.model, c.owned) for c in s.components] == [("Base", True), ("Node", False)]
    assert s.price_usd == 70.0 and s.nodes == 2


def test_the_same_model_bought_twice_is_one_line() -> None:
    """A single unit heading the system plus another single unit read "2 x ..."."""
    q = home(home={"size_m2": 300, "floors": 2})  # 3 nodes
    single = unit("Kit", kind="mesh", pack_size=1, price_usd=90.0)
    s = built(single, q, unit("Kit", kind="mesh", pack_size=2, price_usd=200.0))
    assert [(c.model, c.count) for c in s.components] == [("Kit", 3)]
    assert s.price_usd == 270.0 and system_name(s) == "3 x Acme Kit"


def test_several_of_one_model_are_priced_as_the_whole_system() -> None:
    """Five of one unit cost five times one: the price line, the parts and the value reason
    say the whole system's price, never the price of one unit (it read "5 x UniFi Express
    -- $149.00")."""
    from router_advisor.core.recommend import recommend

    q = home(home={"size_m2": 300, "floors": 2})  # 3 nodes
    single = unit("Kit", kind="mesh", pack_size=1, price_usd=90.0)
    s = built(single, q)
    assert [(c.model, c.count) for c in s.components] == [("Kit", 3)]
    assert system_price(s) == "$270.00 for the whole system"
    assert parts_text(s) == "3 x Acme Kit ($90.00 each)"
    rec = recommend(answers_from_dict({"home": {"size_m2": 300, "floors": 2}}), [single])
    assert "The whole system costs $270.00." in rec.shortlist[0].reasons


def test_powerline_or_moca_adapters_are_priced_into_the_system() -> None:
    """A home where powerline or MoCA adapters carry the link buys one adapter beside each
    unit: they are parts of the system with a price, so its total is honest (they were
    named in the advice but cost nothing), and their price says how old it is."""
    from router_advisor.core.part_prices import LINK_ADAPTER
    from router_advisor.core.system_wording import prices_seen

    q = home(home={"size_m2": 220, "floors": 2, "powerline_or_moca": True})
    assert q.nodes_needed == 2 and q.backhaul_need == "powerline_or_moca"
    kit = unit("Kit", kind="mesh", pack_size=2, price_usd=200.0, wired_backhaul=True)
    s = built(kit, q)
    assert s.backhaul == "powerline_or_moca"
    adapters = [c for c in s.components if c.kind == "adapter"]
    assert [(c.count, c.price_usd) for c in adapters] == [(2, LINK_ADAPTER.price_usd)]
    assert s.price_usd == 200.0 + 2 * LINK_ADAPTER.price_usd
    assert "2 x powerline or MoCA adapter (priced as MoCA 2.5)" in parts_text(s)
    assert prices_seen(s) == "Parts of any make: street price as of 2025, US"  # Acme has no date
    # A kit whose units cannot use a cable links by radio: no adapters to buy.
    radio = built(unit("Air", kind="mesh", pack_size=2, wired_backhaul=False), q)
    assert not [c for c in radio.components if c.kind == "adapter"]


def test_a_nas_on_the_one_multigig_lan_port_gets_a_multigig_switch() -> None:
    """A router whose only LAN port is 2.5G, three wired devices and a NAS: a gigabit switch
    on that port would hold the NAS to 1 Gbit/s, so the switch is a 2.5G one."""
    q = home(wired={"devices": 3, "multigig": True})
    one_port = unit("Gateway", lan_ports_mbps=(2500,), wan_mbps=10000)
    s = built(one_port, q)
    assert [c.model for c in s.components if c.kind == "switch"] == ["5-port 2.5 Gbit/s switch"]
    four_ports = unit("Four", lan_ports_mbps=(2500, 1000, 1000))
    s = built(four_ports, home(wired={"devices": 4, "multigig": True}))
    assert [c.model for c in s.components if c.kind == "switch"] == ["5-port gigabit switch"]


def test_a_system_links_as_its_weakest_unit_and_a_tri_band_kit_grows_with_tri_band_units() -> None:
    """A tri-band kit plus a dual-band router of the same family (an ASUS XT8 2-pack and an
    RT-AX86U Pro, AiMesh) was said to be "linked by a radio reserved for that": the dual-band
    unit has no such radio. Where no cable runs, the kit grows with tri-band units of its
    family, though dearer; a system that does mix them says it shares radios."""
    q = home(home={"size_m2": 300, "floors": 2})  # 3 nodes, no cable
    assert q.nodes_needed == 3 and q.backhaul_need == "dedicated_radio"
    kit = unit("Tri", kind="mesh", pack_size=2, price_usd=400.0, dedicated_backhaul=True)
    dual = unit("Dual", price_usd=150.0, dedicated_backhaul=False)
    tri = unit("Tri", kind="mesh", pack_size=1, price_usd=230.0, dedicated_backhaul=True)
    grown = built(kit, q, dual, tri)
    assert [(c.model, c.router and c.router.pack_size) for c in grown.components] == [
        ("Tri", 2),
        ("Tri", 1),
    ]
    assert grown.backhaul == "dedicated_radio" and grown.price_usd == 630.0
    # Powerline possible, so no reserved radio is asked for: the kit still grows with its
    # own model, though another unit of its family is cheaper (the system a buyer asks
    # for); where its own model is not for sale, the other unit joins, by radio.
    moca = home(home={"size_m2": 300, "floors": 2, "powerline_or_moca": True})
    assert [c.model for c in built(kit, moca, dual, tri).components] == ["Tri", "Tri"]
    mixed = built(kit, moca, dual)
    assert [c.model for c in mixed.components] == ["Tri", "Dual"]
    assert mixed.backhaul == "shared_radio"


def test_the_shopping_list_reads_in_the_order_of_the_name() -> None:
    """ "eero 6 (3-pack) + 2 x eero 6" was listed as "2 x eero 6 ...; 1 x eero 6 (3-pack)":
    the parts read kit first, as the name does."""
    q = home(home={"size_m2": 250, "floors": 2, "walls": "stone"})  # 5 nodes
    single = unit("Kit", kind="mesh", pack_size=1, price_usd=129.0)
    kit = unit("Kit", kind="mesh", pack_size=3, price_usd=279.0)
    s = built(single, q, kit)
    assert system_name(s) == "Acme Kit (3-pack) + 2 x Acme Kit"
    assert parts_text(s) == "1 x Acme Kit (3-pack) ($279.00); 2 x Acme Kit ($129.00 each)"


def test_shared_radios_over_two_hops_leave_the_far_unit_a_quarter() -> None:
    """Three units stacked on three floors link in a row: on shared radios the top one is
    two hops away and gets about a quarter of the speed, which the caveat says and the
    score weighs (one hop was all it counted); a compact home's router reaches each side."""
    from router_advisor.core.scoring.criteria import backhaul

    kit = unit("Duo", kind="mesh", pack_size=3, price_usd=279.0, dedicated_backhaul=False)
    stacked = home(home={"size_m2": 180, "floors": 3, "floor_slabs": "concrete"})
    flat = home(home={"size_m2": 400})
    assert stacked.nodes_needed == 3 and flat.nodes_needed == 3
    far = backhaul(built(kit, stacked), stacked)
    near = backhaul(built(kit, flat), flat)
    assert far.score == near.score / 2
    assert "2 hops from the router, gets about 1/4 of it" in far.caveat
    assert "hops from the router" not in near.caveat


def test_kits_of_other_models_in_one_family_are_each_built() -> None:
    """Every eero generation joins one eero network (one `system`), but an eero 7 kit is
    not an eero 6 kit: both are built, while a 2-pack plus a unit of the same model, which
    puts the same units in the home as its 3-pack, gives way to the cheaper."""
    q = home(home={"size_m2": 300, "floors": 2})
    assert q.nodes_needed == 3
    old3 = unit("Mesh 6", kind="mesh", pack_size=3, price_usd=279.0, system="eero")
    old1 = unit("Mesh 6", kind="mesh", pack_size=1, price_usd=129.0, system="eero")
    old2 = unit("Mesh 6", kind="mesh", pack_size=2, price_usd=199.0, system="eero")
    new3 = unit("Mesh 7", kind="mesh", pack_size=3, price_usd=349.0, system="eero")
    index = index_catalog([old3, old1, old2, new3], q, None)
    leads = sorted((r.model, r.pack_size) for r in index.leads)
    assert leads == [("Mesh 6", 3), ("Mesh 7", 3)]


def test_a_kit_grows_with_units_of_its_wifi_generation_or_newer() -> None:
    """A Wi-Fi 7 unit is grown with Wi-Fi 7 units of its family, not a cheaper Wi-Fi 6
    3-pack (the eero 7 was offered as 'eero 6 (3-pack) + 1 x eero 7'); a Wi-Fi 6 unit may
    take the cheapest units of its generation or newer."""
    q = home(home={"size_m2": 300, "floors": 2})
    assert q.nodes_needed == 3
    old1 = unit("Mesh 6", kind="mesh", pack_size=1, price_usd=129.0, system="eero")
    old3 = unit("Mesh 6", kind="mesh", pack_size=3, price_usd=199.0, system="eero")
    seven = {"kind": "mesh", "system": "eero", "wifi_generation": "7"}
    new1 = unit("Mesh 7", pack_size=1, price_usd=169.0, **seven)
    new2 = unit("Mesh 7", pack_size=2, price_usd=279.0, **seven)
    wifi7 = built(new1, q, old1, old3, new2)
    assert wifi7.nodes == 3
    assert [(c.model, c.count) for c in wifi7.components] == [("Mesh 7", 1), ("Mesh 7", 1)]
    wifi6 = built(old1, q, old3, new1, new2)
    assert [(c.model, c.count) for c in wifi6.components] == [("Mesh 6", 1), ("Mesh 6", 1)]


def test_a_covering_system_of_unknown_price_comes_before_units_that_leave_rooms_weak() -> None:
    """Within a budget, one covering system of known price, then single routers that cover
    a third of the home: a covering mesh of unknown price that may be within the budget
    came after all of them (score 48 below score 0), out of a top 5."""
    from router_advisor.core.recommend import rank

    q = home(home={"size_m2": 300, "floors": 2}, budget={"max_usd": 600})
    assert q.nodes_needed == 3
    kit = unit("Kit", kind="mesh", pack_size=3, price_usd=300.0, system="Kit")
    unknown = unit("Other", kind="mesh", pack_size=3, price_usd=None, system="Other")
    singles = [unit(f"Router {i}", price_usd=100.0 + i, system=None) for i in range(6)]
    ranking = rank([kit, unknown, *singles], q, top=4)
    models = [item.system.lead.model for item in ranking.shortlist]
    assert models[:2] == ["Kit", "Other"]


def test_a_shortlist_is_a_choice_not_one_family_four_times() -> None:
    """Four models of one family and Wi-Fi generation within a few points filled a top 4
    (eero 7, eero 6, eero 6+, eero Pro 6); another family's near equal gets a place, while
    a clearly weaker one does not push out a second of the family, and the chosen are shown
    by their own scores."""
    from router_advisor.core.recommend import rank

    q = home(home={"size_m2": 60})
    same = [unit(f"Mesh {i}", system="eero", price_usd=150.0 + i, wpa3=True) for i in range(4)]
    other = unit("Other", system=None, brand="Else", price_usd=150.0)
    weak = unit(
        "Weak", system=None, brand="Weak", wifi_generation="5", price_usd=150.0, wan_mbps=100
    )
    ranking = rank([*same, other, weak], q, top=3)
    models = [item.system.lead.model for item in ranking.shortlist]
    assert "Other" in models and "Weak" not in models
    assert sum(m.startswith("Mesh") for m in models) == 2
    scores = [item.score for item in ranking.shortlist]
    assert scores == sorted(scores, reverse=True)


def test_a_unit_without_an_ethernet_port_never_takes_the_cable() -> None:
    """A plug-in point with no Ethernet port (wan_mbps = 0: the eero Beacon, the Nest Wifi
    point) links by radio only. Where cable runs, a kit that takes it grows with units that
    take it too, though dearer; where none runs, the cheaper point joins. One the household
    owns joins the kit by radio, whatever its wired_backhaul says."""
    cabled = home(home={"size_m2": 250, "cabling": "some_rooms"})
    assert cabled.nodes_needed == 2 and cabled.backhaul_need == "wired"
    kit = unit("Kit", kind="mesh", price_usd=150.0, wired_backhaul=True, dedicated_backhaul=False)
    point = unit(
        "Point", kind="node", wan_mbps=0, lan_ports_mbps=(), price_usd=60.0, wired_backhaul=False
    )
    wired_node = unit("Node", kind="node", price_usd=120.0, wired_backhaul=True)
    assert point.no_ethernet and not wired_node.no_ethernet
    s = built(kit, cabled, point, wired_node)
    assert [c.model for c in s.components] == ["Kit", "Node"] and s.backhaul == "wired"
    radio_home = home(home={"size_m2": 250})
    assert [c.model for c in built(kit, radio_home, point, wired_node).components] == [
        "Kit",
        "Point",
    ]
    mislabelled = replace(point, wired_backhaul=True, dedicated_backhaul=False)  # no port still
    owns = home(home={"size_m2": 250, "cabling": "some_rooms"}, equipment={"owned": ["Point"]})
    reused = built(kit, owns, mislabelled)
    assert [(c.model, c.owned) for c in reused.components] == [("Kit", False), ("Point", True)]
    assert reused.backhaul == "shared_radio"


def test_an_sfp_hand_off_prices_a_media_converter_for_a_router_without_a_cage() -> None:
    """Fibre arriving as an SFP module needs a converter to a router with no cage: priced in,
    fast enough for the plan (an eero 7 was first with its price alone). A caged router, one
    whose cage is unknown (asked instead) or an Ethernet hand-off gets none."""
    fast = home(isp={"down_mbps": 2000, "line": "fibre", "handoff": "sfp"})
    bare = unit("Bare", sfp_ports=(), wan_mbps=2500)
    s = built(bare, fast)
    assert [(c.kind, c.model, c.price_usd) for c in s.components] == [
        ("router", "Bare", 100.0),
        ("media_converter", SFP_CONVERTER_MULTIGIG.name, SFP_CONVERTER_MULTIGIG.price_usd),
    ]
    assert s.price_usd == 100.0 + SFP_CONVERTER_MULTIGIG.price_usd
    assert "10G SFP+ to multi-gig RJ45 media converter" in system_name(s)
    gigabit = built(bare, home(isp={"down_mbps": 500, "line": "fibre", "handoff": "sfp"}))
    assert gigabit.price_usd == 100.0 + SFP_CONVERTER_GIGABIT.price_usd
    for lead, q in (
        (unit("Caged", sfp_ports=(10000,)), fast),
        (unit("Unknown cage"), fast),
        (bare, home(isp={"down_mbps": 2000, "line": "fibre"})),
    ):
        s = built(lead, q)
        assert s.is_single_box and s.price_usd == 100.0, lead.model


def test_the_media_converter_leaves_the_ports_switch_last() -> None:
    """The converter takes the Internet port, not a LAN port; the switch stays last, where
    the ports criterion looks for it."""
    q = home(isp={"down_mbps": 500, "handoff": "sfp"}, wired={"devices": 6})
    s = built(unit("Bare", sfp_ports=()), q)
    assert [c.kind for c in s.components] == ["router", "media_converter", "switch"]
