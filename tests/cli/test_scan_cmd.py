"""`router-advisor scan` as a person runs it, on the laptop of a small namespace LAN."""

import json
import sys

import pytest

from tests.netlab.lan import running_lan
from tests.netlab.netns import require_root

pytestmark = pytest.mark.netns

JSON_KEYS = {
    "interface",
    "cidr",
    "gateway",
    "method",
    "duration_s",
    "devices",
    "wifi_link",
    "nearby_networks",
}
DEVICE_KEYS = {"ip", "mac", "vendor", "hostname", "kind", "randomized_mac"}


def test_scan_text() -> None:
    require_root()
    with running_lan(hosts=3, second=1, late=0, mdns=False) as lan:
        text = lan.run_on_laptop(sys.executable, "-m", "app", "scan", *lan.scan_args())
        assert text.returncode == 0, text.stderr
        assert text.stdout.startswith(f"4 devices on {lan.cidr} via eth0 (arp method")
        assert "gateway" in text.stdout and "TP-LINK" in text.stdout


def test_scan_json_neighbor_on_a_lan_nothing_has_woken() -> None:
    # A LAN of its own: no arp scan has just woken the host that answers only a repeated
    # request, so the neighbor method must wake it itself.
    require_root()
    with running_lan(hosts=3, second=1, late=0, mdns=False) as lan:
        out = lan.run_on_laptop(
            sys.executable, "-m", "app", "scan", *lan.scan_args(), "--method", "neighbor", "--json"
        )
        assert out.returncode == 0, out.stderr
        result = json.loads(out.stdout)
        assert set(result) >= JSON_KEYS
        assert result["gateway"] == lan.gateway_ip and result["method"] == "neighbor"
        assert all(set(d) >= DEVICE_KEYS for d in result["devices"])
        assert {d["ip"]: d["mac"] for d in result["devices"]} == lan.expected()


def test_unknown_method_is_a_usage_error(cli) -> None:
    done = cli("scan", "--method", "telepathy")
    assert done.returncode == 2 and "invalid choice" in done.stderr
