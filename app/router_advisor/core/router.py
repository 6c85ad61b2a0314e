"""A router or mesh system as the catalog knows it. None always means "unknown"."""

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["router", "mesh"]
WifiGeneration = Literal["5", "6", "6E", "7"]
WIFI_GENERATIONS: tuple[str, ...] = ("5", "6", "6E", "7")
BANDS: tuple[str, ...] = ("2.4", "5", "5-2", "6")


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
    policy_url: str | None = None


@dataclass(frozen=True)
class Router:
    """One catalog model. `key` is the stable identity: brand/model/revision, lower-cased."""

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
    release_year: int | None = None
    openwrt_supported: bool | None = None
    cross_check_note: str | None = None

    @property
    def key(self) -> str:
        parts = [self.brand, self.model]
        if self.hardware_revision:
            parts.append(self.hardware_revision)
        return "/".join(p.strip().lower() for p in parts)

    @property
    def display_name(self) -> str:
        name = f"{self.brand} {self.model}"
        if self.kind == "mesh" and self.pack_size > 1:
            name += f" ({self.pack_size}-pack)"
        return name

    @property
    def lan_port_count(self) -> int | None:
        return None if self.lan_ports_mbps is None else len(self.lan_ports_mbps)

    @property
    def max_lan_mbps(self) -> int | None:
        return max(self.lan_ports_mbps, default=None) if self.lan_ports_mbps is not None else None
