"""Which interface and subnet to scan: the default route's, or the one asked for, checked.

Addresses come from psutil (every OS), the default gateway from netifaces-plus. Every refusal
is a `UserInputError` whose one line says what to pass instead.
"""

import ipaddress
import socket
from dataclasses import dataclass
from typing import Any

import netifaces
import psutil

from router_advisor.errors import UserInputError

# A /22 (1,022 addresses) is the largest home subnet a sweep covers in a few seconds; beyond
# that the person must say --allow-large, and beyond a /16 (65,534 addresses) we never go.
LARGEST_DEFAULT_PREFIX = 22
LARGEST_ALLOWED_PREFIX = 16


@dataclass(frozen=True)
class ScanTarget:
    """A checked scan request: the interface, our address on it and the subnet to sweep."""

    iface: str
    network: ipaddress.IPv4Network
    local_ip: str
    local_mac: str | None
    gateway: str | None

    def addresses(self) -> list[str]:
        """Every address of the subnet worth asking about (not ours, not network/broadcast)."""
        return [str(a) for a in self.network.hosts() if str(a) != self.local_ip]


def _ipv4_networks(iface: str) -> list[tuple[str, ipaddress.IPv4Network]]:
    result = []
    for addr in psutil.net_if_addrs().get(iface, []):
        if addr.family == socket.AF_INET and addr.netmask:
            net = ipaddress.IPv4Network(f"{addr.address}/{addr.netmask}", strict=False)
            result.append((addr.address, net))
    return result


def _mac(iface: str) -> str | None:
    for addr in psutil.net_if_addrs().get(iface, []):
        if addr.family == psutil.AF_LINK and addr.address:
            return addr.address.replace("-", ":").lower()
    return None


def _gateways() -> dict[Any, Any]:
    """netifaces' table: "default" -> {family: (gw, iface)}, family -> [(gw, iface, ...)]."""
    return dict(netifaces.gateways())


def default_route() -> tuple[str | None, str | None]:
    """(gateway IP, interface) of the IPv4 default route, or (None, None) without one."""
    entry = _gateways().get("default", {}).get(netifaces.AF_INET)
    if not entry:
        return None, None
    return str(entry[0]), str(entry[1])


def gateway_on(iface: str, network: ipaddress.IPv4Network) -> str | None:
    """The IPv4 gateway reached through `iface` inside `network`, if the OS knows one."""
    for entry in _gateways().get(netifaces.AF_INET, []):
        gw, gw_iface = str(entry[0]), str(entry[1])
        if gw_iface == iface and ipaddress.IPv4Address(gw) in network:
            return gw
    return None


def parse_cidr(cidr: str) -> ipaddress.IPv4Network:
    """`192.168.1.0/24` (host bits allowed) as a network, or a UserInputError saying why."""
    if "/" not in cidr:
        raise UserInputError(
            f"'{cidr}' is not a subnet: write it as an address and a prefix, e.g. 192.168.1.0/24"
        )
    try:
        return ipaddress.IPv4Network(cidr.strip(), strict=False)
    except ValueError as exc:
        raise UserInputError(
            f"'{cidr}' is not an IPv4 subnet ({exc}); write it like 192.168.1.0/24"
        ) from None


def check_size(network: ipaddress.IPv4Network, allow_large: bool) -> None:
    """Refuse subnets larger than a /22 unless allowed, and larger than a /16 always."""
    count = network.num_addresses
    if network.prefixlen < LARGEST_ALLOWED_PREFIX:
        raise UserInputError(
            f"{network} has {count:,} addresses, more than any home network; the largest "
            f"subnet Router Advisor scans is a /{LARGEST_ALLOWED_PREFIX}",
            cli_hint="pass a smaller --cidr",
        )
    if network.prefixlen < LARGEST_DEFAULT_PREFIX and not allow_large:
        raise UserInputError(
            f"{network} has {count:,} addresses, which would take long to scan and is rarely a "
            "home network",
            cli_hint=f"pass --cidr with a /{LARGEST_DEFAULT_PREFIX} or smaller part of it, "
            "or --allow-large to scan it all",
        )


def _interface_for(network: ipaddress.IPv4Network) -> str | None:
    for iface in psutil.net_if_addrs():
        if any(network.subnet_of(net) for _, net in _ipv4_networks(iface)):
            return iface
    return None


def resolve_target(
    iface: str | None = None, cidr: str | None = None, allow_large: bool = False
) -> ScanTarget:
    """Check the person's choice (or find the default) and return what to scan."""
    requested = parse_cidr(cidr) if cidr is not None else None
    if requested is not None:
        check_size(requested, allow_large)
    if iface is None:
        iface = _interface_for(requested) if requested else default_route()[1]
        if iface is None:
            where = (
                f"no interface here is on {requested}" if requested else "there is no default route"
            )
            raise UserInputError(
                f"Could not tell which network to scan ({where})",
                cli_hint="pass --iface and --cidr",
            )
    known = sorted(psutil.net_if_addrs())
    if iface not in known:
        raise UserInputError(
            f"There is no network interface called '{iface}'; the interfaces here are "
            f"{', '.join(known)}",
            cli_hint="pick one with --iface",
        )
    networks = _ipv4_networks(iface)
    if not networks:
        raise UserInputError(
            f"Interface '{iface}' has no IPv4 address, so there is no network "
            "to scan on it; connect it first or pick another interface",
            cli_hint="--iface picks it",
        )
    if requested is None:
        local_ip, network = networks[0]
    else:
        matches = [(ip, net) for ip, net in networks if requested.subnet_of(net)]
        if not matches:
            mine = ", ".join(str(net) for _, net in networks)
            raise UserInputError(
                f"{requested} is not on interface '{iface}' (which is on {mine})",
                cli_hint="pass a --cidr inside that subnet",
            )
        local_ip, network = matches[0][0], requested
    check_size(network, allow_large)  # the interface's own subnet, when none was asked for
    return ScanTarget(
        iface=iface,
        network=network,
        local_ip=local_ip,
        local_mac=_mac(iface),
        gateway=gateway_on(iface, network),
    )
