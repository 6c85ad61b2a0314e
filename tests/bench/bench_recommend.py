"""Rank a 10,000-entry catalog for one household, systems built, in under 100 ms.

The synthetic catalog has the real catalog's mix (data/catalog, 2026-12: about half
routers, a quarter mesh kits, a tenth modem-routers, a tenth add-on nodes and access points,
a few travel routers; a tenth discontinued; half the prices unknown) in families of one
system each, so the recommender builds kits plus add-on nodes, routers plus nodes and
routers plus wired access points, as it does for a real home.

Run: python -m pytest tests/bench -o python_files='bench_*.py' -s
CPU and wall time are printed, best and median; the goal is checked on the best CPU time
(as bench_catalog.py does): on a shared machine the wall clock measures the neighbours.
"""

import gc
import statistics
import time

from router_advisor.core.answers import answers_from_dict
from router_advisor.core.recommend import recommend
from router_advisor.core.router import FirmwarePolicy, Management, QoS, Router, Source

MODELS = 10_000
GOAL_MS = 100.0
RUNS = 7
GENERATIONS = ("5", "6", "6E", "7")
CLASSES = ("AC1200", "AX1800", "AX3000", "AX5400", "AXE7800", "BE9300", "BE19000")
# One in twenty: kind by position, so every family of 20 has each kind in the real share.
KINDS = ("router",) * 9 + ("mesh",) * 5 + ("modem_router",) * 2 + ("node", "access_point")
KINDS += ("travel", "router")
FAMILY_SIZE = 20


def synthetic_catalog(n: int) -> list[Router]:
    """Varied models, with unknown facts mixed in, built without randomness."""
    tri = (True, False, None)
    return [
        Router(
            brand=f"Brand{i % 37}",
            model=f"Model {i}",
            kind=KINDS[i % len(KINDS)],  # type: ignore[arg-type]
            pack_size=2 + i % 3 if KINDS[i % len(KINDS)] == "mesh" else 1,
            wifi_generation=GENERATIONS[i % 4],  # type: ignore[arg-type]
            sources=(Source(ref="synthetic", fields=()),),
            wifi_class=CLASSES[i % 7],
            wan_mbps=(1000, 2500, 10000, None)[i % 4],
            lan_ports_mbps=(1000,) * (i % 5) if i % 7 else None,
            price_usd=None if i % 2 == 0 else 40.0 + (i * 37) % 700,
            qos=QoS(sqm=tri[i % 3], device_priority=tri[i % 2], adaptive=tri[(i // 3) % 3]),
            wpa3=tri[i % 2],
            wired_backhaul=tri[i % 3],
            dedicated_backhaul=tri[(i // 2) % 3],
            management=Management(local_web_ui=tri[i % 3], cloud_account_required=tri[i % 2]),
            firmware=FirmwarePolicy(
                automatic_updates=tri[i % 3], support_years_promised=(None, 3, 5)[i % 3]
            ),
            ram_mb=(256, 512, 1024, None)[i % 4],
            system=f"Family {i // FAMILY_SIZE}",
            poe=("in", "none", None)[i % 3],
            line=("dsl", "cable", "fibre", "lte_5g")[i % 4],
            discontinued=i % 10 == 3 or None,
            regions=("US", "UK") if i % 5 else None,
        )
        for i in range(n)
    ]


# The household of the goal (< 100 ms), and a three-node house that builds a
# system of several parts for every lead, with a looser bound against regressions
# (< 200 ms; measured 100-160 ms on the shared 2-core machine): each of its 5,000+ systems
# is put together from a kit or router, add-on units or access points, PoE and a switch.
GOALS_MS = {"flat": GOAL_MS, "house": 200.0}
HOUSEHOLDS = {
    # One unit covers it: every lead is a single box.
    "flat": {
        "home": {"size_m2": 120, "floors": 2},
        "household": {"devices": 25},
        "usage": {"gaming": True, "video_calls": True},
        "wired": {"devices": 1},
        "isp": {"down_mbps": 500},
    },
    # Three nodes, cable in some rooms: kits plus nodes, routers plus wired APs and PoE.
    "house": {
        "home": {"size_m2": 300, "floors": 3, "cabling": "some_rooms"},
        "household": {"devices": 40},
        "usage": {"gamers": 2},
        "wired": {"devices": 5},
        "isp": {"down_mbps": 1000},
    },
}


def test_rank_ten_thousand_catalog_entries_under_100_ms() -> None:
    routers = synthetic_catalog(MODELS)
    for name, data in HOUSEHOLDS.items():
        answers = answers_from_dict(data)
        cpu, wall = [], []
        for _ in range(RUNS):
            gc.collect()  # each run starts as a fresh process would, not after the last's garbage
            start_cpu, start_wall = time.process_time(), time.perf_counter()
            rec = recommend(answers, routers, top=10, today="2026-01-01")
            cpu.append((time.process_time() - start_cpu) * 1000)
            wall.append((time.perf_counter() - start_wall) * 1000)
        print(
            f"\nrecommend {name}: {MODELS} catalog entries, {rec.systems} systems built: "
            f"CPU best {min(cpu):.1f} / median {statistics.median(cpu):.1f} ms, "
            f"wall best {min(wall):.1f} / median {statistics.median(wall):.1f} ms "
            f"({sum(rec.excluded.values())} not for sale or oversized, "
            f"goal < {GOALS_MS[name]:.0f} ms)"
        )
        assert len(rec.shortlist) == 10
        assert min(cpu) < GOALS_MS[name], name
