"""The OS neighbour (ARP) table: Linux's rtnetlink entries, and pure parsers for macOS and
Windows `arp -a`. Each gives IP -> MAC (lower-case, colon-separated, zero-padded) of
resolved unicast entries only: incomplete, broadcast and multicast entries are left out.
"""

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass

from router_advisor.net.neighbor_netlink import NUD_INCOMPLETE, NUD_VALID, NetlinkNeighbour

_MAC_RE = r"[0-9a-fA-F]{1,2}(?:[:-][0-9a-fA-F]{1,2}){5}"
_MACOS_LINE = re.compile(rf"\((?P<ip>[\d.]+)\) at (?P<mac>{_MAC_RE}) on (?P<iface>\S+)")
_WINDOWS_IFACE = re.compile(r"^\S.*?:\s*(?P<ip>\d+\.\d+\.\d+\.\d+)")
_WINDOWS_LINE = re.compile(rf"^\s+(?P<ip>\d+\.\d+\.\d+\.\d+)\s+(?P<mac>{_MAC_RE})\s")


def normalise_mac(mac: str) -> str:
    """'0:18:1:8f:23:ed' or '00-18-01-8F-23-ED' -> '00:18:01:8f:23:ed'."""
    return ":".join(part.zfill(2) for part in re.split("[:-]", mac.lower()))


def _unicast(ip: str, mac: str) -> bool:
    first_octet = int(mac[:2], 16)
    addr = ipaddress.IPv4Address(ip)
    return not (first_octet & 1 or mac == "00:00:00:00:00:00" or addr.is_multicast)


@dataclass(frozen=True)
class NeighbourSnapshot:
    """One read of the table: IP -> MAC of resolved entries and, where the OS reports it
    (Linux), IP -> the kernel's request counter of each entry still being resolved."""

    resolved: dict[str, str]
    resolving: dict[str, int] | None = None


def linux_snapshot(entries: Iterable[NetlinkNeighbour], ifindex: int) -> NeighbourSnapshot:
    """The entries of interface `ifindex`: resolved ones (a valid state with a MAC), and
    the counters of incomplete ones. A failed entry is in neither."""
    resolved, resolving = {}, {}
    for entry in entries:
        if entry.ifindex != ifindex:
            continue
        if entry.state & NUD_VALID and entry.mac and _unicast(entry.ip, entry.mac):
            resolved[entry.ip] = entry.mac
        elif entry.state & NUD_INCOMPLETE:
            resolving[entry.ip] = entry.probes
    return NeighbourSnapshot(resolved, resolving)


def parse_macos_arp(text: str, iface: str) -> dict[str, str]:
    """macOS/BSD `arp -an`: '? (192.168.1.2) at 0:1b:21:a4:32:bd on en1 ifscope [ethernet]'."""
    found = {}
    for match in _MACOS_LINE.finditer(text):
        mac = normalise_mac(match["mac"])
        if match["iface"] == iface and _unicast(match["ip"], mac):
            found[match["ip"]] = mac
    return found


def parse_windows_arp(text: str, local_ip: str) -> dict[str, str]:
    """Windows `arp -a` (any language): the block headed 'Interface: <local_ip> --- 0x..'."""
    found: dict[str, str] = {}
    in_block = False
    for line in text.splitlines():
        header = _WINDOWS_IFACE.match(line)
        if header:
            in_block = header["ip"] == local_ip
            continue
        row = _WINDOWS_LINE.match(line)
        if in_block and row:
            mac = normalise_mac(row["mac"])
            if _unicast(row["ip"], mac):
                found[row["ip"]] = mac
    return found
