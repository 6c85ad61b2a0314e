"""Pure parsers for the OS neighbour (ARP) table: Linux /proc/net/arp, macOS and Windows
`arp -a`. Each returns IP -> MAC (lower-case, colon-separated, zero-padded) of resolved
unicast entries only: incomplete, broadcast and multicast entries are left out."""

import ipaddress
import re

ATF_COM = 0x2  # /proc/net/arp flag: the entry is complete (linux/if_arp.h)

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


def parse_proc_net_arp(text: str, iface: str) -> dict[str, str]:
    """Linux /proc/net/arp, entries on `iface` whose complete flag is set."""
    found = {}
    for line in text.splitlines()[1:]:
        fields = line.split()
        if len(fields) < 6 or fields[5] != iface or not int(fields[2], 16) & ATF_COM:
            continue
        mac = normalise_mac(fields[3])
        if _unicast(fields[0], mac):
            found[fields[0]] = mac
    return found


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
