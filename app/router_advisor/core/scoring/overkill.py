"""Points off for paying for what this home cannot use, each with its explanation.

The price check needs no fact but the price (issue 11: an unknown Wi-Fi class must not
exempt a $1,000 kit), measured against what the systems that fit this home cost.
"""

from router_advisor.core.needs import Requirements
from router_advisor.core.scoring import thresholds as t
from router_advisor.core.scoring.criteria import Market, Overkill, class_rating
from router_advisor.core.system import System

_FLAGSHIP = Overkill(
    t.OVERKILL_FLAGSHIP_POINTS,
    "{x.a_class} {r.wifi_class} system will not make {x.plan} faster: the line, not the "
    "Wi-Fi, sets your speed.",
)
_OVERPRICED = Overkill(
    t.OVERKILL_PRICE_POINTS,
    "At {x.price} it costs more than twice the {x.median} that the middle of the "
    "{x.fitting} cost, for speed your line cannot use.",
)
_EXTRA_NODES = "{x.nodes} units is more than your home needs ({q.nodes_needed} {x.covers} it)."
_MULTIGIG_WAN = Overkill(
    t.OVERKILL_MULTIGIG_WAN_POINTS,
    "Its {x.wan_gbps:g} Gbit/s Internet port goes unused on {x.plan}.",
)


def overkill(s: System, q: Requirements, market: Market) -> tuple[Overkill, ...]:
    out: tuple[Overkill, ...] = ()
    r = s.lead
    wan_mbps = r.wan_mbps
    if (
        q.useful_wifi_mbps >= t.FLAGSHIP_USEFUL_BELOW_MBPS
        and s.nodes <= q.nodes_needed
        and (wan_mbps is None or wan_mbps < t.UNUSED_WAN_MBPS)
    ):
        return out  # the common case, made fast: nothing here can be overkill
    if q.useful_wifi_mbps < t.FLAGSHIP_USEFUL_BELOW_MBPS:
        rating = class_rating(r.wifi_class)
        if rating is not None and rating >= t.FLAGSHIP_CLASS_RATING:
            out += (_FLAGSHIP,)
        price = s.price_usd
        median = market.median_usd
        if price is not None and median and price > t.OVERPRICED_FACTOR * median:
            out += (_OVERPRICED,)
    if s.nodes > q.nodes_needed and q.mesh_preference != "yes":
        extra = s.nodes - q.nodes_needed
        out += (Overkill(t.OVERKILL_EXTRA_NODES_POINTS * extra, _EXTRA_NODES),)
    if (
        wan_mbps is not None
        and wan_mbps >= t.UNUSED_WAN_MBPS
        and q.wan_preferred_mbps <= 1000
        and not q.multigig_lan
    ):
        out += (_MULTIGIG_WAN,)
    return out
