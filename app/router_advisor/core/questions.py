"""Questions to ask a vendor before buying, each with why it matters for this household.

Three sources: questions driven by this home's needs, questions about facts the catalog
does not know for a shortlisted model, and the few every buyer should ask that no catalog
knows. Ask only what we don't know and what matters here (issue 11).
"""

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from router_advisor.core.needs import Requirements
from router_advisor.core.scoring.score import Scored
from router_advisor.core.wording import plural


@dataclass(frozen=True)
class VendorQuestion:
    question: str
    why: str
    topic: str  # "seed" | "need" | "gap"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def seed_questions(q: Requirements, shortlist: Sequence[Scored] = ()) -> list[VendorQuestion]:
    """What every buyer should ask that no catalog knows (real capacity, support, reviews,
    ease of use), plus the warranty when a shortlisted system's is unknown; facts the
    catalog does know are reasons on the cards, not questions (issue 11)."""
    devices = f"{q.clients} devices" + (
        f", {q.smart_home_devices} of them smart-home gadgets" if q.smart_home_devices else ""
    )
    ease = {
        "app": "You prefer a phone app; some apps hide settings you may need later.",
        "web": "You prefer a web page; some systems can only be set up with an app.",
        "prosumer": "You want fine control; check the settings you rely on are there.",
    }[q.comfort]
    out = [
        VendorQuestion(
            "How easy is the app or web interface to use, and what can only be set in one of them?",
            ease,
            "seed",
        ),
        VendorQuestion(
            "How many devices can be connected at once before it slows down?",
            f"Your home has about {devices}, and that number tends to grow.",
            "seed",
        ),
        VendorQuestion(
            "How do I reach customer support, and is it free for the life of the product?",
            "When the Internet is down, you need help fast.",
            "seed",
        ),
        VendorQuestion(
            "Which independent reviews have tested this model's real range and speed?",
            "Box numbers are lab maximums; independent tests show what a home like yours will get.",
            "seed",
        ),
    ]
    if not shortlist or any(item.router.warranty_years is None for item in shortlist):
        out.append(
            VendorQuestion(
                "How long is the warranty, and what does it cover?",
                "A router runs day and night for years; a longer warranty shows "
                "the maker's confidence.",
                "seed",
            )
        )
    return out


def need_questions(q: Requirements) -> list[VendorQuestion]:
    """Questions this household's own needs raise, each only where it matters."""
    out: list[VendorQuestion] = []
    plan = f"{q.plan_down_mbps:.0f} Mbit/s"
    if q.sqm_wanted or q.qos_need == "important":
        grade = f"grade {q.bufferbloat_grade}" if q.bufferbloat_grade else "lag under load"
        games = f"{q.gamers} people gaming at once" if q.gamers > 1 else grade
        out.append(
            VendorQuestion(
                f"Does SQM/QoS keep working at {plan} with hardware acceleration on?",
                f"Your connection has bufferbloat ({grade}); on many routers SQM turns off "
                "hardware acceleration and then cannot keep up with a fast plan."
                if q.bufferbloat_grade
                else f"With {games}, SQM is what keeps each game smooth; on many routers it "
                "turns off hardware acceleration and then cannot keep up with a fast plan.",
                "need",
            )
        )
    if q.nodes_needed > 1:
        out.extend(_backhaul_questions(q))
    if q.wan_mbps_needed > 1000:
        out.append(
            VendorQuestion(
                f"Does the WAN port run at {q.wan_mbps_needed / 1000:g} Gbit/s with my ISP's "
                "modem or fibre box, and does the router route that fast with all features on?",
                f"{_capital(q.plan_words)} is faster than a 1 Gbit/s port can carry."
                + (
                    f" Your provider's box hands over at {q.handoff_mbps / 1000:g} Gbit/s."
                    if q.handoff_mbps
                    else ""
                ),
                "need",
            )
        )
    out.extend(_line_questions(q))
    if q.smart_home_devices >= 10 or q.separate_networks:
        why = (
            f"{q.smart_home_devices} smart-home gadgets are the devices least likely to get "
            "security fixes; keeping them apart protects your computers."
            if q.smart_home_devices >= 10
            else "You want smart-home devices or guests on a network of their own."
        )
        out.append(
            VendorQuestion(
                "Can I put smart-home devices on a separate network (an IoT or guest "
                "network) that cannot reach my computers?",
                why,
                "need",
            )
        )
    if q.smart_home_devices >= 10:
        out.append(
            VendorQuestion(
                "Is it a Thread border router or Matter controller, or do I need a hub?",
                "New smart-home gadgets speak Thread and Matter; a router that is their "
                "border router saves a separate hub.",
                "need",
            )
        )
    if q.vpn == "client":
        out.append(
            VendorQuestion(
                f"How fast can it run a WireGuard or OpenVPN client, and does it reach {plan}?",
                "A VPN client on the router encrypts every packet; most home routers manage "
                "a fraction of a fast plan.",
                "need",
            )
        )
    if q.multigig_lan:
        out.append(
            VendorQuestion(
                "Is there a 2.5 Gbit/s (or faster) LAN port that is not shared with the WAN?",
                "You want a fast wired link for a NAS or PC.",
                "need",
            )
        )
    return out


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _backhaul_questions(q: Requirements) -> list[VendorQuestion]:
    """Asked whenever a system has more than one node: how the nodes link."""
    if q.backhaul_need == "wired":
        return [
            VendorQuestion(
                "Can the mesh nodes be linked by Ethernet cable (wired backhaul), and does the "
                "system use it automatically?",
                "Ethernet runs between your rooms: linked by cable, every node keeps full "
                "speed" + (f" on all {q.floors} floors." if q.floors > 1 else "."),
                "need",
            )
        ]
    where = (
        "powerline or MoCA adapters could carry the link"
        if q.backhaul_need == "powerline_or_moca"
        else "no cable runs between your rooms"
    )
    return [
        VendorQuestion(
            "Which band carries the link between the nodes (backhaul), and is it reserved "
            "for that link or shared with my devices?",
            f"With {q.nodes_needed} nodes and {where}, a radio reserved for the link keeps "
            "the far rooms fast; a shared one roughly halves their speed.",
            "need",
        ),
        VendorQuestion(
            "Can the mesh nodes be linked by Ethernet cable (wired backhaul), and does the "
            "system use it automatically?",
            f"On {q.floors} floors a cable between nodes keeps full speed upstairs, where "
            "wireless links lose the most."
            if q.floors > 1
            else "If you ever run a cable, the nodes keep full speed over it.",
            "need",
        ),
    ]


def _line_questions(q: Requirements) -> list[VendorQuestion]:
    """The hand-off from the provider: SFP modules, fast Ethernet ports, bypass mode."""
    out: list[VendorQuestion] = []
    if q.handoff == "sfp":
        out.append(
            VendorQuestion(
                "Does its SFP/SFP+ cage accept my provider's fibre module (or do I keep the "
                "provider's fibre box)?",
                "Your fibre arrives as an SFP module; not every cage takes every module.",
                "need",
            )
        )
    elif q.handoff_mbps is not None and q.handoff_mbps > 1000 and q.wan_mbps_needed <= 1000:
        out.append(
            VendorQuestion(
                f"Does its WAN port link at {q.handoff_mbps / 1000:g} Gbit/s with my "
                "provider's box (RJ45 multi-gig)?",
                f"The provider's box hands over at {q.handoff_mbps / 1000:g} Gbit/s.",
                "need",
            )
        )
    if q.isp_box == "router" or q.line == "satellite":
        who = "satellite" if q.line == "satellite" else "provider's"
        out.append(
            VendorQuestion(
                f"Ask your provider: does the {who} router have a bridge or bypass mode, and "
                "does the new router work behind it?",
                "Two routers in a row (double NAT) break games, calls and port forwarding; "
                "bypass mode lets your new router do the routing.",
                "need",
            )
        )
    if q.modem_needed and q.line in ("unknown", "dsl", "cable"):
        what = {"dsl": "VDSL2 profile (e.g. 35b) and vectoring", "cable": "DOCSIS version"}
        detail = what.get(q.line, "line standard")
        out.append(
            VendorQuestion(
                f"Which {detail} does the built-in modem support, and is it on my "
                "provider's approved list?",
                "A modem-router must match your line exactly, or it will not connect.",
                "need",
            )
        )
    return out


# Lagging "when busy" is claimed only when a speed test measured it: grade C or worse.
LAGGING_GRADES = frozenset({"C", "D", "F"})


def _sqm_why(q: Requirements) -> str:
    grade = q.bufferbloat_grade
    if grade in LAGGING_GRADES:
        return (
            f"Your speed test measured bufferbloat grade {grade}: the line lags when busy, "
            "and without SQM games and calls will stutter."
        )
    activity = "you game or take video calls"  # why SQM matters without measured lag
    if grade is not None:
        return (
            f"Your line measured grade {grade}, fine today; {activity}, and SQM keeps them "
            "smooth if it starts to lag when busy."
        )
    return (
        f"No speed test was run; {activity}, and if your line lags when busy, SQM is "
        "what keeps games and calls smooth."
    )


def _backhaul_why(q: Requirements) -> str:
    if q.floors > 1:
        return f"Your home has {q.floors} floors; a cable between nodes keeps them fast."
    return "A cable between nodes keeps them at full speed where Wi-Fi between them is weak."


_GAP_TEXT: dict[str, tuple[str, Callable[[Requirements], str]]] = {
    "qos.sqm": (
        "Does the {name} have smart queue management (SQM) to fight bufferbloat?",
        _sqm_why,
    ),
    "wired_backhaul": (
        "Can the {name} nodes be linked by Ethernet (wired backhaul)?",
        _backhaul_why,
    ),
    "wan_mbps": (
        "What speed is the {name}'s Internet (WAN) port?",
        lambda q: f"{_capital(q.plan_words)} needs a port faster than 1 Gbit/s.",
    ),
    "lan_ports_mbps": (
        "How many LAN ports does the {name} have, and at what speeds?",
        lambda q: (
            "You want a 2.5 Gbit/s port for a NAS or PC."
            if q.multigig_lan
            else f"You want to plug in {plural(q.lan_ports_needed, 'device')} by cable."
        ),
    ),
    "dedicated_backhaul": (
        "Does the {name} have a radio reserved for the link between its nodes (tri-band)?",
        lambda q: (
            "No cable runs between your rooms; a shared radio roughly halves the speed "
            "at each node."
        ),
    ),
    "automatic_updates": (
        "Does the {name} install security updates automatically?",
        lambda q: "We know its support window, not whether updates install by themselves.",
    ),
    "sfp_ports": (
        "Does the {name} have an SFP/SFP+ cage for my fibre module?",
        lambda q: "Your fibre arrives as an SFP module.",
    ),
    "vpn_server": (
        "Can the {name} run a VPN server (WireGuard or OpenVPN) to reach home from outside?",
        lambda q: "You want to reach your home network from outside.",
    ),
    "firmware": (
        "For how many years will the {name} get security updates, and are they automatic?",
        lambda q: (
            "We could not find its update policy; a router without updates becomes a security risk."
        ),
    ),
    "cloud_account": (
        "Can the {name} be set up and managed without a cloud account?",
        lambda q: "You asked for a router that works without one.",
    ),
    "price_usd": (
        "What does the {name} cost today, all nodes included?",
        lambda q: (
            "Its price is unknown, so we could not weigh its value"
            + (" or check it against your budget." if q.budget_usd is not None else ".")
        ),
    ),
}
GAP_FACTS: tuple[str, ...] = tuple(_GAP_TEXT)
_ONE_BOX_PRICE = "What does the {name} cost today?"


def gap_questions(q: Requirements, shortlist: Sequence[Scored]) -> list[VendorQuestion]:
    """Ask about each fact a shortlisted model leaves unknown that matters to this home; the
    why is worded from this home's requirements, never claiming what was not measured."""
    out: list[VendorQuestion] = []
    if any(item.router.subscription_features is None for item in shortlist):
        out.append(
            VendorQuestion(
                "Which features need a paid subscription, and what happens when it lapses?",
                "Not known for every shortlisted model: security filters and parental "
                "controls are often free only for a trial; know the yearly cost before you buy.",
                "gap",
            )
        )
    for item in shortlist:
        for fact in item.unknowns:
            question, why = _GAP_TEXT[fact]
            if fact == "price_usd" and item.system.is_single_box and item.router.kind != "mesh":
                question = _ONE_BOX_PRICE  # one router: there are no nodes to include
            out.append(VendorQuestion(question.format(name=_gap_name(item, fact)), why(q), "gap"))
        subs = item.router.subscription_features
        if subs:
            out.append(
                VendorQuestion(
                    f"What do these {item.router.display_name} subscriptions cost per year: "
                    f"{'; '.join(subs)}?",
                    "These features are behind a paid plan on the model you may buy.",
                    "gap",
                )
            )
    return out


def _gap_name(item: Scored, fact: str) -> str:
    """The model a gap question names: the part whose price is unknown, else the lead."""
    if fact == "price_usd" and not item.system.is_single_box:
        return " and ".join(item.system.price_unknown_parts)
    return item.router.display_name


def vendor_questions(q: Requirements, shortlist: Sequence[Scored]) -> list[VendorQuestion]:
    """The whole checklist: need-driven, gap-driven then seed questions, without repeats:
    what matters to this household first."""
    seen: set[str] = set()
    out: list[VendorQuestion] = []
    for vq in [*need_questions(q), *gap_questions(q, shortlist), *seed_questions(q, shortlist)]:
        if vq.question not in seen:
            seen.add(vq.question)
            out.append(vq)
    return out
