"""Open the history database safely: recognise it, refuse foreign or damaged files, migrate.

A file at the database path that is not ours is never written to: we read its header with
plain file I/O (and, for an SQLite file of unknown origin, a read-only connection) before
SQLite opens it for writing.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import sqlite_utils

from router_advisor.errors import RuntimeFailure, UserInputError
from router_advisor.history.schema import APPLICATION_ID, MIGRATIONS

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_APPLICATION_ID_AT = slice(68, 72)  # https://www.sqlite.org/fileformat.html#the_database_header
BUSY_TIMEOUT_MS = 5000
# The catalog's application_id (router_advisor.catalog.store.APPLICATION_ID, "RACT"; a
# test keeps them equal), to recognise the app's own catalog given as the history.
CATALOG_APPLICATION_ID = 0x52414354


class HistoryFileError(RuntimeFailure):
    """The file at the history path is not a history database we can use; it was not touched."""


def unusable_file(path: Path, why: str) -> HistoryFileError:
    """The one-line message for a file we must not use, saying how to start fresh."""
    return HistoryFileError(
        f"{path} {why}, so Router Advisor left it untouched. To start a fresh history, move "
        f"it aside (for example: mv '{path}' '{path}.old') and run the command again, "
        "or choose another file with --db PATH."
    )


def _has_no_tables(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return bool(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0)
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def inspect_file(path: Path) -> Literal["new", "ours"]:
    """'new' when there is nothing yet (or an empty file), 'ours' for our database; else raise."""
    if not path.exists():
        return "new"
    if path.is_dir():
        raise UserInputError(
            f"{path} is a folder; give the path of a history file, "
            f"for example {path / 'history.db'}."
        )
    try:
        with path.open("rb") as file:
            header = file.read(_HEADER_SIZE)
    except OSError as exc:
        raise HistoryFileError(f"Cannot read the history database {path}: {exc.strerror}.") from exc
    if not header:
        return "new"
    if len(header) < _HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        raise unusable_file(path, "is not a Router Advisor history database (nor any SQLite file)")
    application_id = int.from_bytes(header[_APPLICATION_ID_AT], "big")
    if application_id == APPLICATION_ID:
        return "ours"
    if application_id == 0 and _has_no_tables(path):
        return "new"
    if application_id == CATALOG_APPLICATION_ID:
        raise UserInputError(
            f"{path} is Router Advisor's router catalog, not the history; "
            "give --db the history file (history.db) instead."
        )
    raise unusable_file(
        path, "is an SQLite database of another program, not Router Advisor's history"
    )


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One all-or-nothing write. IMMEDIATE takes the write lock up front, so two writers wait
    for each other (busy timeout) instead of failing halfway on a lock upgrade."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database, migrations: tuple[tuple[str, ...], ...] = MIGRATIONS) -> int:
    """Bring the schema to len(migrations), one transaction per step; return the old version."""
    start = schema_version(db)
    if start > len(migrations):
        raise HistoryFileError(
            f"The history database was written by a newer Router Advisor (schema version "
            f"{start}; this one knows up to {len(migrations)}). Update Router Advisor, or "
            "choose another file with --db PATH."
        )
    for number in range(start + 1, len(migrations) + 1):
        with write_transaction(db):
            if schema_version(db) >= number:  # another process migrated meanwhile
                continue
            for statement in migrations[number - 1]:
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {number}")
    return start


def open_in_memory(migrations: tuple[tuple[str, ...], ...] = MIGRATIONS) -> sqlite_utils.Database:
    """An empty history in memory: what a read-only command sees where no history exists yet,
    so it answers "no runs" without creating a file."""
    db = sqlite_utils.Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    migrate(db, migrations)
    return db


def open_database(
    path: Path, migrations: tuple[tuple[str, ...], ...] = MIGRATIONS
) -> sqlite_utils.Database:
    """Open (creating or upgrading as needed) the history database at `path`."""
    state = inspect_file(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000))
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if state == "new":
            # Written before WAL is on, so it lands in the main file's header at once.
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; a kill never corrupts
        migrate(db, migrations)
    except sqlite3.DatabaseError as exc:
        db.close()
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            raise HistoryFileError(
                f"The history database {path} is busy: another Router Advisor is writing to "
                "it. Try again in a moment."
            ) from exc
        raise unusable_file(path, f"is damaged ({exc})") from exc
    except BaseException:
        db.close()
        raise
    return db
