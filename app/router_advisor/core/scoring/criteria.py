"""Criteria of the whole system: coverage, backhaul, ports and value, one function each.

Each returns a Finding: a score from 0 to 1, the reason a person reads when it is good, a
caveat when it is not, and the name of a fact that is unknown but matters here (one of
questions.GAP_FACTS). Reasons and caveats are templates over `r` (the lead Router), `s`
(the System), `q` (the Requirements) and `x` (Derived): only the shortlist's are filled
in, which keeps ranking ten thousand systems fast. The numbers live in thresholds.py.
"""

from functools import lru_cache
from typing import NamedTuple

from router_advisor.core.coverage import radio_hops
from router_advisor.core.needs import Requirements
from router_advisor.core.part_prices import POWERLINE_ADAPTER_USD
from router_advisor.core.router import Router
from router_advisor.core.scoring import thresholds as t
from router_advisor.core.system import System
from router_advisor.core.wording import a_or_an, area, eol_listed, plural, usd


class Finding(NamedTuple):
    """How well a system meets one need: score 0-1, reason and caveat templates, and the
    unknown fact (a questions.GAP_FACTS name) behind a guess, "" when none."""

    score: float
    reason: str = ""
    caveat: str = ""
    unknown: str = ""


# A criterion with nothing to say about this system: full marks, no words.
NOTHING_TO_SAY = Finding(1.0)


class Overkill(NamedTuple):
    """Points off for paying for what this home cannot use, and the explanation template."""

    points: float
    text: str


class Market(NamedTuple):
    """What the systems that do this home's job cost: the median known price, how many, and
    whether they are systems that cover the home (else any that meet the must-haves)."""

    median_usd: float | None
    systems: int
    covering: bool = True


@lru_cache(maxsize=256)
def class_rating(wifi_class: str | None) -> int | None:
    """The number in a marketing class: "BE19000" -> 19000; None when there is none."""
    if not wifi_class:
        return None
    digits = "".join(c for c in wifi_class if c.isdigit())
    return int(digits) if digits else None


class Derived:
    """Values the templates show that are computed from a system and the requirements."""

    def __init__(self, s: System, q: Requirements, market: Market) -> None:
        r = s.lead
        self.nodes = s.nodes
        self.units = plural(s.nodes, "unit")
        self.wan_gbps = (r.wan_mbps or 0) / 1000
        self.lan_gbps = (r.max_lan_mbps or 0) / 1000
        self.lan_ports = plural(r.lan_port_count or 0, "LAN port")
        self.wired = plural(q.lan_ports_needed, "wired device")
        price = s.price_usd
        self.price = usd(price) if price is not None else "unknown"
        self.unknown_parts = ", ".join(s.price_unknown_parts)
        self.budget = usd(q.budget_usd) if q.budget_usd is not None else "no"
        self.median = usd(market.median_usd) if market.median_usd is not None else ""
        self.fitting = plural(market.systems, "system") + (
            " covering your home" if market.covering else " fitting your needs"
        )
        self.area = area(q.area_m2, q.area_unit)
        self.an_area = f"{a_or_an(self.area)} {self.area}"  # "an 80 m²", "a 160 m²"
        self.floors = plural(q.floors, "floor")
        self.annex = " and the separate building" if q.home.layout == "separate_building" else ""
        self.subscriptions = "; ".join(r.subscription_features or ())
        self.covers = "covers" if q.nodes_needed == 1 else "cover"  # "(1 covers it)"
        self.cover = "covers" if s.nodes == 1 else "cover"  # "3 units cover ..."
        self.plan = q.plan_words
        switch = next((c.name for c in s.components if c.kind == "switch"), "switch")
        self.switch = f"{a_or_an(switch)} {switch}"  # "an 8-port ...", "a 5-port ..."
        # "An AX11000 system ...", "A BE19000 system ...": the class as a sentence opens.
        self.a_class = a_or_an(r.wifi_class or "").capitalize()
        self.fw = r.firmware
        listed = r.firmware.eol_listed_as_of
        self.eol_listed = eol_listed(r.brand, listed) if listed else ""
        self.vpn = ", ".join(r.vpn_server or ())
        self.region = q.region
        self.owned = " and ".join(c.name for c in s.components if c.owned)


def explain(template: str, s: System, q: Requirements, x: Derived) -> str:
    """Fill in a reason or caveat template."""
    return template.format(r=s.lead, s=s, q=q, x=x)


_ONE_ROUTER = Finding(1.0, "One router is enough for {x.area}.")
_UNITS_COVER = Finding(1.0, "{x.nodes} units {x.cover} your {x.area} on {x.floors}{x.annex}.")


def coverage(s: System, q: Requirements) -> Finding:
    if s.nodes < q.nodes_needed:
        share = max(t.COVERAGE_SHORT_FLOOR, s.nodes / q.nodes_needed * t.COVERAGE_SHORT_SHARE)
        more = (
            "no add-on unit of its family is for sale"
            if s.lead.system is None or s.is_single_box
            else "that is all its family offers"
        )
        return Finding(
            share,
            caveat="{x.units} for {x.an_area} home on {x.floors} that needs "
            "{q.nodes_needed} (" + more + "): the far rooms will get weak Wi-Fi.",
        )
    return _ONE_ROUTER if s.nodes == 1 else _UNITS_COVER


_SINGLE_UNIT = Finding(t.BACKHAUL_SCORE["unknown"])
_BACKHAUL: dict[str, Finding] = {
    "wired": Finding(
        t.BACKHAUL_SCORE["wired"],
        "The units link by Ethernet cable (wired backhaul): full speed in every room.",
    ),
    "powerline_or_moca": Finding(
        t.BACKHAUL_SCORE["powerline_or_moca"],
        "The units link over powerline or MoCA adapters (wired backhaul), near cable speed: "
        "one beside each unit is in the price, priced as MoCA; powerline ones cost about "
        f"{usd(POWERLINE_ADAPTER_USD)} each instead.",
    ),
    "dedicated_radio": Finding(
        t.BACKHAUL_SCORE["dedicated_radio"],
        "A radio reserved for the link between nodes (tri-band) keeps your devices' full "
        "speed where no cable runs.",
    ),
    "shared_radio": Finding(
        t.BACKHAUL_SCORE["shared_radio"],
        caveat="No radio reserved for the link between nodes: each wireless hop shares "
        "your devices' radios and roughly halves the speed.",
    ),
    "unknown": Finding(t.BACKHAUL_SCORE["unknown"], unknown="dedicated_backhaul"),
}
_CABLE_UNUSED = (
    "Its nodes cannot use the Ethernet in your walls (no wired backhaul), so they link by "
    "radio and lose speed."
)


def backhaul(s: System, q: Requirements) -> Finding:
    """Only systems of more than one unit have a backhaul (weights_for weighs it only then)."""
    if s.nodes <= 1:
        return _SINGLE_UNIT
    if q.backhaul_need == "wired" and s.backhaul != "wired":
        score = min(t.BACKHAUL_SCORE[s.backhaul], t.BACKHAUL_CABLE_UNUSED)
        unknown = "wired_backhaul" if s.lead.wired_backhaul is None else ""
        return Finding(score, caveat=_CABLE_UNUSED, unknown=unknown)
    if s.backhaul == "shared_radio":
        hops = radio_hops(q.home, s.nodes)
        if hops > 1:
            return _shared_hops(hops)
    return _BACKHAUL[s.backhaul]


@lru_cache(maxsize=16)
def _shared_hops(hops: int) -> Finding:
    """Shared radios over several hops: the farthest unit gets 1/2 per hop."""
    share = 2**hops
    return Finding(
        t.BACKHAUL_SCORE["shared_radio"] * t.SHARED_RADIO_HOP_FACTOR ** (hops - 1),
        caveat="No radio reserved for the link between nodes: each wireless hop shares your "
        f"devices' radios and halves the speed, so the farthest unit, {hops} hops from the "
        f"router, gets about 1/{share} of it.",
    )


_MULTIGIG_UNKNOWN = Finding(
    t.PORTS_SCORE["multigig_unknown"],
    caveat="Unknown whether it has a 2.5 Gbit/s LAN port for your NAS or PC.",
    unknown="lan_ports_mbps",
)
_NO_MULTIGIG = Finding(
    t.PORTS_SCORE["no_multigig"],
    caveat="No 2.5 Gbit/s LAN port: your NAS or PC stays at 1 Gbit/s.",
)
_MULTIGIG = Finding(1.0, "Has a {x.lan_gbps:g} Gbit/s LAN port for your NAS or PC.")
_PORTS_UNKNOWN = Finding(
    t.PORTS_SCORE["unknown"], caveat="The number of LAN ports is unknown.", unknown="lan_ports_mbps"
)
_WITH_SWITCH = Finding(
    t.PORTS_SCORE["with_switch"],
    "Only {x.lan_ports}, so {x.switch} is included in the price for your wired devices and units.",
)
_PORTS_ENOUGH = Finding(1.0, "{x.lan_ports} for your {x.wired}.")


def ports(s: System, q: Requirements) -> Finding:
    r = s.lead
    if q.multigig_lan:
        fastest = r.max_lan_mbps
        if fastest is None:
            return _MULTIGIG_UNKNOWN
        return _NO_MULTIGIG if fastest < t.MULTIGIG_WAN_MBPS else _MULTIGIG
    if q.lan_ports_needed == 0 and s.backhaul != "wired":
        return NOTHING_TO_SAY
    if r.lan_ports_mbps is None:
        return _PORTS_UNKNOWN
    if s.components[-1].kind == "switch":  # the builder adds a switch for ports last
        return _WITH_SWITCH
    return NOTHING_TO_SAY if q.lan_ports_needed == 0 else _PORTS_ENOUGH


def value(s: System, q: Requirements, market: Market) -> Finding:
    """The whole system's price against what the systems that fit this home cost."""
    price = s.price_usd
    if price is None:
        parts = "" if s.is_single_box else " (unknown: {x.unknown_parts})"
        budget = " Check it is within your {x.budget} budget." if q.budget_usd else ""
        return Finding(
            t.UNKNOWN_PRICE_VALUE,
            caveat="Its price is unknown" + parts + "." + budget,
            unknown="price_usd",
        )
    pivot = market.median_usd
    score = t.NO_MARKET_VALUE if not pivot else pivot / (pivot + price)
    single = s.is_single_box  # three of one model is a system: its price is the whole
    within = q.budget_usd is not None and price <= q.budget_usd
    reason = _VALUE_REASONS[single, within]
    if q.owned and not single and any(c.owned for c in s.components):
        reason += " It reuses the {x.owned} you already own."
    if s.lead.price_region is None or s.lead.price_region == q.region:
        return Finding(score, reason)
    return Finding(score, reason + _price_where(s.lead, q))


_VALUE_REASONS = {
    (True, True): "Costs {x.price}, within your {x.budget} budget.",
    (True, False): "Costs {x.price}.",
    (False, True): "The whole system costs {x.price}, within your {x.budget} budget.",
    (False, False): "The whole system costs {x.price}.",
}


def _price_where(r: Router, q: Requirements) -> str:
    """A price seen in another region is a guide, not what the buyer will pay."""
    if r.price_region is not None and r.price_region != q.region:
        article = a_or_an(r.price_region)  # "an EU price", "a UK price"
        return (
            f" That is {article} {r.price_region} price: check what it costs in the {{x.region}}."
        )
    return ""


def basic_unknowns(r: Router) -> int:
    """How many spec-sheet basics the catalog does not know: Wi-Fi class, WAN port (not a
    modem-router's: its line plugs into the modem), LAN ports, WPA3, every QoS feature,
    price."""
    qos = r.qos
    return (
        (r.wifi_class is None)
        + (r.wan_mbps is None and r.kind != "modem_router")
        + (r.lan_ports_mbps is None)
        + (r.wpa3 is None)
        + (qos.sqm is None and qos.adaptive is None and qos.device_priority is None)
        + (r.price_usd is None)
    )
