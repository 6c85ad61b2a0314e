"""What a household buys: a system of one or more units, priced as a whole.

Homes are covered by systems, not boxes: one router; a router plus add-on nodes of its
family; a mesh kit plus extra nodes of the same family; a router plus wired access points
(with PoE injectors) where cable runs between rooms; plus a switch when it lacks LAN ports.
"""

from typing import Any, Literal, NamedTuple

from router_advisor.core.router import Router
from router_advisor.core.wording import router_name

# A component's kind: a catalog kind, or a generic part the recommender adds and prices.
ComponentKind = Literal[
    "router",
    "mesh",
    "node",
    "access_point",
    "modem_router",
    "switch",
    "poe_switch",
    "poe_injector",
    "adapter",  # a powerline or MoCA adapter carrying the link between units
    "media_converter",  # an SFP module's fibre to Ethernet, for a router without a cage
]
# How the nodes talk to each other: Ethernet cable, a radio only for that (tri-band), the
# same radios the devices use, powerline/MoCA adapters; "unknown" when the catalog does not
# say; "none" for a single unit.
Backhaul = Literal[
    "wired", "dedicated_radio", "shared_radio", "powerline_or_moca", "unknown", "none"
]


class Component(NamedTuple):
    """One line of the shopping list. `price_usd` is the price of one unit (None: unknown);
    `router` is the catalog entry (None for a generic switch or PoE injector, whose brand
    is "any"); `owned`
    means the household already has it, so it costs nothing."""

    brand: str
    model: str
    kind: ComponentKind
    # How many of it to buy: the answers-file and JSON word; it shadows tuple.count(),
    # which nothing here calls.
    count: int  # type: ignore[assignment]
    price_usd: float | None
    router: Router | None = None
    owned: bool = False

    @property
    def name(self) -> str:
        """The name a person reads: brand and model (once: "eero 6+", not "eero eero 6+"),
        with a kit's pack size; a generic part by what it is."""
        r = self.router
        if r is None:
            return self.model
        pack = r.pack_size if r.kind == "mesh" else 1
        return router_name(r.brand, r.model, r.hardware_revision, pack)

    def to_dict(self) -> dict[str, Any]:
        return {
            "brand": self.brand,
            "model": self.model,
            "kind": self.kind,
            "count": self.count,
            "price_usd": 0.0 if self.owned else self.price_usd,
            "owned": self.owned,
        }


class System(NamedTuple):
    """A whole system for one home (a tuple: ranking makes ten thousand). `lead` is the
    unit the Internet plugs into (its facts speak for the system); `placement` says in one
    sentence which node goes where. Make one with `make_system`, which works the prices out
    once: `price_usd` is the whole system's price, None when any part's price is unknown;
    `known_price_usd` what the parts of known price add up to."""

    lead: Router
    components: tuple[Component, ...]
    nodes: int
    backhaul: Backhaul
    placement: str
    price_usd: float | None
    known_price_usd: float

    @property
    def price_unknown_parts(self) -> tuple[str, ...]:
        """The names of the parts whose price is unknown (none that are owned), each once."""
        if self.price_usd is not None:
            return ()
        names = (c.name for c in self.components if c.price_usd is None and not c.owned)
        return tuple(dict.fromkeys(names))

    @property
    def is_single_box(self) -> bool:
        """One catalog entry and nothing else: a router or a kit as sold."""
        return len(self.components) == 1 and self.components[0].count == 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": self.nodes,
            "components": [c.to_dict() for c in self.components],
            "price_usd": self.price_usd,
            "price_unknown_parts": list(self.price_unknown_parts),
            "backhaul": self.backhaul,
            "placement": self.placement,
        }


def make_system(
    lead: Router,
    components: tuple[Component, ...],
    nodes: int,
    backhaul: Backhaul,
    placement: str,
) -> System:
    """A System with its prices worked out from its components (owned parts cost nothing)."""
    known = 0.0
    unknown = False
    for c in components:
        if c.owned:
            continue
        if c.price_usd is None:
            unknown = True
        else:
            known += c.price_usd * c.count
    known = round(known, 2)
    return System(lead, components, nodes, backhaul, placement, None if unknown else known, known)
