"""A router's facts as short words for cards, the comparison and the catalog browser.
Unknown facts read "unknown", never a guess."""

from router_advisor.core.router import Router
from router_advisor.core.wording import router_kind, usd

UNKNOWN = "unknown"


def _yes_no(value: bool | None) -> str:
    return UNKNOWN if value is None else ("yes" if value else "no")


def price(r: Router) -> str:
    """The same "$99.99" the CLI and the reports show."""
    return UNKNOWN if r.price_usd is None else usd(r.price_usd)


def wifi(r: Router) -> str:
    return f"Wi-Fi {r.wifi_generation}" + (f" ({r.wifi_class})" if r.wifi_class else "")


def kind(r: Router) -> str:
    return router_kind(r.kind, r.pack_size, r.line)


def wan(r: Router) -> str:
    if r.wan_mbps is None:
        return UNKNOWN
    return f"{r.wan_mbps / 1000:g} Gbit/s" if r.wan_mbps >= 1000 else f"{r.wan_mbps} Mbit/s"


def lan(r: Router) -> str:
    if r.lan_ports_mbps is None:
        return UNKNOWN
    if not r.lan_ports_mbps:
        return "none"
    fastest = max(r.lan_ports_mbps)
    speed = f"{fastest / 1000:g}G" if fastest >= 1000 else f"{fastest}M"
    return f"{len(r.lan_ports_mbps)} (up to {speed})"


def qos(r: Router) -> str:
    if r.qos.sqm:
        return "SQM (smart queues)"
    if r.qos.adaptive:
        return "adaptive QoS"
    if r.qos.device_priority:
        return "device priority"
    if r.qos.sqm is None and r.qos.adaptive is None and r.qos.device_priority is None:
        return UNKNOWN
    return "none"


def updates(r: Router) -> str:
    fw = r.firmware
    parts = []
    if fw.automatic_updates is not None:
        parts.append("automatic" if fw.automatic_updates else "manual")
    if fw.end_of_support:
        parts.append(f"until {fw.end_of_support}")
    elif fw.support_years_promised:
        parts.append(f"{fw.support_years_promised} years promised")
    return ", ".join(parts) or UNKNOWN


def cloud(r: Router) -> str:
    needed = r.management.cloud_account_required
    return UNKNOWN if needed is None else ("account required" if needed else "works without")


# The rows of the side-by-side comparison, in reading order.
COMPARISON_ROWS: tuple[tuple[str, object], ...] = (
    ("Price", price),
    ("Wi-Fi", wifi),
    ("Kind", kind),
    ("Internet (WAN) port", wan),
    ("LAN ports", lan),
    ("Traffic priority (QoS)", qos),
    ("WPA3", lambda r: _yes_no(r.wpa3)),
    ("Wired backhaul", lambda r: _yes_no(r.wired_backhaul)),
    ("Security updates", updates),
    ("Cloud account", cloud),
    ("Warranty", lambda r: UNKNOWN if r.warranty_years is None else f"{r.warranty_years:g} years"),
    ("Released", lambda r: UNKNOWN if r.release_year is None else str(r.release_year)),
    ("OpenWrt", lambda r: _yes_no(r.openwrt_supported)),
)


def key_facts(r: Router) -> str:
    """One line for a card: the facts a buyer compares first."""
    return " · ".join((wifi(r), kind(r), f"WAN {wan(r)}", f"LAN {lan(r)}", f"QoS {qos(r)}"))
