"""How many nodes a home needs, how they should link, and where each one goes.

Sized from the home, not from box claims (vendors quote open-plan best cases): area,
walls, what the floors are made of, the shape of the home, where the line comes in and a
separate building to cover. Each contribution keeps a plain reason.
"""

import math
from dataclasses import dataclass
from typing import Literal

from router_advisor.core.answers import Home

# One node covers about 1,500 sq ft (~140 m2) through drywall: eero 6 and Deco X20 product
# pages both claim "up to 1,500 sq ft" per unit. That is the low end of what vendors claim:
# the shipped catalog's mesh units state 139-310 m2 each, median ~203 m2 (2,180 sq ft), all
# open-plan, one-floor best cases; 140 m2 is ~70% of that median, the margin a reviewer
# allows for furniture, doors and devices in the far corners.
NODE_COVERAGE_M2 = 140.0
# Walls cut range: ~3 dB per drywall wall, ~8 dB brick, ~15 dB concrete (Cisco, "Wireless
# LAN Design Guide for High Density Client Environments", attenuation table); thick stone
# or adobe (40-60 cm) costs 20 dB and more per wall (ITU-R P.2040 material tables): every
# ~6 dB halves the range, so the area one node covers shrinks accordingly.
WALL_COVERAGE_FACTOR: dict[str, float] = {
    "drywall": 1.0,
    "brick": 0.7,
    "concrete": 0.5,
    "stone": 0.4,
}
# Floors. A node reaches the floor directly above or below through a wooden floor (a timber
# floor costs ~5-10 dB at 5 GHz, ITU-R P.2040 material tables), never two floors away (two
# floors plus the distance: 15 dB and more), and a concrete slab (15-20 dB) stops it. A
# node serving two storeys covers both storeys' area, so it does that only while their
# combined area fits what one node covers: a 2-storey 120 m2 house, yes; a 3-storey 279 m2
# house (93 m2 a floor), no: one node on every floor, which is what eero's and Google's
# placement guides suggest for multi-storey homes anyway.
MAX_FLOORS_PER_NODE: dict[str, int] = {"wood": 2, "concrete": 1}
# A long or L-shaped home puts its far rooms farther from any node than a square home of
# the same area: count a quarter more area (a 2:1 rectangle's far corner is ~25% farther).
LONG_LAYOUT_AREA_FACTOR = 1.25
# A router at one end of the home sends half its coverage outside: count 40% more area
# unless cable can carry the line to the middle.
ONE_END_AREA_FACTOR = 1.4
SLACK = 0.05  # 5% slack: a 147 m2 flat on drywall is one node, not two

BackhaulNeed = Literal["none", "wired", "powerline_or_moca", "dedicated_radio"]


@dataclass(frozen=True)
class CoveragePlan:
    """The node count a home needs, how the nodes should link, and why."""

    nodes: int
    backhaul: BackhaulNeed
    reasons: tuple[str, ...]  # what drove the count beyond one node, in plain words
    home_nodes: int = 1  # what the home needs before a "no mesh" preference caps it at one


def plan_coverage(home: Home, mesh: str) -> CoveragePlan:
    """Nodes from area (through walls, shape and where the line enters), floors (by slab)
    and a separate building; the backhaul from the cabling the home has."""
    reasons: list[str] = []
    area = home.size_m2
    if home.layout == "long":
        area *= LONG_LAYOUT_AREA_FACTOR
        reasons.append("a long or L-shaped home puts the far rooms farther away")
    if home.line_enters == "one_end" and home.cabling == "none":
        area *= ONE_END_AREA_FACTOR
        reasons.append("the line comes in at one end, so the router cannot sit in the middle")
    per_node = NODE_COVERAGE_M2 * WALL_COVERAGE_FACTOR[home.walls]
    by_area = max(1, math.ceil(area / per_node - SLACK))
    if home.walls in ("concrete", "stone") and by_area > 1:
        reasons.append(f"{home.walls} walls stop Wi-Fi")
    floors_per_node = floors_one_node_serves(home, per_node)
    by_floors = math.ceil(home.floors / floors_per_node)
    if home.floor_slabs == "concrete" and home.floors > 1:
        reasons.append("concrete floors stop Wi-Fi between storeys: one node per floor")
    elif floors_per_node == 1 and home.floors > 1 and by_floors > by_area:
        reasons.append(
            "one node covers its own floor and the next only in a smaller home: one node per floor"
        )
    nodes = max(by_area, by_floors)
    if home.layout == "separate_building":
        nodes += 1
        reasons.append("the separate building needs a node of its own")
    home_nodes = nodes
    if mesh == "no":
        nodes = 1
    elif mesh == "yes":
        nodes = max(nodes, 2)
    return CoveragePlan(nodes, backhaul_need(home, nodes), tuple(reasons), home_nodes)


def radio_hops(home: Home, nodes: int) -> int:
    """Wireless hops from the router to the farthest unit: units stand in a row when the
    floors are stacked one per unit, the home is long, or the line (and so the router)
    comes in at one end; otherwise the router sits among them and reaches each side."""
    if nodes <= 1:
        return 0
    in_a_row = home.floors >= nodes or home.layout == "long" or home.line_enters == "one_end"
    return nodes - 1 if in_a_row else math.ceil((nodes - 1) / 2)


def floors_one_node_serves(home: Home, per_node_m2: float) -> int:
    """Storeys one node can serve: two through a wooden floor while both storeys' area fits
    what a node covers (MAX_FLOORS_PER_NODE), else one."""
    most = MAX_FLOORS_PER_NODE[home.floor_slabs]
    per_floor = home.size_m2 / max(1, home.floors)
    if most > 1 and most * per_floor > per_node_m2 * (1 + SLACK):
        return 1
    return most


def backhaul_need(home: Home, nodes: int) -> BackhaulNeed:
    """How the nodes should link: by the cable the home has, else by powerline/MoCA, else
    by a radio reserved for the link (a tri-band system), which keeps the devices' radios
    free; a single unit needs none."""
    if nodes <= 1:
        return "none"
    if home.cabling != "none":
        return "wired"
    if home.powerline_or_moca:
        return "powerline_or_moca"
    return "dedicated_radio"


def placement(home: Home, nodes: int, wired_aps: bool = False) -> str:
    """One sentence: where the router and each node go."""
    if nodes <= 1:
        if home.line_enters == "one_end":
            return (
                "Put the router where the line comes in, up high and in the open; a long "
                "Ethernet cable toward the middle of the home helps the far rooms."
            )
        if home.floors > 1:
            # Wi-Fi spreads up and down as well as across: between the floors reaches both.
            return (
                "Put the router near the middle of the home and between its floors (high on "
                "the lower floor or low on the upper one), in the open, not in a cupboard."
            )
        return (
            "Put the router near the middle of the home, up high and in the open, "
            "not in a cupboard."
        )
    unit = "access point" if wired_aps else "node"
    parts = ["Put the router where the line comes in"]
    left = nodes - 1
    if home.layout == "separate_building":
        left -= 1
    if home.floors > 1 and left > 0:
        per_floor = min(left, home.floors - 1)
        if per_floor == home.floors - 1:
            where = "on each other floor" if per_floor > 1 else "on the other floor"
        elif per_floor == 1:
            where = "on the top floor (it reaches the floor below too)"
        else:
            where = "on the upper floors, every other floor"
        count = (
            "one " + unit
            if per_floor == 1 or per_floor == home.floors - 1
            else f"{per_floor} {unit}s"
        )
        parts.append(f"{count} {where}")
        left -= per_floor
    if left > 0:
        spot = (
            "along the home toward the far end"
            if home.layout == "long" or home.line_enters == "one_end"
            else "toward the far rooms"
        )
        sight = "" if wired_aps else ", each within two rooms of the last"
        parts.append(f"{'one ' + unit if left == 1 else f'{left} {unit}s'} {spot}{sight}")
    if home.layout == "separate_building":
        link = "on a cable" if home.cabling != "none" else "by a window facing the house"
        parts.append(f"one in the separate building, {link}")
    cable = "; run a cable to each" if wired_aps else ""
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1] + cable + "."
