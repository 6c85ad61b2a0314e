"""One function per criterion: how well a model fits one need, and why, in plain words.

Each returns a Finding: a score from 0 to 1, the reason a person reads when it is good, a
caveat when it is not, and the name of a fact that is unknown but matters here (one of
questions.GAP_FACTS). Reasons and caveats are templates over `r` (the Router), `q` (the
Requirements) and `x` (Derived): only the shortlist's are filled in, which keeps ranking
ten thousand models fast.
"""

from functools import lru_cache

from router_advisor.core.needs import Requirements
from router_advisor.core.router import Router
from router_advisor.core.scoring import thresholds as t
from router_advisor.core.wording import area, plural, usd

Finding = tuple[float, str, str, str]  # score, reason template, caveat template, unknown fact
Overkill = tuple[float, str]  # points off, explanation template


@lru_cache(maxsize=256)
def class_rating(wifi_class: str | None) -> int | None:
    """The number in a marketing class: "BE19000" -> 19000; None when there is none."""
    if not wifi_class:
        return None
    digits = "".join(c for c in wifi_class if c.isdigit())
    return int(digits) if digits else None


def node_count(r: Router) -> int:
    return r.pack_size if r.kind == "mesh" else 1


class Derived:
    """Values the templates show that are computed from a model and the requirements."""

    def __init__(self, r: Router, q: Requirements) -> None:
        self.nodes = node_count(r)
        self.wan_gbps = (r.wan_mbps or 0) / 1000
        self.lan_gbps = (r.max_lan_mbps or 0) / 1000
        self.lan_count = r.lan_port_count
        self.pivot = usd(t.VALUE_PIVOT_USD_PER_NODE * q.nodes_needed)
        self.price = usd(r.price_usd) if r.price_usd is not None else "unknown"
        self.budget = usd(q.budget_usd) if q.budget_usd is not None else "no"
        self.area = area(q.area_m2, q.area_unit)
        self.floors = plural(q.floors, "floor")
        self.lan_ports = plural(self.lan_count or 0, "LAN port")
        self.wired = plural(q.lan_ports_needed, "wired device")
        self.subscriptions = "; ".join(r.subscription_features or ())
        self.wan_needed_gbps = q.wan_mbps_needed / 1000
        self.covers = "covers" if q.nodes_needed == 1 else "cover"


def explain(template: str, r: Router, q: Requirements, x: Derived) -> str:
    """Fill in a reason or caveat template."""
    return template.format(r=r, q=q, x=x)


def coverage(r: Router, q: Requirements) -> Finding:
    nodes = node_count(r)
    if nodes < q.nodes_needed:
        return (
            0.4,
            "",
            "One unit may not reach every room of a {x.area} home on {x.floors}.",
            "",
        )
    if nodes > 1 and q.floors > 1:
        if r.wired_backhaul:
            return (
                1.0,
                "{x.nodes} nodes cover all {q.floors} floors, and they can be linked "
                "by Ethernet cable for full speed between floors.",
                "",
                "",
            )
        if r.wired_backhaul is None:
            return (0.75, "{x.nodes} nodes cover all {q.floors} floors.", "", "wired_backhaul")
        return (
            0.8,
            "{x.nodes} nodes cover all {q.floors} floors.",
            "The nodes cannot be linked by cable, so speed drops between floors.",
            "",
        )
    if nodes > 1:
        return (0.95, "{x.nodes} nodes cover your {x.area}.", "", "")
    return (1.0, "One router is enough for {x.area}.", "", "")


_GENERATION_SCORE = {"5": 0.45, "6": 0.85, "6E": 0.92, "7": 1.0}


def wifi(r: Router, q: Requirements) -> Finding:
    gen = r.wifi_generation
    if gen == "5":
        if q.clients >= t.CROWDED_CLIENTS_WIFI5:
            return (
                0.25,
                "",
                "Wi-Fi 5 copes poorly with {q.clients} devices at once; Wi-Fi 6 "
                "or newer handles crowds far better.",
                "",
            )
        return (
            0.45,
            "",
            "Wi-Fi 5 is an older standard; newer phones and laptops will not "
            "reach their best speed.",
            "",
        )
    score = _GENERATION_SCORE[gen]
    if q.clients >= t.HEAVY_CLIENTS and r.ram_mb is not None and r.ram_mb < t.HEAVY_CLIENTS_RAM_MB:
        return (score * 0.7, "", "Only {r.ram_mb} MB of memory for {q.clients} devices.", "")
    if q.clients >= t.CROWDED_CLIENTS_WIFI5:
        return (
            score,
            "Wi-Fi {r.wifi_generation}, the standard built for many devices at once "
            "(yours: about {q.clients}).",
            "",
            "",
        )
    return (score, "Wi-Fi {r.wifi_generation}, a current standard.", "", "")


def wan(r: Router, q: Requirements) -> Finding:
    speed = r.wan_mbps
    if speed is None:
        if q.wan_mbps_needed > 1000:
            return (
                0.3,
                "",
                "Its Internet (WAN) port speed is unknown, and your plan needs more than 1 Gbit/s.",
                "wan_mbps",
            )
        return (0.85, "", "", "")
    if speed >= q.wan_mbps_needed:
        return (
            1.0,
            "Its {x.wan_gbps:g} Gbit/s Internet port carries your full "
            "{q.plan_down_mbps:.0f} Mbit/s plan.",
            "",
            "",
        )
    return (
        0.0,
        "",
        "Its {r.wan_mbps} Mbit/s Internet port caps your {q.plan_down_mbps:.0f} Mbit/s plan.",
        "",
    )


def ports(r: Router, q: Requirements) -> Finding:
    if q.multigig_lan:
        fastest = r.max_lan_mbps
        if fastest is None:
            return (
                0.4,
                "",
                "Unknown whether it has a 2.5 Gbit/s LAN port for your NAS or PC.",
                "lan_ports_mbps",
            )
        if fastest < t.MULTIGIG_WAN_MBPS:
            return (0.2, "", "No 2.5 Gbit/s LAN port: your NAS or PC stays at 1 Gbit/s.", "")
        return (1.0, "Has a {x.lan_gbps:g} Gbit/s LAN port for your NAS or PC.", "", "")
    if q.lan_ports_needed == 0:
        return (1.0, "", "", "")
    if r.lan_ports_mbps is None:
        return (0.5, "", "The number of LAN ports is unknown.", "lan_ports_mbps")
    return (1.0, "{x.lan_ports} for your {x.wired}.", "", "")


_SQM = (
    "Has smart queue management (SQM), which keeps games and calls smooth while someone downloads."
)
_PRIORITY = "Can prioritise devices or apps."


def qos(r: Router, q: Requirements) -> Finding:
    sqm = r.qos.sqm
    if sqm:
        return (1.0, _SQM, "", "")
    other = r.qos.adaptive or r.qos.device_priority
    cares = q.qos_need != "none"
    if sqm is None:
        unknown = "qos.sqm" if cares else ""
        if other:
            return (
                0.55,
                _PRIORITY,
                "Unknown whether it has SQM, the feature that fixes lag under load."
                if q.sqm_wanted
                else "",
                unknown,
            )
        return (0.3, "", "Its traffic-priority features are unknown." if cares else "", unknown)
    if other:
        return (
            0.5,
            _PRIORITY,
            "No SQM: prioritising cannot fully stop lag when the line is full."
            if q.sqm_wanted
            else "",
            "",
        )
    return (0.0, "", "No traffic-priority features at all." if cares else "", "")


def security(r: Router, q: Requirements, today: str | None) -> Finding:
    fw = r.firmware
    auto, years, end = fw.automatic_updates, fw.support_years_promised, fw.end_of_support
    if today is not None and end is not None and end <= today:
        return (0.0, "", "Security updates ended on {r.firmware.end_of_support}: do not buy.", "")
    wpa3 = 1.0 if r.wpa3 else 0.5 if r.wpa3 is None else 0.0
    updates = 1.0 if auto else 0.5 if auto is None else 0.2
    support = (
        min(1.0, years / t.GOOD_SUPPORT_YEARS)
        if years is not None
        else 0.8
        if end is not None
        else 0.4
    )
    score = (wpa3 + updates + support) / 3
    if auto is None or (years is None and end is None):
        return (
            score,
            "",
            "Its firmware update policy is unknown to us: ask the vendor.",
            "firmware",
        )
    if r.wpa3 is False:
        return (score, "", "No WPA3, the current Wi-Fi security standard.", "")
    if auto:
        return (score, "Installs security updates automatically.", "", "")
    return (score, "", "Does not update itself: you must install updates by hand.", "")


_SUBSCRIPTION = "Some features need a paid subscription: {x.subscriptions}."


def management(r: Router, q: Requirements) -> Finding:
    m = r.management
    caveat = _SUBSCRIPTION if r.subscription_features else ""
    if m.cloud_account_required:
        return (0.4, "", caveat or "Needs an online account with the maker to set up.", "")
    if m.cloud_account_required is None:
        return (0.5, "", caveat, "cloud_account" if q.no_cloud_account else "")
    if m.local_web_ui:
        return (
            1.0,
            "Can be managed from a browser on your own network, no account needed.",
            caveat,
            "",
        )
    return (0.7, "", caveat, "")


def value(r: Router, q: Requirements) -> Finding:
    price = r.price_usd
    if price is None:
        return (0.4, "", "Its price is unknown.", "price_usd")
    pivot = t.VALUE_PIVOT_USD_PER_NODE * q.nodes_needed
    score = pivot / (pivot + price)
    if q.budget_usd is not None:
        return (score, "{x.price}, within your {x.budget} budget.", "", "")
    if price > 2 * pivot:
        return (
            score,
            "",
            "Costs {x.price}, more than twice the {x.pivot} or so "
            "a good fit for your home usually costs.",
            "",
        )
    return (score, "Costs {x.price}.", "", "")


def basic_unknowns(r: Router) -> int:
    """How many spec-sheet basics the catalog does not know: Wi-Fi class, WAN port, LAN
    ports, WPA3, every QoS feature, price."""
    qos = r.qos
    return (
        (r.wifi_class is None)
        + (r.wan_mbps is None)
        + (r.lan_ports_mbps is None)
        + (r.wpa3 is None)
        + (qos.sqm is None and qos.adaptive is None and qos.device_priority is None)
        + (r.price_usd is None)
    )


def overkill(r: Router, q: Requirements) -> tuple[Overkill, ...]:
    """Points off for paying for what this home cannot use, each with its explanation."""
    out: tuple[Overkill, ...] = ()
    if q.useful_wifi_mbps < t.FLAGSHIP_USEFUL_BELOW_MBPS:
        rating = class_rating(r.wifi_class)
        if rating is not None and rating >= t.FLAGSHIP_CLASS_RATING:
            out += (
                (
                    t.OVERKILL_FLAGSHIP_POINTS,
                    "A {r.wifi_class} router will not make a {q.plan_down_mbps:.0f} Mbit/s plan "
                    "faster: the plan, not the Wi-Fi, sets your speed.",
                ),
            )
    if r.kind == "mesh" and r.pack_size > q.nodes_needed and q.mesh_preference != "yes":
        out += (
            (
                t.OVERKILL_EXTRA_NODES_POINTS,
                "{x.nodes} nodes is more than your home needs ({q.nodes_needed} {x.covers} it).",
            ),
        )
    wan_mbps = r.wan_mbps
    if (
        wan_mbps is not None
        and wan_mbps >= t.MULTIGIG_WAN_MBPS
        and q.wan_mbps_needed <= 1000
        and not q.multigig_lan
    ):
        out += (
            (
                t.OVERKILL_MULTIGIG_WAN_POINTS,
                "Its {x.wan_gbps:g} Gbit/s Internet port goes unused on a "
                "{q.plan_down_mbps:.0f} Mbit/s plan.",
            ),
        )
    return out
