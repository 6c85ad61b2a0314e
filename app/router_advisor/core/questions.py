"""Questions to ask a vendor before buying, each with why it matters for this household.

Three sources: a seed list every buyer should ask, questions driven by this home's needs,
and questions about facts the catalog does not know for a shortlisted model.
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


def seed_questions(q: Requirements) -> list[VendorQuestion]:
    """The questions every buyer should ask, with the why written for this home."""
    devices = f"{q.clients} devices" + (
        f", {q.smart_home_devices} of them smart-home gadgets" if q.smart_home_devices else ""
    )
    cloud_why = (
        "You asked for a router that works without a cloud account."
        if q.no_cloud_account
        else "An app that needs the maker's servers can stop working if the service ends."
    )
    qos_why = {
        "important": "Your connection lags under load and you game or take calls: QoS is "
        "what keeps that smooth.",
        "helpful": "Games and video calls stay smoother when the router puts them first.",
        "none": "Useful when several people download at once, even if nobody games.",
    }[q.qos_need]
    return [
        VendorQuestion(
            "How often do you release firmware updates for this model, and until what date "
            "will it get security updates?",
            f"A router guards all your {devices}; once updates stop, holes stay open.",
            "seed",
        ),
        VendorQuestion(
            "Does it support WPA3, and does it install security updates automatically?",
            "Automatic updates protect you without you having to remember to check."
            + (
                " With many smart-home devices this matters even more."
                if q.security_priority == "high"
                else ""
            ),
            "seed",
        ),
        VendorQuestion(
            "How easy is the app or web interface to use, and does everything work without "
            "creating a cloud account?",
            cloud_why,
            "seed",
        ),
        VendorQuestion(
            "How many devices can be connected at once before it slows down?",
            f"Your home has about {devices}, and that number tends to grow.",
            "seed",
        ),
        VendorQuestion("What QoS (traffic priority) features does it have?", qos_why, "seed"),
        VendorQuestion(
            "How long is the warranty, and what does it cover?",
            "A router runs day and night for years; a longer warranty shows "
            "the maker's confidence.",
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


def need_questions(q: Requirements) -> list[VendorQuestion]:
    """Questions this household's own needs raise."""
    out: list[VendorQuestion] = []
    plan = f"{q.plan_down_mbps:.0f} Mbit/s"
    if q.sqm_wanted or q.qos_need == "important":
        grade = f"grade {q.bufferbloat_grade}" if q.bufferbloat_grade else "lag under load"
        out.append(
            VendorQuestion(
                f"Does SQM/QoS keep working at {plan} with hardware acceleration on?",
                f"Your connection has bufferbloat ({grade}); on many routers SQM turns off "
                "hardware acceleration and then cannot keep up with a fast plan.",
                "need",
            )
        )
    if q.wants_mesh and q.floors > 1:
        out.append(
            VendorQuestion(
                "Can the mesh nodes be linked by Ethernet cable (wired backhaul), and does the "
                "system use it automatically?",
                f"On {q.floors} floors a cable between nodes keeps full speed upstairs, where "
                "wireless links lose the most.",
                "need",
            )
        )
    if q.wan_mbps_needed > 1000:
        out.append(
            VendorQuestion(
                f"Does the WAN port run at {q.wan_mbps_needed / 1000:g} Gbit/s with my ISP's "
                "modem or fibre box, and does the router route that fast with all features on?",
                f"Your {plan} plan is faster than a 1 Gbit/s port can carry.",
                "need",
            )
        )
    if q.smart_home_devices >= 10:
        out.append(
            VendorQuestion(
                "Can I put smart-home devices on a separate 2.4 GHz or guest/IoT network?",
                f"{q.smart_home_devices} smart-home gadgets are the devices least likely to get "
                "security fixes; keeping them apart protects your computers.",
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
    out.append(
        VendorQuestion(
            "Which features need a paid subscription, and what happens when it lapses?",
            "Security filters and parental controls are often free only for a trial; know the "
            "yearly cost before you buy.",
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
        lambda q: f"Your {q.plan_down_mbps:.0f} Mbit/s plan needs a port faster than 1 Gbit/s.",
    ),
    "lan_ports_mbps": (
        "How many LAN ports does the {name} have, and at what speeds?",
        lambda q: (
            "You want a 2.5 Gbit/s port for a NAS or PC."
            if q.multigig_lan
            else f"You want to plug in {plural(q.lan_ports_needed, 'device')} by cable."
        ),
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
        lambda q: "Its price is unknown, so we could not weigh its value.",
    ),
}
GAP_FACTS: tuple[str, ...] = tuple(_GAP_TEXT)


def gap_questions(q: Requirements, shortlist: Sequence[Scored]) -> list[VendorQuestion]:
    """Ask about each fact a shortlisted model leaves unknown that matters to this home; the
    why is worded from this home's requirements, never claiming what was not measured."""
    out: list[VendorQuestion] = []
    for item in shortlist:
        for fact in item.unknowns:
            question, why = _GAP_TEXT[fact]
            out.append(
                VendorQuestion(question.format(name=item.router.display_name), why(q), "gap")
            )
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


def vendor_questions(q: Requirements, shortlist: Sequence[Scored]) -> list[VendorQuestion]:
    """The whole checklist: seed, need-driven then gap-driven questions, without repeats."""
    seen: set[str] = set()
    out: list[VendorQuestion] = []
    for vq in [*seed_questions(q), *need_questions(q), *gap_questions(q, shortlist)]:
        if vq.question not in seen:
            seen.add(vq.question)
            out.append(vq)
    return out
