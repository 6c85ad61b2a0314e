"""Pure parsers on recorded real outputs: neighbour tables and Wi-Fi tools."""

from app.net.neighbor_table import (
    normalise_mac,
    parse_macos_arp,
    parse_proc_net_arp,
    parse_windows_arp,
)
from app.net.wifi_parsers import (
    channel_of,
    parse_iw_link,
    parse_netsh_networks,
    parse_nmcli_wifi_list,
)
from tests.net.conftest import recorded

PROC_NET_ARP = """IP address       HW type     Flags       HW address            Mask     Device
10.77.0.1        0x1         0x2         50:c7:bf:0a:00:01     *        eth0
10.77.0.7        0x1         0x0         00:00:00:00:00:00     *        eth0
10.77.0.11       0x1         0x2         b8:27:eb:00:01:01     *        eth0
192.168.5.3      0x1         0x2         11:22:33:44:55:66     *        eth1
"""


def test_proc_net_arp_keeps_complete_entries_on_the_interface() -> None:
    assert parse_proc_net_arp(PROC_NET_ARP, "eth0") == {
        "10.77.0.1": "50:c7:bf:0a:00:01", "10.77.0.11": "b8:27:eb:00:01:01"}


def test_macos_arp_pads_octets_and_skips_incomplete() -> None:
    table = parse_macos_arp(recorded("arp", "macos_arp_a.txt"), "en1")
    assert table["192.168.1.1"] == "00:18:01:8f:23:ed"
    assert "169.254.77.120" not in table
    assert len(table) == 5
    assert parse_macos_arp(recorded("arp", "macos_arp_a.txt"), "en0") == {}


def test_windows_arp_reads_only_our_interface_and_drops_broadcast_multicast() -> None:
    text = recorded("arp", "windows_arp_a_fr.txt")
    assert parse_windows_arp(text, "192.168.1.144") == {
        "192.168.1.175": "ec:6c:9a:f8:ff:be", "192.168.1.254": "54:c4:5b:4b:36:2c"}
    assert parse_windows_arp(text, "169.254.22.221") == {}
    english = recorded("arp", "windows_arp_a_en.txt")
    assert parse_windows_arp(english, "172.16.11.104") == {"172.16.11.100": "00:40:95:d1:29:6c"}


def test_normalise_mac() -> None:
    assert normalise_mac("0:1B:21:a4:3:bd") == "00:1b:21:a4:03:bd"
    assert normalise_mac("EC-6C-9A-F8-FF-BE") == "ec:6c:9a:f8:ff:be"


def test_iw_link_legacy_rate() -> None:
    link = parse_iw_link(recorded("wifi", "iw_link_legacy.txt"), "wlan0")
    assert link is not None
    assert (link.ssid, link.band, link.channel, link.signal_dbm) == ("3DRobotics", "2.4", 8, -37)
    assert link.tx_rate_mbps == 48.0 and link.standard is None


def test_iw_link_wifi7_width_and_rates() -> None:
    link = parse_iw_link(recorded("wifi", "iw_station_eht.txt"))
    assert link is not None
    assert link.standard == "Wi-Fi 7" and link.channel_width_mhz == 80
    assert link.rx_rate_mbps == 576.4 and link.signal_dbm == -33


def test_iw_not_connected() -> None:
    assert parse_iw_link("Not connected.\n") is None


def test_channels() -> None:
    assert [channel_of(f) for f in (2412, 2484, 5180, 5955)] == [1, 14, 36, 1]


def test_nmcli_terse_list_and_escaped_colons() -> None:
    assert parse_nmcli_wifi_list(recorded("wifi", "nmcli_terse_list.txt")) == [
        ("2.4", 6, 75), ("2.4", 11, 60), ("5", 36, 48)]


def test_netsh_networks() -> None:
    assert parse_netsh_networks(recorded("wifi", "netsh_networks_bssid.txt")) == [("2.4", 6, 46)]
