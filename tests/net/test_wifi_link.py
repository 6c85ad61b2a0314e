"""The per-OS Wi-Fi reader says plainly when there is nothing to read."""

from router_advisor.net.wifi_link import read_wifi


def test_an_os_without_a_reader_says_not_available() -> None:
    assert read_wifi("en0", platform="sunos5") == (
        None,
        None,
        ["Wi-Fi: not available on this system"],
    )


def test_linux_wired_interface_is_not_wifi() -> None:
    link, nearby, notes = read_wifi("lo", platform="linux")
    assert (link, nearby) == (None, None)
    assert notes == ["Wi-Fi: not available on this system (lo is not a Wi-Fi interface)"]
