"""A small, realistic catalog built in code for the recommender's tests.

Facts are approximate but shaped like the real catalog: budget, midrange and flagship
routers, mesh kits of 2 and 3 nodes, some with unknown facts (None).
"""

from app.core.router import FirmwarePolicy, Management, QoS, Router, Source

_SRC = (Source(ref="https://example.test/spec", fields=("wan_mbps",)),)


def _router(brand: str, model: str, **facts: object) -> Router:
    facts.setdefault("kind", "router")
    facts.setdefault("pack_size", 1)
    return Router(brand=brand, model=model, sources=_SRC, **facts)  # type: ignore[arg-type]


def fixture_routers() -> list[Router]:
    auto_fw = FirmwarePolicy(automatic_updates=True, support_years_promised=5)
    return [
        _router("TP-Link", "Archer AX21", wifi_generation="6", wifi_class="AX1800",
                wan_mbps=1000, lan_ports_mbps=(1000,) * 4, price_usd=69.99, wpa3=True,
                qos=QoS(device_priority=True, adaptive=False, sqm=False),
                management=Management(app=True, local_web_ui=True,
                                      cloud_account_required=False),
                firmware=FirmwarePolicy(automatic_updates=False), ram_mb=256),
        _router("TP-Link", "Archer AX55", hardware_revision="v1", wifi_generation="6",
                wifi_class="AX3000", wan_mbps=1000, lan_ports_mbps=(1000,) * 4,
                price_usd=99.99, wpa3=True,
                qos=QoS(device_priority=True, adaptive=False, sqm=False),
                management=Management(app=True, local_web_ui=True,
                                      cloud_account_required=False),
                subscription_features=("HomeShield Pro: advanced parental controls",),
                ram_mb=512),
        _router("ASUS", "RT-AX58U", wifi_generation="6", wifi_class="AX3000", wan_mbps=1000,
                lan_ports_mbps=(1000,) * 4, price_usd=129.99, wpa3=True,
                qos=QoS(device_priority=True, adaptive=True, sqm=True),
                management=Management(app=True, local_web_ui=True,
                                      cloud_account_required=False),
                firmware=FirmwarePolicy(automatic_updates=True), ram_mb=512),
        _router("GL.iNet", "Flint 2 (GL-MT6000)", wifi_generation="6", wifi_class="AX6000",
                wan_mbps=2500, lan_ports_mbps=(2500, 1000, 1000, 1000, 1000), price_usd=159.0,
                wpa3=True, qos=QoS(device_priority=True, adaptive=False, sqm=True),
                management=Management(app=True, local_web_ui=True,
                                      cloud_account_required=False),
                ram_mb=1024, openwrt_supported=True),
        _router("ASUS", "RT-BE96U", wifi_generation="7", wifi_class="BE19000", wan_mbps=10000,
                lan_ports_mbps=(10000, 1000, 1000, 1000, 1000), price_usd=599.99, wpa3=True,
                qos=QoS(device_priority=True, adaptive=True, sqm=True),
                management=Management(app=True, local_web_ui=True,
                                      cloud_account_required=False),
                firmware=FirmwarePolicy(automatic_updates=True), ram_mb=2048),
        _router("Netgear", "Nighthawk RS700S", wifi_generation="7", wifi_class="BE19000",
                wan_mbps=10000, lan_ports_mbps=(10000, 1000, 1000, 1000, 1000),
                price_usd=699.99, wpa3=True, qos=QoS(device_priority=True),
                subscription_features=("Netgear Armor: security",),
                management=Management(app=True, local_web_ui=True,
                                      cloud_account_required=True)),
        _router("Linksys", "EA6350", wifi_generation="5", wifi_class="AC1200", wan_mbps=1000,
                lan_ports_mbps=(1000,) * 4, price_usd=49.99, wpa3=False,
                qos=QoS(device_priority=True, adaptive=False, sqm=False)),
        _router("TP-Link", "Deco X20", kind="mesh", pack_size=3, wifi_generation="6",
                wifi_class="AX1800", wan_mbps=1000, lan_ports_mbps=(1000,), price_usd=199.99,
                wired_backhaul=True, wpa3=True, mesh_system="Deco",
                qos=QoS(device_priority=True, adaptive=False, sqm=False),
                management=Management(app=True, local_web_ui=False,
                                      cloud_account_required=True),
                firmware=FirmwarePolicy(automatic_updates=True)),
        _router("TP-Link", "Deco X55", kind="mesh", pack_size=2, wifi_generation="6",
                wifi_class="AX3000", wan_mbps=1000, lan_ports_mbps=(1000, 1000),
                price_usd=179.99, wired_backhaul=True, wpa3=True, mesh_system="Deco",
                qos=QoS(device_priority=True, adaptive=False, sqm=False),
                management=Management(app=True, local_web_ui=False,
                                      cloud_account_required=True)),
        _router("eero", "Pro 6E", kind="mesh", pack_size=3, wifi_generation="6E",
                wifi_class="AXE5400", wan_mbps=2500, lan_ports_mbps=(1000,), price_usd=399.99,
                wired_backhaul=True, dedicated_backhaul=False, wpa3=True, mesh_system="eero",
                qos=QoS(device_priority=True, adaptive=True, sqm=True),
                subscription_features=("eero Plus: advanced security, ad blocking",),
                management=Management(app=True, local_web_ui=False,
                                      cloud_account_required=True), firmware=auto_fw),
        _router("TP-Link", "Deco XE75 Pro", kind="mesh", pack_size=2, wifi_generation="6E",
                wifi_class="AXE5400", wan_mbps=2500, lan_ports_mbps=(2500, 1000),
                price_usd=299.99, wired_backhaul=True, wpa3=True, mesh_system="Deco",
                qos=QoS(device_priority=True, adaptive=False, sqm=False),
                management=Management(app=True, local_web_ui=False,
                                      cloud_account_required=True)),
        _router("ASUS", "ZenWiFi BT8", kind="mesh", pack_size=2, wifi_generation="7",
                wifi_class="BE14000", wan_mbps=10000, lan_ports_mbps=(10000, 2500, 1000, 1000),
                price_usd=699.99, wired_backhaul=True, dedicated_backhaul=True, wpa3=True,
                qos=QoS(device_priority=True, adaptive=True, sqm=True),
                management=Management(app=True, local_web_ui=True,
                                      cloud_account_required=False),
                firmware=FirmwarePolicy(automatic_updates=True), mesh_system="AiMesh"),
        _router("Google", "Nest Wifi Pro", kind="mesh", pack_size=3, wifi_generation="6E",
                wifi_class="AXE5400", wan_mbps=1000, lan_ports_mbps=(1000,), price_usd=399.99,
                wired_backhaul=True, wpa3=True, mesh_system="Nest",
                qos=QoS(device_priority=True, adaptive=False, sqm=False),
                management=Management(app=True, local_web_ui=False,
                                      cloud_account_required=True), firmware=auto_fw),
        _router("Ubiquiti", "UniFi Dream Router 7", wifi_generation="7", wifi_class="BE",
                wan_mbps=10000, lan_ports_mbps=(2500, 2500, 1000, 1000), price_usd=279.0,
                wpa3=True, qos=QoS(device_priority=True, adaptive=True, sqm=True),
                management=Management(app=True, local_web_ui=True,
                                      cloud_account_required=False),
                firmware=FirmwarePolicy(automatic_updates=True)),
        _router("Xiaomi", "AX3000T", wifi_generation="6", wifi_class="AX3000", price_usd=39.0,
                lan_ports_mbps=(1000, 1000, 1000)),
    ]
