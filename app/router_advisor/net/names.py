"""Host names by reverse DNS (asked of the gateway, which is the home's DNS server) and by
NetBIOS node status (asked of each host). Both are bounded in time and only ever sent to
addresses on the scanned subnet, never to an outside resolver."""

import contextlib
import ipaddress
import secrets
import select
import socket
import struct
import time
from collections.abc import Sequence

DNS_PORT = 53
NETBIOS_PORT = 137
# NetBIOS node status: the wildcard name "*" in first-level encoding, type NBSTAT, class IN.
_NBSTAT_QUESTION = b"\x20" + b"CK" + b"A" * 30 + b"\x00" + struct.pack(">HH", 0x21, 1)


def _ptr_query(txid: int, ip: str) -> bytes:
    labels = [*reversed(ip.split(".")), "in-addr", "arpa"]
    qname = b"".join(bytes([len(p)]) + p.encode() for p in labels) + b"\0"
    return struct.pack(">HHHHHH", txid, 0x0100, 1, 0, 0, 0) + qname + struct.pack(">HH", 12, 1)


def _read_name(msg: bytes, pos: int) -> tuple[str, int]:
    """A possibly compressed DNS name at `pos`; returns it and the offset after it."""
    labels: list[str] = []
    end: int | None = None
    hops = 0
    while True:
        length = msg[pos]
        if length & 0xC0 == 0xC0:
            end = end if end is not None else pos + 2
            pos = ((length & 0x3F) << 8) | msg[pos + 1]
            hops += 1
            if hops > 20:
                raise ValueError("DNS name compression loop")
            continue
        if length == 0:
            return ".".join(labels), (end if end is not None else pos + 1)
        labels.append(msg[pos + 1 : pos + 1 + length].decode("ascii", "replace"))
        pos += 1 + length


def parse_ptr_answer(msg: bytes) -> tuple[int, str | None]:
    """(transaction id, first PTR target or None) of a DNS response."""
    txid, _flags, qd, an = struct.unpack(">HHHH", msg[:8])
    pos = 12
    for _ in range(qd):
        pos = _read_name(msg, pos)[1] + 4
    for _ in range(an):
        pos = _read_name(msg, pos)[1]
        rtype, _cls, _ttl, rdlen = struct.unpack(">HHIH", msg[pos : pos + 10])
        pos += 10
        if rtype == 12:
            return txid, _read_name(msg, pos)[0].removesuffix(".") or None
        pos += rdlen
    return txid, None


def reverse_dns(
    ips: Sequence[str], server: str, timeout_s: float = 0.5, port: int = DNS_PORT
) -> dict[str, str]:
    """IP -> name from PTR queries sent to `server` (the gateway), within `timeout_s`."""
    base = secrets.randbelow(0x10000)
    pending = {(base + i) & 0xFFFF: ip for i, ip in enumerate(ips)}
    names: dict[str, str] = {}
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        # Connected: a gateway without DNS answers "port unreachable" and we stop at once.
        sock.connect((server, port))
        try:
            for txid, ip in pending.items():
                sock.send(_ptr_query(txid, ip))
            deadline = time.monotonic() + timeout_s
            while pending and (left := deadline - time.monotonic()) > 0:
                if not select.select([sock], [], [], left)[0]:
                    break
                with contextlib.suppress(ValueError, IndexError, struct.error):
                    txid, name = parse_ptr_answer(sock.recv(4096))
                    ip = pending.pop(txid, "")
                    if ip and name:
                        names[ip] = name
        except OSError:
            pass  # no DNS server on the gateway: no names from it
    return names


def parse_nbstat(msg: bytes) -> str | None:
    """The computer name (first unique name with suffix 0x00) of a node status response."""
    pos = 12
    pos = _read_name(msg, pos)[1] + 10  # name, type, class, TTL, RDLENGTH
    count = msg[pos]
    pos += 1
    for i in range(count):
        entry = msg[pos + 18 * i : pos + 18 * (i + 1)]
        name, suffix, flags = entry[:15], entry[15], struct.unpack(">H", entry[16:18])[0]
        if suffix == 0x00 and not flags & 0x8000:  # workstation name, not a group
            return name.decode("ascii", "replace").strip() or None
    return None


def netbios_names(
    ips: Sequence[str],
    network: ipaddress.IPv4Network,
    timeout_s: float = 0.4,
    port: int = NETBIOS_PORT,
) -> dict[str, str]:
    """IP -> NetBIOS computer name for the hosts that answer within `timeout_s`."""
    names: dict[str, str] = {}
    targets = [ip for ip in ips if ipaddress.IPv4Address(ip) in network]
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for n, ip in enumerate(targets):
            header = struct.pack(">HHHHHH", n + 1, 0, 1, 0, 0, 0)
            with contextlib.suppress(OSError):
                sock.sendto(header + _NBSTAT_QUESTION, (ip, port))
        deadline = time.monotonic() + timeout_s
        while len(names) < len(targets) and (left := deadline - time.monotonic()) > 0:
            if not select.select([sock], [], [], left)[0]:
                break
            with contextlib.suppress(OSError, ValueError, IndexError, struct.error):
                data, (ip, _) = sock.recvfrom(4096)
                name = parse_nbstat(data)
                if name and ip in targets:
                    names[ip] = name
    return names
