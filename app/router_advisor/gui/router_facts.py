"""A router's facts as short words for the comparison and the catalog browser: the words
are core/wording.py's, shared with the CLI and the exports, plus the facts only the desktop
app shows. Unknown facts read "unknown", never a guess."""

from collections.abc import Callable

from router_advisor.core import wording
from router_advisor.core.router import Router
from router_advisor.core.wording import UNKNOWN, lan, qos, router_kind, wan, wifi, years


def _yes_no(value: bool | None) -> str:
    return UNKNOWN if value is None else ("yes" if value else "no")


def kind(r: Router) -> str:
    return router_kind(r.kind, r.pack_size, r.line)


def updates(r: Router) -> str:
    fw = r.firmware
    parts = []
    if fw.automatic_updates is not None:
        parts.append("automatic" if fw.automatic_updates else "manual")
    if fw.end_of_support:
        parts.append(f"until {fw.end_of_support}")
    elif fw.eol_listed_as_of:
        parts.append(f"ended ({wording.eol_listed(r.brand, fw.eol_listed_as_of)})")
    elif fw.support_years_promised:
        parts.append(f"{years(fw.support_years_promised)} promised")
    return ", ".join(parts) or UNKNOWN


def cloud(r: Router) -> str:
    needed = r.management.cloud_account_required
    return UNKNOWN if needed is None else ("account required" if needed else "works without")


def price(r: Router) -> str:
    return wording.router_price(r)


# The rows of the side-by-side comparison, in reading order.
COMPARISON_ROWS: tuple[tuple[str, Callable[[Router], str]], ...] = (
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
    ("Warranty", lambda r: UNKNOWN if r.warranty_years is None else years(r.warranty_years)),
    ("Released", lambda r: UNKNOWN if r.release_year is None else str(r.release_year)),
    ("OpenWrt", lambda r: _yes_no(r.openwrt_supported)),
)
