"""The catalog database file: recognise it before SQLite opens it, open it for writing or
read-only, tell damage from a lock, and set an unusable file aside.

A file that is not ours is refused from its header alone, so it gets no -wal/-shm files.
"""

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from router_advisor.core.echo import cut
from router_advisor.errors import RuntimeFailure

APPLICATION_ID = 0x52414354  # "RACT": marks a file as a Router Advisor catalog
BUSY_TIMEOUT_S = 10
# What to do about an unusable catalog file, in words both front ends can show: the
# desktop app offers it as a button (Recommendations, "Rebuild the catalog"), the CLI adds
# its command (`cli_hint`).
REBUILD_ACTION = "set it aside and rebuild it from the catalog that comes with the app"
REBUILD_COMMAND = "run `router-advisor catalog build --force` to do that"


class CatalogUnusable(RuntimeFailure):
    """The database file is damaged, foreign or from a newer app: it can only be set aside.
    The message ends with what to do in plain words; the CLI's command is the `cli_hint`."""

    def __init__(self, problem: str, instead: str = "") -> None:
        """`instead`: a better way out, said first ("update the app, or ")."""
        super().__init__(f"{problem}; {instead}{REBUILD_ACTION}", cli_hint=REBUILD_COMMAND)


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` (flock on the folder itself: no lock file left
    behind). Where flock does not exist, nothing is locked and the atomic link still keeps
    readers from half a catalog."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def can_write(path: Path) -> bool:
    folder = path.parent
    if not folder.exists():
        return os.access(folder.parent, os.W_OK | os.X_OK)
    folder_ok = os.access(folder, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def _check_file(path: Path) -> None:
    """Refuse, by reading its header only, a file that is not an SQLite database or is
    another program's: SQLite never opens it, so it gets no -wal/-shm files beside it."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return
    except OSError as exc:  # a folder, no permission
        raise RuntimeFailure(f"cannot read the catalog {path}: {exc.strerror}") from None
    if not header:
        return
    if not header.startswith(b"SQLite format 3\0"):
        raise sqlite3.DatabaseError("file is not a database")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and _has_tables(path)):
        raise CatalogUnusable(f"{path} is not a Router Advisor catalog")


def _has_tables(path: Path) -> bool:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        return bool(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
    finally:
        conn.close()


def connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    """A connection to the catalog file; read-only (or in memory, when there is no file
    yet) where it cannot be written."""
    with unusable_guard(path):
        _check_file(path)
        if read_only:
            if not path.exists():
                return sqlite3.connect(":memory:", isolation_level=None)
            wal = path.with_name(path.name + "-wal").exists()
            uri = f"{path.resolve().as_uri()}?{'mode=ro' if wal else 'immutable=1'}"
            return sqlite3.connect(uri, uri=True, isolation_level=None)
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn


class unusable_guard:
    """Turn SQLite's "malformed"/"not a database" errors into one plain line with the fix."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> None:
        if isinstance(exc, sqlite3.DatabaseError) and _is_damage(exc):
            raise CatalogUnusable(
                f"the catalog database {self.path} is damaged ({cut(str(exc), 120)})"
            ) from exc
        if isinstance(exc, sqlite3.OperationalError) and any(
            word in str(exc) for word in ("full", "disk I/O")
        ):
            raise RuntimeFailure(
                f"the disk holding {self.path} is full or failing, so the catalog was not "
                "changed; free some space and try again"
            ) from exc
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            raise RuntimeFailure(
                f"the catalog database {self.path} is busy: another Router Advisor kept it "
                f"locked for {BUSY_TIMEOUT_S} seconds; try again in a moment"
            ) from exc


def refuse_if_damaged(conn: sqlite3.Connection, path: Path) -> None:
    """Raise CatalogUnusable when SQLite's quick_check finds the file damaged.

    Run before every write, inside its transaction: under 1 ms on the shipped catalog, and
    writes are rare (a build, an import), so nothing is cached. Damage so bad that the check
    itself fails raises sqlite3.DatabaseError, which `unusable_guard` words. (Rows of the
    derived tables that disagree are no damage to the file: the write rebuilds them.)"""
    found = conn.execute("PRAGMA quick_check").fetchall()
    if found == [("ok",)]:
        return
    lines = [line for row in found for line in str(row[0]).splitlines()]
    problem = "; ".join(x for x in lines if not x.startswith("***"))  # "*** in database main"
    raise CatalogUnusable(
        f"the catalog database {path} is damaged (quick_check: {cut(problem, 120)})"
    )


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """Damage, as opposed to a lock or a full disk: malformed pages, missing tables,
    undecodable rows, broken references."""
    if not isinstance(exc, sqlite3.OperationalError):
        return True
    return any(w in str(exc) for w in ("malformed", "no such", "decode", "not a database"))


def loads(text: Any) -> Any:
    """A stored JSON column; one that is not JSON is a damaged catalog."""
    try:
        return json.loads(text)
    except (TypeError, ValueError, RecursionError):
        raise sqlite3.DatabaseError("a stored row is not valid JSON") from None


def set_aside(path: Path) -> Path:
    """Move an unusable database (and its WAL files) aside under a dated name; never delete."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.broken-{stamp}-{number}")
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    path.rename(target)
    return target
