"""The `arp` method: ask every address of the subnet for its MAC with raw ARP requests.

Adaptive rounds: the first round asks everyone; each later round re-asks only the addresses
still silent, because phones and IoT devices in Wi-Fi power save often ignore the first
request (it wakes the radio) and answer a repeated one only at their next wake-up, up to
~500 ms later. The rounds stop once a repeat round brings nobody new within its short
window; then the sweep keeps listening until the last request is `late_s` old, so those late
answers are counted instead of arriving just after the sweep gave up. Needs raw sockets
(root, CAP_NET_RAW, or the pkexec helper `router_advisor.net.scan_helper`).
"""

import ipaddress
import logging
import os
import select
import socket
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from router_advisor.core.progress import (
    CancelToken,
    ProgressCallback,
    ProgressUpdate,
    ignore_progress,
)
from router_advisor.errors import RuntimeFailure

ETH_P_ARP = 0x0806
BROADCAST = b"\xff" * 6
BATCH = 64  # requests sent between two reads of the socket and two cancel checks
POLL_S = 0.05  # longest wait between cancel checks


class ArpNotPermitted(RuntimeFailure):
    """Raw sockets are denied: the caller falls back to the neighbor method or says how."""


@dataclass(frozen=True)
class SweepTiming:
    """How long to listen after each round before deciding on another, and how long after
    the last request to wait for late answers. Awake devices answer within milliseconds, so
    the round windows are short; phones in power save answer a repeated request at their
    next wake-up, every 100-300 ms (beacon interval x DTIM period) and some ~500 ms, which
    `late_s` covers once, at the end, instead of after every round."""

    listen_s: tuple[float, ...] = (0.05, 0.1, 0.1)
    late_s: float = 0.55
    min_rounds: int = 2

    @property
    def max_rounds(self) -> int:
        return len(self.listen_s)


def raw_sockets_permitted() -> bool:
    """Whether this process may send raw frames (root or CAP_NET_RAW on Linux)."""
    if not hasattr(socket, "AF_PACKET"):
        return os.name != "nt" and os.geteuid() == 0
    try:
        socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ARP)).close()
    except PermissionError:
        return False
    return True


def _open_socket(iface: str) -> Any:
    import scapy.arch  # noqa: F401  (loads this platform's sockets into conf.L2socket)
    from scapy.config import conf

    # scapy warns that it cannot name a link type it never needs to decode here.
    logging.getLogger("scapy.runtime").setLevel(logging.ERROR)
    try:
        if sys.platform.startswith("linux"):
            return conf.L2socket(iface=iface, type=ETH_P_ARP, nofilter=1)
        return conf.L2socket(iface=iface, filter="arp")
    except PermissionError:
        raise ArpNotPermitted(
            "The ARP sweep needs permission to send raw packets",
            cli_hint="run `router-advisor scan --privileged` (it asks for an administrator "
            "password through pkexec) or use --method neighbor (see 'Scanning your network' "
            "in the README)",
        ) from None
    except OSError as exc:
        raise RuntimeFailure(
            f"Could not open interface '{iface}' for the ARP sweep ({exc}); check that it is up"
        ) from None


def _request_template(local_mac: str, local_ip: str) -> bytearray:
    mac = bytes.fromhex(local_mac.replace(":", ""))
    ether = BROADCAST + mac + ETH_P_ARP.to_bytes(2, "big")
    arp = bytes.fromhex("0001080006040001") + mac + socket.inet_aton(local_ip) + b"\0" * 6
    return bytearray(ether + arp + b"\0\0\0\0")


def parse_reply(frame: bytes) -> tuple[str, str] | None:
    """(sender IP, sender MAC) of an Ethernet ARP reply, or None for anything else."""
    if len(frame) < 42 or frame[12:14] != b"\x08\x06" or frame[20:22] != b"\x00\x02":
        return None
    return socket.inet_ntoa(frame[28:32]), frame[22:28].hex(":")


class _Sweep:
    def __init__(
        self,
        sock: Any,
        template: bytearray,
        progress: ProgressCallback,
        cancel: CancelToken,
        total: int,
        rounds: int,
    ) -> None:
        self.sock, self.template = sock, template
        self.progress, self.cancel = progress, cancel
        self.total, self.rounds = total, rounds
        self.found: dict[str, str] = {}
        # Linux: write the prepared bytes straight to the packet socket; elsewhere via scapy.
        outs = getattr(sock, "outs", None)
        self.send = outs.send if isinstance(outs, socket.socket) else sock.send

    def drain(self, wanted: set[str], timeout: float) -> None:
        """Read replies for up to `timeout` seconds (0: only what is already queued)."""
        deadline = time.monotonic() + timeout
        while True:
            self.cancel.raise_if_cancelled()
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.sock.ins], [], [], max(0.0, min(left, POLL_S)))
            if ready:
                reply = parse_reply(self.sock.recv_raw(2048)[1] or b"")
                if reply and reply[0] in wanted and reply[0] not in self.found:
                    self.found[reply[0]] = reply[1]
            elif left <= 0:
                return

    def ask(self, addresses: Sequence[str], wanted: set[str], round_no: int) -> None:
        for start in range(0, len(addresses), BATCH):
            for ip in addresses[start : start + BATCH]:
                self.template[38:42] = socket.inet_aton(ip)
                self.send(bytes(self.template))
            self.drain(wanted, 0)
            done = (round_no + (start + BATCH) / max(1, len(addresses))) / self.rounds
            self.progress(
                ProgressUpdate(
                    min(done, 1.0),
                    f"ARP round {round_no + 1}: asked "
                    f"{min(start + BATCH, len(addresses))} of "
                    f"{len(addresses)}; {len(self.found)} answered",
                )
            )


def arp_sweep(
    iface: str,
    local_ip: str,
    local_mac: str,
    addresses: Sequence[str],
    progress: ProgressCallback = ignore_progress,
    cancel: CancelToken | None = None,
    timing: SweepTiming = SweepTiming(),
) -> dict[str, str]:
    """IP -> MAC of every address in `addresses` that answered, sorted by IP."""
    cancel = cancel or CancelToken()
    wanted = set(addresses)
    sock = _open_socket(iface)
    try:
        sweep = _Sweep(
            sock,
            _request_template(local_mac, local_ip),
            progress,
            cancel,
            len(addresses),
            timing.max_rounds,
        )
        last_request = time.monotonic()
        for round_no, listen_s in enumerate(timing.listen_s):
            silent = [ip for ip in addresses if ip not in sweep.found]
            if not silent:
                break
            before = len(sweep.found)
            sweep.ask(silent, wanted, round_no)
            last_request = time.monotonic()
            sweep.drain(wanted, listen_s)
            if round_no + 1 >= timing.min_rounds and len(sweep.found) == before:
                break  # a repeat round brought nobody new at once: the network is quiet
        if len(sweep.found) < len(wanted):
            progress(ProgressUpdate(1.0, f"Waiting for late answers: {len(sweep.found)} so far"))
            sweep.drain(wanted, last_request + timing.late_s - time.monotonic())
    finally:
        sock.close()
    progress(ProgressUpdate(1.0, f"{len(sweep.found)} devices answered"))
    return dict(sorted(sweep.found.items(), key=lambda kv: ipaddress.IPv4Address(kv[0])))
