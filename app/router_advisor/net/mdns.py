"""Names and service types that devices announce over mDNS/DNS-SD (zeroconf).

Bounded in time and bound to the scanned interface's address, so queries leave through that
interface only. Runs beside the sweep; answers from outside the scanned subnet are dropped.
"""

import ipaddress
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, ServiceStateChange, Zeroconf

from router_advisor.core.progress import CancelToken

META_TYPE = "_services._dns-sd._udp.local."
# Browsed at once, without waiting for the meta-query: what homes usually announce.
COMMON_TYPES = (
    "_ipp._tcp",
    "_ipps._tcp",
    "_printer._tcp",
    "_pdl-datastream._tcp",
    "_airplay._tcp",
    "_raop._tcp",
    "_googlecast._tcp",
    "_spotify-connect._tcp",
    "_sonos._tcp",
    "_hap._tcp",
    "_homekit._tcp",
    "_matter._tcp",
    "_companion-link._tcp",
    "_device-info._tcp",
    "_smb._tcp",
    "_workstation._tcp",
    "_ssh._tcp",
    "_http._tcp",
    "_amzn-wplay._tcp",
    "_androidtvremote2._tcp",
    "_nvstream._tcp",
    "_xbox._tcp",
    "_psn._tcp",
)
RESOLVE_S = 0.4


@dataclass(frozen=True)
class MdnsHost:
    hostname: str | None
    services: tuple[str, ...]


class _Collector:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.types: set[str] = set()
        self.instances: set[tuple[str, str]] = set()

    def on_change(
        self, zeroconf: Zeroconf, service_type: str, name: str, state_change: ServiceStateChange
    ) -> None:
        if state_change is not ServiceStateChange.Added:
            return
        with self.lock:
            if service_type == META_TYPE:
                self.types.add(name)
            else:
                self.instances.add((service_type, name))


def _short(service_type: str) -> str:
    return service_type.removesuffix(".local.").removesuffix(".")


def discover(
    local_ip: str,
    network: ipaddress.IPv4Network,
    window_s: float = 1.0,
    cancel: CancelToken | None = None,
) -> dict[str, MdnsHost]:
    """IP -> announced host name and service types, for hosts inside `network`."""
    cancel = cancel or CancelToken()
    zc = Zeroconf(interfaces=[local_ip], ip_version=IPVersion.V4Only)
    browsers: list[ServiceBrowser] = []
    try:
        collector = _Collector()
        browsed: set[str] = set()

        def browse(types: Iterable[str]) -> None:
            new = [t for t in types if t not in browsed]
            browsed.update(new)
            if new:
                browsers.append(ServiceBrowser(zc, new, handlers=[collector.on_change]))

        browse([META_TYPE, *(f"{t}.local." for t in COMMON_TYPES)])
        deadline = time.monotonic() + window_s
        while not cancel.wait(0.05) and time.monotonic() < deadline:
            with collector.lock:
                browse(sorted(collector.types))
        cancel.raise_if_cancelled()
        with collector.lock:
            instances = sorted(collector.instances)
        with ThreadPoolExecutor(max_workers=8) as pool:
            infos = list(pool.map(lambda ti: _resolve(zc, *ti), instances))
        return _by_address(infos, network)
    finally:
        for browser in browsers:
            browser.cancel()
        zc.close()


def _resolve(zc: Zeroconf, service_type: str, name: str) -> ServiceInfo | None:
    info = ServiceInfo(service_type, name)
    return info if info.request(zc, RESOLVE_S * 1000) else None


def _by_address(
    infos: Iterable[ServiceInfo | None], network: ipaddress.IPv4Network
) -> dict[str, MdnsHost]:
    names: dict[str, str | None] = {}
    services: dict[str, set[str]] = {}
    for info in infos:
        if info is None:
            continue
        for ip in info.parsed_addresses(IPVersion.V4Only):
            if ipaddress.IPv4Address(ip) not in network:
                continue
            host = (info.server or "").removesuffix(".").removesuffix(".local") or None
            names[ip] = names.get(ip) or host
            services.setdefault(ip, set()).add(_short(info.type))
    return {ip: MdnsHost(names[ip], tuple(sorted(services[ip]))) for ip in services}
