"""Systems for the GUI tests, made as the recommender makes them: a mesh kit with an
add-on node and a switch, a router with wired access points, and one box as sold."""

from router_advisor.core.answers import Answers
from router_advisor.core.must_haves import Miss
from router_advisor.core.needs import derive_requirements
from router_advisor.core.recommend import Recommendation
from router_advisor.core.router import Router, Source
from router_advisor.core.scoring.score import Scored
from router_advisor.core.system import Component, System, make_system

_SOURCE = (Source("curator: GUI test data, not a catalog fact", ("price_usd",)),)
KIT = Router(
    brand="TP-Link",
    model="Deco BE63",
    kind="mesh",
    pack_size=3,
    wifi_generation="7",
    sources=_SOURCE,
    wan_mbps=10000,
    lan_ports_mbps=(2500, 2500, 2500),
    price_usd=599.99,
    price_as_of="2025-06",
    price_kind="street",
    price_region="US",
    system="Deco BE63",
)
NODE = Router(
    brand="TP-Link",
    model="Deco BE63 node",
    kind="node",
    pack_size=1,
    wifi_generation="7",
    sources=_SOURCE,
    price_usd=149.99,
    price_as_of="2025-03",
    price_kind="street",
    price_region="US",
    system="Deco BE63",
)
GATEWAY = Router(
    brand="Ubiquiti",
    model="UniFi Cloud Gateway Ultra",
    kind="router",
    pack_size=1,
    wifi_generation="6",
    sources=_SOURCE,
    price_usd=129.0,
    system="UniFi",
)
ACCESS_POINT = Router(
    brand="Ubiquiti",
    model="U7 Pro",
    kind="access_point",
    pack_size=1,
    wifi_generation="7",
    sources=_SOURCE,
    poe="in",
    system="UniFi",
)
KIT_PLACEMENT = "Put the main unit by the line at one end, one node on each floor above it."


def one_box(r: Router) -> System:
    """A router or a kit as sold, and nothing else."""
    return make_system(
        lead=r,
        components=(Component(r.brand, r.model, r.kind, 1, r.price_usd, r),),
        nodes=r.pack_size,
        backhaul="none",
        placement="Put the router near the middle of the home.",
    )


def kit_and_node() -> System:
    """A 3-pack plus one add-on node and a switch: 4 units, $769.98 in all."""
    return make_system(
        lead=KIT,
        components=(
            Component(KIT.brand, KIT.model, "mesh", 1, KIT.price_usd, KIT),
            Component(NODE.brand, NODE.model, "node", 1, NODE.price_usd, NODE),
            Component("any", "5-port gigabit switch", "switch", 1, 20.0),
        ),
        nodes=4,
        backhaul="dedicated_radio",
        placement=KIT_PLACEMENT,
    )


def gateway_and_access_points() -> System:
    """A router plus two wired access points of unknown price: the total is unknown."""
    return make_system(
        lead=GATEWAY,
        components=(
            Component(GATEWAY.brand, GATEWAY.model, "router", 1, GATEWAY.price_usd, GATEWAY),
            Component(
                ACCESS_POINT.brand, ACCESS_POINT.model, "access_point", 2, None, ACCESS_POINT
            ),
            Component("any", "PoE injector", "poe_injector", 2, 15.0),
        ),
        nodes=3,
        backhaul="wired",
        placement="Put the gateway by the line and an access point on each floor, on a cable.",
    )


def scored(
    system: System,
    score: float,
    misses: tuple[Miss, ...] = (),
    caveats: tuple[str, ...] = (),
    overkill: tuple[str, ...] = (),
) -> Scored:
    return Scored(
        router=system.lead,
        score=score,
        reasons=("Covers your home with 4 units.",),
        caveats=caveats,
        unknowns=(),
        overkill=overkill,
        system=system,
        misses=misses,
    )


def closest_fits() -> Recommendation:
    """Nothing meets every must-have: a $300 budget, no cloud account."""
    over = Miss("budget", "$469.98 over", "budget.max_usd")
    cloud = Miss("no_cloud_account", "needs an online account", "preferences.no_cloud_account")
    return Recommendation(
        requirements=derive_requirements(Answers()),
        shortlist=(
            scored(kit_and_node(), 81, (over,)),
            scored(gateway_and_access_points(), 74, (cloud,)),
        ),
        vendor_questions=(),
        considered=70,
        excluded={"discontinued": 3, "region": 2},
        fits=0,
        systems=40,
        closest_fits=True,
    )
