"""The `neighbor` method, no privileges needed: make the OS resolve every address, then read
its neighbour table.

A UDP datagram to each address makes the kernel send an ARP request for it and repeat it
once a second for a silent one; whoever answers lands in the table. The datagrams go out in
small paced bursts, because a burst of hundreds of broadcasts overflows the buffers on the
way (a Wi-Fi access point's broadcast queue for sleeping clients, a bridge's backlog), and a
sleepy device that loses one of the kernel's first two requests is missed. We read the table
until the kernel's second request has had time to be answered and nothing new appeared for a
while.
"""

import contextlib
import ipaddress
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from router_advisor.core.progress import (
    CancelToken,
    ProgressCallback,
    ProgressUpdate,
    ignore_progress,
)
from router_advisor.errors import RuntimeFailure
from router_advisor.net.neighbor_table import parse_macos_arp, parse_proc_net_arp, parse_windows_arp

DISCARD_PORT = 9  # RFC 863 discard: nothing on a home device expects traffic there
POLL_S = 0.05
# 4 datagrams (so 4 kernel broadcasts) every 4 ms, about arp-scan's default pace: a /24 is
# prompted in about 0.3 s. The kernel's retransmissions come in bursts anyway (its timer
# wheel fires every entry due within ~32-64 ms together), so the pace is what keeps those
# bursts small enough not to be dropped on the way.
PROMPT_BURST = 4
PROMPT_GAP_S = 0.004


@dataclass(frozen=True)
class NeighborTiming:
    """The kernel re-asks a silent address `retrans_time` after its first request (1 s on
    Linux, read live); we wait until that second request, counted from the last prompt, has
    had `answer_s` to be answered (a phone in power save answers a repeated request at its
    next wake-up, up to ~500 ms later, and the kernel's timer wheel fires the re-ask up to
    ~32 ms late), then stop after `quiet_s` without news, and at the latest `max_answer_s`
    after it (well before the kernel's third request)."""

    answer_s: float = 0.55
    quiet_s: float = 0.1
    max_answer_s: float = 0.8


def _retrans_s(iface: str) -> float:
    path = Path(f"/proc/sys/net/ipv4/neigh/{iface}/retrans_time_ms")
    try:
        return int(path.read_text()) / 1000
    except (OSError, ValueError):
        return 1.0


def table_reader(iface: str, local_ip: str) -> Callable[[], dict[str, str]]:
    """A function that reads this OS's neighbour table for `iface` as IP -> MAC."""
    if sys.platform.startswith("linux"):
        return lambda: parse_proc_net_arp(Path("/proc/net/arp").read_text(), iface)
    if sys.platform == "darwin":
        return lambda: parse_macos_arp(_run(["arp", "-an", "-i", iface]), iface)
    if sys.platform == "win32":
        return lambda: parse_windows_arp(_run(["arp", "-a", "-N", local_ip]), local_ip)
    raise RuntimeFailure(
        f"Reading the neighbour table is not available on {sys.platform}",
        cli_hint="use --method arp",
    )


def _run(argv: list[str]) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise RuntimeFailure(f"Could not read the neighbour table with {argv[0]} ({exc})") from None


def _prompt(local_ip: str, addresses: Sequence[str], cancel: CancelToken) -> None:
    """One empty UDP datagram to each address, sent from our address on the scanned subnet
    in paced bursts of PROMPT_BURST. Bursts keep a schedule (burst n at n x PROMPT_GAP_S)
    rather than sleeping a gap after each: the sleeps' overshoot made a /24 take 0.35 s
    instead of 0.25, and every prompt's lateness delays the kernel's re-ask as much."""
    start = time.monotonic()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((local_ip, 0))
        sock.setblocking(False)
        for i, ip in enumerate(addresses):
            if i and i % PROMPT_BURST == 0:
                due = start + (i // PROMPT_BURST) * PROMPT_GAP_S
                if cancel.wait(max(0.0, due - time.monotonic())):
                    cancel.raise_if_cancelled()
            # A full queue or an unreachable address raises; the kernel asks anyway.
            with contextlib.suppress(OSError):
                sock.sendto(b"", (ip, DISCARD_PORT))


def neighbor_sweep(
    iface: str,
    local_ip: str,
    addresses: Sequence[str],
    progress: ProgressCallback = ignore_progress,
    cancel: CancelToken | None = None,
    timing: NeighborTiming = NeighborTiming(),
) -> dict[str, str]:
    """IP -> MAC of every address in `addresses` that the OS resolved, sorted by IP."""
    cancel = cancel or CancelToken()
    read = table_reader(iface, local_ip)
    wanted = set(addresses)
    start = time.monotonic()
    _prompt(local_ip, addresses, cancel)
    second_request = time.monotonic() + _retrans_s(iface)
    earliest_end = second_request + timing.answer_s
    latest_end = second_request + timing.max_answer_s
    found: dict[str, str] = {}
    last_news = start
    while True:
        if cancel.wait(POLL_S):
            cancel.raise_if_cancelled()
        now = time.monotonic()
        fresh = {ip: mac for ip, mac in read().items() if ip in wanted}
        if len(fresh) > len(found):
            last_news = now
        found = fresh
        progress(
            ProgressUpdate(
                min((now - start) / (latest_end - start), 1.0),
                f"Waiting for answers: {len(found)} devices so far",
            )
        )
        if now >= earliest_end and now - last_news >= timing.quiet_s:
            break
        if now >= latest_end or len(found) == len(wanted):
            break
    return dict(sorted(found.items(), key=lambda kv: ipaddress.IPv4Address(kv[0])))
