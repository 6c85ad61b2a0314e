"""The scan use case: find every device on the home network and say what each one is.

Picks the interface and subnet, runs the `arp` or `neighbor` sweep (mDNS listens meanwhile),
then adds names, vendors and kinds, and this computer's Wi-Fi link when it has one.
`privileged_scan` is the deeper scan: the ARP sweep through the pkexec helper, enriched alike.
"""

import logging
import os
import shlex
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from router_advisor.core.current_router import CurrentRouterReport
from router_advisor.core.device_kind import guess_kind
from router_advisor.core.progress import (
    Cancelled,
    CancelToken,
    ProgressCallback,
    ProgressUpdate,
    ignore_progress,
)
from router_advisor.core.scan import SCAN_METHODS, Device, ScanResult
from router_advisor.errors import UserInputError
from router_advisor.net import mdns, names, wifi_link
from router_advisor.net.arp_sweep import arp_sweep, raw_sockets_permitted
from router_advisor.net.interfaces import ScanTarget, resolve_target
from router_advisor.net.neighbor_sweep import neighbor_sweep
from router_advisor.net.privileged import run_helper
from router_advisor.net.vendors import is_randomized, vendor_of
from router_advisor.services.current import router_in_use

log = logging.getLogger(__name__)
METHODS = SCAN_METHODS
MDNS_WINDOW_S = 1.0
# What runs the helper with raw-socket rights, e.g. "sudo" or "" (the helper directly); unset:
# pkexec, or no helper at all when this process may already send raw packets.
LAUNCHER_ENV = "ROUTER_ADVISOR_HELPER_LAUNCHER"
DEEPER_SCAN_NOTE = (
    "Used the neighbor method because this program may not send raw packets; it can miss "
    "devices that sleep. For the deeper ARP sweep run `router-advisor scan --privileged` (the "
    "scan helper, through pkexec), or grant the capability with setcap (see 'Scanning your "
    "network' in the README)."
)


def choose_method(method: str) -> tuple[str, list[str]]:
    """The method to run for `method` (auto resolves to arp or neighbor) and notes to show."""
    if method not in METHODS:
        raise UserInputError(f"Unknown scan method '{method}'; use one of {', '.join(METHODS)}")
    if method != "auto":
        return method, []
    if raw_sockets_permitted():
        return "arp", ["auto chose the arp method: raw packets are permitted"]
    return "neighbor", [DEEPER_SCAN_NOTE]


def _sweep(
    target: ScanTarget, method: str, progress: ProgressCallback, cancel: CancelToken
) -> dict[str, str]:
    addresses = target.addresses()
    if method == "arp":
        return arp_sweep(
            target.iface,
            target.local_ip,
            target.local_mac or "00:00:00:00:00:00",
            addresses,
            progress,
            cancel,
        )
    return neighbor_sweep(target.iface, target.local_ip, addresses, progress, cancel)


T = TypeVar("T")


def _result_or_empty(future: Future[dict[str, T]], what: str) -> dict[str, T]:
    try:
        return future.result()
    except Cancelled:
        raise
    except Exception as exc:  # enrichment is best effort: a failed lookup only loses names
        log.warning("%s lookup failed: %s", what, exc)
        return {}


def build_devices(
    found: dict[str, str],
    gateway: str | None,
    announced: dict[str, mdns.MdnsHost],
    rdns: dict[str, str],
    netbios: dict[str, str],
) -> tuple[Device, ...]:
    """Devices from the sweep's IP -> MAC, enriched with what the lookups learned."""
    devices = []
    for ip, mac in found.items():
        host = announced.get(ip)
        hostname = (host.hostname if host else None) or rdns.get(ip) or netbios.get(ip)
        services = host.services if host else ()
        vendor, randomized = vendor_of(mac), is_randomized(mac)
        guess = guess_kind(vendor, hostname, services, randomized, ip == gateway)
        devices.append(
            Device(
                ip=ip,
                mac=mac,
                vendor=vendor,
                hostname=hostname,
                kind=guess.kind,
                kind_evidence=guess.evidence,
                randomized_mac=randomized,
                is_gateway=ip == gateway,
                services=services,
            )
        )
    return tuple(devices)


def _scan_with(
    target: ScanTarget,
    sweep: Callable[[], dict[str, str]],
    method: str,
    notes: list[str],
    cancel: CancelToken,
    with_mdns: bool,
    with_router: bool = True,
) -> ScanResult:
    """Run `sweep` while mDNS listens, then enrich what it found into a ScanResult while the
    gateway is asked what it is (after the sweep: its imports and catalog load would slow the
    sweep and its cancel)."""
    started = time.monotonic()
    log.info(
        "scan: %s through %s (this computer %s, gateway %s), %s method",
        target.network,
        target.iface,
        target.local_ip,
        target.gateway or "none",
        method,
    )
    pool = ThreadPoolExecutor(max_workers=4)
    try:
        announced = (
            pool.submit(mdns.discover, target.local_ip, target.network, MDNS_WINDOW_S, cancel)
            if with_mdns
            else None
        )
        found = sweep()
        log.info("scan: %d addresses answered in %.2f s", len(found), time.monotonic() - started)
        heard = _result_or_empty(announced, "mDNS") if announced else {}
        gateway_heard = heard.get(target.gateway) if target.gateway else None
        router = (
            pool.submit(
                router_in_use,
                target,
                (gateway_heard.hostname, gateway_heard.services) if gateway_heard else (None, ()),
            )
            if with_router
            else None
        )
        ips = list(found)
        rdns = pool.submit(names.reverse_dns, ips, target.gateway) if target.gateway else None
        netbios = pool.submit(names.netbios_names, ips, target.network)
        link, nearby, wifi_notes = wifi_link.read_wifi(target.iface)
        devices = build_devices(
            found,
            target.gateway,
            heard,
            _result_or_empty(rdns, "reverse DNS") if rdns else {},
            _result_or_empty(netbios, "NetBIOS"),
        )
        current = _router_or_none(router)
    finally:
        pool.shutdown(wait=not cancel.cancelled, cancel_futures=True)
    cancel.raise_if_cancelled()
    log.info("scan: %d devices, %.2f s in all", len(devices), time.monotonic() - started)
    return ScanResult(
        interface=target.iface,
        cidr=str(target.network),
        gateway=target.gateway,
        method=method,
        duration_s=time.monotonic() - started,
        devices=devices,
        wifi_link=link,
        nearby_networks=nearby,
        notes=tuple(notes + wifi_notes),
        current_router=current,
    )


def _router_or_none(job: "Future[CurrentRouterReport | None] | None") -> CurrentRouterReport | None:
    """The gateway's identification; a failure there never fails the scan."""
    if job is None:
        return None
    try:
        return job.result()
    except Exception as error:
        log.warning("could not ask the gateway what it is: %s", error)
        return None


def scan(
    iface: str | None = None,
    cidr: str | None = None,
    method: str = "auto",
    allow_large: bool = False,
    progress: ProgressCallback = ignore_progress,
    cancel: CancelToken | None = None,
    with_mdns: bool = True,
) -> ScanResult:
    """Find and identify the devices on `cidr` through `iface` (defaults: the default route)."""
    cancel = cancel or CancelToken()
    target = resolve_target(iface, cidr, allow_large)
    chosen, notes = choose_method(method)
    return _scan_with(
        target, lambda: _sweep(target, chosen, progress, cancel), chosen, notes, cancel, with_mdns
    )


def configured_launcher() -> list[str] | None:
    """The launcher set in ROUTER_ADVISOR_HELPER_LAUNCHER (split like a shell), or None."""
    value = os.environ.get(LAUNCHER_ENV)
    return None if value is None else shlex.split(value)


def privileged_scan(
    iface: str | None = None,
    cidr: str | None = None,
    allow_large: bool = False,
    progress: ProgressCallback = ignore_progress,
    cancel: CancelToken | None = None,
    launcher: Sequence[str] | None = None,
    with_mdns: bool = True,
) -> ScanResult:
    """The deeper scan: the ARP sweep with raw-socket rights, without running this app as
    root. `launcher` (else ROUTER_ADVISOR_HELPER_LAUNCHER) runs the helper; with neither, the
    sweep runs here when this process may send raw packets, else through pkexec."""
    cancel = cancel or CancelToken()
    target = resolve_target(iface, cidr, allow_large)
    launcher = launcher if launcher is not None else configured_launcher()
    if launcher is None and raw_sockets_permitted():
        return _scan_with(
            target,
            lambda: _sweep(target, "arp", progress, cancel),
            "arp",
            ["deeper scan: this program may send raw packets, so it swept itself"],
            cancel,
            with_mdns,
        )
    launcher = ["pkexec"] if launcher is None else list(launcher)

    def sweep() -> dict[str, str]:
        progress(ProgressUpdate(0.0, "Asking for permission to run the ARP sweep"))
        found = run_helper(target.iface, str(target.network), allow_large, launcher, cancel)
        progress(ProgressUpdate(1.0, f"{len(found)} devices answered"))
        return found

    how = " ".join(launcher) or "directly"
    return _scan_with(
        target,
        sweep,
        "arp",
        [f"deeper scan: the ARP sweep ran in the helper ({how})"],
        cancel,
        with_mdns,
    )
