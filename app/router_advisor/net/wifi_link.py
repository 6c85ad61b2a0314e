"""This computer's Wi-Fi link and the networks nearby, from the OS's own tools.

One small reader per OS, chosen by sys.platform: Linux reads `iw dev IF link` and the cached
scan results (nmcli, else `iw dev IF scan dump`; never a new scan), macOS one
`system_profiler SPAirPortDataType`, Windows `netsh wlan show interfaces` and `netsh wlan show
networks`. Without the tool, the radio or a link, each part says "not available on this
system".
"""

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from router_advisor.core.scan import NearbyNetworks, WifiLink
from router_advisor.core.wifi_crowding import crowding
from router_advisor.net.wifi_parsers import (
    parse_iw_link,
    parse_iw_scan,
    parse_netsh_interfaces,
    parse_netsh_networks,
    parse_nmcli_active_link,
    parse_nmcli_wifi_list,
    parse_system_profiler_link,
    parse_system_profiler_networks,
)

TOOL_TIMEOUT_S = 3
PROFILER_TIMEOUT_S = 15  # system_profiler takes several seconds on some Macs
Networks = list[tuple[str, int, int]]
Reading = tuple[WifiLink | None, Networks | None, list[str]]


def _run(argv: list[str], timeout: float = TOOL_TIMEOUT_S) -> str | None:
    """The tool's output, or None when it is missing, fails or hangs."""
    if shutil.which(argv[0]) is None:
        return None
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _linux(iface: str) -> Reading:
    if not Path(f"/sys/class/net/{iface}/wireless").exists():
        return (
            None,
            None,
            [f"Wi-Fi: not available on this system ({iface} is not a Wi-Fi interface)"],
        )
    out = _run(["iw", "dev", iface, "link"])
    link = parse_iw_link(out, iface) if out else None
    listed = _run(
        [
            "nmcli",
            "-t",
            "-f",
            "SSID,CHAN,FREQ,SIGNAL",
            "dev",
            "wifi",
            "list",
            "ifname",
            iface,
            "--rescan",
            "no",
        ]
    )
    if listed is not None:
        return link, parse_nmcli_wifi_list(listed), []
    dump = _run(["iw", "dev", iface, "scan", "dump"])
    return link, parse_iw_scan(dump) if dump is not None else None, []


NMCLI_ACTIVE = ["nmcli", "-t", "-f", "ACTIVE,BSSID,SSID,CHAN,FREQ,RATE,SIGNAL", "dev", "wifi"]


def _wireless_interfaces() -> list[str]:
    """Linux: the interfaces the kernel marks as wireless, in name order."""
    return sorted(p.parent.name for p in Path("/sys/class/net").glob("*/wireless"))


def current_link(iface: str | None = None, platform: str = sys.platform) -> WifiLink | None:
    """The Wi-Fi link this computer is on now (None: wired, not connected, or the OS does not
    say). For the walk test: the link only, never a scan of nearby networks, well within a
    second on Linux and Windows (system_profiler takes a few on some Macs)."""
    if platform.startswith("linux"):
        names = [iface] if iface else _wireless_interfaces()
        for name in names:
            out = _run(["iw", "dev", name, "link"])
            link = parse_iw_link(out, name) if out else None
            if link is None and out is None:  # no iw: NetworkManager knows the link too
                listed = _run([*NMCLI_ACTIVE, "list", "ifname", name, "--rescan", "no"])
                link = parse_nmcli_active_link(listed, name) if listed else None
            if link is not None:
                return link
        return None
    if platform == "darwin":
        out = _run(["system_profiler", "SPAirPortDataType"], PROFILER_TIMEOUT_S)
        return parse_system_profiler_link(out, iface) if out else None
    if platform == "win32":
        out = _run(["netsh", "wlan", "show", "interfaces"])
        return parse_netsh_interfaces(out, iface) if out else None
    return None


def _macos(iface: str) -> Reading:
    out = _run(["system_profiler", "SPAirPortDataType"], PROFILER_TIMEOUT_S)
    if out is None:
        return None, None, []
    return (parse_system_profiler_link(out, iface), parse_system_profiler_networks(out, iface), [])


def _windows(iface: str) -> Reading:
    out = _run(["netsh", "wlan", "show", "interfaces"])
    listed = _run(["netsh", "wlan", "show", "networks", "mode=bssid"])
    return (
        parse_netsh_interfaces(out, iface) if out else None,
        parse_netsh_networks(listed) if listed is not None else None,
        [],
    )


READERS: dict[str, Callable[[str], Reading]] = {
    "linux": _linux,
    "darwin": _macos,
    "win32": _windows,
}


def read_wifi(
    iface: str, platform: str = sys.platform
) -> tuple[WifiLink | None, NearbyNetworks | None, list[str]]:
    """(link, nearby networks per band, notes) for the scanned interface."""
    reader = READERS.get("linux" if platform.startswith("linux") else platform)
    if reader is None:
        return None, None, ["Wi-Fi: not available on this system"]
    link, networks, notes = reader(iface)
    if networks is None and link is None and notes:
        return None, None, notes
    if link is None:
        notes.append("Wi-Fi link: not available on this system (no tool, or not connected)")
    if networks is None:
        notes.append("Nearby networks: not available on this system (no tool answered)")
        return link, None, notes
    return link, crowding(networks), notes
