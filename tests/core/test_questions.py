"""Vendor questions: need-driven ones from what was measured and heard, gap-driven ones
from what the catalog does not know about the shortlisted models (one per fact, naming
the models), and the few seeds a buyer of this comfort should ask; each with its why."""

from dataclasses import replace

from router_advisor.core.answers import answers_from_dict
from router_advisor.core.needs import derive_requirements
from router_advisor.core.questions import need_questions, seed_questions, vendor_questions
from router_advisor.core.recommend import rank
from router_advisor.core.router import FirmwarePolicy, QoS, Router

from tests.core.fixture_catalog import fixture_routers
from tests.core.fixture_speed import bufferbloated_line

TODAY = "2026-12-01"


def _asked(answers: dict, routers: list[Router] | None = None, speed=None, top: int = 3):
    q = derive_requirements(answers_from_dict(answers), speed)
    shortlist = rank(routers or fixture_routers(), q, top=top, today=TODAY).shortlist
    return q, vendor_questions(q, shortlist, TODAY)


def _one(brand: str, model: str, **facts) -> Router:
    """A fixture router renamed, with `facts` replacing its own."""
    base = next(r for r in fixture_routers() if r.model == "Archer AX55")
    return replace(base, brand=brand, model=model, hardware_revision=None, **facts)


def test_the_seed_list_is_short_and_fits_the_buyers_comfort() -> None:
    """No generic filler: no "which independent reviews" (a vendor will not say), no
    device-capacity question for five devices, no warranty question when every
    shortlisted model's warranty is known; what the buyer's comfort needs instead."""
    app = derive_requirements(answers_from_dict({"household": {"devices": 5}}))
    text = " ".join(vq.question for vq in seed_questions(app))
    assert "support" in text
    assert "reviews" not in text and "How many devices" not in text and "warranty" not in text
    web = derive_requirements(answers_from_dict({"preferences": {"comfort": "web"}}))
    assert any("web page" in vq.question for vq in seed_questions(web))
    crowd = derive_requirements(answers_from_dict({"household": {"devices": 40}}))
    assert any("How many devices" in vq.question for vq in seed_questions(crowd))
    assert all(vq.why for vq in seed_questions(crowd))


def test_a_measured_bufferbloat_asks_how_to_turn_on_sqm_by_name_at_both_speeds() -> None:
    """Grade F measured: SQM named (fq_codel, CAKE) and explained, how to turn it on, on
    the shortlisted models that have it, at the measured download and upload."""
    with_sqm = replace(fixture_routers()[0], qos=QoS(sqm=True))
    _, questions = _asked({"usage": {"gaming": True}}, [with_sqm], bufferbloated_line(500))
    sqm = next(vq for vq in questions if "SQM" in vq.question)
    assert "How do I turn on SQM" in sqm.question and "fq_codel or CAKE" in sqm.question
    assert with_sqm.display_name in sqm.question
    assert "500 Mbit/s down and 20 up" in sqm.question
    assert "grade F" in sqm.why and "hardware acceleration" in sqm.why


def test_no_sqm_question_without_a_need() -> None:
    q = derive_requirements(answers_from_dict({}))
    assert not any("SQM" in vq.question for vq in need_questions(q))


def test_a_satellite_line_without_gamers_is_not_told_about_games() -> None:
    """The SQM why spoke of "each game" to a home that only takes calls."""
    q = derive_requirements(
        answers_from_dict(
            {"usage": {"video_calls": True}, "isp": {"line": "satellite", "isp_box": "router"}}
        )
    )
    sqm = next(vq for vq in need_questions(q) if "SQM" in vq.question)
    assert "game" not in sqm.why and "satellite" in sqm.why and "adapts" in sqm.why


def test_large_uploads_beside_calls_ask_about_the_upload() -> None:
    uploads = {"usage": {"video_calls": True, "large_uploads": True}, "isp": {"up_mbps": 20}}
    q = derive_requirements(answers_from_dict(uploads))
    upload = [vq for vq in need_questions(q) if "upload" in vq.question]
    assert upload and "20 Mbit/s" in upload[0].why
    q = derive_requirements(answers_from_dict({"usage": {"video_calls": True}}))
    assert not any("upload" in vq.question for vq in need_questions(q))


def test_a_fast_plan_asks_the_provider_hand_off_and_the_speed_with_features_on() -> None:
    _, questions = _asked({"isp": {"down_mbps": 2000, "up_mbps": 2000}})
    text = " ".join(vq.question for vq in questions)
    assert "Ask your provider: at what speed does the Ethernet port" in text
    assert "route 2000 Mbit/s with the firewall" in text
    _, known = _asked({"isp": {"down_mbps": 2000, "handoff_mbps": 10000}})
    assert not any("Ethernet port of its fibre box" in vq.question for vq in known)


def test_smart_home_devices_get_the_2_4_ghz_iot_and_thread_questions() -> None:
    q = derive_requirements(answers_from_dict({"household": {"smart_home_devices": 12}}))
    text = " ".join(vq.question for vq in need_questions(q))
    assert "2.4 GHz band get a network name" in text
    assert "separate network" in text and "Thread" in text
    few = derive_requirements(answers_from_dict({"household": {"smart_home_devices": 2}}))
    assert [vq.question for vq in need_questions(few)] == [
        "Can the 2.4 GHz band get a network name (SSID) of its own, for smart-home gadgets "
        "that only speak 2.4 GHz?"
    ]


def test_without_cable_the_backhaul_band_is_asked_not_cable() -> None:
    """A home that said no cable runs was asked "can the nodes be linked by cable"."""
    no_cable = {"home": {"size_m2": 260, "floors": 3, "walls": "concrete"}}
    q = derive_requirements(answers_from_dict(no_cable))
    asked = need_questions(q)
    assert not any("cable" in vq.question for vq in asked)
    band = next(vq for vq in asked if "backhaul" in vq.question)
    assert "5 GHz or 6 GHz" in band.question and "concrete" in band.why
    cabled = {"home": {"size_m2": 260, "floors": 3, "cabling": "every_room"}}
    q = derive_requirements(answers_from_dict(cabled))
    assert any("wired backhaul" in vq.question for vq in need_questions(q))


def test_the_wired_backhaul_why_names_the_floors_it_was_asked_for() -> None:
    cabled = {"home": {"size_m2": 300, "floors": 3, "cabling": "every_room"}}
    routers = [replace(r, wired_backhaul=None) for r in fixture_routers() if r.kind == "mesh"]
    _, questions = _asked(cabled, routers)
    whys = [vq.why for vq in questions if "wired backhaul" in vq.question]
    assert whys and all("3 floors" in why for why in whys)


def test_remote_access_5g_an_outbuilding_and_privacy_each_get_their_question() -> None:
    cases = {
        "CGNAT": {"usage": {"vpn": "server"}},
        "5G and 4G bands": {"isp": {"line": "lte_5g", "handoff": "modem_needed"}},
        "separate building": {"home": {"layout": "separate_building"}},
        "send to its maker": {"preferences": {"no_cloud_account": True}},
        "bridge or bypass mode": {"isp": {"isp_box": "router"}},
    }
    for words, answers in cases.items():
        q = derive_requirements(answers_from_dict(answers))
        assert any(words in vq.question for vq in need_questions(q)), words
        plain = derive_requirements(answers_from_dict({}))
        assert not any(words in vq.question for vq in need_questions(plain)), words


def test_unknown_facts_of_a_shortlisted_model_become_questions_about_it() -> None:
    routers = [r for r in fixture_routers() if r.model == "AX3000T"]
    assert routers[0].qos == QoS()  # nothing known about its QoS
    _, questions = _asked({"usage": {"gaming": True}}, routers, bufferbloated_line(300), top=1)
    gaps = [vq for vq in questions if vq.topic == "gap"]
    assert any("Xiaomi AX3000T" in vq.question and "SQM" in vq.question for vq in gaps)
    assert all(vq.why for vq in gaps)


def test_a_support_window_is_asked_from_what_the_catalog_knows() -> None:
    """ "We know its support window" was said of models whose only fact was a supported-list
    date; a known end date was asked about again. Now: until when, with the date seen; the
    end of sale where the window counts from it; nothing where the end is known."""
    listed = _one("Ubi", "Listed", firmware=FirmwarePolicy(supported_as_of="2025-06-01"))
    ended_by_sale = _one("Ee", "Sold", firmware=FirmwarePolicy(True, None, 5, "end_of_sale"))
    dated = _one("Da", "Dated", firmware=FirmwarePolicy(end_of_support="2031-01-01"))
    _, questions = _asked({}, [listed, ended_by_sale, dated], top=3)
    text = {vq.question: vq.why for vq in questions}
    until = next(q for q in text if q.startswith("Until when"))
    asked_until, asked_auto = until.split(" get security updates, and ")
    assert "Ubi Listed" in asked_until and "Dated" not in asked_until and "Sold" not in until
    assert "2025-06-01" in text[until] and "support window" not in text[until]
    assert "When did (or will) the Ee Sold stop being sold?" in text
    # One question about updates: whether they install by themselves, of the dated one.
    assert asked_auto == "does the Da Dated install them by itself?"
    assert "2031-01-01" in text[until]


def test_one_fact_unknown_on_several_models_is_one_question_naming_them() -> None:
    routers = [_one("Ubi", f"Unit {n}", firmware=FirmwarePolicy()) for n in (1, 2, 3)]
    _, questions = _asked({}, routers, top=3)
    until = [vq for vq in questions if vq.question.startswith("Until when")]
    assert len(until) == 1
    assert "the Ubi Unit 1, Ubi Unit 2 and Ubi Unit 3" in until[0].question
    assert len({vq.question for vq in questions}) == len(questions)


def test_an_unknown_price_is_asked_in_the_buyers_region_and_as_of_when() -> None:
    unpriced = _one("No", "Price", price_usd=None, regions=None)
    _, questions = _asked({"preferences": {"region": "UK"}}, [unpriced], top=1)
    assert "What does the No Price cost in the UK, and as of when?" in [
        vq.question for vq in questions
    ]


def test_an_old_or_foreign_price_is_confirmed_in_one_question() -> None:
    old = _one("Old", "Price", price_usd=99.0, price_as_of="2020-01", price_region="US")
    new = _one("New", "Price", price_usd=99.0, price_as_of="2026-06", price_region="US")
    _, questions = _asked({}, [old, new], top=2)
    confirm = [vq for vq in questions if "today?" in vq.question]
    assert len(confirm) == 1 and "Old Price ($99.00 in US, 2020-01)" in confirm[0].question
    assert "New Price" not in confirm[0].question
    _, uk = _asked({"preferences": {"region": "UK"}}, [replace(new, regions=None)], top=1)
    assert any("cost in the UK today?" in vq.question for vq in uk)


def test_subscriptions_of_shortlisted_models_are_one_question_and_nothing_repeats() -> None:
    _, questions = _asked({}, top=15)
    subs = [vq for vq in questions if "paid subscription" in vq.question]
    assert len(subs) == 1 and "HomeShield Pro is a paid plan" in subs[0].why
    assert len({vq.question for vq in questions}) == len(questions)


def test_the_subscription_question_is_asked_only_when_a_shortlisted_model_leaves_it_unknown() -> (
    None
):
    """Issue 11: ask only what we don't know and what matters."""
    known = [replace(r, subscription_features=()) for r in fixture_routers()]
    _, asked = _asked({}, known)
    assert not any("paid subscription" in vq.question for vq in asked)
    unknown = [replace(r, subscription_features=None) for r in fixture_routers()]
    _, asked = _asked({}, unknown)
    assert any("paid subscription" in vq.question for vq in asked)


def _sqm_gap_why(answers: dict, speed=None) -> str:
    routers = [r for r in fixture_routers() if r.model == "AX3000T"]
    _, questions = _asked(answers, routers, speed, top=1)
    return next(vq.why for vq in questions if vq.topic == "gap" and "SQM" in vq.question)


def test_without_a_speed_test_the_sqm_why_does_not_claim_lag() -> None:
    """Review item 5: no measurement, so no "Your connection lags under load"."""
    why = _sqm_gap_why({"usage": {"gaming": True}})
    assert "lags under load" not in why and "No speed test was run" in why
    assert "if your line lags when busy" in why


def test_a_measured_grade_c_or_worse_is_named_in_the_sqm_why() -> None:
    why = _sqm_gap_why({"usage": {"gaming": True}}, bufferbloated_line(300))
    assert "measured bufferbloat grade F" in why


def test_an_sfp_hand_off_names_the_routers_with_a_cage_or_asks_for_an_ethernet_box() -> None:
    """ "Does its SFP cage accept my module" was asked of routers the catalog knows have none."""
    sfp = {"isp": {"down_mbps": 2000, "line": "fibre", "handoff": "sfp"}}
    caged = _one("Cage", "Router", sfp_ports=(10000,))
    _, questions = _asked(sfp, [caged], top=1)
    assert any("SFP/SFP+ cage" in vq.question and "Cage Router" in vq.question for vq in questions)
    bare = _one("Bare", "Router", sfp_ports=())
    _, questions = _asked(sfp, [bare], top=1)
    assert not any("cage" in vq.question for vq in questions)
    assert any("fibre box (ONT) with an Ethernet port" in vq.question for vq in questions)


def test_a_measured_bufferbloat_asks_about_sqm_without_games_or_calls() -> None:
    """Measured lag is a need of its own: no household with grade F goes without."""
    _, questions = _asked({}, speed=bufferbloated_line(300))
    sqm = next(vq for vq in questions if vq.topic == "need" and "SQM" in vq.question)
    assert "grade F" in sqm.why


def test_the_checklist_is_cut_to_a_dozen_keeping_every_need_first() -> None:
    everything = {
        "home": {"size_m2": 260, "floors": 3, "layout": "separate_building"},
        "household": {"devices": 60, "smart_home_devices": 30},
        "usage": {
            "gamers": 3,
            "video_calls": True,
            "large_uploads": True,
            "vpn": "server",
            "separate_networks": True,
        },
        "wired": {"multigig": True},
        "isp": {"down_mbps": 2000, "up_mbps": 100, "isp_box": "router"},
        "preferences": {"no_cloud_account": True, "comfort": "web"},
    }
    q, questions = _asked(everything, speed=None, top=10)
    needs = need_questions(q, rank(fixture_routers(), q, top=10, today=TODAY).shortlist)
    assert len(questions) == max(12, len(needs))
    assert [vq.question for vq in questions[: len(needs)]] == [vq.question for vq in needs]


def test_a_nas_is_asked_only_what_the_ports_leave_open() -> None:
    """ "Is there a 2.5G LAN port not shared with the WAN?" was asked of routers whose
    ports the catalog lists; what it cannot say is whether a multi-gig WAN port can serve
    the NAS on a plan a gigabit port carries."""
    nas = {"wired": {"devices": 1, "multigig": True}, "isp": {"down_mbps": 500}}
    listed = _one("Fast", "Lan", wan_mbps=1000, lan_ports_mbps=(2500, 1000))
    _, questions = _asked(nas, [listed], top=1)
    assert not any("2.5 Gbit/s" in vq.question for vq in questions)
    combo = _one("Combo", "Port", wan_mbps=2500, lan_ports_mbps=(1000, 1000))
    _, questions = _asked(nas, [combo], top=1)
    assert any(
        "Internet (WAN) port of the Combo Port be switched to the LAN side" in vq.question
        for vq in questions
    )


def test_one_router_for_a_big_home_asks_whether_a_node_can_be_added_later() -> None:
    big = {"home": {"size_m2": 300, "floors": 2}, "preferences": {"mesh": "no"}}
    alone = _one("Lone", "Router", system=None)
    _, questions = _asked(big, [alone], top=1)
    assert any("Lone Router take a mesh node later" in vq.question for vq in questions)
    family = _one("Mesh", "Able", system="Able Mesh")
    _, questions = _asked(big, [family], top=1)
    assert not any("mesh node later" in vq.question for vq in questions)


def test_the_backhaul_band_is_asked_only_of_systems_that_have_6_ghz() -> None:
    """ "5 GHz or 6 GHz?" was asked of dual-band systems, whose link the catalog knows is 5 GHz."""
    no_cable = {"home": {"size_m2": 200, "floors": 2}}
    meshes = [r for r in fixture_routers() if r.kind == "mesh"]
    dual = [replace(r, bands=("2.4", "5")) for r in meshes]
    _, questions = _asked(no_cable, dual)
    backhaul = next(vq for vq in questions if "backhaul" in vq.question)
    assert "6 GHz" not in backhaul.question and "speed of the link" in backhaul.question
    six = [replace(r, bands=("2.4", "5", "6")) for r in meshes]
    _, questions = _asked(no_cable, six)
    backhaul = next(vq for vq in questions if "backhaul" in vq.question)
    assert "carry it on 5 GHz or 6 GHz" in backhaul.question


def test_on_a_slow_line_sqm_is_not_said_to_outrun_the_processor() -> None:
    """At 96 Mbit/s any router's processor runs SQM: no "cannot keep up with a fast plan"
    and no "does it keep 96 Mbit/s"; the question is how to turn it on."""
    with_sqm = replace(fixture_routers()[0], qos=QoS(sqm=True))
    _, questions = _asked({"usage": {"gaming": True}}, [with_sqm], bufferbloated_line(96))
    sqm = next(vq for vq in questions if "SQM" in vq.question)
    assert sqm.question == (
        "How do I turn on SQM (smart queue management, such as fq_codel or CAKE) on the "
        f"{with_sqm.display_name}?"
    )
    assert "grade F" in sqm.why and "hardware acceleration" not in sqm.why


def test_a_line_measured_at_a_gigabit_is_not_said_to_need_more_than_it() -> None:
    """ "The 930 Mbit/s your speed test measured needs more than the ~940 Mbit/s a 1 Gbit/s
    port carries" contradicted itself: about a gigabit is what such a port carries."""
    line = replace(bufferbloated_line(930), upload_mbps=900.0, bufferbloat_grade="B")
    q = derive_requirements(answers_from_dict({}), line)
    why = next(vq.why for vq in need_questions(q) if "hand over" in vq.question)
    assert "needs more than" not in why
    assert why.startswith("The 930 Mbit/s your speed test measured is about all a 1 Gbit/s")
    fast = derive_requirements(answers_from_dict({"isp": {"down_mbps": 2000}}))
    why = next(vq.why for vq in need_questions(fast) if "hand over" in vq.question)
    assert "needs more than a 1 Gbit/s port carries" in why


def test_smart_home_questions_name_the_shortlisted_models_they_differ_by() -> None:
    """Thread, an IoT network and a 2.4 GHz name differ by model: "Is it ..." of five
    shortlisted models left the buyer to guess which."""
    routers = [_one("Maker", f"Model {n}") for n in (1, 2)]
    _, questions = _asked({"household": {"smart_home_devices": 12}}, routers, top=2)
    thread = next(vq.question for vq in questions if "Thread" in vq.question)
    assert thread.startswith("Which of the Maker Model 1 and Maker Model 2 is a Thread")
    _, questions = _asked({"household": {"smart_home_devices": 12}}, routers[:1], top=1)
    assert any(vq.question.startswith("Is the Maker Model 1 a Thread") for vq in questions)


def test_a_vpn_client_and_telemetry_question_name_the_shortlisted_models() -> None:
    routers = [_one("Maker", f"Model {n}") for n in (1, 2)]
    _, questions = _asked({"usage": {"vpn": "client"}}, routers, top=2)
    assert any(
        vq.question.startswith("How fast can each of the Maker Model 1 and Maker Model 2 run")
        for vq in questions
    )
    _, questions = _asked({"preferences": {"no_cloud_account": True}}, routers[:1], top=1)
    assert any(vq.question.startswith("What does the Maker Model 1 send") for vq in questions)


def test_owned_gear_no_system_reuses_is_asked_about_as_an_access_point_where_cable_runs() -> None:
    cabled = {
        "home": {"size_m2": 200, "floors": 2, "cabling": "every_room"},
        "equipment": {"owned": ["Old Brand Router"]},
    }
    _, questions = _asked(cabled)
    assert any("Can my Old Brand Router work as an access point" in vq.question for vq in questions)
    no_cable = {**cabled, "home": {"size_m2": 200, "floors": 2}}
    _, questions = _asked(no_cable)  # another family's unit never joins a mesh by radio
    assert not any("Old Brand Router" in vq.question for vq in questions)


def test_owned_gear_without_an_ethernet_port_is_never_asked_about_a_cable() -> None:
    """A plug-in point with no Ethernet port (wan_mbps = 0, an eero Beacon) cannot be fed
    by a cable: "Can my eero Beacon work as an access point (Wi-Fi fed by a cable...)?"
    asks the impossible. Gear with a port is still asked about."""
    from router_advisor.core.recommend import recommend

    point = replace(
        _one("Plug", "Point", system="Plug Net", wan_mbps=0, lan_ports_mbps=()),
        kind="node",
        wired_backhaul=False,
    )
    cabled = {
        "home": {"size_m2": 200, "floors": 2, "cabling": "every_room"},
        "equipment": {"owned": ["Plug Point", "Old Brand Router"]},
    }
    done = recommend(answers_from_dict(cabled), [*fixture_routers(), point], today=TODAY)
    asked = " ".join(vq.question for vq in done.vendor_questions)
    assert "Can my Old Brand Router work as an access point" in asked
    assert "Plug Point" not in asked


def test_one_model_s_update_question_reads_in_the_singular() -> None:
    """ "Until when will the UniFi Express get security updates, and do they install them
    by themselves?" spoke of one router as many."""
    one = _one("Solo", "Unit", firmware=FirmwarePolicy(supported_as_of="2025-06-01"))
    _, questions = _asked({}, [one], top=1)
    assert (
        "Until when will the Solo Unit get security updates, and does it install them by "
        "itself?" in [vq.question for vq in questions]
    )


def test_sqm_is_asked_once_of_a_model_whose_sqm_is_unknown() -> None:
    """Measured lag, a shortlisted model whose SQM the catalog does not know: "Does it have
    SQM?" came twice, once from the need and once from the gap."""
    unknown = _one("Maybe", "Sqm", qos=QoS())
    _, questions = _asked({}, [unknown], bufferbloated_line(300), top=1)
    sqm = [vq for vq in questions if "SQM" in vq.question]
    assert len(sqm) == 1 and "Maybe Sqm" in sqm[0].question and "grade F" in sqm[0].why


def test_concrete_floors_are_named_in_the_6_ghz_warning() -> None:
    """A townhouse with concrete floors was warned about its walls only (drywall: nothing)."""
    q = derive_requirements(
        answers_from_dict({"home": {"size_m2": 180, "floors": 3, "floor_slabs": "concrete"}})
    )
    band = next(vq for vq in need_questions(q) if "backhaul" in vq.question)
    assert "Your concrete floors make that worse" in band.why
