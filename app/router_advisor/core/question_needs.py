"""Questions this household's own answers and measurements raise, each only where it
matters, naming the shortlisted models where the answer differs by model, and explaining
each technical word the first time it is used. Returned as (question, why) pairs in the
order that decides a purchase: will it work on this line at all, then what was measured
and heard (lag, speed, nodes), then the smart-home, remote-access and privacy needs.
"""

from collections.abc import Sequence

from router_advisor.core.need_notes import BAD_BUFFERBLOAT, MEDIOCRE_BUFFERBLOAT
from router_advisor.core.needs import VARIABLE_LINES, Requirements
from router_advisor.core.question_gaps import names_of
from router_advisor.core.scoring.score import Scored

Pair = tuple[str, str]

SQM_WORDS = "SQM (smart queue management, such as fq_codel or CAKE)"
# Below this a home router's processor shapes the line with SQM even without hardware
# acceleration; above it many cannot (OpenWrt's SQM guide: CAKE on a typical consumer
# router's CPU tops out between about 300 and 500 Mbit/s), so only then is speed asked.
SQM_CPU_MBPS = 300
ACCELERATION_WORDS = (
    "on many routers it turns off hardware acceleration (the chip's fast path) and then "
    "cannot keep up with a fast plan"
)


def _leads(shortlist: Sequence[Scored]) -> list[str]:
    """The shortlisted lead units' names, each once."""
    return [item.router.display_name for item in _first_items(shortlist)]


def line_questions(q: Requirements, shortlist: Sequence[Scored] = ()) -> list[Pair]:
    """Will it work on this line at all: the modem, the fibre module, the provider's box."""
    out: list[Pair] = []
    if q.modem_needed and q.line in ("unknown", "dsl", "cable"):
        detail = {
            "dsl": "VDSL2 profile (e.g. 35b) and vectoring, the DSL standards your line uses,",
            "cable": "DOCSIS version (the cable-modem standard, e.g. DOCSIS 3.1)",
        }.get(q.line, "line standard")
        out.append(
            (
                f"Which {detail} does the built-in modem support, and is it on my "
                "provider's approved list?",
                "A modem-router must match your line exactly, or it will not connect.",
            )
        )
    if q.modem_needed and q.line == "lte_5g":
        out.append(
            (
                "Which 5G and 4G bands does its modem support, and does it work with my "
                "carrier's SIM (unlocked and approved)?",
                "A 5G router connects only on the bands and carriers it supports; check your "
                "carrier's bands where you live before buying.",
            )
        )
    if q.handoff == "sfp":
        caged = [
            item.router.display_name for item in _first_items(shortlist) if item.router.sfp_ports
        ]
        if caged:
            out.append(
                (
                    f"Does the SFP/SFP+ cage (the slot for a plug-in fibre module) of "
                    f"{names_of(caged)} accept my provider's module, and does the provider "
                    "allow its module in my own router?",
                    "Your fibre arrives as such a module; not every cage takes every module, "
                    "and some providers lock theirs to their own box.",
                )
            )
        else:
            out.append(
                (
                    "Ask your provider: can I have a fibre box (ONT) with an Ethernet port "
                    "instead of the plug-in fibre module (SFP)?",
                    "Your fibre arrives as a module for an SFP slot, and no shortlisted router "
                    "has one: the module needs a box that turns it into Ethernet.",
                )
            )
    if q.isp_box == "router" or q.line == "satellite":
        who = "satellite" if q.line == "satellite" else "provider's"
        out.append(
            (
                f"Ask your provider: does the {who} router have a bridge or bypass mode, and "
                "does the new router work behind it?",
                "Two routers in a row (double NAT: each hides the network behind it) break "
                "games, calls and port forwarding; bypass mode lets your new router do the "
                "routing.",
            )
        )
    fast = q.wan_mbps_needed > 1000 or q.wan_preferred_mbps > 1000
    if fast and q.handoff == "ethernet" and q.handoff_mbps is None:
        out.append(
            (
                "Ask your provider: at what speed does the Ethernet port of its fibre box or "
                "modem hand over (1, 2.5 or 10 Gbit/s)?",
                _handoff_why(q),
            )
        )
    return out


def _handoff_why(q: Requirements) -> str:
    """Why the provider's hand-off speed matters: a plan past a gigabit port, or one about
    what such a port carries (a test that measured ~940 may be the port, not the plan)."""
    port = "a 1 Gbit/s port carries (~940 Mbit/s)"
    helps = (
        "a faster Internet (WAN) port on the router helps only if the provider's box hands "
        "over faster than 1 Gbit/s too."
    )
    if q.wan_mbps_needed > 1000:
        return f"{_capital(q.plan_words)} needs more than {port}; {helps}"
    stuck = (
        ", so a test can stop there because of a port on the way"
        if q.plan_source == "speed test"
        else ""
    )
    return f"{_capital(q.plan_words)} is about all {port}{stuck}; {helps}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sqm_why(q: Requirements) -> str:
    grade = q.bufferbloat_grade
    fix = "SQM paces traffic just under the line's speed so the queue stays short" + (
        f", but {ACCELERATION_WORDS}." if q.plan_down_mbps > SQM_CPU_MBPS else "."
    )
    if grade in BAD_BUFFERBLOAT or grade in MEDIOCRE_BUFFERBLOAT:
        return (
            f"Your speed test measured bufferbloat grade {grade}: the delay grows when the "
            f"line is busy, so calls stutter and games lag while anyone downloads or "
            f"uploads. {fix}"
        )
    if q.line in VARIABLE_LINES:
        line = "satellite" if q.line == "satellite" else "mobile (4G/5G)"
        return (
            f"A {line} line's speed changes from minute to minute and its modem queues "
            "deeply, so calls lag when it is busy; SQM set to one fixed speed either wastes "
            "speed or lets the lag back in: ask whether it adapts (e.g. cake-autorate)."
        )
    if q.gamers > 1:
        return f"With {q.gamers} people gaming at once, lag under load is what spoils games. {fix}"
    return f"You game or take calls, and lag under load is what spoils them. {fix}"


def performance_questions(q: Requirements, shortlist: Sequence[Scored]) -> list[Pair]:
    """What was measured and heard: lag under load, the upload, a multi-gig plan."""
    out: list[Pair] = []
    uploads = q.large_uploads and (q.video_calls or q.gaming)
    speeds = f"{q.plan_down_mbps:.0f} Mbit/s down and {q.plan_up_mbps:.0f} up"
    with_sqm = [item.router.display_name for item in _first_items(shortlist) if item.router.qos.sqm]
    # With a shortlist, SQM is asked of the models that have it; one whose SQM is unknown
    # gets the catalog-gap question, and "none" is a caveat on its card, not a question.
    if (q.sqm_wanted or q.qos_need == "important") and (with_sqm or not shortlist):
        fast = q.plan_down_mbps > SQM_CPU_MBPS
        speed = f", and does it keep {speeds} with it on" if fast else ""
        both = (
            (" in both directions" if fast else ", and does it pace the upload too")
            if uploads
            else ""
        )
        turn_on = (
            f"How do I turn on {SQM_WORDS} on {names_of(with_sqm)}"
            if with_sqm
            else f"Does it have {SQM_WORDS}, and how do I turn it on"
        )
        question = f"{turn_on}{speed}{both}?"
        why = _sqm_why(q)
        if uploads:
            why += (
                f" You send large files: pacing the {q.plan_up_mbps:.0f} Mbit/s upload too "
                "keeps a backup from freezing your calls."
            )
        out.append((question, why))
    elif uploads:
        out.append(
            (
                "Can its QoS (traffic priority) pace the upload, so a large upload does not "
                "freeze a video call or game?",
                f"Your upload is {q.plan_up_mbps:.0f} Mbit/s; a backup or video upload fills "
                "it and adds seconds of delay to everything else unless the router paces it.",
            )
        )
    if q.wan_mbps_needed > 1000:
        leads = _leads(shortlist)[:3]
        who = f"{'Do' if len(leads) > 1 else 'Does'} {names_of(leads)}" if leads else "Does it"
        out.append(
            (
                f"{who} route {q.plan_down_mbps:.0f} Mbit/s with the firewall, QoS (traffic "
                "priority) and security filters on?",
                "Box speeds are measured with every feature off. One wired device also needs "
                "a 2.5 Gbit/s or faster LAN port (or Wi-Fi 7) to see more than ~940 Mbit/s "
                "of your plan.",
            )
        )
    return out


def _first_items(shortlist: Sequence[Scored]) -> list[Scored]:
    """One shortlisted system per lead name, in the order of _leads."""
    seen: dict[str, Scored] = {}
    for item in shortlist:
        seen.setdefault(item.router.display_name, item)
    return list(seen.values())


def backhaul_questions(q: Requirements, shortlist: Sequence[Scored]) -> list[Pair]:
    """How the nodes link, asked whenever the home needs more than one: about what the
    catalog cannot know (the band, the link's health, whether cable is used by itself)."""
    if q.nodes_needed <= 1:
        return []
    nodes = f"{q.nodes_needed} nodes"
    if q.backhaul_need == "wired":
        meshes = [
            item.router.display_name
            for item in _first_items(shortlist)
            if item.system.nodes > 1
            and not any(c.kind == "access_point" for c in item.system.components)
        ]
        if not meshes and shortlist:
            return []  # wired access points: the cable is their only link
        floors = f" on all {q.floors} floors" if q.floors > 1 else ""
        return [
            (
                f"Do the nodes of {names_of(meshes) if meshes else 'the system'} use the "
                "Ethernet cable as the link between them (wired backhaul) by themselves, or "
                "must it be turned on?",
                f"Ethernet runs between your rooms: linked by cable, every node keeps full "
                f"speed{floors}. Some systems keep using Wi-Fi until told otherwise.",
            )
        ]
    if q.backhaul_need == "powerline_or_moca":
        return [
            (
                "Can each node use a powerline or MoCA adapter as its backhaul (the link "
                "between nodes), with an Ethernet port free on every node?",
                f"Powerline (the mains wiring) or MoCA (the TV coax) could link your {nodes} "
                "near cable speed, which a radio link loses through walls and floors.",
            )
        ]
    solid = [f"{q.walls} walls"] if q.walls in ("stone", "concrete", "brick") else []
    if q.home.floor_slabs == "concrete" and q.floors > 1:
        solid.append("concrete floors")
    walls = (
        f" Your {' and '.join(solid)} make that worse: ask whether it can be kept on 5 GHz."
        if solid
        else ""
    )
    radio = f"No cable runs between your rooms, so your {nodes} link by radio"
    six = "6 GHz is faster but passes walls and floors worse than 5 GHz"
    if not shortlist:
        return [
            (
                "Which band carries the link between the nodes (the backhaul): 5 GHz or "
                "6 GHz, and does the app or web page show that link's speed so I can place "
                "each node?",
                f"{radio}; {six}.{walls}",
            )
        ]
    sixes = [  # systems whose every unit has a 6 GHz radio: which band links them is open
        item.router.display_name
        for item in _first_items(shortlist)
        if item.system.nodes > 1
        and all("6" in (c.router.bands or ()) for c in item.system.components if c.router)
    ]
    does = "do" if len(sixes) > 1 else "does"
    band = f", and {does} {names_of(sixes)} carry it on 5 GHz or 6 GHz" if sixes else ""
    return [
        (
            "Does the app or web page show the speed of the link between the nodes (the "
            f"backhaul), so I can place each node where that link stays fast{band}?",
            f"{radio}, and a node placed too far gets a slow link that every device behind it "
            f"shares." + (f" {_capital(six)}.{walls}" if sixes else ""),
        )
    ]


def _which(shortlist: Sequence[Scored], alone: str, one: str, several: str) -> str:
    """A question about something that differs by model, naming the shortlisted ones:
    `alone` without a shortlist, `one` ("Can {names} ...") for one model, `several`
    ("Which of {names} can ...") for more."""
    leads = _leads(shortlist)
    if not leads:
        return alone
    return (several if len(leads) > 1 else one).format(names=names_of(leads))


def home_questions(q: Requirements, shortlist: Sequence[Scored] = ()) -> list[Pair]:
    """The smart-home, remote-access, outbuilding and privacy needs; where the answer
    differs by model (a 2.4 GHz name of its own, an IoT network, Thread), naming them."""
    out: list[Pair] = []
    smart = q.smart_home_devices
    if smart:
        out.append(
            (
                _which(
                    shortlist,
                    "Can the 2.4 GHz band get a network name (SSID) of its own, for "
                    "smart-home gadgets that only speak 2.4 GHz?",
                    "Can {names} give the 2.4 GHz band a network name (SSID) of its own, for "
                    "smart-home gadgets that only speak 2.4 GHz?",
                    "Which of {names} can give the 2.4 GHz band a network name (SSID) of its "
                    "own, for smart-home gadgets that only speak 2.4 GHz?",
                ),
                f"Many of your {smart} plugs, bulbs and sensors can only join 2.4 GHz and "
                "often fail to set up on a network that mixes bands under one name.",
            )
        )
    if smart >= 10 or q.separate_networks:
        out.append(
            (
                _which(
                    shortlist,
                    "Can I put smart-home devices on a separate network (an IoT or guest "
                    "network) that cannot reach my computers?",
                    "Can {names} put smart-home devices on a separate network (an IoT or "
                    "guest network) that cannot reach my computers?",
                    "Which of {names} can put smart-home devices on a separate network (an "
                    "IoT or guest network) that cannot reach my computers?",
                ),
                f"{smart} smart-home gadgets are the devices least likely to get security "
                "fixes; keeping them apart protects your computers."
                if smart >= 10
                else "You want smart-home devices or guests on a network of their own.",
            )
        )
    if smart >= 10:
        out.append(
            (
                _which(
                    shortlist,
                    "Is it a Thread border router or Matter controller, or do I need a hub?",
                    "Is {names} a Thread border router or Matter controller, or do I need a hub?",
                    "Which of {names} is a Thread border router or Matter controller, or do "
                    "I need a hub?",
                ),
                "New smart-home gadgets speak Thread and Matter (the new common smart-home "
                "standards); a router that is their border router saves a separate hub.",
            )
        )
    plan = f"{q.plan_down_mbps:.0f} Mbit/s"
    if q.vpn == "client":
        out.append(
            (
                _which(
                    shortlist,
                    f"How fast can it run a WireGuard or OpenVPN client, and does it reach {plan}?",
                    "How fast can {names} run a WireGuard or OpenVPN client, and does it "
                    f"reach {plan}?",
                    "How fast can each of {names} run a WireGuard or OpenVPN client, and "
                    f"which reach {plan}?",
                ),
                "A VPN client on the router encrypts every packet; most home routers manage "
                "a fraction of a fast plan.",
            )
        )
    if q.vpn == "server":
        out.append(
            (
                "Ask your provider: do I get a public IPv4 address, or do I share one with "
                "other customers (CGNAT)?",
                "A VPN server at home can be reached from outside only at an address of its "
                "own; behind a shared one (CGNAT) it needs IPv6 or a relay service.",
            )
        )
    if q.home.layout == "separate_building":
        out.append(
            (
                "Can a node reach the separate building through the outside walls, or do I "
                "need an outdoor-rated node, a cable, or a pair of outdoor radios aimed at each "
                "other (a point-to-point link)?",
                "Outside walls and the gap between buildings stop Wi-Fi more than any inner "
                "wall; the node there needs a link that holds up.",
            )
        )
    if q.no_cloud_account:
        out.append(
            (
                _which(
                    shortlist,
                    "What does it send to its maker (usage data, the list of my devices), and "
                    "can I turn that off?",
                    "What does {names} send to its maker (usage data, the list of my "
                    "devices), and can I turn that off?",
                    "What do {names} each send to their makers (usage data, the list of my "
                    "devices), and can I turn that off?",
                ),
                "You want no account with the maker; some routers report to the cloud anyway.",
            )
        )
    return out


def unit_questions(
    q: Requirements, shortlist: Sequence[Scored], radio_only: Sequence[str] = ()
) -> list[Pair]:
    """What the catalog cannot say about the shortlisted units themselves: whether a
    multi-gig Internet port can serve the NAS instead, whether owned gear no system reuses
    can serve as an access point (not gear in `radio_only`: without an Ethernet port it
    takes no cable), and whether one router asked for in a home that needs more can take
    a node later."""
    out: list[Pair] = []
    leads = [item.router for item in _first_items(shortlist)]
    if q.multigig_lan and q.wan_preferred_mbps <= 1000:
        combo = [
            r.display_name
            for r in leads
            if (r.wan_mbps or 0) >= 2500 and (r.max_lan_mbps or 0) < 2500
        ]
        if combo:
            out.append(
                (
                    f"Can the 2.5 Gbit/s Internet (WAN) port of {names_of(combo)} be switched "
                    "to the LAN side for my NAS or PC, with a 1 Gbit/s port as the WAN?",
                    "Your plan fits a gigabit port; on some routers the one multi-gig port "
                    "can serve either side, which gives your NAS its fast link for free.",
                )
            )
    # Gear of another family never joins a mesh as a node, but fed by a cable (or
    # powerline/MoCA) most routers and mesh units work as an access point beside any system.
    reused = {c.name.lower() for item in shortlist for c in item.system.components if c.owned}
    if q.backhaul_need in ("wired", "powerline_or_moca"):
        for gear in q.owned:
            if gear in radio_only:
                continue
            if shortlist and not any(gear.lower() in name for name in reused):
                out.append(
                    (
                        f"Can my {gear} work as an access point (Wi-Fi fed by a cable from "
                        "the new router) beside the new system, and how is it switched to "
                        "that mode?",
                        f"You already own the {gear}, and no shortlisted system uses it; "
                        "as an access point it covers a room without buying another unit.",
                    )
                )
    if q.one_router_stretched:
        alone = [r.display_name for r in leads if r.system is None]
        if alone:
            out.append(
                (
                    f"Can {names_of(alone)} take a mesh node later, and which one, if the far "
                    "end of the house stays weak?",
                    "One router covers less than your home needs; a node of the same family "
                    "is the cheapest fix if the far rooms turn out weak.",
                )
            )
    return out
