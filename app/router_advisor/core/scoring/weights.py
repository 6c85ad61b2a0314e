"""How much each criterion counts, and how that shifts with the household's needs."""

from router_advisor.core.needs import Requirements
from router_advisor.core.scoring.score import CRITERIA
from router_advisor.core.scoring.thresholds import HEAVY_CLIENTS

BASE_WEIGHTS: dict[str, float] = {
    "coverage": 3.0,
    "backhaul": 0.0,
    "wifi": 2.0,
    "wan": 2.0,
    "line": 0.0,
    "ports": 1.0,
    "qos": 0.5,
    "security": 1.5,
    "management": 1.0,
    "features": 0.0,
    "value": 2.5,
}

# Bad bufferbloat with games or calls makes SQM the thing that changes daily life most.
QOS_WEIGHT: dict[str, float] = {"none": 0.5, "helpful": 1.5, "important": 6.0}
SECURITY_WEIGHT: dict[str, float] = {"normal": 1.5, "high": 2.5}
# With nothing to plug in, the port count hardly matters.
NO_WIRED_PORTS_WEIGHT = 0.2
# A 2.5G+ LAN port for a NAS or PC, asked for: no cheap switch adds one (a gigabit port
# holds the NAS to ~940 Mbit/s), so it weighs as much as the Wi-Fi itself.
MULTIGIG_PORTS_WEIGHT = 2.0
# More than one node: how they link decides the speed in the far rooms; most where no
# cable runs (a shared radio halves it per hop) or where cable waits in the walls.
BACKHAUL_WEIGHT: dict[str, float] = {
    "none": 0.0,
    "wired": 2.5,
    "powerline_or_moca": 2.0,
    "dedicated_radio": 3.0,
}
# A line that needs a modem makes the modem count most: without one the router cannot
# connect at all (only behind the provider's modem). An SFP hand-off counts less: the
# provider's fibre box or a converter works.
MODEM_WEIGHT = 8.0
# Without a cage the household keeps the provider's fibre box or buys a converter: one more
# box, cost and failure point, as much as the Wi-Fi itself (at 2 an eero 7 without a cage
# was first for the SFP household).
LINE_WEIGHT = 4.0
# A crowd of devices (thresholds.HEAVY_CLIENTS) makes the Wi-Fi itself count for more.
CROWDED_WIFI_WEIGHT = 3.0
# A simple home (one unit, a plan a gigabit port carries with room to spare, no games, no
# multi-gig LAN): every current router does the job, so what it costs is what differs most.
SIMPLE_HOME_VALUE_WEIGHT = 4.0
SIMPLE_HOME_USEFUL_BELOW_MBPS = 1000  # needs.useful_wifi_mbps: twice the plan
# Who manages it: an online-account dependency, a local web page, the app a non-expert
# needs (the default comfort is "app"). More when the person stated a comfort or refuses
# an online account.
COMFORT_WEIGHT = 1.5
# A VPN the household asked for: without it on the router the job moves elsewhere (a VPN
# app on every device, a server on an always-on PC), so it weighs as much as the coverage
# of a small home, enough that a router without it ranks below those with it.
VPN_SERVER_WEIGHT = 3.0
VPN_CLIENT_WEIGHT = 3.0


def weights_for(req: Requirements) -> tuple[float, ...]:
    """The weight table for this household, in score.CRITERIA order, as shares of 1."""
    weights = dict(BASE_WEIGHTS)
    weights["qos"] = QOS_WEIGHT[req.qos_need]
    weights["security"] = SECURITY_WEIGHT[req.security_priority]
    weights["backhaul"] = BACKHAUL_WEIGHT[req.backhaul_need]
    if req.modem_needed:
        weights["line"] = MODEM_WEIGHT
    elif req.handoff == "sfp":
        weights["line"] = LINE_WEIGHT
    if req.comfort != "app" or req.no_cloud_account:
        weights["management"] = COMFORT_WEIGHT
    if req.vpn == "server":
        weights["features"] = VPN_SERVER_WEIGHT
    elif req.vpn == "client":
        weights["features"] = VPN_CLIENT_WEIGHT
    if req.lan_ports_needed == 0 and not req.multigig_lan:
        weights["ports"] = NO_WIRED_PORTS_WEIGHT
    elif req.multigig_lan:
        weights["ports"] = MULTIGIG_PORTS_WEIGHT
    if req.clients >= HEAVY_CLIENTS or req.one_router_stretched:
        weights["wifi"] = CROWDED_WIFI_WEIGHT  # a crowd, or one router stretched over a big home
    simple = (
        req.nodes_needed == 1
        and req.useful_wifi_mbps < SIMPLE_HOME_USEFUL_BELOW_MBPS
        and not req.gaming
        and not req.multigig_lan
        and req.vpn == "none"
        and not req.one_router_stretched  # then its reach differs most, not its price
    )
    if simple:
        weights["value"] = SIMPLE_HOME_VALUE_WEIGHT
    total = sum(weights.values())
    # As shares of the whole (they sum to 1), so a score is 100 x the weighted findings.
    return tuple(weights[name] / total for name in CRITERIA)
