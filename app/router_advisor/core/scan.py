"""What a scan of the home network found. Serialises to the `scan --json` shape."""

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal, get_args

from router_advisor.core.current_router import CurrentRouterReport

DeviceKind = Literal["phone", "computer", "tv", "console", "printer", "iot", "network", "unknown"]
# Every kind, in the type's order; the words people read are in core/wording.py.
DEVICE_KINDS: tuple[DeviceKind, ...] = get_args(DeviceKind)


ScanMethod = Literal["arp", "neighbor"]
# What a person may ask for: `auto` picks `arp` when raw sockets are allowed, else `neighbor`.
SCAN_METHODS: tuple[str, ...] = ("auto", "arp", "neighbor")


@dataclass(frozen=True)
class Device:
    """One host that answered. `kind_evidence` says in words why we think it is that kind."""

    ip: str
    mac: str
    vendor: str | None = None
    hostname: str | None = None
    kind: str = "unknown"
    kind_evidence: tuple[str, ...] = ()
    randomized_mac: bool = False
    is_gateway: bool = False
    services: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind_evidence"] = list(self.kind_evidence)
        data["services"] = list(self.services)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Device":
        return cls(
            ip=str(data["ip"]),
            mac=str(data["mac"]).lower(),
            vendor=data.get("vendor"),
            hostname=data.get("hostname"),
            kind=str(data.get("kind") or "unknown"),
            kind_evidence=tuple(data.get("kind_evidence") or ()),
            randomized_mac=bool(data.get("randomized_mac", False)),
            is_gateway=bool(data.get("is_gateway", False)),
            services=tuple(data.get("services") or ()),
        )


class ConflictingDevices(ValueError):
    """One IP address reported with two different MAC addresses."""


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return first + tuple(item for item in second if item not in first)


def _merge_two(kept: Device, other: Device) -> Device:
    """One device from two reports of it: what either knows, the first report first."""
    return replace(
        kept,
        vendor=kept.vendor or other.vendor,
        hostname=kept.hostname or other.hostname,
        kind=kept.kind if kept.kind != "unknown" else other.kind,
        kind_evidence=_union(kept.kind_evidence, other.kind_evidence),
        randomized_mac=kept.randomized_mac or other.randomized_mac,
        is_gateway=kept.is_gateway or other.is_gateway,
        services=_union(kept.services, other.services),
    )


def merge_devices(devices: Iterable[Device]) -> tuple[Device, ...]:
    """Each device once, in first-seen order. A MAC address is a device's identity (as in the
    history), so reports of one MAC (a file listing it twice, a second method finding it
    again) become one entry at the first address reported, with what every report knew.
    Raises ConflictingDevices for one IP address reported with two MACs."""
    merged: dict[str, Device] = {}
    owner: dict[str, str] = {}  # IP -> the MAC first reported there
    for device in devices:
        mac = device.mac.strip().lower().replace("-", ":")
        device = replace(device, mac=mac)
        if owner.setdefault(device.ip, mac) != mac:
            raise ConflictingDevices(
                f"{device.ip} is listed with two MAC addresses, {owner[device.ip]} and {mac}"
            )
        kept = merged.get(mac)
        merged[mac] = device if kept is None else _merge_two(kept, device)
    return tuple(merged.values())


@dataclass(frozen=True)
class WifiLink:
    """This computer's own Wi-Fi connection. Unknown values are None."""

    standard: str | None = None  # "Wi-Fi 4" .. "Wi-Fi 7"
    band: str | None = None  # "2.4", "5", "6"
    channel: int | None = None
    channel_width_mhz: int | None = None
    signal_dbm: int | None = None
    tx_rate_mbps: float | None = None
    rx_rate_mbps: float | None = None
    ssid: str | None = None
    interface: str | None = None
    bssid: str | None = None  # the access point or mesh node the computer is on
    noise_dbm: int | None = None  # where the OS reports it (macOS); SNR = signal - noise

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "WifiLink":
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class BandCrowding:
    """Networks heard on one band and a 0 (empty) to 100 (packed) crowding score."""

    band: str
    networks: int
    strongest_dbm: int | None
    crowding: int
    busiest_channels: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["busiest_channels"] = list(self.busiest_channels)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "BandCrowding":
        return cls(
            band=str(data["band"]),
            networks=int(data["networks"]),
            strongest_dbm=data.get("strongest_dbm"),
            crowding=int(data["crowding"]),
            busiest_channels=tuple(data.get("busiest_channels") or ()),
        )


@dataclass(frozen=True)
class NearbyNetworks:
    bands: tuple[BandCrowding, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"bands": [b.to_dict() for b in self.bands]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "NearbyNetworks":
        return cls(bands=tuple(BandCrowding.from_dict(b) for b in data.get("bands") or ()))


@dataclass(frozen=True)
class ScanResult:
    """What one scan found. `devices` holds each device once, whatever reported it twice."""

    interface: str
    cidr: str
    gateway: str | None
    method: str
    duration_s: float
    devices: tuple[Device, ...] = ()
    wifi_link: WifiLink | None = None
    nearby_networks: NearbyNetworks | None = None
    notes: tuple[str, ...] = field(default=())
    current_router: CurrentRouterReport | None = None

    def __post_init__(self) -> None:
        # Each device once, however it was reported (see merge_devices): the JSON, the GUI's
        # list and the device count all read this tuple.
        object.__setattr__(self, "devices", merge_devices(self.devices))

    def to_dict(self) -> dict[str, Any]:
        return {
            "interface": self.interface,
            "cidr": self.cidr,
            "gateway": self.gateway,
            "method": self.method,
            "duration_s": round(self.duration_s, 3),
            "devices": [d.to_dict() for d in self.devices],
            "wifi_link": self.wifi_link.to_dict() if self.wifi_link else None,
            "nearby_networks": self.nearby_networks.to_dict() if self.nearby_networks else None,
            "notes": list(self.notes),
            "current_router": self.current_router.to_dict() if self.current_router else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ScanResult":
        wifi = data.get("wifi_link")
        nearby = data.get("nearby_networks")
        router = data.get("current_router")
        return cls(
            interface=str(data["interface"]),
            cidr=str(data["cidr"]),
            gateway=data.get("gateway"),
            method=str(data["method"]),
            duration_s=float(data.get("duration_s", 0.0)),
            devices=tuple(Device.from_dict(d) for d in data.get("devices") or ()),
            wifi_link=WifiLink.from_dict(wifi) if wifi else None,
            nearby_networks=NearbyNetworks.from_dict(nearby) if nearby else None,
            notes=tuple(data.get("notes") or ()),
            current_router=CurrentRouterReport.from_dict(router) if router else None,
        )
