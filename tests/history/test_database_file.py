"""A file at the history path that is not ours, or damaged, is refused and left untouched."""

import sqlite3
from pathlib import Path

import pytest
from router_advisor.catalog import store as catalog_store
from router_advisor.errors import UserInputError
from router_advisor.history.database import CATALOG_APPLICATION_ID, HistoryFileError
from router_advisor.history.store import HistoryStore
from router_advisor.services import history
from router_advisor.services.catalog import load_routers

from tests.history import factory
from tests.history.factory import device


def _refused_untouched(path: Path) -> str:
    before = path.read_bytes()
    with pytest.raises(HistoryFileError) as info, history.open_history(path) as store:
        history.list_runs(store)
        history.show_run(store, 1)
    assert path.read_bytes() == before
    message = str(info.value)
    assert "move it aside" in message and f"mv '{path}' '{path}.old'" in message
    assert "\n" not in message
    return message


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    path.write_bytes(bytes(range(256)) * 40)
    assert "nor any SQLite file" in _refused_untouched(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.db"]


def test_a_short_file_that_starts_like_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    path.write_bytes(b"SQLite format 3\x00 cut short")
    _refused_untouched(path)


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_another_programs_sqlite_database(tmp_path: Path, journal: str) -> None:
    path = tmp_path / "history.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ann')")
    conn.commit()
    conn.close()
    assert "another program" in _refused_untouched(path)


def test_our_database_damaged_inside(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    with HistoryStore(path) as store:
        for n in range(30):
            store.save_run(factory.run([device(i) for i in range(n, n + 20)]))
    data = bytearray(path.read_bytes())
    page = 4096
    data[page:] = b"\xde\xad\xbe\xef" * ((len(data) - page) // 4)
    path.write_bytes(bytes(data))
    assert "is damaged" in _refused_untouched(path)


def test_a_folder_at_the_path_asks_for_a_file_and_never_to_move_it(tmp_path: Path) -> None:
    with pytest.raises(
        UserInputError, match="is a folder; give the path of a history file"
    ) as info:
        HistoryStore(tmp_path)
    assert "mv " not in str(info.value)


def test_the_catalog_is_named_as_such_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "catalog.db"
    load_routers(db_path=path)
    before = path.read_bytes()
    with pytest.raises(UserInputError, match="is Router Advisor's router catalog, not the history"):
        HistoryStore(path)
    assert path.read_bytes() == before
    assert CATALOG_APPLICATION_ID == catalog_store.APPLICATION_ID


@pytest.mark.parametrize("content", ["empty file", "empty sqlite"])
def test_an_empty_file_becomes_a_new_history(tmp_path: Path, content: str) -> None:
    path = tmp_path / "history.db"
    if content == "empty file":
        path.touch()
    else:
        sqlite3.connect(path).execute("PRAGMA user_version = 0").connection.close()
    with HistoryStore(path) as store:
        assert store.save_run(factory.run([device(1)])) == 1
