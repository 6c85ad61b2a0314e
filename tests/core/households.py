"""Households as a home-networking reviewer meets them, each with what a good advisor must
say. Shared by tests/core/test_households.py (core, fixture and shipped catalogs) and
tests/cli/test_households_cmd.py (the same homes through `recommend --json`).
"""

from dataclasses import dataclass, field
from typing import Any

from router_advisor.core.answers import answers_from_dict
from router_advisor.core.recommend import Recommendation, recommend
from router_advisor.core.router import Router
from router_advisor.core.speed import SpeedResult

TODAY = "2026-12-01"


@dataclass(frozen=True)
class Household:
    """One home: its answers file, an optional measured line, and why it is here."""

    name: str
    why: str
    answers: dict[str, Any]
    speed: SpeedResult | None = None
    tags: frozenset[str] = field(default_factory=frozenset)


def measured(down: float, up: float, grade: str, idle: float = 15.0) -> SpeedResult:
    """A speed test result: grade F adds several hundred ms under load."""
    loaded = {"A": 20.0, "B": 50.0, "C": 120.0, "D": 250.0, "F": 450.0}[grade]
    return SpeedResult(
        server=None,
        download_mbps=down,
        upload_mbps=up,
        idle_latency_ms=idle,
        jitter_ms=3.0,
        loaded_latency_download_ms=idle + loaded,
        loaded_latency_upload_ms=idle + loaded,
        bufferbloat_grade=grade,
    )


HOUSEHOLDS: tuple[Household, ...] = (
    Household(
        "studio-dsl-60",
        "A student's 30 m² studio on 50 Mbit/s DSL behind the provider's modem, $60 to spend: "
        "one cheap router, nothing over $60 that claims to fit.",
        {
            "home": {"size_m2": 30},
            "household": {"people": 1, "devices": 5},
            "budget": {"max_usd": 60},
            "isp": {"down_mbps": 50, "up_mbps": 10, "line": "dsl", "isp_box": "modem"},
        },
    ),
    Household(
        "stone-farmhouse",
        "A 250 m² farmhouse with 60 cm stone walls on two floors, no cable between rooms: "
        "several nodes linked by a radio of their own.",
        {
            "home": {"size_m2": 250, "floors": 2, "walls": "stone"},
            "household": {"people": 4, "devices": 30},
            "isp": {"down_mbps": 200, "up_mbps": 20},
        },
        tags=frozenset({"no_cable"}),
    ),
    Household(
        "four-gamers-gigabit",
        "Four teenagers gaming at once on 1 Gbit/s fibre in a 110 m² flat: SQM first, and "
        "a 2.5G WAN port preferred (a 1G port carries ~940 Mbit/s).",
        {
            "home": {"size_m2": 110},
            "household": {"people": 5, "devices": 35},
            "usage": {"gamers": 4, "streaming_4k": 1},
            "wired": {"devices": 2},
            "isp": {"down_mbps": 1000, "up_mbps": 1000, "line": "fibre"},
        },
        tags=frozenset({"games"}),
    ),
    Household(
        "rental-no-cable",
        "A long 95 m² rental flat with concrete walls where no cable may be run: two nodes "
        "on a dedicated backhaul radio.",
        {
            "home": {
                "size_m2": 95,
                "walls": "concrete",
                "layout": "long",
                "cabling": "none",
            },
            "household": {"people": 2, "devices": 18},
            "isp": {"down_mbps": 300, "up_mbps": 30, "line": "cable"},
        },
        tags=frozenset({"no_cable"}),
    ),
    Household(
        "privacy-minded",
        "A privacy-minded couple: nothing that needs the maker's online account, managed "
        "from a local web page.",
        {
            "home": {"size_m2": 80},
            "household": {"people": 2, "devices": 12},
            "preferences": {"no_cloud_account": True, "comfort": "web"},
            "isp": {"down_mbps": 250, "up_mbps": 25},
        },
    ),
    Household(
        "smart-home-80",
        "A 140 m² home with 80 smart-home gadgets among 110 devices: Wi-Fi 6 or newer, "
        "an IoT network and Thread/Matter asked about, updates matter.",
        {
            "home": {"size_m2": 140, "floors": 2},
            "household": {"people": 3, "devices": 110, "smart_home_devices": 80},
            "usage": {"separate_networks": True},
            "isp": {"down_mbps": 500, "up_mbps": 50},
        },
    ),
    Household(
        "two-floors-150",
        "$150 for a 160 m² house on two floors: the whole system, every node included, within "
        "$150, or the closest systems with how far over they are.",
        {
            "home": {"size_m2": 160, "floors": 2, "walls": "brick"},
            "household": {"people": 4, "devices": 25},
            "budget": {"max_usd": 150},
            "isp": {"down_mbps": 300, "up_mbps": 30},
        },
        tags=frozenset({"no_cable"}),
    ),
    Household(
        "cat6-every-room",
        "A 280 m² house on three floors with Cat6 in every room: wired access points or "
        "nodes linked by cable, PoE priced in.",
        {
            "home": {"size_m2": 280, "floors": 3, "cabling": "every_room"},
            "household": {"people": 4, "devices": 40},
            "wired": {"devices": 4},
            "isp": {"down_mbps": 1000, "up_mbps": 500},
            "preferences": {"comfort": "prosumer"},
        },
    ),
    Household(
        "fibre-5g",
        "5 Gbit/s fibre with a 10G Ethernet hand-off and a NAS: a 10G WAN port, multi-gig LAN.",
        {
            "home": {"size_m2": 120, "floors": 2},
            "household": {"people": 3, "devices": 30},
            "wired": {"devices": 3, "multigig": True},
            "isp": {
                "down_mbps": 5000,
                "up_mbps": 5000,
                "line": "fibre",
                "handoff": "ethernet",
                "handoff_mbps": 10000,
            },
        },
    ),
    Household(
        "satellite",
        "A rural home on a satellite line (600 ms idle latency, the dish's own router): "
        "bypass mode asked, latency said plainly, no modem-router.",
        {
            "home": {"size_m2": 130},
            "household": {"people": 2, "devices": 15},
            "usage": {"video_calls": True},
            "isp": {
                "down_mbps": 100,
                "up_mbps": 10,
                "latency_ms": 600,
                "line": "satellite",
                "isp_box": "router",
            },
        },
    ),
    Household(
        "sfp-handoff",
        "Fibre that arrives as an SFP+ module: a router with an SFP cage, and the module asked.",
        {
            "home": {"size_m2": 100},
            "household": {"people": 2, "devices": 20},
            "isp": {"down_mbps": 2000, "up_mbps": 2000, "line": "fibre", "handoff": "sfp"},
        },
    ),
    Household(
        "cable-modem-needed",
        "A US cable line with no modem of its own: a cable modem-router, never a DSL one.",
        {
            "home": {"size_m2": 90},
            "household": {"people": 2, "devices": 15},
            "isp": {"down_mbps": 400, "up_mbps": 20, "line": "cable", "handoff": "modem_needed"},
        },
    ),
    Household(
        "home-5g",
        "5G home Internet: a 5G modem-router heads the network.",
        {
            "home": {"size_m2": 70},
            "household": {"people": 2, "devices": 10},
            "isp": {"down_mbps": 250, "up_mbps": 30, "line": "lte_5g", "handoff": "modem_needed"},
        },
    ),
    Household(
        "uk-buyer",
        "A UK family: only models sold in the UK, prices seen elsewhere said to be a guide.",
        {
            "home": {"size_m2": 100, "floors": 2},
            "household": {"people": 4, "devices": 25},
            "isp": {"down_mbps": 500, "up_mbps": 70, "line": "fibre"},
            "preferences": {"region": "UK"},
        },
    ),
    Household(
        "vpn-home-server",
        "Someone who reaches home from outside: a built-in VPN server counts.",
        {
            "home": {"size_m2": 70},
            "household": {"people": 1, "devices": 10},
            "usage": {"vpn": "server", "remote_work": True},
            "isp": {"down_mbps": 300, "up_mbps": 100},
        },
    ),
    Household(
        "vpn-work-client",
        "A work VPN run on the router: its encryption speed is asked.",
        {
            "home": {"size_m2": 70},
            "household": {"people": 1, "devices": 10},
            "usage": {"vpn": "client", "remote_work": True, "video_calls": True},
            "isp": {"down_mbps": 500, "up_mbps": 100},
        },
    ),
    Household(
        "garden-office",
        "A 120 m² house with a garden office to cover: one more node, placed in the office.",
        {
            "home": {"size_m2": 120, "layout": "separate_building"},
            "household": {"people": 3, "devices": 20},
            "usage": {"remote_work": True, "video_calls": True},
            "isp": {"down_mbps": 300, "up_mbps": 50},
        },
        tags=frozenset({"no_cable"}),
    ),
    Household(
        "bungalow-line-at-one-end",
        "A long 170 m² bungalow whose line comes in at one end: three nodes along it.",
        {
            "home": {"size_m2": 170, "layout": "long", "line_enters": "one_end"},
            "household": {"people": 2, "devices": 15},
            "isp": {"down_mbps": 150, "up_mbps": 20},
        },
        tags=frozenset({"no_cable"}),
    ),
    Household(
        "townhouse-concrete-slabs",
        "A 3-storey townhouse (60 m² a floor) with concrete floors: a node on every floor.",
        {
            "home": {"size_m2": 180, "floors": 3, "floor_slabs": "concrete"},
            "household": {"people": 4, "devices": 30},
            "isp": {"down_mbps": 500, "up_mbps": 50},
        },
        tags=frozenset({"no_cable"}),
    ),
    Household(
        "nas-multigig",
        "A photographer with a NAS who wants 2.5G on the LAN, on a 500 Mbit/s plan.",
        {
            "home": {"size_m2": 90},
            "household": {"people": 2, "devices": 15},
            "usage": {"large_uploads": True},
            "wired": {"devices": 2, "multigig": True},
            "isp": {"down_mbps": 500, "up_mbps": 500},
        },
    ),
    Household(
        "many-wired",
        "Eight devices by cable in a small office flat: a switch priced in when the router "
        "has four ports.",
        {
            "home": {"size_m2": 75},
            "household": {"people": 2, "devices": 20},
            "wired": {"devices": 8},
            "isp": {"down_mbps": 300, "up_mbps": 30},
        },
    ),
    Household(
        "owns-a-deco",
        "A household that already owns one Deco X55 and needs three nodes: reuse it.",
        {
            "home": {"size_m2": 260, "floors": 2, "walls": "brick"},
            "household": {"people": 3, "devices": 25},
            "isp": {"down_mbps": 300, "up_mbps": 30},
            "equipment": {"owned": ["TP-Link Deco X55"]},
        },
        tags=frozenset({"no_cable"}),
    ),
    Household(
        "moca-possible",
        "No Ethernet between rooms, but coax in the walls for MoCA: wired-capable nodes.",
        {
            "home": {"size_m2": 220, "floors": 2, "cabling": "none", "powerline_or_moca": True},
            "household": {"people": 4, "devices": 30},
            "isp": {"down_mbps": 500, "up_mbps": 20, "line": "cable"},
        },
    ),
    Household(
        "no-mesh-big-house",
        "A large house whose owner wants one router, no mesh: one box, and it says the far "
        "end may be weak.",
        {
            "home": {"size_m2": 300, "floors": 2},
            "household": {"people": 3, "devices": 20},
            "preferences": {"mesh": "no"},
            "isp": {"down_mbps": 300, "up_mbps": 30},
        },
    ),
    Household(
        "mansion-tiny-budget",
        "A 400 m² house with $40: no system of known price fits, so the closest are shown "
        "with how far over budget they are and the key to change.",
        {
            "home": {"size_m2": 400, "floors": 3},
            "household": {"people": 5, "devices": 40},
            "budget": {"max_usd": 40},
            "isp": {"down_mbps": 500, "up_mbps": 50},
        },
        tags=frozenset({"no_cable"}),
    ),
    Household(
        "gamer-bufferbloat",
        "A gamer whose measured line chokes under load (grade F): SQM models first.",
        {
            "home": {"size_m2": 80},
            "household": {"people": 2, "devices": 14},
            "usage": {"gaming": True, "video_calls": True},
            "wired": {"devices": 2},
            "budget": {"max_usd": 250},
        },
        speed=measured(480.0, 20.0, "F"),
        tags=frozenset({"games"}),
    ),
    Household(
        "small-flat-100",
        "One person, 45 m², 100 Mbit/s: one inexpensive router, no mesh, no flagship.",
        {
            "home": {"size_m2": 45, "walls": "brick"},
            "household": {"people": 1, "devices": 6},
            "usage": {"video_calls": True, "streaming_4k": 1},
            "isp": {"down_mbps": 100, "up_mbps": 20},
        },
    ),
)


def answers_of(h: Household) -> dict[str, Any]:
    """The answers file of `h` (as a person would write it)."""
    return h.answers


BY_NAME = {h.name: h for h in HOUSEHOLDS}


def advise(h: Household | str, catalog: list[Router], top: int = 5) -> Recommendation:
    """What the recommender says for `h` (a Household or its name)."""
    home = BY_NAME[h] if isinstance(h, str) else h
    return recommend(
        answers_from_dict(answers_of(home)), catalog, speed=home.speed, top=top, today=TODAY
    )
