"""This computer's Wi-Fi link and the networks nearby, from the OS's own tools.

Linux: `iw` for the link, `nmcli` for nearby networks (no rescan: the cached list). Windows:
`netsh`. Elsewhere, or with no radio or tool, each part says "not available on this system".
"""

import shutil
import subprocess
import sys
from pathlib import Path

from app.core.scan import NearbyNetworks, WifiLink
from app.core.wifi_crowding import crowding
from app.net.wifi_parsers import parse_iw_link, parse_netsh_networks, parse_nmcli_wifi_list

TOOL_TIMEOUT_S = 3


def _run(argv: list[str]) -> str | None:
    if shutil.which(argv[0]) is None:
        return None
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=TOOL_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def read_wifi(iface: str) -> tuple[WifiLink | None, NearbyNetworks | None, list[str]]:
    """(link, nearby networks, notes) for the scanned interface."""
    if sys.platform.startswith("linux"):
        if not Path(f"/sys/class/net/{iface}/wireless").exists():
            return None, None, [f"Wi-Fi link: not available on this system ({iface} is not a "
                                "Wi-Fi interface)"]
        out = _run(["iw", "dev", iface, "link"])
        link = parse_iw_link(out, iface) if out else None
        listed = _run(["nmcli", "-t", "-f", "SSID,CHAN,FREQ,SIGNAL", "dev", "wifi", "list",
                       "ifname", iface, "--rescan", "no"])
    elif sys.platform == "win32":
        link = None
        listed = _run(["netsh", "wlan", "show", "networks", "mode=bssid"])
    else:
        return None, None, ["Wi-Fi link: not available on this system"]
    notes = [] if link else ["Wi-Fi link: not available on this system (no iw or no link)"]
    if listed is None:
        notes.append("Nearby networks: not available on this system (no nmcli or netsh)")
        return link, None, notes
    parse = parse_nmcli_wifi_list if sys.platform.startswith("linux") else parse_netsh_networks
    return link, crowding(parse(listed)), notes
