"""Each device once: a scan result never lists one device twice (issue 15)."""

import pytest
from router_advisor.core.scan import ConflictingDevices, Device, ScanResult, merge_devices
from router_advisor.core.wording import SCAN_LIMITS


def _result(*devices: Device) -> ScanResult:
    return ScanResult("eth0", "10.0.0.0/24", "10.0.0.1", "arp", 1.0, devices)


def test_one_device_reported_twice_is_listed_once_with_what_both_reports_knew() -> None:
    bare = Device("10.0.0.20", "3C:22:FB:00:00:01")
    named = Device(
        "10.0.0.20",
        "3c-22-fb-00-00-01",
        vendor="Apple",
        hostname="johns-iphone",
        kind="phone",
        kind_evidence=("Apple vendor",),
        services=("_airplay._tcp",),
    )
    result = _result(bare, Device("10.0.0.1", "50:c7:bf:00:00:01", is_gateway=True), named)
    assert [d.ip for d in result.devices] == ["10.0.0.20", "10.0.0.1"]
    phone = result.devices[0]
    assert phone.mac == "3c:22:fb:00:00:01"
    assert (phone.vendor, phone.hostname, phone.kind) == ("Apple", "johns-iphone", "phone")
    assert phone.services == ("_airplay._tcp",)
    assert [d["ip"] for d in result.to_dict()["devices"]] == ["10.0.0.20", "10.0.0.1"]
    again = ScanResult.from_dict({**result.to_dict(), "devices": result.to_dict()["devices"] * 2})
    assert again.devices == result.devices


def test_one_mac_at_two_addresses_is_one_device_at_the_first() -> None:
    """A MAC is a device's identity, as in the history: an edited file that lists a device
    at ten addresses counts one device."""
    phone = "3c:22:fb:00:00:09"
    merged = merge_devices([Device("10.0.0.30", phone), Device("10.0.0.31", phone.upper())])
    assert [(d.ip, d.mac) for d in merged] == [("10.0.0.30", phone)]


def test_one_address_with_two_macs_is_refused_plainly() -> None:
    with pytest.raises(ConflictingDevices, match=r"10\.0\.0\.5 is listed with two MAC addresses"):
        merge_devices(
            [Device("10.0.0.5", "00:00:00:00:00:01"), Device("10.0.0.5", "02:00:00:00:00:02")]
        )


def test_the_limits_of_a_scan_are_said_without_promising_every_device() -> None:
    assert "asleep or switched off may be missing" in SCAN_LIMITS
    assert "second scan later finds more" in SCAN_LIMITS
    assert "every device" not in SCAN_LIMITS
