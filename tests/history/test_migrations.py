"""Every older schema version migrates: a fixture database per version, opened by today's code."""

import shutil
from pathlib import Path

import pytest
from router_advisor.history.database import HistoryFileError, open_database, schema_version
from router_advisor.history.records import DeviceLabel
from router_advisor.history.schema import MIGRATIONS, SCHEMA_VERSION
from router_advisor.history.store import HistoryStore

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "history"


def _copy(version: int, tmp_path: Path) -> Path:
    target = tmp_path / f"v{version}.db"
    shutil.copyfile(FIXTURES / f"v{version}.db", target)
    return target


def test_there_is_a_fixture_for_every_older_version() -> None:
    assert sorted(p.name for p in FIXTURES.glob("v*.db")) == [
        f"v{v}.db" for v in range(1, SCHEMA_VERSION)
    ]


def test_a_fresh_database_gets_every_step(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db")
    assert schema_version(db) == SCHEMA_VERSION
    assert "device_labels" in db.table_names()
    db.close()


def test_version_1_keeps_its_runs_and_devices_and_gains_labels(tmp_path: Path) -> None:
    with HistoryStore(_copy(1, tmp_path)) as store:
        assert schema_version(store.db) == SCHEMA_VERSION
        assert [(r.id, r.download_mbps, r.grade, r.device_count) for r in store.trend()] == [
            (1, 90.0, "C", 3),
            (2, 95.0, "B", None),
            (3, 180.0, "A", 3),
        ]
        diff = store.diff(1, 3).devices
        assert [d.kind for d in diff.new] == ["tv"] and [d.kind for d in diff.gone] == ["printer"]
        (phone,) = diff.changed  # the random-MAC phone stayed one device in the v1 data
        assert [c.field for c in phone.changes] == ["mac"]
        store.label_device(
            "da:00:00:00:00:01", DeviceLabel("Anna's phone", True), "2025-01-01T00:00:00Z"
        )
        assert [d.label for d in store.devices_of(3) if d.kind == "phone"] == ["Anna's phone"]
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_failing_step_leaves_the_database_at_its_old_version(tmp_path: Path) -> None:
    path = _copy(1, tmp_path)
    broken = (MIGRATIONS[0], ("CREATE TABLE half_done (x)", "THIS IS NOT SQL"))
    with pytest.raises(HistoryFileError):
        open_database(path, broken)
    db = open_database(path, MIGRATIONS[:1])
    assert schema_version(db) == 1 and "half_done" not in db.table_names()
    db.close()


def test_a_database_from_a_newer_app_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    open_database(path).close()
    db = open_database(path, (*MIGRATIONS, ("CREATE TABLE future (x)",)))
    db.close()
    before = path.read_bytes()
    with pytest.raises(HistoryFileError, match="newer Router Advisor"):
        open_database(path)
    assert path.read_bytes() == before


def test_version_2_keeps_its_runs_and_labels_and_gains_walks(tmp_path: Path) -> None:
    from router_advisor.core.walk import WalkStop
    from router_advisor.history.walks import WalkStore

    with HistoryStore(_copy(2, tmp_path)) as store:
        assert schema_version(store.db) == SCHEMA_VERSION
        assert [(r.id, r.download_mbps, r.grade, r.device_count) for r in store.trend()] == [
            (1, 120.0, "B", 2),
            (2, 300.0, "A", 2),
        ]
        assert [d.label for d in store.devices_of(2) if d.label] == ["Kitchen tablet"]
        walks = WalkStore(store.db)
        walk_id = walks.new_walk("2026-12-01T10:00:00Z")
        walks.add_stop(walk_id, WalkStop("Hall", "2026-12-01T10:01:00Z", None, 900.0, 900.0, 1.0))
        assert walks.attach_current(2) == walk_id
        assert walks.of_run(2) is not None
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
