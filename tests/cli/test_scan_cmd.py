"""`router-advisor scan` as a person runs it, on the laptop of a small namespace LAN."""

import json
import sys

import pytest
from router_advisor.cli.scan_cmd import print_text
from router_advisor.core.scan import Device, ScanResult

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
        text = lan.run_on_laptop(sys.executable, "-m", "router_advisor", "scan", *lan.scan_args())
        assert text.returncode == 0, text.stderr
        assert text.stdout.startswith(
            f"3 devices found on {lan.cidr} via eth0, not counting your router (arp method"
        )
        assert "your router" in text.stdout and "TP-LINK" in text.stdout


def test_scan_json_neighbor_on_a_lan_nothing_has_woken() -> None:
    # A LAN of its own: no arp scan has just woken the host that answers only a repeated
    # request, so the neighbor method must wake it itself.
    require_root()
    with running_lan(hosts=3, second=1, late=0, mdns=False) as lan:
        out = lan.run_on_laptop(
            sys.executable,
            "-m",
            "router_advisor",
            "scan",
            *lan.scan_args(),
            "--method",
            "neighbor",
            "--json",
        )
        assert out.returncode == 0, out.stderr
        result = json.loads(out.stdout)
        assert set(result) >= JSON_KEYS
        assert result["gateway"] == lan.gateway_ip and result["method"] == "neighbor"
        assert all(set(d) >= DEVICE_KEYS for d in result["devices"])
        assert {d["ip"]: d["mac"] for d in result["devices"]} == lan.expected()


def test_unknown_method_is_a_usage_error(cli) -> None:
    done = cli("scan", "--method", "telepathy")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "--method: 'telepathy' is not one of auto, arp, neighbor" in done.stderr


def _result(*devices: Device) -> ScanResult:
    return ScanResult("eth0", "10.9.0.0/24", "10.9.0.1", "arp", 1.0, devices)


def test_an_empty_scan_says_so_instead_of_an_empty_table(capsys) -> None:
    """Review item 11: a scan with 0 devices printed only a table header."""
    print_text(_result())
    out = capsys.readouterr().out
    assert out.startswith("0 devices found on 10.9.0.0/24 via eth0 (arp method")
    assert "No device answered" in out and "IP" not in out


def test_the_router_is_marked_and_not_counted_and_kinds_read_as_in_the_app(capsys) -> None:
    """Review items 8 and 13: the count left out the router nowhere else; "iot" vs smart-home."""
    print_text(
        _result(
            Device(ip="10.9.0.1", mac="02:00:00:00:00:01", kind="network", is_gateway=True),
            Device(ip="10.9.0.7", mac="02:00:00:00:00:07", kind="iot"),
        )
    )
    out = capsys.readouterr().out
    assert out.startswith("1 device found on 10.9.0.0/24 via eth0, not counting your router")
    assert "your router" in out and "smart-home" in out and " iot" not in out


def test_every_scan_option_has_help(cli) -> None:
    result = cli("scan", "--help")
    assert result.returncode == 0
    for option in ("--iface NAME", "--cidr SUBNET", "--method", "--allow-large", "--json"):
        assert option in result.stdout
