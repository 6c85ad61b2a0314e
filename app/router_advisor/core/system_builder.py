"""Build one whole system per catalog entry that can lead it, from what is for sale.

The catalog is indexed once per recommendation (families, their add-on units and access
points, what the household owns), so building ten thousand systems stays cheap: each
family's cheapest way to add n units is worked out once and cached.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from router_advisor.core.coverage import placement
from router_advisor.core.needs import Requirements
from router_advisor.core.part_prices import (
    LINK_ADAPTER,
    MULTIGIG_SWITCH,
    POE_INJECTOR,
    POE_SWITCHES,
    SFP_CONVERTER_GIGABIT,
    SFP_CONVERTER_MULTIGIG,
    SWITCHES,
    Part,
)
from router_advisor.core.router import WIFI_GENERATIONS, Router, support_end
from router_advisor.core.system import Backhaul, Component, System, make_system

MAX_INJECTORS = 2  # from three PoE access points on, one PoE switch is cheaper and tidier
LEAD_KINDS = frozenset({"router", "mesh", "modem_router"})
UNKNOWN = float("inf")
# Which add-on units a system prefers (CatalogIndex.extension): any, with a radio reserved
# for the backhaul, or able to take a cable.
Link = Literal["any", "radio", "cable"]


def for_sale_problem(r: Router, q: Requirements, today: str | None) -> str | None:
    """Why a model cannot be shortlisted for purchase here, or None: travel routers are not
    whole-home routers; discontinued or past end of support is not for sale; a region it is
    not sold in; a modem-router only where the line needs one, and for that line."""
    if r.kind == "travel":
        return "travel"
    if r.discontinued:
        return "discontinued"
    end = support_end(r)
    if today is not None and end is not None and end <= today:
        return "end_of_support"
    if r.regions is not None and q.region not in r.regions:
        return "region"
    if r.kind == "modem_router":
        if not q.modem_needed:
            return "modem_router"
        if r.line is not None and q.line not in ("unknown", r.line):
            return "modem_router"
    return None


@dataclass
class CatalogIndex:
    """The catalog as the builder needs it: leads, each family's add-on units and access
    points, owned units, and how many models were left out for each reason."""

    leads: list[Router] = field(default_factory=list)
    units: dict[str, list[Router]] = field(default_factory=dict)
    access_points: dict[str, list[Router]] = field(default_factory=dict)
    owned: dict[str, list[Router]] = field(default_factory=dict)
    owned_unknown: list[str] = field(default_factory=list)  # not in the catalog
    owned_retired: list[str] = field(default_factory=list)  # past their end of support
    owned_alone: list[str] = field(default_factory=list)  # of no system to join
    owned_without_ethernet: list[str] = field(default_factory=list)  # radio only: no cable
    excluded: dict[str, int] = field(default_factory=dict)
    _plans: dict[tuple[str, str, int, Link], tuple[tuple[Component, int], ...]] = field(
        default_factory=dict
    )
    _placements: dict[tuple[int, bool], str] = field(default_factory=dict)

    def placement(self, q: Requirements, units: int, wired_aps: bool) -> str:
        """Where the units go: one sentence per count, shared by every system of it."""
        key = (units, wired_aps)
        if key not in self._placements:
            self._placements[key] = placement(q.home, units, wired_aps)
        return self._placements[key]

    def extension(
        self, lead: Router, n: int, link: Link = "any"
    ) -> tuple[tuple[Component, int], ...]:
        """The cheapest (known price first) add-on units of the lead's family giving n more
        units, as components with the units each adds (worked out once per lead model and
        count). Only units of the lead's Wi-Fi generation or newer, when the family sells
        any (every eero joins one network, but an eero 7 grown with a 2020 eero 6 3-pack
        gave the far rooms Wi-Fi 6). Of those, the lead's own model and the family's add-on
        nodes, when they give exactly n units ('eero 6+' grown with a cheaper eero 6 3-pack
        is not the eero 6+ system a buyer asks for; a second 2-pack for one more unit is
        waste). `link` "radio": only units with a radio reserved for the backhaul, when the
        family sells any (a dual-band unit added to a tri-band kit links on the shared
        radios); "cable": only units that take the cable, when the family sells any (a
        plug-in point without an Ethernet port would leave the system on shared radios)."""
        key = (lead.system or "", lead.model, n, link)
        if key not in self._plans:
            units = self.units.get(lead.system or "", ())
            least = WIFI_GENERATIONS.index(lead.wifi_generation)
            units = [r for r in units if _newer(r, least)] or units
            if link == "radio":
                units = [r for r in units if r.dedicated_backhaul] or units
            elif link == "cable":
                units = [r for r in units if takes_cable(r)] or units
            own = [r for r in units if r.model == lead.model or r.kind == "node"]
            plan = _cheapest_units(own, n)
            if sum(_unit_count(r) * count for r, count in plan) != n:
                plan = _cheapest_units(units, n)
            self._plans[key] = tuple(
                (_component(r, count), _unit_count(r) * count) for r, count in plan
            )
        return self._plans[key]

    def access_point_line(self, family: str, n: int) -> Component | None:
        """n of the family's first access point (_access_point_order: the cheapest whose
        uplink carries the plan), or None when it sells none."""
        key: tuple[str, str, int, Link] = (family, "", -n, "any")  # negative counts: APs
        if key not in self._plans:
            aps = self.access_points.get(family)
            self._plans[key] = ((_component(aps[0], n), n),) if aps else ()
        found = self._plans[key]
        return found[0][0] if found else None


def _newer(r: Router, least: int) -> bool:
    return WIFI_GENERATIONS.index(r.wifi_generation) >= least


def _owned_match(name: str, r: Router) -> bool:
    wanted = " ".join(name.lower().split())
    full = f"{r.brand} {r.model}".lower()
    return wanted in (full, r.model.lower(), r.display_name.lower())


def index_catalog(routers: Sequence[Router], q: Requirements, today: str | None) -> CatalogIndex:
    """Sort the catalog into leads and add-ons, leaving out what is not for sale here."""
    index = CatalogIndex()
    found: dict[str, Router] = {}  # each owned name's smallest matching unit
    for r in routers:
        for name in q.owned:
            if _owned_match(name, r) and (name not in found or r.pack_size < found[name].pack_size):
                found[name] = r
        problem = for_sale_problem(r, q, today)
        if problem is not None:
            index.excluded[problem] = index.excluded.get(problem, 0) + 1
            continue
        if r.kind in LEAD_KINDS:
            index.leads.append(r)
        family = r.system
        if family is None:
            continue
        if r.kind == "access_point":
            index.access_points.setdefault(family, []).append(r)
        elif r.kind in ("node", "mesh", "router"):  # a router of a mesh family is a node too
            index.units.setdefault(family, []).append(r)
    for name in q.owned:
        unit = found.get(name)
        end = support_end(unit) if unit is not None else None
        if unit is not None and unit.no_ethernet:
            index.owned_without_ethernet.append(name)
        if unit is None:
            index.owned_unknown.append(name)
        elif today is not None and end is not None and end <= today:
            index.owned_retired.append(name)
        elif unit.system is not None:
            index.owned.setdefault(unit.system, []).append(unit)
        else:
            index.owned_alone.append(name)
    index.leads = _without_oversized_kits(
        index.leads, q.nodes_needed, q.mesh_preference, index.excluded
    )
    index.leads = _cheapest_kit_of_each_size(index.leads, q, index)
    for aps in index.access_points.values():
        aps.sort(key=lambda r: _access_point_order(r, q))
    return index


def _access_point_order(r: Router, q: Requirements) -> tuple[bool, float, str]:
    """Cheapest first among the access points whose uplink carries the plan: an access
    point passes its clients no more than its uplink port (`wan_mbps`, toward the router)
    carries, so on a 2 Gbit/s plan a gigabit uplink caps each room at ~940 Mbit/s. Those
    of an unknown or slower uplink come after, cheapest first."""
    carries = r.wan_mbps is not None and r.wan_mbps >= q.wan_mbps_needed
    return (not carries, r.price_usd if r.price_usd is not None else UNKNOWN, r.key)


def _without_oversized_kits(
    leads: list[Router], needed: int, mesh: str, excluded: dict[str, int]
) -> list[Router]:
    """Leave out kits with more units than the home needs while a system of the right size
    can be built (nobody should buy a 3-pack for a studio one router covers); counted as
    "bigger_kit". A household that asked for a mesh keeps them."""
    if mesh == "yes":
        return leads
    right = [r for r in leads if r.kind != "mesh" or r.pack_size <= needed or r.system is None]
    if len(right) == len(leads) or not right:
        return leads
    excluded["bigger_kit"] = excluded.get("bigger_kit", 0) + len(leads) - len(right)
    return right


def _cheapest_kit_of_each_size(
    leads: list[Router], q: Requirements, index: CatalogIndex
) -> list[Router]:
    """One kit per mesh model and home size: a 3-pack, and a 2-pack plus a single unit of
    the same model, put the same units in the home, so only the cheaper (known price
    first) is worth building and showing. Kits of other models stay, even in one family:
    every eero joins one eero network, yet an eero 7 system is not an eero 6 one (keyed
    by family, only the cheapest, the 2020 eero 6, was shown). Worked out from prices
    before anything is built; a router lead is kept apart (which unit the Internet plugs
    into matters there), and so is a family the household owns units of."""
    needed = q.nodes_needed
    best: dict[tuple[str, str, str | None, int], tuple[float, Router]] = {}
    for r in leads:
        family = r.system
        if r.kind != "mesh" or family is None or family in index.owned:
            continue
        units = r.pack_size
        cost = r.price_usd if r.price_usd is not None else UNKNOWN
        if units < needed:
            for part, added in index.extension(r, needed - units, _link(r, q)):
                units += added
                cost += part.price_usd * part.count if part.price_usd is not None else UNKNOWN
        key = (family, r.model, r.hardware_revision, units)
        if key not in best or cost < best[key][0]:
            best[key] = (cost, r)
    if not best:
        return leads
    kept = {id(r) for _, r in best.values()}
    return [
        r
        for r in leads
        if r.kind != "mesh" or r.system is None or r.system in index.owned or id(r) in kept
    ]


def _unit_count(r: Router) -> int:
    return r.pack_size if r.kind == "mesh" else 1


def _cheapest_units(candidates: Sequence[Router], n: int) -> tuple[tuple[Router, int], ...]:
    """Fewest dollars for at least n units from `candidates` (a node, a single unit, or a
    whole kit when that is cheaper per unit); unknown prices only when nothing is known."""
    if n <= 0 or not candidates:
        return ()
    priced = [r for r in candidates if r.price_usd is not None]
    if not priced:
        first = min(candidates, key=lambda r: (-_unit_count(r), r.key))
        return ((first, -(-n // _unit_count(first))),)
    # best[k] = (cost, choice) for at least k units; k is small (a home needs < 10 nodes).
    nothing: tuple[tuple[Router, int], ...] = ()
    best = [(0.0, nothing)] + [(UNKNOWN, nothing) for _ in range(n)]
    for k in range(1, n + 1):
        for r in priced:
            before = best[max(0, k - _unit_count(r))]
            cost = before[0] + (r.price_usd or 0.0)
            if cost < best[k][0] - 1e-9:
                best[k] = (cost, _add(before[1], r))
    return best[n][1]


def _add(plan: tuple[tuple[Router, int], ...], r: Router) -> tuple[tuple[Router, int], ...]:
    for i, (have, count) in enumerate(plan):
        if have is r:
            return (*plan[:i], (r, count + 1), *plan[i + 1 :])
    return (*plan, (r, 1))


def _component(r: Router, count: int, owned: bool = False) -> Component:
    kind = r.kind if r.kind != "travel" else "router"
    return Component(r.brand, r.model, kind, count, r.price_usd, r, owned)


@lru_cache(maxsize=64)
def _generic(part: Part, kind: str, count: int) -> Component:
    return Component("any", part.name, kind, count, part.price_usd)  # type: ignore[arg-type]


def build_system(lead: Router, q: Requirements, index: CatalogIndex) -> System:
    """The system `lead` heads for this home: add-on units or wired access points of its
    family up to the nodes the home needs, an SFP media converter where the fibre module has
    no cage to go in, PoE power and a switch where ports run short."""
    units = lead.pack_size if lead.kind == "mesh" else 1
    family = lead.system
    converter = _sfp_converter(lead, q)
    if (units >= q.nodes_needed or family is None) and converter is None:
        single = _single_box(lead, q, index, units)
        if single is not None:
            return single
    # A unit the household owns can head the system: they buy only the rest.
    owned_lead = family is not None and any(o is lead for o in index.owned.get(family, ()))
    components = [_component(lead, 1, owned=owned_lead)]
    wired_aps = False
    ap_poe = 0
    if family is not None and units < q.nodes_needed:
        for owned in index.owned.get(family, ()):
            if units < q.nodes_needed and owned is not lead:
                components.append(_component(owned, 1, owned=True))
                units += _unit_count(owned)
        missing = q.nodes_needed - units
        aps = (
            index.access_point_line(family, missing)
            if missing > 0 and q.backhaul_need == "wired" and lead.kind != "mesh"
            else None
        )
        if aps is not None:
            components.append(aps)
            units += missing
            wired_aps = True
            if aps.router is not None and aps.router.poe in ("in", "in_out"):
                ap_poe = missing if lead.poe not in ("out", "in_out") else 0
        elif missing > 0:
            for part, added in index.extension(lead, missing, _link(lead, q)):
                components.append(part)
                units += added
    backhaul = _backhaul(lead, units, q, wired_aps, components)
    if converter is not None:
        components.append(converter)  # before a switch: criteria.ports finds that last
    components += _power_and_ports(lead, q, backhaul, units, ap_poe)
    return make_system(
        lead, _merged(components), units, backhaul, index.placement(q, units, wired_aps)
    )


def _merged(components: list[Component]) -> tuple[Component, ...]:
    """One line per model bought: a single unit heading the system and another single unit
    added to it read "2 x eero 6", not "eero 6 + ... + 1 x eero 6"."""
    out: list[Component] = []
    for c in components:
        same = next(
            (
                i
                for i, have in enumerate(out)
                if have.router is not None and have.router is c.router and have.owned == c.owned
            ),
            None,
        )
        if same is None:
            out.append(c)
        else:
            out[same] = out[same]._replace(count=out[same].count + c.count)
    return tuple(out)


def _single_box(lead: Router, q: Requirements, index: CatalogIndex, units: int) -> System | None:
    """The common case made fast: one box as sold, with ports enough; None otherwise."""
    backhaul = _backhaul(lead, units, q, False)
    if backhaul == "powerline_or_moca":
        return None  # the adapters are bought too
    needed = q.lan_ports_needed + (units - 1 if backhaul == "wired" else 0)
    ports = lead.lan_ports_mbps
    if ports is not None and needed > len(ports):
        return None
    only = Component(lead.brand, lead.model, lead.kind, 1, lead.price_usd, lead, False)  # type: ignore[arg-type]
    price = lead.price_usd
    where = index.placement(q, units, False)
    if price is None:
        return System(lead, (only,), units, backhaul, where, None, 0.0)
    return System(lead, (only,), units, backhaul, where, price, price)


def _sfp_converter(lead: Router, q: Requirements) -> Component | None:
    """Fibre that arrives as an SFP/SFP+ module, into a lead known to have no SFP cage: a
    media converter to its Ethernet Internet port, fast enough for the plan (an SFP+ one
    where a gigabit port cannot carry it, see needs._wan_needed). An unknown cage is asked
    about, not priced."""
    if q.handoff != "sfp" or lead.sfp_ports is None or lead.sfp_ports:
        return None
    part = SFP_CONVERTER_MULTIGIG if q.wan_mbps_needed > 1000 else SFP_CONVERTER_GIGABIT
    return _generic(part, "media_converter", 1)


def takes_cable(r: Router) -> bool:
    """It can be linked to the others by Ethernet: wired backhaul, and a port for the cable
    (a plug-in point without one links by radio only, whatever else is written)."""
    return r.wired_backhaul is True and not r.no_ethernet


def _link(lead: Router, q: Requirements) -> Link:
    """Which add-on units to prefer: with a radio reserved for the backhaul when the home
    links its nodes by radio and the lead has such a radio; units that take the cable when
    cable or powerline/MoCA can link them and the lead takes it too."""
    if q.backhaul_need == "dedicated_radio" and lead.dedicated_backhaul is True:
        return "radio"
    if q.backhaul_need in ("wired", "powerline_or_moca") and takes_cable(lead):
        return "cable"
    return "any"


def _backhaul(
    lead: Router,
    units: int,
    q: Requirements,
    wired_aps: bool,
    parts: Sequence[Component] = (),
) -> Backhaul:
    """How this system's units would link in this home: as its weakest unit links (a
    dual-band unit added to a tri-band kit has no radio reserved for the link)."""
    if units <= 1:
        return "none"
    if wired_aps:
        return "wired"
    members = [lead, *(c.router for c in parts if c.router is not None and c.router is not lead)]
    if q.backhaul_need in ("wired", "powerline_or_moca") and all(map(takes_cable, members)):
        return "wired" if q.backhaul_need == "wired" else "powerline_or_moca"
    radios = [r.dedicated_backhaul for r in members]
    if all(radios):
        return "dedicated_radio"
    if False in radios:
        return "shared_radio"
    return "unknown"


def _power_and_ports(
    lead: Router, q: Requirements, backhaul: Backhaul, units: int, poe: int
) -> list[Component]:
    """PoE injectors or a PoE switch for access points the router cannot power; powerline or
    MoCA adapters, one beside each unit, where they carry the link; and a switch when the
    router has too few LAN ports for the wired devices, units and the adapter beside it."""
    adapters = units if backhaul == "powerline_or_moca" else 0
    # Router ports taken: each unit linked by cable, or the one adapter beside the router.
    wired_units = units - 1 if backhaul == "wired" else min(adapters, 1)
    have_ports = lead.lan_ports_mbps
    fits = have_ports is None or q.lan_ports_needed + wired_units <= len(have_ports)
    if not poe and not adapters and fits:
        return []  # the common case, made fast
    have = None if have_ports is None else len(have_ports)
    # A NAS on the router's one LAN port, a multi-gig one, keeps its speed only through a
    # multi-gig switch.
    multigig = q.multigig_lan and have == 1 and (lead.max_lan_mbps or 0) > 1000
    return list(_extra_parts(have, q.lan_ports_needed, wired_units, poe, adapters, multigig))


@lru_cache(maxsize=256)
def _extra_parts(
    have: int | None,
    wired_devices: int,
    wired_units: int,
    poe: int,
    adapters: int = 0,
    multigig: bool = False,
) -> tuple[Component, ...]:
    """_power_and_ports by the numbers alone (worked out once per combination)."""
    out: list[Component] = []
    spare = 0
    if adapters:
        out.append(_generic(LINK_ADAPTER, "adapter", adapters))
    if 0 < poe <= MAX_INJECTORS:
        out.append(_generic(POE_INJECTOR, "poe_injector", poe))
    elif poe > MAX_INJECTORS:
        poe_switch = next((p for p in POE_SWITCHES if p.ports >= poe), POE_SWITCHES[-1])
        out.append(_generic(poe_switch, "poe_switch", 1))
        spare = poe_switch.ports - poe
        wired_units = wired_units - poe + 1  # the APs hang off the PoE switch, on one port
    needed = wired_devices + wired_units - spare
    if have is not None and needed > have:
        # The switch takes one router port and one of its own for the link between them.
        short = needed - have + 2
        if multigig and MULTIGIG_SWITCH.ports >= short:
            out.append(_generic(MULTIGIG_SWITCH, "switch", 1))
        else:
            switch = next((p for p in SWITCHES if p.ports >= short), SWITCHES[-1])
            out.append(_generic(switch, "switch", 1))
    return tuple(out)
