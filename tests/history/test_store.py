"""Saving and reading runs in a real SQLite file: identities, diff, trend, prune."""

import sqlite3
from pathlib import Path

import pytest
from router_advisor.history.records import DETECTED_KIND, DeviceLabel
from router_advisor.history.store import DeviceNotFound, HistoryStore, RunNotFound

from tests.history import factory
from tests.history.factory import device


@pytest.fixture
def store(tmp_path: Path):
    with HistoryStore(tmp_path / "history.db") as s:
        yield s


def test_a_saved_run_reads_back_whole(store: HistoryStore) -> None:
    new = factory.run([device(1), device(2, kind="printer")])
    run_id = store.save_run(new)
    stored = store.get_run(run_id)
    assert stored.answers == factory.ANSWERS
    assert stored.speed == new.speed
    assert stored.scan is not None and new.scan is not None
    assert sorted(stored.scan.devices, key=lambda d: d.ip) == list(new.scan.devices)
    assert stored.scan.notes == new.scan.notes
    assert stored.recommendation == {"top": {"key": "acme/ax3000/v1", "score": 81}}
    s = stored.summary
    assert (
        s.download_mbps,
        s.upload_mbps,
        s.idle_latency_ms,
        s.loaded_latency_ms,
        s.grade,
        s.device_count,
        s.top_pick,
    ) == (100.0, 20.0, 12.0, 140.0, "B", 2, "acme/ax3000/v1")
    assert stored.to_dict()["devices"][1]["kind"] == "printer"


def test_database_uses_wal_foreign_keys_and_a_schema_version(store: HistoryStore) -> None:
    assert store.db.journal_mode == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA user_version").fetchone()[0] >= 1


def test_skipped_parts_are_stored_as_missing(store: HistoryStore) -> None:
    run_id = store.save_run(factory.run(None))
    stored = store.get_run(run_id)
    assert stored.scan is None and stored.devices == ()
    assert stored.summary.device_count is None


def test_same_mac_is_the_same_device_across_runs(store: HistoryStore) -> None:
    a = store.save_run(factory.run([device(1), device(2)]))
    b = store.save_run(factory.run([device(2, ip="10.0.0.99"), device(3)]))
    diff = store.diff(a, b)
    assert [d.mac for d in diff.devices.new] == [device(3).mac]
    assert [d.mac for d in diff.devices.gone] == [device(1).mac]
    (change,) = diff.devices.changed
    assert [(c.field, c.before, c.after) for c in change.changes] == [
        ("ip", "10.0.0.4", "10.0.0.99")
    ]
    assert store.latest_two() == (a, b)


def test_a_phone_with_a_new_random_mac_keeps_its_identity(store: HistoryStore) -> None:
    a = store.save_run(factory.run([device(1, mac="da:00:00:00:00:01", hostname="Anna-Phone")]))
    b = store.save_run(
        factory.run([device(1, mac="6e:00:00:00:00:02", hostname="anna-phone.local")])
    )
    diff = store.diff(a, b)
    assert not diff.devices.new and not diff.devices.gone
    assert [c.field for c in diff.devices.changed[0].changes] == ["mac"]
    c = store.save_run(factory.run([device(1, mac="da:00:00:00:00:01", hostname="Anna-Phone")]))
    assert store.diff(a, c).devices.unchanged == 1  # the old MAC still belongs to her phone


def test_a_mac_seen_twice_in_one_scan_with_another_owner_moves(store: HistoryStore) -> None:
    store.save_run(factory.run([device(1, mac="da:00:00:00:00:01", hostname="pad")]))
    store.save_run(factory.run([device(1, mac="6e:00:00:00:00:02", hostname="pad")]))
    # Both MACs in one scan: one keeps the identity, the other becomes a device of its own.
    run_id = store.save_run(
        factory.run(
            [
                device(1, mac="da:00:00:00:00:01", hostname="pad"),
                device(2, mac="6e:00:00:00:00:02", hostname="pad"),
            ]
        )
    )
    assert len({d.device_id for d in store.devices_of(run_id)}) == 2


def test_list_is_newest_first_and_trend_oldest_first(store: HistoryStore) -> None:
    ids = [store.save_run(factory.run([device(1)] * 1, download=d)) for d in (50.0, 80.0, 120.0)]
    assert [r.id for r in store.list_runs()] == ids[::-1]
    assert [r.download_mbps for r in store.trend()] == [50.0, 80.0, 120.0]
    assert [r.id for r in store.list_runs(limit=1)] == [ids[-1]]


def test_unknown_run_raises(store: HistoryStore) -> None:
    with pytest.raises(RunNotFound):
        store.get_run(42)


def test_prune_keeps_the_newest_and_forgets_devices_no_kept_run_saw(store: HistoryStore) -> None:
    ids = [store.save_run(factory.run([device(i), device(100)])) for i in range(5)]
    assert store.prune(keep=2) == 3
    assert [r.id for r in store.list_runs()] == ids[:1:-1][:2]
    assert store.db.execute("SELECT count(*) FROM devices").fetchone()[0] == 3
    assert store.db.execute("SELECT count(*) FROM answers").fetchone()[0] == 2
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    new_id = store.save_run(factory.run([device(1)]))
    assert new_id == ids[-1] + 1  # ids are never reused, so an old id never means another run


def test_a_failed_save_leaves_nothing_behind(store: HistoryStore) -> None:
    store.db.execute(
        "CREATE TRIGGER boom BEFORE INSERT ON sightings BEGIN SELECT RAISE(ABORT, 'boom'); END"
    )
    with pytest.raises(sqlite3.IntegrityError):
        store.save_run(factory.run([device(1)]))
    for table in ("runs", "answers", "speed_results", "scans", "devices", "device_macs"):
        assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table


def test_labels_follow_the_device_through_rescans_and_mac_changes(store: HistoryStore) -> None:
    phone = "da:00:00:00:00:01"
    a = store.save_run(factory.run([device(1, mac=phone, hostname="Anna-Phone", kind="unknown")]))
    store.label_device(
        phone.upper(), DeviceLabel("Anna's phone", known=True, kind="phone"), "2025-01-02T00:00:00Z"
    )
    b = store.save_run(factory.run([device(1, mac="6e:00:00:00:00:02", hostname="Anna-Phone")]))
    for run_id in (a, b):
        (seen,) = store.devices_of(run_id)
        assert (seen.label, seen.known, seen.kind, seen.display_name) == (
            "Anna's phone",
            True,
            "phone",
            "Anna's phone",
        )
    store.label_device("6e:00:00:00:00:02", DeviceLabel("Anna"), "2025-01-03T00:00:00Z")
    (seen,) = store.devices_of(a)
    assert (seen.label, seen.known, seen.kind) == ("Anna", True, "phone")


def test_a_label_change_keeps_the_parts_it_does_not_give(store: HistoryStore) -> None:
    """Review item 7: renaming a device forgot its 'known' mark and its kind."""
    mac = device(1).mac
    store.save_run(factory.run([device(1, kind="unknown")]))
    _, label = store.label_device(mac, DeviceLabel("X", True, "console"), "2025-01-01T00:00:00Z")
    assert label == DeviceLabel("X", True, "console")
    _, label = store.label_device(mac, DeviceLabel(name="Y"), "2025-01-02T00:00:00Z")
    assert label == DeviceLabel("Y", True, "console")
    _, label = store.label_device(mac, DeviceLabel(known=False), "2025-01-03T00:00:00Z")
    assert label == DeviceLabel("Y", False, "console")
    _, label = store.label_device(mac, DeviceLabel(kind=DETECTED_KIND), "2025-01-04T00:00:00Z")
    assert label == DeviceLabel("Y", False, None)
    (seen,) = store.devices_of(1)
    assert (seen.label, seen.known, seen.kind) == ("Y", False, "unknown")


def test_a_label_without_a_name_keeps_the_devices_own_name(store: HistoryStore) -> None:
    store.save_run(factory.run([device(1, hostname="desk-pc")]))
    _, label = store.label_device(device(1).mac, DeviceLabel(known=True), "2025-01-01T00:00:00Z")
    assert label == DeviceLabel(None, True, None)
    (seen,) = store.devices_of(1)
    assert (seen.label, seen.display_name, seen.known) == (None, "desk-pc", True)


@pytest.mark.parametrize("run_id", [0, -1, 2**63, 10**20])
def test_a_run_id_beyond_sqlites_integers_is_simply_not_found(
    store: HistoryStore, run_id: int
) -> None:
    """Review item 9: `history show 99999999999999999999` crashed with OverflowError."""
    with pytest.raises(RunNotFound):
        store.get_run(run_id)


def test_labelling_an_unseen_mac_raises(store: HistoryStore) -> None:
    with pytest.raises(DeviceNotFound):
        store.label_device("00:11:22:33:44:55", DeviceLabel("x"), "2025-01-01T00:00:00Z")


def test_prune_keeps_labelled_devices_for_when_they_come_back(store: HistoryStore) -> None:
    store.save_run(factory.run([device(1)]))
    store.label_device(device(1).mac, DeviceLabel("Desk PC", known=True), "2025-01-01T00:00:00Z")
    store.save_run(factory.run([device(2)]))
    store.prune(keep=1)
    run_id = store.save_run(factory.run([device(1)]))
    assert store.devices_of(run_id)[0].label == "Desk PC"
