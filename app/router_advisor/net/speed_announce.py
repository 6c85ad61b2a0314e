"""Announce a serve-speed server on mDNS (DNS-SD), and find one, so the walk test measures
to a computer in the home without anyone typing its address.

The announcement is bound to the address the server listens on, so it leaves through that
interface only. Finding browses for a short, bounded time and keeps only private addresses:
an answer pointing outside the home is never followed.
"""

import ipaddress
import socket
import time
from dataclasses import dataclass

from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, ServiceStateChange, Zeroconf

from router_advisor.core.progress import CancelToken
from router_advisor.net.speed_server import UPLOAD_PATH, server_url

SERVICE_TYPE = "_ra-speedtest._tcp.local."
RESOLVE_MS = 1000


@dataclass(frozen=True)
class FoundServer:
    name: str
    url: str


class Announcement:
    """While open, `SERVICE_TYPE` points at host:port. Use as a context manager."""

    def __init__(self, host: str, port: int) -> None:
        label = socket.gethostname().split(".")[0] or "computer"
        self.info = ServiceInfo(
            SERVICE_TYPE,
            f"Router Advisor speed server on {label}.{SERVICE_TYPE}",
            addresses=[socket.inet_pton(_family(host), host)],
            port=port,
            properties={"path": UPLOAD_PATH},
            server=f"{label}.local.",
        )
        self.zeroconf = Zeroconf(interfaces=[host], ip_version=_version(host))

    def __enter__(self) -> "Announcement":
        self.zeroconf.register_service(self.info, allow_name_change=True)
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.zeroconf.unregister_service(self.info)
        finally:
            self.zeroconf.close()


def _family(host: str) -> int:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def _version(host: str) -> IPVersion:
    return IPVersion.V6Only if ":" in host else IPVersion.V4Only


def find_servers(
    window_s: float = 1.5, cancel: CancelToken | None = None, interface: str | None = None
) -> list[FoundServer]:
    """Servers announced in the home, by name. `interface` (an address of this computer)
    limits the query to that interface; by default it goes out on every interface."""
    cancel = cancel or CancelToken()
    zc = Zeroconf(interfaces=[interface]) if interface else Zeroconf()
    names: list[str] = []

    def added(
        zeroconf: Zeroconf, service_type: str, name: str, state_change: ServiceStateChange
    ) -> None:
        if state_change is ServiceStateChange.Added and name not in names:
            names.append(name)

    browser = ServiceBrowser(zc, SERVICE_TYPE, handlers=[added])
    try:
        deadline = time.monotonic() + window_s
        while not cancel.wait(0.05) and time.monotonic() < deadline and not names:
            pass
        cancel.raise_if_cancelled()
        found = []
        for name in sorted(names):
            info = ServiceInfo(SERVICE_TYPE, name)
            if not info.request(zc, RESOLVE_MS):
                continue
            for address in info.parsed_addresses():
                if ipaddress.ip_address(address).is_private and info.port:
                    label = name.removesuffix("." + SERVICE_TYPE)
                    found.append(FoundServer(label, server_url(address, info.port)))
                    break
        return found
    finally:
        browser.cancel()
        zc.close()
