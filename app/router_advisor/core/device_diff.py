"""What changed on the network between two runs: new, gone and changed devices.

Devices are compared by identity (see device_identity), so a phone that changed its random
MAC is "changed", not "gone" plus "new".
"""

import ipaddress
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

# The fields a person cares about, in the order they are reported.
COMPARED_FIELDS: tuple[str, ...] = ("ip", "mac", "hostname", "kind")


@dataclass(frozen=True)
class SeenDevice:
    """A device as one run saw it, with the person's label for it (if any)."""

    device_id: int
    ip: str
    mac: str
    hostname: str | None
    kind: str
    vendor: str | None = None
    label: str | None = None
    known: bool = False

    @property
    def display_name(self) -> str | None:
        """The person's name for the device, else the name it gave itself."""
        return self.label or self.hostname

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["display_name"] = self.display_name
        return data


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str | None
    after: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DeviceChange:
    """The same device in both runs, with what differs."""

    before: SeenDevice
    after: SeenDevice
    changes: tuple[FieldChange, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "device_id": self.after.device_id,
            "display_name": self.after.display_name,
            "changes": [c.to_dict() for c in self.changes],
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
        }


@dataclass(frozen=True)
class DeviceDiff:
    new: tuple[SeenDevice, ...]
    gone: tuple[SeenDevice, ...]
    changed: tuple[DeviceChange, ...]
    unchanged: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "new": [d.to_dict() for d in self.new],
            "gone": [d.to_dict() for d in self.gone],
            "changed": [c.to_dict() for c in self.changed],
            "unchanged": self.unchanged,
        }


def ip_order(device: SeenDevice) -> tuple[int, int, str]:
    """Sort key: IPv4 before IPv6, numerically (10.0.0.9 before 10.0.0.10)."""
    try:
        address = ipaddress.ip_address(device.ip)
    except ValueError:
        return (9, 0, device.ip)
    return (address.version, int(address), device.ip)


def _comparable(field: str, value: str | None) -> str | None:
    """Host names differ only in form when they come from DHCP ('Anna-Phone') or mDNS
    ('anna-phone.local'): compare the first label, ignoring case."""
    if field == "hostname" and value:
        return value.strip().rstrip(".").split(".")[0].lower()
    return value


def _changes(before: SeenDevice, after: SeenDevice) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(name, getattr(before, name), getattr(after, name))
        for name in COMPARED_FIELDS
        if _comparable(name, getattr(before, name)) != _comparable(name, getattr(after, name))
    )


def diff_devices(before: Sequence[SeenDevice], after: Sequence[SeenDevice]) -> DeviceDiff:
    """Compare two runs' devices by identity; each list comes out sorted by IP address."""
    old = {d.device_id: d for d in before}
    cur = {d.device_id: d for d in after}
    new = sorted((d for i, d in cur.items() if i not in old), key=ip_order)
    gone = sorted((d for i, d in old.items() if i not in cur), key=ip_order)
    changed: list[DeviceChange] = []
    unchanged = 0
    for device_id in old.keys() & cur.keys():
        changes = _changes(old[device_id], cur[device_id])
        if changes:
            changed.append(DeviceChange(old[device_id], cur[device_id], changes))
        else:
            unchanged += 1
    changed.sort(key=lambda c: ip_order(c.after))
    return DeviceDiff(tuple(new), tuple(gone), tuple(changed), unchanged)
