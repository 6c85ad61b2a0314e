"""Open the history database safely: recognise it, refuse foreign or damaged files, migrate.

A file at the database path that is not ours is never written to: we read its header with
plain file I/O (and, for an SQLite file of unknown origin, a read-only connection) before
SQLite opens it for writing.
"""

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import sqlite_utils

from router_advisor.core.echo import cut
from router_advisor.errors import RuntimeFailure, UserInputError
from router_advisor.history.schema import APPLICATION_ID, MIGRATIONS
from router_advisor.tempfiles import temp_beside

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
        f"it aside (for example: mv '{path}' '{path}.old') and try again.",
        cli_hint="or choose another file with --db PATH",
    )


def _has_no_tables(path: Path) -> bool:
    """Whether an SQLite file holds no tables, read without creating -wal/-shm beside it."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
        try:
            return bool(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0)
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def inspect_file(path: Path) -> Literal["new", "ours"]:
    """'new' when there is nothing yet (or an empty file), 'ours' for our database; else raise.

    Only plain file reads (and an immutable SQLite read) happen here: a file that is not
    ours keeps every byte, and gets no -wal or -shm files beside it."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return "new"
    except OSError as exc:
        raise HistoryFileError(f"Cannot use {path} as the history: {exc.strerror}.") from None
    if stat.S_ISLNK(info.st_mode) and not os.path.exists(path):
        raise HistoryFileError(
            f"{path} is a link to {os.readlink(path)}, which does not exist; remove the link",
            cli_hint="or choose another file with --db PATH",
        )
    if path.is_dir():
        raise UserInputError(
            f"{path} is a folder; give the path of a history file, "
            f"for example {path / 'history.db'}."
        )
    if not path.is_file():  # a named pipe would block the read below, a device never end
        raise UserInputError(
            f"{path} is not a regular file (a named pipe or a device); give the path of a "
            "history file"
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
            f"{path} is Router Advisor's router catalog, not the history",
            cli_hint="give --db the history file (history.db) instead",
        )
    raise unusable_file(
        path, "is an SQLite database of another program, not Router Advisor's history"
    )


def _file_state(path: Path) -> tuple[object, ...]:
    """What changes when the database changes: the main file's and the WAL's identity,
    size and modification time."""
    state: list[object] = [str(path)]
    for name in (path, path.with_name(path.name + "-wal")):
        try:
            info = name.stat()
        except OSError:
            state.append(None)
        else:
            state.append((info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns))
    return tuple(state)


def _read_uri(path: Path) -> str:
    """A read-only URI: immutable (no -wal/-shm made) unless a WAL holds newer pages."""
    wal = path.with_name(path.name + "-wal").exists()
    return f"{path.resolve().as_uri()}?{'mode=ro' if wal else 'immutable=1'}"


def _check_now(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(_read_uri(path), uri=True)
    except sqlite3.Error:
        return None  # cannot open it to check: the writable open says why
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        if rows != [("ok",)]:
            return f"quick_check: {rows[0][0]}"
        broken = conn.execute("PRAGMA foreign_key_check").fetchone()
        if broken is not None:
            return f"a row of {broken[0]} points to a missing row of {broken[2]}"
        return None
    except sqlite3.OperationalError as exc:
        text = str(exc)
        return text if "malformed" in text or "not a database" in text else None
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()


_CHECKED: dict[tuple[object, ...], str | None] = {}


def integrity_problem(path: Path) -> str | None:
    """What SQLite's quick_check and foreign_key_check find wrong with our file at `path`,
    None when it is sound. Cached per file state, in this process only: a new process checks
    again (40 ms for 1,000 runs), since damage from outside (a failing disk, a copy cut
    short) can leave size and times as they were, and a lasting cache would trust it."""
    state = _file_state(path)
    if state in _CHECKED:
        return _CHECKED[state]
    problem = _check_now(path)
    if _file_state(path) != state:  # written to while checked: check what is there now
        state = _file_state(path)
        problem = _check_now(path)
    _CHECKED[state] = problem
    return problem


def _can_write(path: Path) -> bool:
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def read_only_file(path: Path) -> HistoryFileError:
    """The one-line message for a history that cannot be written: the file is fine."""
    folder = path.parent
    where = (
        f"the folder {folder} is read-only"
        if not os.access(folder, os.W_OK | os.X_OK)
        else f"{path} is read-only"
    )
    return HistoryFileError(
        f"Cannot save to the history {path}: {where}. Make it writable.",
        cli_hint="or choose another file with --db PATH",
    )


def full_disk(path: Path) -> HistoryFileError:
    """The one-line message when the disk is full or failing (SQLite's "disk I/O error"
    is what a full disk gives when even a -shm file cannot be made): nothing was saved."""
    return HistoryFileError(
        f"Cannot use the history {path}: the disk is full or failing, so nothing was saved. "
        "Free some space and run the command again."
    )


def busy_file(path: Path) -> HistoryFileError:
    """The one-line message when another writer held the file for the whole wait."""
    return HistoryFileError(
        f"The history database {path} is busy: another Router Advisor kept writing to it "
        f"for {BUSY_TIMEOUT_MS // 1000} seconds. Try again in a moment."
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
            f"{start}; this one knows up to {len(migrations)}). Update Router Advisor.",
            cli_hint="or choose another file with --db PATH",
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


def _prepare(db: sqlite_utils.Database) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")


def _create(path: Path, migrations: tuple[tuple[str, ...], ...]) -> None:
    """Make a whole new database beside `path`, then link it into place: a process that
    starts at the same moment sees no file or a complete one, never half of one."""
    fd, tmp = temp_beside(path)
    os.close(fd)
    try:
        db = sqlite_utils.Database(sqlite3.connect(tmp))
        try:
            _prepare(db)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.enable_wal()
            migrate(db, migrations)
        finally:
            db.close()  # the last connection: the WAL is folded into the file and removed
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process made it first: use theirs
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def open_database(
    path: Path,
    migrations: tuple[tuple[str, ...], ...] = MIGRATIONS,
    *,
    need_write: bool = False,
) -> sqlite_utils.Database:
    """Open (creating or upgrading as needed) the history database at `path`.

    A damaged file is refused before SQLite may write to it. Where the file or its folder
    cannot be written, it opens read-only (reads work; a write says why it failed), unless
    `need_write`, which refuses at once."""
    state = inspect_file(path)
    if state == "ours":
        problem = integrity_problem(path)
        if problem is not None:
            raise unusable_file(path, f"is damaged ({cut(problem, 120)})")
    writable = _can_write(path)
    if not writable and (need_write or state == "new"):
        raise read_only_file(path)
    try:
        if state == "new" and not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            _create(path, migrations)
    except sqlite3.DatabaseError as exc:
        raise _open_failure(path, exc) from exc
    except OSError as exc:
        raise HistoryFileError(f"Cannot create the history {path}: {exc.strerror}.") from exc
    if writable:
        connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        connection = sqlite3.connect(_read_uri(path), uri=True)
    db = sqlite_utils.Database(connection)
    try:
        _prepare(db)
        if writable:
            if state == "new":  # an empty file: written before WAL is on, into the header
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.enable_wal()
            db.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; a kill never corrupts
            migrate(db, migrations)
        elif schema_version(db) != len(migrations):
            raise read_only_file(path)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise _open_failure(path, exc) from exc
    except BaseException:
        db.close()
        raise
    return db


def _open_failure(path: Path, exc: sqlite3.DatabaseError) -> HistoryFileError:
    message = str(exc)
    if isinstance(exc, sqlite3.OperationalError):
        if "locked" in message or "busy" in message:
            return busy_file(path)
        if "readonly" in message or "read-only" in message:
            return read_only_file(path)
        if "full" in message or "disk I/O" in message:
            return full_disk(path)
        if "unable to open" in message:
            return HistoryFileError(f"Cannot open the history {path}: {message}.")
    return unusable_file(path, f"is damaged ({message})")
