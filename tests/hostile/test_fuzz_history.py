"""Fuzz the history database: files damaged at random bytes or in their rows and tables.

Readers answer or say "damaged" in one line; writers (run, devices label, history prune)
either succeed or refuse with the file byte-identical.
"""

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from router_advisor.history.store import HistoryStore

from tests.history import factory
from tests.hostile.hostile import assert_plain, bounded, digest, run_cli

EXAMPLES = 10
MAC = "00:1b:21:00:00:01"
SQL_DAMAGE = [
    "UPDATE speed_results SET data = 'not json'",
    "UPDATE scans SET data = '[' || data",
    "UPDATE sightings SET data = CAST(x'ff00fe' AS TEXT)",
    "UPDATE answers SET data = CAST(x'c3' AS TEXT)",
    "UPDATE recommendations SET data = '{\"shortlist\": [[[[1]]]]}'",
    "UPDATE runs SET download_mbps = 'fast', device_count = 'many'",
    "DROP TABLE device_labels",
    "DROP TABLE sightings",
    "DROP TABLE runs",
    "INSERT INTO answers (run_id, data) VALUES (999, '{}')",
    "INSERT INTO device_macs (mac, device_id) VALUES ('aa:aa:aa:aa:aa:aa', 999)",
    "PRAGMA user_version = 99",
    "PRAGMA application_id = 7",
    "PRAGMA user_version = 0",
]
WRITERS = [
    ("devices", "label", MAC, "--name", "printer"),
    ("history", "prune", "--keep", "1"),
    ("run", "--no-speed", "--no-scan", "--answers", "ANSWERS"),
]
READERS = [
    ("history", "list"),
    ("history", "show", "1"),
    ("history", "show", "2"),
    ("history", "diff"),
    ("history", "trend"),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A healthy history of two scanned runs, closed (no -wal beside it)."""
    path = tmp_path_factory.mktemp("template") / "history.db"
    with HistoryStore(path) as store:
        for n in range(2):
            store.save_run(factory.run([factory.device(i) for i in range(1, 4 + n)]))
    assert not path.with_name("history.db-wal").exists()
    return path


def _answers(folder: Path) -> str:
    path = folder / "answers.toml"
    path.write_text("[home]\nfloors = 2\n")
    return str(path)


def _check_commands(db: Path, answers: str) -> None:
    for argv in READERS:
        assert_plain(run_cli(*argv, "--db", str(db)))
    for argv in WRITERS:
        before = digest(db)
        args = [answers if a == "ANSWERS" else a for a in argv]
        outcome = run_cli(*args, "--db", str(db))
        assert_plain(outcome)
        if outcome.code != 0:
            assert digest(db) == before, (argv, outcome.err)


@bounded(EXAMPLES)
@given(
    flips=st.lists(
        st.tuples(st.integers(0, 1 << 16), st.binary(min_size=1, max_size=8)), max_size=6
    ),
    cut=st.none() | st.integers(0, 1 << 16),
)
def test_damaged_bytes(
    template: Path, tmp_path: Path, flips: list[tuple[int, bytes]], cut: int | None
) -> None:
    db = tmp_path / "history.db"
    data = bytearray(template.read_bytes())
    for offset, junk in flips:
        at = offset % len(data)
        data[at : at + len(junk)] = junk
    db.write_bytes(bytes(data[:cut] if cut is not None else data))
    _check_commands(db, _answers(tmp_path))


@bounded(EXAMPLES)
@given(statements=st.lists(st.sampled_from(SQL_DAMAGE), min_size=1, max_size=3))
def test_damaged_rows_and_tables(template: Path, tmp_path: Path, statements: list[str]) -> None:
    db = tmp_path / "history.db"
    shutil.copy(template, db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        with contextlib.suppress(sqlite3.Error):  # a table dropped before, a row twice
            conn.execute(statement)
    conn.commit()
    conn.close()
    _check_commands(db, _answers(tmp_path))


def _corrupt_pages(db: Path) -> None:
    """Garbage over every page but the header page: quick_check fails, the header is ours."""
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for start in range(page, len(data), page):
        data[start : start + 64] = bytes(range(64))
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("argv", WRITERS, ids=["label", "prune", "run"])
def test_a_damaged_history_is_refused_and_left_byte_identical(
    template: Path, tmp_path: Path, argv: tuple[str, ...]
) -> None:
    db = tmp_path / "history.db"
    shutil.copy(template, db)
    _corrupt_pages(db)
    answers = _answers(tmp_path)
    before = digest(db)
    outcome = run_cli(*[answers if a == "ANSWERS" else a for a in argv], "--db", str(db))
    assert outcome.code == 1 and "is damaged" in outcome.err and "move it aside" in outcome.err
    assert len(outcome.err.splitlines()) == 1
    assert digest(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.toml", "history.db"]


def test_a_foreign_wal_file_gets_no_wal_or_shm(tmp_path: Path) -> None:
    db = tmp_path / "history.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes (text)")
    conn.close()
    before = digest(db)
    for argv in (("history", "list"), *WRITERS[:2]):
        outcome = run_cli(*argv, "--db", str(db))
        assert outcome.code == 1 and "another program" in outcome.err, outcome.err
    assert digest(db) == before
    assert [p.name for p in tmp_path.iterdir()] == ["history.db"]


def test_a_dangling_link_at_the_history_path(tmp_path: Path) -> None:
    link = tmp_path / "history.db"
    link.symlink_to(tmp_path / "gone" / "history.db")
    for argv in (("history", "list"), ("run", "--no-speed", "--no-scan", "--answers", "A")):
        args = [_answers(tmp_path) if a == "A" else a for a in argv]
        outcome = run_cli(*args, "--db", str(link))
        assert outcome.code == 1 and "which does not exist" in outcome.err, outcome.err


def test_integrity_is_checked_once_per_file_state(template: Path, tmp_path: Path) -> None:
    from router_advisor.history import database

    db = tmp_path / "history.db"
    shutil.copy(template, db)
    assert database.integrity_problem(db) is None
    _corrupt_pages(db)  # a new state: checked again
    assert database.integrity_problem(db) is not None


@bounded(EXAMPLES)
@given(name=st.text(max_size=80) | st.sampled_from(["\udcff", "a\nb", "\u200b", "x" * 100]))
def test_label_names(template: Path, tmp_path: Path, name: str) -> None:
    db = tmp_path / "history.db"
    shutil.copy(template, db)
    outcome = run_cli("devices", "label", MAC, "--name", name, "--db", str(db))
    assert_plain(outcome)
    if outcome.code != 0:
        assert digest(db) == digest(template)
