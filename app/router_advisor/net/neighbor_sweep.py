"""The `neighbor` method, no privileges needed: make the OS resolve every address, then read
its neighbour table.

A UDP datagram to each address makes the kernel send an ARP request for it and repeat it
once a second for a silent one; whoever answers lands in the table. The datagrams go out in
small paced bursts: the kernel's repeats follow the same schedule, fired in timer-wheel
batches, and a batch of hundreds of broadcasts overflows the buffers on the way (Linux's
Wi-Fi stack, mac80211, keeps at most 128 broadcasts for an access point's sleeping clients;
the lab's bridge dropped thousands of copies), so a sleepy device that loses its repeated
request is missed.
On Linux we watch the kernel's request counters and stop once its last repeat has had
`answer_s` to be answered; elsewhere we estimate when that repeat went out.
"""

import contextlib
import ipaddress
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from router_advisor.core.progress import (
    CancelToken,
    ProgressCallback,
    ProgressUpdate,
    ignore_progress,
)
from router_advisor.errors import RuntimeFailure
from router_advisor.net.neighbor_netlink import DumpInterrupted, read_neighbours
from router_advisor.net.neighbor_table import (
    NeighbourSnapshot,
    linux_snapshot,
    parse_macos_arp,
    parse_windows_arp,
)

DISCARD_PORT = 9  # RFC 863 discard: nothing on a home device expects traffic there
READ_ATTEMPTS = 3  # a dump the table changed under is read again


@dataclass(frozen=True)
class NeighborTiming:
    """Prompts go out `prompt_burst` at a time every `prompt_gap_s`: 4 every 4 ms, about
    arp-scan's default pace, prompts a /24 in 0.25 s. The kernel's repeats follow the same
    schedule in 32-ms timer batches; on the lab /24 (tests/bench/bench_neighbor_pace.py)
    this pace lost nothing, 6 per 4 ms lost frames and a sleepy host, one burst lost
    thousands of frames and sleepy hosts in every run.

    A phone in power save answers a repeated request at its next DTIM wake-up, up to
    ~500 ms later: `answer_s` is that plus 50 ms for the reply to land and be read. Where
    the OS does not report its requests, its repeat is assumed `retrans_time` (read live,
    1 s by default) after the last prompt, plus `timer_slack_s` (the kernel's timer wheel
    batches a 1-s timer to 32-64 ms)."""

    prompt_burst: int = 4
    prompt_gap_s: float = 0.004
    answer_s: float = 0.55
    timer_slack_s: float = 0.07
    poll_s: float = 0.02


class StopRule:
    """When to stop reading the table. Where the OS reports its request counters (Linux):
    once the kernel has asked every prompted address a second time, `answer_s` later. An
    entry whose counter grew since our first look has been asked again; a resolved one
    needs no more; one missing at our first look was never asked (its prompt was refused).
    One that goes missing later is waited for, up to the bound. Elsewhere: at the estimated
    repeat plus `answer_s`."""

    def __init__(
        self, prompted: Iterable[str], prompted_at: float, retrans_s: float, timing: NeighborTiming
    ) -> None:
        self._first: dict[str, int] | None = None
        self._waiting = set(prompted)
        self._answer_s = timing.answer_s
        self.estimate = prompted_at + retrans_s + timing.timer_slack_s + timing.answer_s
        # By the kernel's third request the second has surely gone: a safety bound only.
        self._latest = prompted_at + 2 * retrans_s + timing.answer_s
        self._reasked_at: float | None = None

    def deadline(self, table: NeighbourSnapshot, now: float) -> float:
        """The stop time, given the table as read at `now`."""
        if table.resolving is None:
            return self.estimate
        if self._reasked_at is None:
            self._update(table.resolved, table.resolving)
            if not self._waiting:
                self._reasked_at = now
        return self._latest if self._reasked_at is None else self._reasked_at + self._answer_s

    def _update(self, resolved: dict[str, str], resolving: dict[str, int]) -> None:
        first_look = self._first is None
        if self._first is None:
            self._first = dict(resolving)
        for ip in list(self._waiting):
            count = resolving.get(ip)
            if count is None:
                done = ip in resolved or first_look
            else:
                done = count > self._first.setdefault(ip, count)
            if done:
                self._waiting.discard(ip)


def _retrans_s(iface: str) -> float:
    path = Path(f"/proc/sys/net/ipv4/neigh/{iface}/retrans_time_ms")
    try:
        return int(path.read_text()) / 1000
    except (OSError, ValueError):
        return 1.0


def table_reader(iface: str, local_ip: str) -> Callable[[], NeighbourSnapshot]:
    """A function that reads this OS's neighbour table for `iface`."""
    if sys.platform.startswith("linux"):
        try:
            ifindex = socket.if_nametoindex(iface)
        except OSError:
            raise RuntimeFailure(f"There is no network interface {iface}") from None
        return lambda: _read_linux(ifindex)
    if sys.platform == "darwin":
        return lambda: NeighbourSnapshot(parse_macos_arp(_run(["arp", "-an", "-i", iface]), iface))
    if sys.platform == "win32":
        return lambda: NeighbourSnapshot(
            parse_windows_arp(_run(["arp", "-a", "-N", local_ip]), local_ip)
        )
    raise RuntimeFailure(
        f"Reading the neighbour table is not available on {sys.platform}",
        cli_hint="use --method arp",
    )


def _read_linux(ifindex: int) -> NeighbourSnapshot:
    for attempt in range(1, READ_ATTEMPTS + 1):
        try:
            return linux_snapshot(read_neighbours(attempt), ifindex)
        except DumpInterrupted:
            continue
        except (OSError, ValueError) as exc:
            raise RuntimeFailure(f"Could not read the neighbour table ({exc})") from None
    raise RuntimeFailure("Could not read the neighbour table: it kept changing")


def _run(argv: list[str]) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise RuntimeFailure(f"Could not read the neighbour table with {argv[0]} ({exc})") from None


def _prompt(
    local_ip: str, addresses: Sequence[str], timing: NeighborTiming, cancel: CancelToken
) -> None:
    """One empty UDP datagram to each address, sent from our address on the scanned subnet
    in paced bursts. Bursts keep a schedule (burst n at n x prompt_gap_s) rather than
    sleeping a gap after each: the sleeps' overshoot made a /24 take 0.35 s instead of 0.25,
    and every prompt's lateness delays the kernel's re-ask as much."""
    start = time.monotonic()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((local_ip, 0))
        sock.setblocking(False)
        for i, ip in enumerate(addresses):
            if i and i % timing.prompt_burst == 0:
                due = start + (i // timing.prompt_burst) * timing.prompt_gap_s
                if cancel.wait(max(0.0, due - time.monotonic())):
                    cancel.raise_if_cancelled()
            # A refused datagram (full queue, full neighbour table) makes no request and no
            # entry: the stop rule sees that and does not wait for it.
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
    _prompt(local_ip, addresses, timing, cancel)
    rule = StopRule(wanted, time.monotonic(), _retrans_s(iface), timing)
    while True:
        if cancel.wait(timing.poll_s):
            cancel.raise_if_cancelled()
        now = time.monotonic()
        table = read()
        found = {ip: mac for ip, mac in table.resolved.items() if ip in wanted}
        progress(
            ProgressUpdate(
                min((now - start) / (rule.estimate - start), 1.0),
                f"Waiting for answers: {len(found)} devices so far",
            )
        )
        if now >= rule.deadline(table, now) or len(found) == len(wanted):
            break
    return dict(sorted(found.items(), key=lambda kv: ipaddress.IPv4Address(kv[0])))
