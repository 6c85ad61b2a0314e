"""Named thresholds and score tables of the scoring, each with where its number comes from.

A criterion's score is 0-1: 1 is what a careful installer would choose for this home, 0 a
model that does not do the thing at all. Between, the tables below say how much of the way
each outcome goes; the criteria (criteria.py, router_criteria.py) only pick the outcome.
"""

# Marketing classes (AX3000, BE19000) add up the link rates of every band. From AX11000 /
# BE19000 up are the vendors' flagship tiers (TP-Link, ASUS and Netgear line-ups 2020-2025).
FLAGSHIP_CLASS_RATING = 10000
# A flagship pays off only when the plan or the LAN can feed it: below a gigabit plan the
# Internet, not the Wi-Fi, sets the speed (see needs.GIGABIT_GOODPUT_MBPS).
FLAGSHIP_USEFUL_BELOW_MBPS = 2000
# A 2.5G port is what a 1 Gbit/s plan prefers and what midrange kits ship with (Deco,
# eero, ASUS 2023-2025); a 10G port is wasted on a plan a gigabit port already carries.
MULTIGIG_WAN_MBPS = 2500
UNUSED_WAN_MBPS = 10000
# Overkill by price, whatever facts are unknown (issue 11: an unknown Wi-Fi class must not
# exempt a $1,000 kit): more than twice the median price of the systems that fit this home.
OVERPRICED_FACTOR = 2.0
# Vendors that promise 5+ years of updates (Google/Nest, eero, Ubiquiti) are the good end
# (UK PSTI Act 2024 asks vendors to publish a support period; 5 years is a common promise).
GOOD_SUPPORT_YEARS = 5
# Support ending within this many years of the recommendation is a catch worth naming (a
# router bought today should get updates for a couple of years at least), and halves the
# security score.
SUPPORT_ENDS_SOON_YEARS = 2
SUPPORT_ENDS_SOON_FACTOR = 0.5
# Above this, clients (Wi-Fi 5 gear) start to crowd one another (see needs.MANY_CLIENTS).
CROWDED_CLIENTS_WIFI5 = 15
# Heavy homes (40+ devices) want more RAM for the connection table: 512 MB is the
# current midrange (TechInfoDepot specs of AX3000-class routers).
HEAVY_CLIENTS = 40
HEAVY_CLIENTS_RAM_MB = 512
# ...and more than an entry-level class: AX1800/AC1200-class models are the vendors' entry
# tier (dual-band 2x2, the smallest CPUs and RAM of each line-up, 2020-2025), sold for
# small homes; from AX3000 up is the midrange. Unknown RAM does not hide that.
ENTRY_CLASS_RATING = 3000
ENTRY_CLASS_FACTOR = 0.8
# One router for a home that needs more units ("no mesh"): it must reach as far as a
# router can. From AX5400 up the vendors' line-ups use 4x4 radios on 5 GHz or a second
# 5 GHz band and stronger amplifiers (ASUS RT-AX86U/RT-AX88U, Archer AX73/AX6000, Netgear
# RAX50-RAX120); below that, 2x2 radios of the entry and midrange tiers.
STRONG_SINGLE_ROUTER_RATING = 5400
# ...and a weaker radio there loses half its Wi-Fi score: the far rooms of a home that
# needs more units are where it falls short (a 2x2 radio reaches ~3 dB less than a 4x4).
WEAK_SINGLE_ROUTER_FACTOR = 0.5

# Scores per outcome. Coverage: a system short of the nodes the home needs keeps a share
# of the score in proportion to the nodes it has (the far rooms get weak Wi-Fi, not none),
# at most 60% of it (half the home covered is not 50% of the job: the weak rooms are the
# ones people complain about), and never under 20%.
COVERAGE_SHORT_SHARE = 0.6
COVERAGE_SHORT_FLOOR = 0.2
# And points off per node short: a room without usable Wi-Fi outweighs any spec-sheet
# advantage, so a system that covers the home ranks above one that does not (at 12 points a
# Wi-Fi 7 2-pack one node short of a 3-floor house still outranked covering 3-packs).
SHORT_NODE_POINTS = 20.0
# Backhaul for systems of more than one unit. A shared radio halves the speed at each
# wireless hop (every frame crosses the same channel twice: SmallNetBuilder's mesh tests,
# Wi-Fi Alliance EasyMesh overview); a reserved radio (tri-band) keeps most of it; cable
# keeps all of it. Powerline/MoCA adapters deliver ~300-900 Mbit/s (MoCA 2.5 spec,
# HomePlug AV2 tests): good, not cable.
BACKHAUL_SCORE: dict[str, float] = {
    "wired": 1.0,
    "powerline_or_moca": 0.85,
    "dedicated_radio": 0.9,
    "unknown": 0.55,
    "shared_radio": 0.4,
}
# With cable in the walls a system that cannot use it wastes the cable.
BACKHAUL_CABLE_UNUSED = 0.6
# Shared radios halve the speed at every hop, so a unit two hops from the router gets a
# quarter (the same SmallNetBuilder tests): the shared-radio score halves again for each
# hop past the first (coverage.radio_hops: units in a row chain, others reach each side).
SHARED_RADIO_HOP_FACTOR = 0.5
# Wi-Fi generation: Wi-Fi 5 lacks OFDMA and target wake time, which crowded homes need;
# 6E adds the 6 GHz band, 7 multi-link operation (Wi-Fi Alliance generation overviews).
GENERATION_SCORE: dict[str, float] = {"5": 0.45, "6": 0.85, "6E": 0.92, "7": 1.0}
WIFI5_CROWDED_SCORE = 0.25
# Below this useful Wi-Fi speed (twice the plan, needs.WIFI_HEADROOM) and with few devices,
# 6E and 7 score as Wi-Fi 6: a 2x2 Wi-Fi 6 link gives ~600-900 Mbit/s in a room, so a plan
# under ~500 Mbit/s cannot use 6 GHz or multi-link (what 6E and 7 add).
NEWEST_WIFI_USEFUL_FROM_MBPS = 1000
LOW_RAM_FACTOR = 0.7  # a crowded home on a router short of memory: connections drop
# WAN: a port slower than the plan caps it; unknown costs less when a gigabit is enough.
WAN_SCORE: dict[str, float] = {
    "fast_enough": 1.0,
    "gigabit_for_a_gigabit_plan": 0.85,  # ~940 of ~1000 Mbit/s: a preference, not a limit
    "unknown_gigabit_enough": 0.85,
    "unknown_multigig_needed": 0.3,
    "too_slow": 0.0,
}
# The line: a router without the modem a DSL/cable/5G line needs works only behind the
# provider's modem; an SFP hand-off without an SFP cage needs a converter or the ONT.
LINE_SCORE: dict[str, float] = {
    "fits": 1.0,
    "needs_separate_modem": 0.3,
    "needs_sfp_converter": 0.6,
}
# Ports: the switch that adds ports is priced into the system, so short ports cost little
# here; a missing multi-gig port for a NAS cannot be fixed that cheaply.
PORTS_SCORE: dict[str, float] = {
    "enough": 1.0,
    "with_switch": 0.9,
    "unknown": 0.5,
    "multigig_unknown": 0.4,
    "no_multigig": 0.2,
}
# QoS: SQM (fq_codel/CAKE) is what removes bufferbloat (Bufferbloat project); device or
# app priority helps only while the line is not full.
QOS_SCORE: dict[str, float] = {
    "sqm": 1.0,
    "priority_sqm_unknown": 0.55,
    "priority_no_sqm": 0.5,
    "unknown": 0.3,
    "none": 0.0,
}
# Security: WPA3, automatic updates and the support window count one third each.
WPA3_SCORE: dict[bool | None, float] = {True: 1.0, None: 0.5, False: 0.0}
AUTO_UPDATE_SCORE: dict[bool | None, float] = {True: 1.0, None: 0.5, False: 0.2}
SUPPORT_DATE_KNOWN = 0.8  # an end-of-support date or supported-list check, no promise
SUPPORT_UNKNOWN = 0.4
SUPPORT_ENDED = 0.0  # on the vendor's end-of-life list
# Management: an online account with the maker is a dependency (the service can end); a
# local web page works without one. Comfort: an app-only person on a web-only system, or
# a prosumer on an app-only system, is a mismatch worth a little.
MANAGEMENT_SCORE: dict[str, float] = {
    "local": 1.0,
    "no_account": 0.7,
    "account_unknown": 0.5,
    "account_required": 0.4,
}
COMFORT_MISMATCH_FACTOR = 0.5
# ...and points off a household that wants an app (the default: most people) for a system
# it would struggle to run. Without a phone app it is set up and run from a web page (or a
# command line for more); without automatic updates someone must find and install every
# update, or it goes unpatched. Reviewers (Wirecutter, PCMag, SmallNetBuilder on OpenWrt
# hardware) name such routers for tinkerers only. Points, not a hard limit: the system is
# still shown when nothing else fits, below every system of similar merit that the
# household can run (a score gap of ~10 points is two to three places on a shortlist).
COMFORT_POINTS: dict[str, float] = {
    "no_app": 10.0,
    "no_app_manual_updates": 20.0,  # web page and self-maintenance: the tinkerer's router
    "manual_updates": 3.0,  # an app, but updates by hand: a chore easily forgotten
    # A prosumer on an app-only system: no web interface, so none of the fine control
    # (VLANs, static routes, per-port settings) they asked for; reviewers send them to
    # UniFi, Omada or OpenWrt, not consumer mesh.
    "app_only_for_prosumer": 8.0,
}
# Features the household asked for (VPN server): has it, does not, unknown.
FEATURE_SCORE: dict[bool | None, float] = {True: 1.0, None: 0.5, False: 0.1}
# A VPN client for the whole home (a work or paid VPN run on the router). The catalog
# records VPN servers; firmware that runs WireGuard/OpenVPN as a server (ASUS, GL.iNet,
# OpenWrt, AVM, UniFi) mostly runs it as a client too, not all (some Netgear firmware
# serves only), hence short of full marks and a question; no VPN software at all (eero,
# Google Nest) means no client either.
VPN_CLIENT_SCORE: dict[str, float] = {
    "runs_vpn_software": 0.8,
    "unknown": 0.5,
    "no_vpn_software": 0.1,
}
# Value without a price: below the midpoint, so a priced equal ranks first.
UNKNOWN_PRICE_VALUE = 0.4
NO_MARKET_VALUE = 0.5  # no system of known price to compare with

# Points taken off a 0-100 score.
OVERKILL_FLAGSHIP_POINTS = 12.0
OVERKILL_PRICE_POINTS = 10.0
OVERKILL_EXTRA_NODES_POINTS = 12.0  # per unit more than the home needs
OVERKILL_MULTIGIG_WAN_POINTS = 2.0
# Unknowns: a fact this home's needs hinge on (a vendor question) costs as much as a
# mid-sized caveat; each basic spec sheet fact missing (Wi-Fi class, ports, WPA3, QoS,
# price) a little, so a model we know little about cannot outrank a documented one on
# the benefit of the doubt.
UNKNOWN_FACT_POINTS = 6.0
UNKNOWN_BASIC_POINTS = 2.0

# A shortlist is a choice: each further system of a family (its `system`, or its brand) and
# Wi-Fi generation already on it ranks as if it scored this many points less, so eero 7,
# eero 6, eero 6+ and eero Pro 6 (within 5 points of each other) do not fill a top 4, while
# a clearly better second system of one family still beats a worse one of another.
REPEAT_FAMILY_POINTS = 10.0
