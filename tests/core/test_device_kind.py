"""Device kinds from vendor, name, services and MAC, with the evidence."""

from router_advisor.core.device_kind import guess_kind


def test_service_beats_vendor_and_all_clues_are_kept() -> None:
    guess = guess_kind("Hewlett Packard", "office-printer", ("_ipp._tcp",), False)
    assert guess.kind == "printer"
    assert len(guess.evidence) == 3


def test_cast_service_means_tv_even_from_a_google_device() -> None:
    assert guess_kind("Google, Inc.", None, ("_googlecast._tcp",), False).kind == "tv"


def test_name_clues() -> None:
    assert guess_kind(None, "Annas-iPhone", (), False).kind == "phone"
    assert guess_kind(None, "PS5-123", (), False).kind == "console"
    assert guess_kind("Apple, Inc.", "Toms-MacBook-Pro", (), False).kind == "computer"


def test_vendor_clues() -> None:
    assert guess_kind("Sony Interactive Entertainment Inc.", None, (), False).kind == "console"
    assert guess_kind("Philips Lighting BV", None, (), False).kind == "iot"
    assert guess_kind("TP-LINK TECHNOLOGIES CO.,LTD.", None, (), False).kind == "network"


def test_randomised_mac_alone_suggests_a_phone() -> None:
    guess = guess_kind(None, None, (), True)
    assert guess.kind == "phone" and "randomised" in guess.evidence[0]


def test_gateway_is_network_gear() -> None:
    assert guess_kind("Apple, Inc.", None, (), False, is_gateway=True).kind == "network"


def test_nothing_known_is_unknown_without_evidence() -> None:
    guess = guess_kind("Apple, Inc.", None, (), False)
    assert guess.kind == "unknown" and guess.evidence == ()
