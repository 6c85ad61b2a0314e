"""Which stored device is this? Match a fresh scan's devices to identities seen before.

A MAC address is the identity of a device, except that phones and laptops now pick a new
random ("locally administered") MAC per network or per day. A device that comes back with a
new random MAC but the same host name is the same device, so its labels stay attached.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from router_advisor.core.scan import Device

MatchReason = Literal["mac", "name", "new"]

# Names that many devices share out of the box, so they identify nobody. Seen as DHCP and
# mDNS host names of unnamed devices (iOS uses "iPhone"/"iPad" until the owner renames it).
GENERIC_NAMES: frozenset[str] = frozenset(
    {"localhost", "android", "iphone", "ipad", "unknown", "espressif", "raspberrypi", "esp"}
)

_LOCALLY_ADMINISTERED_BIT = 0x02  # IEEE 802: bit 1 of the first octet marks a local MAC


@dataclass(frozen=True)
class KnownIdentity:
    """A device the history already knows: every MAC it has used, and its latest name key."""

    device_id: int
    macs: frozenset[str]
    name_key: str | None


@dataclass(frozen=True)
class Match:
    """One scanned device and the identity it belongs to (`device_id` None: a new device)."""

    device: Device
    device_id: int | None
    reason: MatchReason


def normalize_mac(mac: str) -> str:
    """Lower-case, colon-separated: 'AA-BB-..' and 'aa:bb:..' are the same address."""
    return mac.strip().lower().replace("-", ":")


def is_randomized_mac(mac: str) -> bool:
    """True for a locally administered MAC, the kind private-address features make up."""
    try:
        first = int(normalize_mac(mac).split(":")[0], 16)
    except ValueError:
        return False
    return bool(first & _LOCALLY_ADMINISTERED_BIT)


def name_key(hostname: str | None) -> str | None:
    """The part of a host name that identifies a device: 'Johns-iPhone.local.' -> 'johns-iphone'.

    DHCP gives 'Johns-iPhone', mDNS 'Johns-iPhone.local', a router's DNS 'johns-iphone.lan':
    all the same device. Generic factory names give None.
    """
    if not hostname:
        return None
    key = hostname.strip().rstrip(".").split(".")[0].lower()
    if not key or key in GENERIC_NAMES:
        return None
    return key


def _randomized(device: Device) -> bool:
    return device.randomized_mac or is_randomized_mac(device.mac)


def match_devices(devices: Sequence[Device], known: Sequence[KnownIdentity]) -> tuple[Match, ...]:
    """Assign each scanned device to a known identity or mark it new.

    First by MAC. Then a device with an unseen random MAC takes the identity with the same
    name key, but only when exactly one unclaimed identity and exactly one unmatched device
    share that name: an ambiguous name never merges two devices. A MAC listed twice in one
    scan is kept once.
    """
    by_mac = {mac: ident.device_id for ident in known for mac in ident.macs}
    unique: list[Device] = []
    seen_macs: set[str] = set()
    for device in devices:
        mac = normalize_mac(device.mac)
        if mac not in seen_macs:
            seen_macs.add(mac)
            unique.append(device)

    claimed: set[int] = set()
    by_index: dict[int, tuple[int | None, MatchReason]] = {}
    for i, device in enumerate(unique):
        device_id = by_mac.get(normalize_mac(device.mac))
        if device_id is not None and device_id not in claimed:
            claimed.add(device_id)
            by_index[i] = (device_id, "mac")

    unmatched_names = Counter(
        name_key(d.hostname) for i, d in enumerate(unique) if i not in by_index
    )
    for i, device in enumerate(unique):
        if i in by_index:
            continue
        key = name_key(device.hostname)
        if key is None or not _randomized(device) or unmatched_names[key] != 1:
            by_index[i] = (None, "new")
            continue
        candidates = [
            k.device_id for k in known if k.name_key == key and k.device_id not in claimed
        ]
        if len(candidates) == 1:
            claimed.add(candidates[0])
            by_index[i] = (candidates[0], "name")
        else:
            by_index[i] = (None, "new")
    return tuple(Match(d, *by_index[i]) for i, d in enumerate(unique))
