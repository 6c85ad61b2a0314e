"""A router or mesh system as the catalog knows it. None always means "unknown"."""

from dataclasses import dataclass, field
from typing import Literal

from router_advisor.core.wording import router_name

# What a catalog entry is. A `mesh` entry is one kit as sold (one entry per pack size); a
# `node` is an add-on satellite of a mesh family; an `access_point` is wired to a router
# (PoE or a power brick); a `travel` router is never a whole-home pick; a `modem_router`
# has the modem for its `line` built in.
Kind = Literal["router", "mesh", "node", "access_point", "travel", "modem_router"]
KINDS: tuple[str, ...] = ("router", "mesh", "node", "access_point", "travel", "modem_router")
# The line a modem-router terminates.
Line = Literal["dsl", "cable", "fibre", "lte_5g"]
LINES: tuple[str, ...] = ("dsl", "cable", "fibre", "lte_5g")
# Power over Ethernet: "in" = can be powered by PoE, "out" = supplies PoE to other devices.
Poe = Literal["none", "in", "out", "in_out"]
POE_VALUES: tuple[str, ...] = ("none", "in", "out", "in_out")
# What a support window counts from: Google counts from launch, eero and Netgear from the
# end of sale (shared/reference/README.md, catalog-gap-facts traps).
SupportBasis = Literal["launch", "end_of_sale"]
WifiGeneration = Literal["5", "6", "6E", "7"]
WIFI_GENERATIONS: tuple[str, ...] = ("5", "6", "6E", "7")
BANDS: tuple[str, ...] = ("2.4", "5", "5-2", "6")
# `wan_mbps = NO_ETHERNET`: the unit has no Ethernet port at all (a plug-in mesh point such
# as the eero Beacon or the Nest Wifi point links by radio only). Not a speed: it takes no
# cable, so no wired backhaul and no wired device; only an add-on `node` can be one.
NO_ETHERNET = 0


def catalog_key(
    brand: str, model: str, hardware_revision: str | None, kind: str | None, pack_size: object
) -> str:
    """A model's stable identity: brand/model/revision, lower-cased, and for a mesh kit its
    pack size too ("tp-link/deco x55/3-pack"), because a 2-pack and a 3-pack of one kit are
    two things to buy with two prices. Other kinds always hold one unit, so their key has no
    pack (an add-on node "Deco X55" never collides with the kit's "/1-pack")."""
    parts = [brand, model]
    if hardware_revision:
        parts.append(hardware_revision)
    key = "/".join(str(p).strip().lower() for p in parts)
    return f"{key}/{pack_size}-pack" if kind == "mesh" else key


@dataclass(frozen=True)
class Source:
    """Where facts came from: a URL, `openwrt-toh:<id>` or `techinfodepot:<id>`."""

    ref: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class QoS:
    device_priority: bool | None = None
    adaptive: bool | None = None
    sqm: bool | None = None


@dataclass(frozen=True)
class Management:
    app: bool | None = None
    local_web_ui: bool | None = None
    cloud_account_required: bool | None = None


@dataclass(frozen=True)
class FirmwarePolicy:
    automatic_updates: bool | None = None
    end_of_support: str | None = None  # ISO date
    support_years_promised: int | None = None
    support_counts_from: SupportBasis | None = None
    # On the vendor's supported list (or absent from its end-of-life list) as of this date.
    supported_as_of: str | None = None  # ISO date
    # On the vendor's end-of-life list as of this date, the list giving no end date (ASUS's
    # page lists models without one): support has ended, by that day at the latest.
    eol_listed_as_of: str | None = None  # ISO date
    policy_url: str | None = None


@dataclass(frozen=True)
class Router:
    """One catalog model. `key` is the stable identity (`catalog_key`)."""

    brand: str
    model: str
    kind: Kind
    pack_size: int
    wifi_generation: WifiGeneration
    sources: tuple[Source, ...]
    hardware_revision: str | None = None
    wifi_class: str | None = None
    bands: tuple[str, ...] | None = None
    dedicated_backhaul: bool | None = None
    streams: tuple[tuple[str, int], ...] | None = None
    wan_mbps: int | None = None
    lan_ports_mbps: tuple[int, ...] | None = None
    usb: tuple[str, ...] | None = None
    soc: str | None = None
    cpu_cores: int | None = None
    cpu_mhz: int | None = None
    ram_mb: int | None = None
    mesh_system: str | None = None
    wired_backhaul: bool | None = None
    qos: QoS = field(default_factory=QoS)
    wpa3: bool | None = None
    vpn_server: tuple[str, ...] | None = None
    parental_controls: bool | None = None
    subscription_features: tuple[str, ...] | None = None
    management: Management = field(default_factory=Management)
    firmware: FirmwarePolicy = field(default_factory=FirmwarePolicy)
    warranty_years: float | None = None
    price_usd: float | None = None
    price_as_of: str | None = None
    price_kind: str | None = None
    price_region: str | None = None  # where that price was seen: "US", "UK", "EU", ...
    release_year: int | None = None
    # The family whose units form one network together ("Deco BE63", "eero 7", "UniFi"):
    # kits, add-on nodes and access points of one system can be combined.
    system: str | None = None
    regions: tuple[str, ...] | None = None  # where it is sold: "US", "CA", "UK", "EU", "AU"
    coverage_m2: float | None = None  # per node, as the vendor states it
    sfp_ports: tuple[int, ...] | None = None  # SFP/SFP+ cages by speed in Mbit/s, not RJ45
    poe: Poe | None = None
    line: Line | None = None  # modem_router only
    discontinued: bool | None = None  # the vendor no longer sells it
    openwrt_supported: bool | None = None
    cross_check_note: str | None = None

    @property
    def key(self) -> str:
        return catalog_key(
            self.brand, self.model, self.hardware_revision, self.kind, self.pack_size
        )

    @property
    def display_name(self) -> str:
        """How every card, table and export names it (core/wording.py router_name)."""
        return router_name(self.brand, self.model, self.hardware_revision, self.pack_size)

    @property
    def no_ethernet(self) -> bool:
        """No Ethernet port at all: it links by radio only (wan_mbps = NO_ETHERNET)."""
        return self.wan_mbps == NO_ETHERNET

    @property
    def lan_port_count(self) -> int | None:
        return None if self.lan_ports_mbps is None else len(self.lan_ports_mbps)

    @property
    def max_lan_mbps(self) -> int | None:
        return max(self.lan_ports_mbps, default=None) if self.lan_ports_mbps is not None else None


def support_end(r: Router) -> str | None:
    """The last day of security updates: the vendor's date; for a model on the vendor's
    end-of-life list without a date, the day it was seen there (support had ended by
    then); for a promise counted from launch ("5 years from launch", Google's) the end of
    the launch year plus those years, the latest day that promise can reach. None when
    none is known (a window counted from the end of sale, eero's and Netgear's, gives no
    date while it is still sold)."""
    fw = r.firmware
    if fw.end_of_support is not None:
        return fw.end_of_support
    if fw.eol_listed_as_of is not None:
        return fw.eol_listed_as_of
    if fw.support_counts_from == "launch" and fw.support_years_promised and r.release_year:
        return f"{r.release_year + fw.support_years_promised:04d}-12-31"
    return None
