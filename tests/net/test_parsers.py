"""Pure parsers on recorded real outputs: neighbour tables and Wi-Fi tools."""

from router_advisor.core.wifi_crowding import crowding
from router_advisor.net.neighbor_netlink import NetlinkNeighbour, parse_dump
from router_advisor.net.neighbor_table import (
    NeighbourSnapshot,
    linux_snapshot,
    normalise_mac,
    parse_macos_arp,
    parse_windows_arp,
)
from router_advisor.net.wifi_parsers import (
    channel_of,
    parse_iw_link,
    parse_iw_scan,
    parse_netsh_interfaces,
    parse_netsh_networks,
    parse_nmcli_wifi_list,
    parse_system_profiler_link,
    parse_system_profiler_networks,
)

from tests.net.conftest import recorded


def _netlink_dump() -> list[NetlinkNeighbour]:
    entries, done = parse_dump(bytes.fromhex(recorded("arp", "linux_rtm_getneigh.hex")), seq=1)
    assert done
    return entries


def test_netlink_dump_keeps_resolved_unicast_entries_and_counts_of_incomplete_ones() -> None:
    assert linux_snapshot(_netlink_dump(), ifindex=2) == NeighbourSnapshot(
        resolved={"10.77.0.11": "b8:27:eb:00:01:01", "10.77.0.1": "50:c7:bf:0a:00:01"},
        resolving={"10.77.0.9": 5},  # failed 10.77.0.7 and multicast 224.0.0.251 left out
    )
    # Another interface's entry: a permanent one, but 11:... is a multicast MAC.
    assert linux_snapshot(_netlink_dump(), ifindex=4) == NeighbourSnapshot({}, {})
    assert linux_snapshot(_netlink_dump(), ifindex=1) == NeighbourSnapshot({}, {})


def test_macos_arp_pads_octets_and_skips_incomplete() -> None:
    table = parse_macos_arp(recorded("arp", "macos_arp_a.txt"), "en1")
    assert table["192.168.1.1"] == "00:18:01:8f:23:ed"
    assert "169.254.77.120" not in table
    assert len(table) == 5
    assert parse_macos_arp(recorded("arp", "macos_arp_a.txt"), "en0") == {}


def test_windows_arp_reads_only_our_interface_and_drops_broadcast_multicast() -> None:
    text = recorded("arp", "windows_arp_a_fr.txt")
    assert parse_windows_arp(text, "192.168.1.144") == {
        "192.168.1.175": "ec:6c:9a:f8:ff:be",
        "192.168.1.254": "54:c4:5b:4b:36:2c",
    }
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
        ("2.4", 6, 75),
        ("2.4", 11, 60),
        ("5", 36, 48),
    ]


def test_netsh_networks() -> None:
    assert parse_netsh_networks(recorded("wifi", "netsh_networks_bssid.txt")) == [("2.4", 6, 46)]


def test_iw_scan_dump_per_band_crowding() -> None:
    networks = parse_iw_scan(recorded("wifi", "iw_scan.txt"))
    # -64, -83, -74 and -84 dBm on nmcli's percent scale (dBm + 120).
    assert networks == [("2.4", 1, 56), ("2.4", 1, 37), ("2.4", 6, 46), ("2.4", 11, 36)]
    bands = crowding(networks).bands
    assert [(b.band, b.networks, b.strongest_dbm) for b in bands] == [("2.4", 4, -64)]
    assert bands[0].busiest_channels == (1, 6)  # the two audible ones (>= 40 %)


def test_netsh_interfaces_wifi6_with_rssi() -> None:
    link = parse_netsh_interfaces(recorded("wifi", "netsh_interfaces_ax.txt"), "Wi-Fi")
    assert link is not None
    assert (link.standard, link.band, link.channel, link.signal_dbm) == ("Wi-Fi 6", "5", 44, -37)
    assert (link.rx_rate_mbps, link.tx_rate_mbps, link.ssid) == (1201.0, 1201.0, "Redmi 9 Power")


def test_netsh_interfaces_wifi5_signal_from_percent() -> None:
    link = parse_netsh_interfaces(recorded("wifi", "netsh_interfaces_ac.txt"))
    assert link is not None
    assert (link.standard, link.band, link.channel) == ("Wi-Fi 5", "5", 149)
    assert link.signal_dbm == -52  # 96 % on Windows' 0 % = -100 dBm .. 100 % = -50 dBm scale
    assert link.rx_rate_mbps == 400.0 and link.interface == "Wi-Fi"


def test_netsh_interfaces_disconnected_and_wifi7_6e() -> None:
    assert parse_netsh_interfaces("    Name : Wi-Fi\n    State : disconnected\n") is None
    be = recorded("wifi", "netsh_interfaces_ax.txt").replace("802.11ax", "802.11be")
    assert parse_netsh_interfaces(be).standard == "Wi-Fi 7"  # type: ignore[union-attr]
    six = recorded("wifi", "netsh_interfaces_ax.txt").replace(": 5 GHz", ": 6 GHz")
    assert parse_netsh_interfaces(six).standard == "Wi-Fi 6E"  # type: ignore[union-attr]


def test_system_profiler_current_link() -> None:
    text = recorded("wifi", "macos_system_profiler_ax.txt")
    link = parse_system_profiler_link(text, "en0")
    assert link is not None
    assert (link.standard, link.band, link.channel, link.channel_width_mhz) == (
        "Wi-Fi 6",
        "5",
        128,
        80,
    )
    assert (link.signal_dbm, link.tx_rate_mbps, link.ssid) == (-70, 144.0, None)
    # The only neighbour has no channel line: nothing to count.
    assert parse_system_profiler_networks(text, "en0") == []
    assert parse_system_profiler_link(text, "en1") is not None  # unnamed: whole report


def test_system_profiler_neighbours_per_band() -> None:
    text = recorded("wifi", "macos_system_profiler_neighbors.txt")
    link = parse_system_profiler_link(text, "en0")
    assert link is not None
    assert (link.standard, link.band, link.channel, link.channel_width_mhz, link.ssid) == (
        "Wi-Fi 4",
        "2.4",
        4,
        20,
        "dav",
    )
    networks = parse_system_profiler_networks(text, "en0")
    assert networks == [("2.4", 6, 40), ("2.4", 11, 40), ("2.4", 6, 79)]
    assert crowding(networks).bands[0].busiest_channels[0] == 6
