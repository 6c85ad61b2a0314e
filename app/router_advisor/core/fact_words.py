"""What each catalog fact is called, and its stored values in words (`catalog show`, exports).

The catalog's share of the one vocabulary (core/wording.py holds the rest): the CLI's fact
table and its source lists, and anything else that names a catalog field, read these.
"""

from collections.abc import Iterable

from router_advisor.core.router import NO_ETHERNET
from router_advisor.core.wording import (
    KIND_WORDS,
    LINE_WORDS,
    NO_ETHERNET_PORT,
    PRICE_KIND_WORDS,
    eol_listed,
)

# Every flat field name of the catalog (catalog/fields.py), and the three table names a
# source may vouch for as a whole.
FACT_LABELS: dict[str, str] = {
    "brand": "Brand",
    "model": "Model",
    "hardware_revision": "Hardware revision",
    "kind": "Kind",
    "pack_size": "Units in the box",
    "wifi_generation": "Wi-Fi generation",
    "wifi_class": "Wi-Fi class",
    "bands": "Bands",
    "dedicated_backhaul": "Dedicated backhaul radio",
    "streams": "Spatial streams per band",
    "wan_mbps": "Internet (WAN) port, Mbit/s",
    "lan_ports_mbps": "LAN ports, Mbit/s each",
    "usb": "USB ports",
    "soc": "Chip (SoC)",
    "cpu_cores": "CPU cores",
    "cpu_mhz": "CPU speed, MHz",
    "ram_mb": "Memory (RAM), MB",
    "mesh_system": "Mesh system",
    "system": "System (units that work together)",
    "regions": "Sold in",
    "coverage_m2": "Coverage per unit, m²",
    "sfp_ports": "SFP/SFP+ cages, Mbit/s each",
    "poe": "Power over Ethernet",
    "line": "Line of the built-in modem",
    "discontinued": "Discontinued",
    "wired_backhaul": "Wired backhaul",
    "qos.device_priority": "Device priority",
    "qos.adaptive": "Adaptive QoS",
    "qos.sqm": "Smart queue management (SQM)",
    "wpa3": "WPA3",
    "vpn_server": "VPN server",
    "parental_controls": "Parental controls",
    "subscription_features": "Paid subscription features",
    "management.app": "Phone app",
    "management.local_web_ui": "Local web interface",
    "management.cloud_account_required": "Cloud account required",
    "firmware.automatic_updates": "Automatic updates",
    "firmware.end_of_support": "End of security updates",
    "firmware.support_years_promised": "Years of updates promised",
    "firmware.support_counts_from": "Years of updates count from",
    "firmware.supported_as_of": "On the vendor's supported list as of",
    "firmware.eol_listed_as_of": "End-of-life list",
    "firmware.policy_url": "Update policy (web page)",
    "warranty_years": "Warranty, years",
    "price_usd": "Price, USD",
    "price_as_of": "Price as of",
    "price_kind": "Price kind",
    "price_region": "Price seen in",
    "release_year": "Released",
    "openwrt_supported": "OpenWrt supported",
    "cross_check_note": "Cross-check note",
}

# An access point's ports (data/catalog/README.md): `wan_mbps` is its uplink, toward the
# router or switch, and `lan_ports_mbps` lists its other Ethernet ports.
ACCESS_POINT_LABELS: dict[str, str] = {
    "wan_mbps": "Uplink port (to the router), Mbit/s",
    "lan_ports_mbps": "Other Ethernet ports, Mbit/s each",
}


def fact_label(name: str, kind: str | None = None) -> str:
    """What a fact is called for a model of `kind`: an access point's ports by their role."""
    if kind == "access_point" and name in ACCESS_POINT_LABELS:
        return ACCESS_POINT_LABELS[name]
    return FACT_LABELS.get(name, name)


# A radio band by its stored name: "5-2" is a second 5 GHz radio.
BAND_WORDS: dict[str, str] = {"2.4": "2.4 GHz", "5": "5 GHz", "5-2": "second 5 GHz", "6": "6 GHz"}
POE_WORDS: dict[str, str] = {
    "none": "none",
    "in": "can be powered by PoE",
    "out": "supplies PoE",
    "in_out": "can be powered by PoE and supplies PoE",
}
SUPPORT_BASIS_WORDS: dict[str, str] = {"launch": "launch", "end_of_sale": "end of sale"}
_VALUE_WORDS: dict[str, dict[str, str]] = {
    "kind": KIND_WORDS,
    "line": LINE_WORDS,
    "poe": POE_WORDS,
    "price_kind": PRICE_KIND_WORDS,
    "firmware.support_counts_from": SUPPORT_BASIS_WORDS,
}
_TABLES = ("qos", "management", "firmware")


def fact_text(name: str, value: object, brand: str = "the vendor") -> str:
    """A stored value as a person reads it: "second 5 GHz", "yes", "end of sale", "none",
    "no Ethernet port (links by radio only)"; an end-of-life listing as a sentence naming
    the maker (`brand`)."""
    if value is None:
        return "unknown"
    if name == "firmware.eol_listed_as_of":
        text = eol_listed(brand, str(value))
        return text[0].upper() + text[1:]
    if isinstance(value, bool):
        return "yes" if value else "no"
    if name == "wan_mbps" and value == NO_ETHERNET:  # not a speed of 0
        return f"{NO_ETHERNET_PORT} (links by radio only)"
    if name == "bands" and isinstance(value, list):
        return ", ".join(BAND_WORDS.get(str(b), str(b)) for b in value) if value else "none"
    if name == "streams" and isinstance(value, dict):
        return ", ".join(f"{BAND_WORDS.get(b, b)}: {n}" for b, n in value.items())
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else "none"
    if isinstance(value, float):
        return f"{value:g}"
    words = _VALUE_WORDS.get(name)
    return words.get(str(value), str(value)) if words else str(value)


def source_labels(fields: Iterable[str], kind: str | None = None) -> list[str]:
    """What a source vouches for, in the fact table's own labels (those of a model of
    `kind`): a table ("qos") stands for its members ("Device priority", "Adaptive QoS",
    ...), never a label of its own."""
    labels: list[str] = []
    for name in fields:
        members = [key for key in FACT_LABELS if key.startswith(name + ".")]
        for key in members if name in _TABLES else [name]:
            label = fact_label(key, kind)
            if label not in labels:
                labels.append(label)
    return labels
