"""A small catalog of systems as they are sold, built in code for the household tests.

Shaped like the real catalog (data/catalog): routers of several price tiers, mesh families
sold as 1/2/3-packs with add-on nodes, a router family with wired PoE access points, ASUS
routers that mesh with each other (AiMesh), modem-routers for DSL, cable and 5G, a travel
router, a discontinued model, one past its end of support, one sold only in Europe, and
some facts unknown (None). Facts are approximate; what matters is their shape.
"""

from router_advisor.core.router import FirmwarePolicy, Management, QoS, Router, Source

_SRC = (Source(ref="https://example.test/spec", fields=("wan_mbps",)),)
_EVERYWHERE = ("US", "CA", "UK", "EU", "AU")
_APP_CLOUD = Management(app=True, local_web_ui=False, cloud_account_required=True)
_APP_LOCAL = Management(app=True, local_web_ui=True, cloud_account_required=False)
_WEB_ONLY = Management(app=False, local_web_ui=True, cloud_account_required=False)
_SQM = QoS(device_priority=True, adaptive=True, sqm=True)
_PRIORITY = QoS(device_priority=True, adaptive=False, sqm=False)
_AUTO5 = FirmwarePolicy(automatic_updates=True, support_years_promised=5)


def _r(brand: str, model: str, **facts: object) -> Router:
    facts.setdefault("kind", "router")
    facts.setdefault("pack_size", 1)
    facts.setdefault("regions", _EVERYWHERE)
    facts.setdefault("wpa3", True)
    return Router(brand=brand, model=model, sources=_SRC, **facts)  # type: ignore[arg-type]


def _deco_x55(pack: int, price: float) -> Router:
    return _r(
        "TP-Link",
        "Deco X55",
        kind="mesh",
        pack_size=pack,
        wifi_generation="6",
        wifi_class="AX3000",
        wan_mbps=1000,
        lan_ports_mbps=(1000, 1000),
        price_usd=price,
        wired_backhaul=True,
        dedicated_backhaul=False,
        qos=_PRIORITY,
        management=_APP_CLOUD,
        firmware=FirmwarePolicy(automatic_updates=True),
        system="Deco X55",
    )


def _deco_xe75(pack: int, price: float) -> Router:
    return _r(
        "TP-Link",
        "Deco XE75 Pro",
        kind="mesh",
        pack_size=pack,
        wifi_generation="6E",
        wifi_class="AXE5400",
        wan_mbps=2500,
        lan_ports_mbps=(1000, 1000),
        price_usd=price,
        wired_backhaul=True,
        dedicated_backhaul=True,
        qos=_PRIORITY,
        management=_APP_CLOUD,
        firmware=FirmwarePolicy(automatic_updates=True),
        system="Deco XE75 Pro",
    )


def _eero(model: str, kind: str, pack: int, price: float | None) -> Router:
    return _r(
        "eero",
        model,
        kind=kind,
        pack_size=pack,
        wifi_generation="6E",
        wifi_class="AXE5400",
        wan_mbps=2500,
        lan_ports_mbps=(1000,),
        price_usd=price,
        wired_backhaul=True,
        dedicated_backhaul=True,
        qos=_SQM,
        management=_APP_CLOUD,
        firmware=FirmwarePolicy(
            automatic_updates=True, support_years_promised=5, support_counts_from="end_of_sale"
        ),
        subscription_features=("eero Plus: advanced security",),
        system="eero Pro 6E",
    )


def _asus(model: str, **facts: object) -> Router:
    base: dict[str, object] = dict(
        wifi_generation="6",
        wan_mbps=1000,
        lan_ports_mbps=(1000,) * 4,
        qos=_SQM,
        management=_APP_LOCAL,
        firmware=FirmwarePolicy(automatic_updates=True, supported_as_of="2026-10-01"),
        wired_backhaul=True,
        dedicated_backhaul=False,
        vpn_server=("WireGuard", "OpenVPN"),
        system="AiMesh",
    )
    base.update(facts)
    return _r("ASUS", model, **base)


def systems_catalog() -> list[Router]:
    """Every entry, in no particular order (ranking must not depend on it)."""
    return [
        # Single routers.
        _r(
            "TP-Link",
            "Archer AX21",
            wifi_generation="6",
            wifi_class="AX1800",
            wan_mbps=1000,
            lan_ports_mbps=(1000,) * 4,
            price_usd=59.99,
            qos=_PRIORITY,
            management=_APP_LOCAL,
            firmware=FirmwarePolicy(automatic_updates=False, supported_as_of="2026-09-01"),
        ),
        _r(
            "TP-Link",
            "Archer AX55",
            wifi_generation="6",
            wifi_class="AX3000",
            wan_mbps=1000,
            lan_ports_mbps=(1000,) * 4,
            price_usd=89.99,
            qos=_PRIORITY,
            management=_APP_LOCAL,
            firmware=FirmwarePolicy(automatic_updates=True),
            vpn_server=("OpenVPN",),
        ),
        _asus("RT-AX58U", wifi_class="AX3000", price_usd=129.99),
        _asus(
            "RT-AX86U Pro",
            wifi_class="AX5700",
            wan_mbps=2500,
            lan_ports_mbps=(2500, 1000, 1000, 1000, 1000),
            price_usd=249.99,
        ),
        _asus(
            "RT-BE96U",
            wifi_generation="7",
            wifi_class="BE19000",
            wan_mbps=10000,
            lan_ports_mbps=(10000, 1000, 1000, 1000, 1000),
            sfp_ports=(10000,),
            dedicated_backhaul=True,
            price_usd=599.99,
        ),
        _r(
            "GL.iNet",
            "Flint 2 (GL-MT6000)",
            wifi_generation="6",
            wifi_class="AX6000",
            wan_mbps=2500,
            lan_ports_mbps=(2500, 1000, 1000, 1000, 1000),
            price_usd=149.0,
            qos=_SQM,
            management=_WEB_ONLY,
            vpn_server=("WireGuard", "OpenVPN"),
            firmware=FirmwarePolicy(automatic_updates=False, supported_as_of="2026-11-01"),
        ),
        _r(
            "Linksys",
            "EA6350",
            wifi_generation="5",
            wifi_class="AC1200",
            wan_mbps=1000,
            lan_ports_mbps=(1000,) * 4,
            price_usd=49.99,
            wpa3=False,
            qos=_PRIORITY,
        ),
        _r(
            "Netgear",
            "Nighthawk RS700S",
            wifi_generation="7",
            wifi_class="BE19000",
            wan_mbps=10000,
            lan_ports_mbps=(10000, 1000, 1000, 1000),
            price_usd=699.99,
            qos=_PRIORITY,
            management=Management(app=True, local_web_ui=True, cloud_account_required=True),
            subscription_features=("Netgear Armor: security",),
        ),
        _r(
            "Xiaomi",
            "AX3000T",
            wifi_generation="6",
            wifi_class="AX3000",
            wan_mbps=1000,
            lan_ports_mbps=(1000,) * 3,
            price_usd=39.0,
            wpa3=None,
            regions=("EU",),
        ),
        # A router family with wired PoE access points (UniFi).
        _r(
            "Ubiquiti",
            "UniFi Dream Router 7",
            wifi_generation="7",
            wifi_class="BE11000",
            wan_mbps=10000,
            lan_ports_mbps=(2500, 1000, 1000, 1000),
            price_usd=279.0,
            qos=_SQM,
            management=_APP_LOCAL,
            firmware=FirmwarePolicy(automatic_updates=True, supported_as_of="2026-11-01"),
            vpn_server=("WireGuard", "OpenVPN"),
            poe="out",
            wired_backhaul=True,
            dedicated_backhaul=False,
            system="UniFi",
        ),
        _r(
            "Ubiquiti",
            "UniFi U6+",
            kind="access_point",
            wifi_generation="6",
            wifi_class="AX3000",
            wan_mbps=1000,  # its uplink; it has no other port
            lan_ports_mbps=(),
            price_usd=129.0,
            poe="in",
            management=_APP_LOCAL,
            system="UniFi",
        ),
        # Mesh families: kits of 1/2/3, add-on nodes.
        _deco_x55(1, 79.99),
        _deco_x55(2, 139.99),
        _deco_x55(3, 199.99),
        _deco_xe75(2, 299.99),
        _deco_xe75(3, 399.99),
        _eero("Pro 6E", "mesh", 3, 449.99),
        _eero("Pro 6E", "node", 1, 179.99),
        _r(
            "Netgear",
            "Orbi 970",
            kind="mesh",
            pack_size=3,
            wifi_generation="7",
            wifi_class=None,  # unknown class: the price check must still catch it
            wan_mbps=10000,
            lan_ports_mbps=(2500, 1000, 1000),
            price_usd=1499.99,
            wired_backhaul=True,
            dedicated_backhaul=True,
            qos=_PRIORITY,
            management=Management(app=True, local_web_ui=True, cloud_account_required=True),
            system="Orbi 970",
        ),
        _r(
            "TP-Link",
            "Deco BE63",
            kind="mesh",
            pack_size=3,
            wifi_generation="7",
            wifi_class="BE10000",
            wan_mbps=2500,
            lan_ports_mbps=(2500, 2500, 2500),
            price_usd=None,  # unknown: ranked, flagged, asked
            wired_backhaul=True,
            dedicated_backhaul=True,
            qos=_PRIORITY,
            management=_APP_CLOUD,
            system="Deco BE63",
        ),
        _asus(
            "ZenWiFi XT8",
            kind="mesh",
            pack_size=2,
            wifi_class="AX6600",
            wan_mbps=2500,
            lan_ports_mbps=(1000, 1000, 1000),
            dedicated_backhaul=True,
            price_usd=399.99,
            system="ZenWiFi XT8",
        ),
        # Modem-routers, for lines that need the modem in the router.
        _r(
            "AVM",
            "FRITZ!Box 7590 AX",
            kind="modem_router",
            line="dsl",
            wifi_generation="6",
            wifi_class="AX3600",
            wan_mbps=1000,
            lan_ports_mbps=(1000,) * 4,
            price_usd=249.0,
            qos=_PRIORITY,
            management=_WEB_ONLY,
            firmware=_AUTO5,
            vpn_server=("WireGuard",),
            regions=("UK", "EU"),
        ),
        _r(
            "Netgear",
            "Nighthawk CAX30",
            kind="modem_router",
            line="cable",
            wifi_generation="6",
            wifi_class="AX6000",
            wan_mbps=None,
            lan_ports_mbps=(1000,) * 4,
            price_usd=299.99,
            qos=_PRIORITY,
            management=Management(app=True, local_web_ui=True, cloud_account_required=False),
            regions=("US",),
        ),
        _r(
            "TP-Link",
            "Archer MR600",
            kind="modem_router",
            line="lte_5g",
            wifi_generation="5",
            wifi_class="AC1200",
            lan_ports_mbps=(1000,) * 3,
            price_usd=139.99,
            qos=_PRIORITY,
            management=_APP_LOCAL,
        ),
        # Never a whole-home pick, or no longer for sale.
        _r(
            "GL.iNet",
            "Beryl AX (GL-MT3000)",
            kind="travel",
            wifi_generation="6",
            wifi_class="AX3000",
            wan_mbps=2500,
            lan_ports_mbps=(1000,),
            price_usd=89.9,
            qos=_SQM,
        ),
        _r(
            "Netgear",
            "Nighthawk R7000",
            wifi_generation="5",
            wifi_class="AC1900",
            wan_mbps=1000,
            lan_ports_mbps=(1000,) * 4,
            price_usd=45.0,
            discontinued=True,
        ),
        _r(
            "Linksys",
            "WRT1900AC",
            wifi_generation="5",
            wifi_class="AC1900",
            wan_mbps=1000,
            lan_ports_mbps=(1000,) * 4,
            price_usd=35.0,
            firmware=FirmwarePolicy(end_of_support="2021-12-31"),
        ),
    ]
