"""Questions about what the catalog does not know, or holds only as an old or foreign
figure, for the shortlisted models: one question per fact, naming every model it concerns
(five UniFi boxes with one unknown are one question, not five), worded from the facts the
catalog does hold (a support list date, a promise counted from the end of sale, a price's
age and region) and from this home's needs.
"""

from collections.abc import Callable, Sequence
from typing import NamedTuple

from router_advisor.core.needs import Requirements
from router_advisor.core.router import Router, support_end
from router_advisor.core.scoring.score import Scored
from router_advisor.core.wording import plural, usd

# A price older than this many years is confirmed before buying: launch list prices drift
# (the catalog's own rule marks a launch price of a model over two years old as "msrp").
STALE_PRICE_YEARS = 2


class Gap(NamedTuple):
    """One question before its models are named: `ask` words it for the names."""

    fact: str
    ask: Callable[[str, bool], str]  # (the names, more than one?) -> the question
    why: str
    name: str


def _lead(names: str, many: bool, one: str, several: str) -> str:
    return (several if many else one).format(names=names)


def names_of(names: Sequence[str]) -> str:
    """ "the A", "the A and B", "the A, B and C"."""
    if len(names) == 1:
        return f"the {names[0]}"
    return f"the {', '.join(names[:-1])} and {names[-1]}"


SECURITY_RISK = "A router without security updates becomes a risk to every device behind it."


def _support_gaps(r: Router, q: Requirements) -> list[Gap]:
    """Until when it gets security updates, from what the catalog knows, and whether they
    install by themselves when that is unknown. Nothing when both are known. The why of a
    support question is a clause about this model; models of several makers share one
    question whose why gives each maker's facts."""
    fw, brand, name = r.firmware, r.brand, r.display_name
    out: list[Gap] = []
    end = support_end(r)
    years = fw.support_years_promised
    if end is None and years is not None and fw.support_counts_from == "end_of_sale":
        out.append(
            Gap(
                "firmware_sale",
                lambda n, m: f"When did (or will) {n} stop being sold?",
                f"{brand} promises {plural(years, 'year')} of security updates after a "
                f"model stops being sold, so they end {plural(years, 'year')} after that day",
                name,
            )
        )
    elif end is None:
        if fw.supported_as_of is not None:
            why = f"on {brand}'s supported list as of {fw.supported_as_of}, no end date given"
        elif years is not None:
            why = f"{brand} promises {plural(years, 'year')} but not from when"
        else:
            why = f"no update policy from {brand} that we could find"
        if fw.automatic_updates is False:
            why += ", updates installed by hand"
        out.append(
            Gap(
                "firmware",
                lambda n, m: f"Until when will {n} get security updates?",
                why,
                name,
            )
        )
    if fw.automatic_updates is None:
        until = f"{brand} supports it until {end}, but updates" if end else "Updates"
        out.append(
            Gap(
                "automatic_updates",
                lambda n, m: _lead(
                    n,
                    m,
                    "Does {names} install security updates by itself?",
                    "Do {names} install security updates by themselves?",
                ),
                f"{until} protect only once installed, and few people log in to install "
                "them by hand.",
                name,
            )
        )
    return out


def _region_name(region: str) -> str:
    return {"UK": "the UK", "US": "the US", "EU": "the EU"}.get(region, region)


def _price_gaps(item: Scored, q: Requirements) -> list[Gap]:
    """An unknown price, per part: what it costs here, and as of when."""
    if item.system.price_usd is not None:
        return []
    where = _region_name(q.region)
    budget = f" or check it against your {usd(q.budget_usd)} budget" if q.budget_usd else ""
    parts = item.system.price_unknown_parts or (item.router.display_name,)
    return [
        Gap(
            "price_usd",
            lambda n, m: f"What {'do' if m else 'does'} {n} cost in {where}, and as of when?",
            f"The catalog has no price, so we could not weigh value for money{budget}.",
            name,
        )
        for name in parts
    ]


def _stale_price_gaps(item: Scored, q: Requirements, today: str | None) -> list[Gap]:
    """A known price seen in another region, or years ago: worth confirming, in one line."""
    out: list[Gap] = []
    where = _region_name(q.region)
    for c in item.system.components:
        r = c.router
        if r is None or c.owned or c.price_usd is None:
            continue
        foreign = r.price_region is not None and r.price_region != q.region
        old = (
            today is not None
            and r.price_as_of is not None
            and int(today[:4]) - int(r.price_as_of[:4]) > STALE_PRICE_YEARS
        )
        if not (foreign or old):
            continue
        seen = f"{usd(c.price_usd)} in {r.price_region or 'an unknown region'}, {r.price_as_of}"
        out.append(
            Gap(
                "price_confirm",
                lambda n, m: f"What {'do' if m else 'does'} {n} cost in {where} today?",
                "The prices we ranked by are "
                + ("from another region" if foreign else "years old")
                + ": the whole budget check rests on them.",
                f"{c.name} ({seen})",
            )
        )
    return out


def _fact_gap(fact: str, r: Router, q: Requirements) -> Gap | None:
    text = _FACT_TEXT.get(fact)
    if text is None:
        return None
    one, several, why = text
    return Gap(fact, lambda n, m: _lead(n, m, one, several), why(q), r.display_name)


def _sqm_why(q: Requirements) -> str:
    grade = q.bufferbloat_grade
    if grade in LAGGING_GRADES:
        return (
            f"Your speed test measured bufferbloat grade {grade}: the line lags when busy, "
            "and without SQM games and calls will stutter."
        )
    activity = "you game or take video calls"
    if grade is not None:
        return (
            f"Your line measured grade {grade}, fine today; {activity}, and SQM keeps them "
            "smooth if it starts to lag when busy."
        )
    return (
        f"No speed test was run; {activity}, and if your line lags when busy, SQM is "
        "what keeps games and calls smooth."
    )


# Lagging "when busy" is claimed only when a speed test measured it: grade C or worse.
LAGGING_GRADES = frozenset({"C", "D", "F"})


def _wired_why(q: Requirements) -> str:
    if q.backhaul_need == "powerline_or_moca":
        return "Your nodes could link over powerline or MoCA adapters, which plug in by Ethernet."
    if q.floors > 1:
        return (
            f"Ethernet runs between your rooms on {q.floors} floors; a cable keeps every node fast."
        )
    return "Ethernet runs between your rooms; a cable keeps every node at full speed."


# fact -> (question for one model, for several, why from this home's needs)
_FACT_TEXT: dict[str, tuple[str, str, Callable[[Requirements], str]]] = {
    "cloud_account": (
        "Can {names} be set up and run without an account with its maker?",
        "Can {names} be set up and run without an account with their maker?",
        lambda q: "You want a router that works without one.",
    ),
    "wan_mbps": (
        "What speed is the Internet (WAN) port of {names}?",
        "What speed are the Internet (WAN) ports of {names}?",
        lambda q: (
            f"{q.plan_words[:1].upper()}{q.plan_words[1:]} needs a port faster than 1 Gbit/s."
        ),
    ),
    "sfp_ports": (
        "Does {names} have an SFP/SFP+ cage (a slot for a fibre module) for my fibre?",
        "Do {names} have an SFP/SFP+ cage (a slot for a fibre module) for my fibre?",
        lambda q: "Your fibre arrives as a module that plugs into such a slot.",
    ),
    "qos.sqm": (
        "Does {names} have smart queue management (SQM, e.g. fq_codel or CAKE), which "
        "keeps the line responsive when it is busy?",
        "Do {names} have smart queue management (SQM, e.g. fq_codel or CAKE), which "
        "keeps the line responsive when it is busy?",
        _sqm_why,
    ),
    "dedicated_backhaul": (
        "Does {names} have a radio reserved for the link between its nodes (tri-band)?",
        "Do {names} have a radio reserved for the link between their nodes (tri-band)?",
        lambda q: (
            "No cable runs between your rooms; a shared radio roughly halves the speed "
            "at each node."
        ),
    ),
    "wired_backhaul": (
        "Can the link between the nodes of {names} run over Ethernet cable (wired backhaul)?",
        "Can the link between the nodes of {names} run over Ethernet cable (wired backhaul)?",
        _wired_why,
    ),
    "lan_ports_mbps": (
        "How many LAN ports (Ethernet sockets for your devices) does {names} have, and at "
        "what speeds?",
        "How many LAN ports (Ethernet sockets for your devices) do {names} have, and at "
        "what speeds?",
        lambda q: (
            "You want a 2.5 Gbit/s port for a NAS or PC."
            if q.multigig_lan
            else f"You want to plug in {plural(q.lan_ports_needed, 'device')} by cable."
        ),
    ),
    "vpn_server": (
        "Can {names} run a VPN server (WireGuard or OpenVPN) so I can reach home from outside?",
        "Can {names} run a VPN server (WireGuard or OpenVPN) so I can reach home from outside?",
        lambda q: "You want to reach your home network from outside.",
    ),
}
# The facts a shortlisted model may leave unknown, in the order that decides a purchase.
GAP_FACTS: tuple[str, ...] = (
    "cloud_account",
    "price_usd",
    "firmware",
    "automatic_updates",
    "wan_mbps",
    "sfp_ports",
    "qos.sqm",
    "dedicated_backhaul",
    "wired_backhaul",
    "lan_ports_mbps",
    "vpn_server",
)
_ORDER = (
    "cloud_account",
    "price_usd",
    "price_confirm",
    "firmware",
    "firmware_sale",
    "automatic_updates",
    *GAP_FACTS[4:],
    "subscriptions",
    "warranty",
)


def _subscription_gaps(r: Router) -> list[Gap]:
    """What its paid plans cost, or which features are paid when the catalog does not say:
    the why names each plan once, with the models it covers."""
    subs = r.subscription_features
    if subs == ():
        return []
    plans = ", ".join(dict.fromkeys(sub.split(":")[0] for sub in subs or ()))
    return [
        Gap(
            "subscriptions",
            lambda n, m: (
                "Which features need a paid subscription on "
                f"{n}, what does it cost a year, and what stops working without it?"
            ),
            f"{plans} {'are' if ', ' in plans else 'is'} a paid plan"
            if plans
            else "which features are paid is not known",
            r.display_name,
        )
    ]


def _warranty_gaps(r: Router) -> list[Gap]:
    if r.warranty_years is not None:
        return []
    return [
        Gap(
            "warranty",
            lambda n, m: f"How long is the warranty on {n}, and what does it cover?",
            "A router runs day and night for years; the catalog does not know its warranty.",
            r.display_name,
        )
    ]


def gap_questions(
    q: Requirements, shortlist: Sequence[Scored], today: str | None = None
) -> list[tuple[str, str]]:
    """(question, why) for each fact the shortlisted models leave unknown (or hold only as
    an old or foreign price), one per fact and why, naming the models it concerns, in the
    order that decides a purchase."""
    gaps: list[Gap] = []
    for item in shortlist:
        r = item.router
        gaps.extend(_price_gaps(item, q))
        gaps.extend(_support_gaps(r, q))
        for fact in item.unknowns:
            gap = _fact_gap(fact, r, q)
            if gap is not None:
                gaps.append(gap)
        gaps.extend(_subscription_gaps(r))
        gaps.extend(_warranty_gaps(r))
        gaps.extend(_stale_price_gaps(item, q, today))
    return _grouped(gaps)


# Facts whose why is a clause about the model: one question for every maker, the why
# giving each maker's facts, then the shared sentence.
_CLAUSE_FACTS: dict[str, str] = {
    "firmware": SECURITY_RISK,
    "firmware_sale": "",
    "subscriptions": "Security filters and parental controls are often free only for a "
    "trial; know the yearly cost before you buy.",
}


def _grouped(gaps: Sequence[Gap]) -> list[tuple[str, str]]:
    """One question per fact and wording, naming every model it concerns, in _ORDER."""
    by_why: dict[tuple[str, str, str], tuple[Gap, list[str]]] = {}
    for gap in gaps:
        _, names = by_why.setdefault((gap.fact, gap.ask("{}", False), gap.why), (gap, []))
        if gap.name not in names:
            names.append(gap.name)
    merged: dict[tuple[str, str], list[tuple[Gap, list[str]]]] = {}
    for (fact, template, why), group in by_why.items():
        key = (fact, template if fact in _CLAUSE_FACTS else template + why)
        merged.setdefault(key, []).append(group)
    out: list[tuple[int, str, str, list[str]]] = []
    for (fact, _), groups in merged.items():
        gap = groups[0][0]
        names = [name for _, group_names in groups for name in group_names]
        question = gap.ask(names_of(names), len(names) > 1)
        if fact in _CLAUSE_FACTS:
            if len(groups) == 1:  # a clause that starts with the maker keeps its spelling
                first = gap.why.split()[0] == gap.name.split()[0]
                why = gap.why if first else _capital(gap.why)
            else:
                why = "; ".join(f"{', '.join(n)}: {g.why}" for g, n in groups)
            tail = _CLAUSE_FACTS[fact]
            why += "." + (f" {tail}" if tail else "")
        else:
            why = gap.why
        out.append((_ORDER.index(fact), question, why, names))
    out.sort(key=lambda t: t[0])
    return _updates_with_support(out)


def _updates_with_support(
    asked: list[tuple[int, str, str, list[str]]],
) -> list[tuple[str, str]]:
    """ "Until when will A get security updates?" and "Does B install them by itself?" are
    one question about one thing: merged, naming B again only when it differs from A."""
    until = next((t for t in asked if t[0] == _ORDER.index("firmware")), None)
    auto = next((t for t in asked if t[0] == _ORDER.index("automatic_updates")), None)
    if until is None or auto is None:
        return [(question, why) for _, question, why, _ in asked]
    many = len(auto[3]) > 1
    who = ("they" if many else "it") if auto[3] == until[3] else names_of(auto[3])
    install = (
        f"{'do' if many else 'does'} {who} install them by {'themselves' if many else 'itself'}"
    )
    merged = (until[0], f"{until[1][:-1]}, and {install}?", f"{until[2]} {auto[2]}", until[3])
    return [
        (question, why)
        for _, question, why, _ in (merged if t is until else t for t in asked if t is not auto)
    ]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
