"""Every router model we can recognise, for judging the one a household has: the catalog
first (richest facts), then ISP boxes (data/lookup/isp-boxes.toml), then the compact table
built from the OpenWrt ToH and TechInfoDepot (data/lookup/hardware.json.gz, CC BY-SA; built
by packaging/build_hardware_lookup.py).
"""

import functools
import gzip
import json
import tomllib
from collections.abc import Sequence

from router_advisor.core.credits import DATA_CREDITS, credit_line
from router_advisor.core.current_router import KnownRouter
from router_advisor.core.router import Router, support_end
from router_advisor.resources import data_path

# The lookup table is derived from the first two credited sources (core/credits.py).
LOOKUP_CREDITS = tuple(credit_line(c) for c in DATA_CREDITS[:2])


def from_catalog(router: Router) -> KnownRouter:
    fw = router.firmware
    # A dated end wins; an end-of-life listing without one is said as such, not as a date.
    listed = fw.eol_listed_as_of if fw.end_of_support is None else None
    return KnownRouter(
        brand=router.brand,
        model=router.model,
        revision=router.hardware_revision,
        source=f"catalog:{router.key}",
        wifi_generation=router.wifi_generation,
        wan_mbps=router.wan_mbps,
        fastest_port_mbps=max((router.wan_mbps or 0, router.max_lan_mbps or 0)) or None,
        lan_ports=router.lan_port_count,
        soc=router.soc,
        cpu_cores=router.cpu_cores,
        ram_mb=router.ram_mb,
        year=router.release_year,
        openwrt=router.openwrt_supported,
        sqm=router.qos.sqm,
        adaptive_qos=router.qos.adaptive,
        end_of_support=None if listed else support_end(router),
        eol_listed_as_of=listed,
        discontinued=router.discontinued,
        mesh_system=router.mesh_system,
    )


@functools.cache
def isp_boxes() -> tuple[KnownRouter, ...]:
    document = tomllib.loads(data_path("lookup", "isp-boxes.toml").read_text(encoding="utf-8"))
    return tuple(
        KnownRouter(
            brand=box["brand"],
            model=box["model"],
            source=f"isp-box:{box['brand']} {box['model']}",
            wifi_generation=box.get("wifi_generation"),
            isp=box["isp"],
            bridge_mode=box.get("bridge_mode"),
            aliases=tuple(box.get("aliases", ())),
        )
        for box in document["box"]
    )


@functools.cache
def hardware_table() -> tuple[KnownRouter, ...]:
    raw = gzip.decompress(data_path("lookup", "hardware.json.gz").read_bytes())
    return tuple(
        KnownRouter(
            brand=row["brand"],
            model=row["model"],
            revision=row["revision"],
            source=row["source"],
            wifi_generation=row["wifi_generation"],
            wan_mbps=row["wan_mbps"],
            fastest_port_mbps=row["fastest_port_mbps"],
            lan_ports=row["lan_ports"],
            soc=row["soc"],
            cpu_cores=row["cpu_cores"],
            ram_mb=row["ram_mb"],
            year=row["year"],
            openwrt=row["openwrt"],
        )
        for row in json.loads(raw)["rows"]
    )


def known_routers(catalog: Sequence[Router]) -> list[KnownRouter]:
    """Candidates in the order matching prefers them when two fit equally well."""
    current = [from_catalog(r) for r in catalog if r.kind in ("router", "modem_router", "mesh")]
    return [*current, *isp_boxes(), *hardware_table()]
