"""The walk test's Wi-Fi reading on each OS parser: strong, weak and dead links from
recorded outputs (tests/fixtures/wifi/walk; each header says where its shape comes from),
rated as the walk rates them, with the BSSID (which node) and noise where the tool gives
them."""

import pytest
from router_advisor.core.walk import signal_rating
from router_advisor.net.wifi_parsers import (
    parse_iw_link,
    parse_netsh_interfaces,
    parse_nmcli_active_link,
    parse_system_profiler_link,
)

from tests.net.conftest import recorded

CASES = [
    # (parser, fixture, signal dBm, rating, band, BSSID, noise dBm)
    (parse_iw_link, "iw_link_strong.txt", -37, "good", "2.4", "d4:d7:48:81:68:a0", None),
    (parse_iw_link, "iw_link_weak.txt", -79, "weak", "2.4", "d4:d7:48:81:68:a0", None),
    (parse_iw_link, "iw_link_dead.txt", -88, "dead", "2.4", "d4:d7:48:81:68:a0", None),
    (
        parse_nmcli_active_link,
        "nmcli_active_strong.txt",
        -45,
        "good",
        "5",
        "50:c7:bf:8e:12:6d",
        None,
    ),
    (parse_nmcli_active_link, "nmcli_active_weak.txt", -80, "weak", "5", "50:c7:bf:8e:12:6d", None),
    (parse_nmcli_active_link, "nmcli_active_dead.txt", -89, "dead", "5", "50:c7:bf:8e:12:6d", None),
    (parse_netsh_interfaces, "netsh_strong.txt", -37, "good", "5", "56:dd:8c:45:e5:fa", None),
    (parse_netsh_interfaces, "netsh_weak.txt", -78, "weak", "5", "56:dd:8c:45:e5:fa", None),
    (parse_netsh_interfaces, "netsh_dead.txt", -89, "dead", "5", "56:dd:8c:45:e5:fa", None),
    (parse_system_profiler_link, "macos_strong.txt", -52, "good", "5", None, -90),
    (parse_system_profiler_link, "macos_fair.txt", -70, "fair", "5", None, -90),
    (parse_system_profiler_link, "macos_weak.txt", -80, "weak", "5", None, -90),
    (parse_system_profiler_link, "macos_dead.txt", -89, "dead", "5", None, -90),
]


@pytest.mark.parametrize(("parse", "name", "dbm", "rating", "band", "bssid", "noise"), CASES)
def test_each_parser_reads_strong_weak_and_dead_links(
    parse, name: str, dbm: int, rating: str, band: str, bssid: str | None, noise: int | None
) -> None:
    link = parse(recorded("wifi", "walk", name))
    assert link is not None
    assert (link.signal_dbm, link.band, link.bssid, link.noise_dbm) == (dbm, band, bssid, noise)
    assert signal_rating(link.signal_dbm) == rating


def test_the_link_rate_and_channel_come_along() -> None:
    nmcli = parse_nmcli_active_link(recorded("wifi", "walk", "nmcli_active_strong.txt"), "wlp2s0")
    assert nmcli is not None
    assert (nmcli.channel, nmcli.tx_rate_mbps, nmcli.ssid, nmcli.interface) == (
        36,
        866.0,
        "Home-5G",
        "wlp2s0",
    )
    netsh = parse_netsh_interfaces(recorded("wifi", "walk", "netsh_weak.txt"))
    assert netsh is not None and (netsh.channel, netsh.tx_rate_mbps) == (44, 1201.0)


def test_no_active_network_and_masked_bssids_read_as_unknown() -> None:
    assert (
        parse_nmcli_active_link("no:AA\\:BB\\:CC\\:11\\:22\\:33:X:6:2437 MHz:130 Mbit/s:52") is None
    )
    eht = parse_iw_link(recorded("wifi", "iw_station_eht.txt"))
    assert eht is not None and eht.bssid is None  # iw printed xx:xx:xx:xx:xx:xx
