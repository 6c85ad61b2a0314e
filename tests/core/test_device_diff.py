"""Diff between two runs: new, gone and changed devices, compared by identity."""

from router_advisor.core.device_diff import FieldChange, SeenDevice, diff_devices


def seen(
    device_id: int,
    ip: str,
    mac: str = "00:00:00:00:00:01",
    hostname: str | None = None,
    kind: str = "unknown",
    label: str | None = None,
) -> SeenDevice:
    return SeenDevice(
        device_id=device_id, ip=ip, mac=mac, hostname=hostname, kind=kind, label=label
    )


def test_new_gone_changed_and_unchanged() -> None:
    before = [seen(1, "10.0.0.2"), seen(2, "10.0.0.3", hostname="tv"), seen(3, "10.0.0.4")]
    after = [
        seen(1, "10.0.0.2"),
        seen(2, "10.0.0.30", hostname="living-tv", kind="tv"),
        seen(4, "10.0.0.5"),
    ]
    diff = diff_devices(before, after)
    assert [d.device_id for d in diff.new] == [4]
    assert [d.device_id for d in diff.gone] == [3]
    assert diff.unchanged == 1
    (change,) = diff.changed
    assert change.changes == (
        FieldChange("ip", "10.0.0.3", "10.0.0.30"),
        FieldChange("hostname", "tv", "living-tv"),
        FieldChange("kind", "unknown", "tv"),
    )


def test_a_new_random_mac_on_the_same_identity_is_a_change_not_new_plus_gone() -> None:
    diff = diff_devices(
        [seen(5, "10.0.0.9", mac="da:00:00:00:00:01")],
        [seen(5, "10.0.0.9", mac="6a:00:00:00:00:02")],
    )
    assert not diff.new and not diff.gone
    assert [c.field for c in diff.changed[0].changes] == ["mac"]


def test_lists_are_sorted_numerically_by_ip() -> None:
    after = [seen(i, ip) for i, ip in enumerate(["10.0.0.10", "10.0.0.9", "10.0.0.100", "fe80::1"])]
    assert [d.ip for d in diff_devices([], after).new] == [
        "10.0.0.9",
        "10.0.0.10",
        "10.0.0.100",
        "fe80::1",
    ]


def test_identical_runs_have_no_differences_and_to_dict_is_json_ready() -> None:
    devices = [seen(1, "10.0.0.2", label="Printer"), seen(2, "10.0.0.3")]
    diff = diff_devices(devices, devices)
    assert diff.to_dict() == {"new": [], "gone": [], "changed": [], "unchanged": 2}
    assert diff_devices([], devices[:1]).to_dict()["new"][0]["display_name"] == "Printer"


def test_a_host_name_that_only_changes_form_is_not_a_change() -> None:
    before = [seen(1, "10.0.0.2", hostname="Anna-Phone"), seen(2, "10.0.0.3", hostname="tv")]
    after = [seen(1, "10.0.0.2", hostname="anna-phone.local."), seen(2, "10.0.0.3", hostname=None)]
    diff = diff_devices(before, after)
    assert diff.unchanged == 1
    assert [c.changes for c in diff.changed] == [(FieldChange("hostname", "tv", None),)]
