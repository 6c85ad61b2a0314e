"""Device identity across scans: by MAC, and by name for a device with a new random MAC."""

from router_advisor.core.device_identity import (
    KnownIdentity,
    is_randomized_mac,
    match_devices,
    name_key,
    normalize_mac,
)
from router_advisor.core.scan import Device

PHONE_OLD = "da:11:22:33:44:55"  # locally administered: a private (random) address
PHONE_NEW = "6a:aa:bb:cc:dd:ee"
LAPTOP = "00:1b:21:00:00:01"  # Intel OUI, globally administered


def dev(ip: str, mac: str, hostname: str | None = None) -> Device:
    return Device(ip=ip, mac=mac, hostname=hostname)


def test_mac_normalisation_and_randomised_bit() -> None:
    assert normalize_mac(" AA-BB-CC-DD-EE-FF ") == "aa:bb:cc:dd:ee:ff"
    assert is_randomized_mac(PHONE_OLD) and is_randomized_mac(PHONE_NEW)
    assert not is_randomized_mac(LAPTOP)
    assert not is_randomized_mac("zz:00")


def test_name_key_drops_domain_case_and_generic_names() -> None:
    assert name_key("Johns-iPhone.local.") == "johns-iphone"
    assert name_key("johns-iphone.lan") == "johns-iphone"
    assert name_key("iPhone.local") is None
    assert name_key("") is None and name_key(None) is None


def test_known_mac_keeps_its_identity_and_unknown_mac_is_new() -> None:
    known = [KnownIdentity(7, frozenset({LAPTOP}), "desk")]
    matches = match_devices(
        [dev("10.0.0.2", LAPTOP.upper()), dev("10.0.0.3", "00:11:22:00:00:09")], known
    )
    assert [(m.device_id, m.reason) for m in matches] == [(7, "mac"), (None, "new")]


def test_phone_back_with_new_random_mac_and_same_name_is_the_same_device() -> None:
    known = [KnownIdentity(3, frozenset({PHONE_OLD}), "johns-iphone")]
    (match,) = match_devices([dev("10.0.0.9", PHONE_NEW, "Johns-iPhone.local")], known)
    assert (match.device_id, match.reason) == (3, "name")


def test_same_name_with_a_global_mac_is_a_different_device() -> None:
    known = [KnownIdentity(3, frozenset({LAPTOP}), "desk")]
    (match,) = match_devices([dev("10.0.0.9", "00:1b:21:00:00:02", "desk")], known)
    assert match.device_id is None


def test_generic_or_missing_names_never_merge_devices() -> None:
    known = [KnownIdentity(3, frozenset({PHONE_OLD}), None)]
    matches = match_devices(
        [dev("10.0.0.9", PHONE_NEW, "iPhone"), dev("10.0.0.8", "7a:00:00:00:00:01")], known
    )
    assert [m.device_id for m in matches] == [None, None]


def test_ambiguous_names_never_merge() -> None:
    known = [
        KnownIdentity(1, frozenset({"da:00:00:00:00:01"}), "tablet"),
        KnownIdentity(2, frozenset({"da:00:00:00:00:02"}), "tablet"),
    ]
    (match,) = match_devices([dev("10.0.0.5", PHONE_NEW, "tablet")], known)
    assert match.device_id is None
    two_in_scan = [dev("10.0.0.5", PHONE_NEW, "pad"), dev("10.0.0.6", "6a:00:00:00:00:07", "pad")]
    matches = match_devices(two_in_scan, [KnownIdentity(4, frozenset({PHONE_OLD}), "pad")])
    assert [m.device_id for m in matches] == [None, None]


def test_an_identity_claimed_by_its_mac_is_not_taken_again_by_name() -> None:
    known = [KnownIdentity(3, frozenset({PHONE_OLD}), "johns-iphone")]
    matches = match_devices(
        [dev("10.0.0.9", PHONE_OLD, "johns-iphone"), dev("10.0.0.10", PHONE_NEW, "johns-iphone")],
        known,
    )
    assert [(m.device_id, m.reason) for m in matches] == [(3, "mac"), (None, "new")]


def test_a_mac_listed_twice_is_kept_once() -> None:
    matches = match_devices([dev("10.0.0.2", LAPTOP), dev("10.0.0.3", LAPTOP.upper())], [])
    assert [m.device.ip for m in matches] == ["10.0.0.2"]
