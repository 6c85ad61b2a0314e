"""The SQLite catalog: a schema version with numbered migrations, built from data/ and kept current.

Two kinds of tables live here. `routers` and `sources` are derived: rebuilt whenever the
data/ files or the schema version change. `imports` and `import_rows` hold what a person
imported: migrated, never dropped, and applied again after every rebuild.
"""

import contextlib
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from router_advisor.catalog.db_file import (
    APPLICATION_ID,
    CatalogUnusable,
    can_write,
    connect,
    folder_lock,
    loads,
    refuse_if_damaged,
    unusable_guard,
)
from router_advisor.catalog.fields import FIELDS
from router_advisor.catalog.pack_keys import old_kit_keys, pack_key
from router_advisor.catalog.patches import Patch, PatchError, apply_patch
from router_advisor.catalog.records import router_from_flat, sort_key
from router_advisor.catalog.rows import (
    COLUMNS,
    NAMES,
    SELECT,
    read_patches,
    read_records,
    router_rows,
)
from router_advisor.catalog.source import content_hash, load_source
from router_advisor.catalog.validate import Record
from router_advisor.core.router import Router
from router_advisor.errors import RuntimeFailure
from router_advisor.tempfiles import temp_beside

log = logging.getLogger(__name__)

_SQL_TYPES = {
    "str": str,
    "enum": str,
    "month": str,
    "date": str,
    "int": int,
    "bool": int,
    "number": float,
}


def _migration_1(db: sqlite_utils.Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("imports").create(
        {"id": int, "file_name": str, "format": str, "imported_at": str, "rows": int}, pk="id"
    )
    db.table("import_rows").create(
        {
            "import_id": int,
            "position": int,
            "row": int,
            "router_key": str,
            "mode": str,
            "patch_values": str,
            "sources": str,
            "origin": str,
        },
        pk=("import_id", "position"),
        foreign_keys=[("import_id", "imports", "id")],
    )


def _migration_2(db: sqlite_utils.Database) -> None:
    """Issue 12's fields (six kinds, system, regions, coverage_m2, sfp_ports, poe, line,
    discontinued, price_region, firmware.support_counts_from and .supported_as_of): the
    derived tables of schema 1 lack their columns, so they go; the rebuild that runs in the
    same transaction writes them anew. What a person imported is kept as it is."""
    for name in ("sources", "routers"):
        db[name].drop(ignore=True)


def _migration_3(db: sqlite_utils.Database) -> None:
    """A mesh kit's key names its pack size ("tp-link/deco x55/3-pack"), so the 2-pack and
    the 3-pack of one kit are two entries. Imported rows are moved to the kit they named
    (catalog/pack_keys.py); the routers table of schema 2 is still here to say which. A
    schema 1 file has none, and the rebuild then finds a kit sold in one pack size."""
    kits = old_kit_keys(db.conn) or {}
    rows = db.execute("SELECT import_id, position, router_key, patch_values FROM import_rows")
    for import_id, position, key, text in rows.fetchall():
        new_key = pack_key(key, loads(text), kits)
        if new_key != key:
            db.execute(
                "UPDATE import_rows SET router_key = ? WHERE import_id = ? AND position = ?",
                (new_key, import_id, position),
            )


def _migration_4(db: sqlite_utils.Database) -> None:
    """firmware.eol_listed_as_of (on the vendor's end-of-life list, no end date given): the
    derived tables of schema 3 lack its column, so they go; the rebuild in the same
    transaction writes them anew. What a person imported is kept as it is."""
    for name in ("sources", "routers"):
        db[name].drop(ignore=True)


# Migration N takes a database at version N-1 to version N. Append, never edit.
Migration = Callable[[sqlite_utils.Database], None]
MIGRATIONS: tuple[Migration, ...] = (_migration_1, _migration_2, _migration_3, _migration_4)


@dataclass
class BuildReport:
    """What a (re)build did, for the CLI to print and the log to keep."""

    models: int = 0
    patches_applied: int = 0
    skipped: list[str] = field(default_factory=list)
    # After a forced rebuild: imported rows rescued from the set-aside file, or lost.
    recovered: int = 0
    imports_lost: bool = False


class CatalogStore:
    """One open catalog database with the folder of TOML sources it is built from."""

    def __init__(
        self, db_path: Path, source_dir: Path, migrations: Sequence[Migration] = MIGRATIONS
    ) -> None:
        self.db_path, self.source_dir, self.migrations = db_path, source_dir, tuple(migrations)
        self.read_only = not can_write(db_path)
        if not self.read_only and not db_path.exists():
            try:
                _create_first(db_path, source_dir, self.migrations)
            except OSError as exc:
                raise RuntimeFailure(
                    f"cannot create the catalog {db_path}: {exc.strerror}; free some space "
                    "or make the data folder writable"
                ) from None
        self.conn = connect(db_path, self.read_only)
        self.db = sqlite_utils.Database(self.conn)

    @property
    def schema_version(self) -> int:
        return len(self.migrations)

    def close(self) -> None:
        self.conn.close()

    def ensure_current(self) -> BuildReport | None:
        """Migrate and rebuild when the schema or the data/ files changed; None when up to date.

        A catalog that cannot be written is rebuilt in memory (its imports kept): the app
        still reads every model, and only import and build say the folder is read-only."""
        with unusable_guard(self.db_path):
            self._check_identity()
            if self._is_current():
                return None
            if self.read_only:
                self._move_to_memory()
            return self.rebuild(only_if_stale=True)

    def _is_current(self) -> bool:
        with self._snapshot():
            version = self._check_identity()
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")}
            return (
                version == self.schema_version
                and "meta" in tables
                and self._meta("fingerprint") == self._fingerprint()
            )

    def refuse_if_read_only(self, what: str) -> None:
        """Raise the one plain line for a catalog that cannot be changed; `what` failed."""
        if self.read_only:
            folder = self.db_path.parent
            where = (
                f"the data folder {folder} is read-only"
                if not os.access(folder, os.W_OK | os.X_OK)
                else f"the catalog {self.db_path} is read-only"
            )
            raise RuntimeFailure(
                f"{where}, so {what}; make it writable, or set ROUTER_ADVISOR_HOME to a "
                "folder you can write"
            )

    def _move_to_memory(self) -> None:
        """Continue in an in-memory copy: the file's imports over the bundled catalog."""
        patches = self.patches() if self._has_table("import_rows") else []
        self.conn.close()
        self.conn = sqlite3.connect(":memory:", isolation_level=None)
        self.db = sqlite_utils.Database(self.conn)
        with self._transaction():
            self._migrate()
            if patches:
                self._insert_import("kept from the read-only catalog", "recovered", patches)

    def _has_table(self, name: str) -> bool:
        query = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"
        return bool(self.conn.execute(query, (name,)).fetchone()[0])

    def rebuild(self, *, only_if_stale: bool = False) -> BuildReport:
        """Rebuild the derived tables from data/, then apply every imported row again.

        With `only_if_stale`, a catalog that another process brought up to date while this
        one waited for the write lock is left as it is."""
        records = load_source(self.source_dir)  # checked before anything is touched
        fingerprint = self._fingerprint()
        with unusable_guard(self.db_path), self._transaction():
            self._check_identity()
            if only_if_stale and self._is_current():
                return BuildReport(models=len(self.records()))
            self._migrate()
            by_key = {r.key: r for r in records}
            report = BuildReport()
            for patch in self.patches():
                try:
                    apply_patch(by_key, patch)
                    report.patches_applied += 1
                except PatchError as exc:
                    report.skipped.append(f"{patch.origin} row {patch.row}: {exc}")
            self._write_records(by_key.values())
            self.db.table("meta").upsert({"key": "fingerprint", "value": fingerprint}, pk="key")
        report.models = len(by_key)
        for line in report.skipped:
            log.warning("catalog rebuild could not re-apply an import: %s", line)
        return report

    def records(self) -> list[Record]:
        with unusable_guard(self.db_path):
            return read_records(self.conn)

    def routers(self) -> list[Router]:
        """Every model, in the catalog's one order."""
        routers = [router_from_flat(r.values, r.sources) for r in self.records()]
        return sorted(routers, key=sort_key)

    def patches(self) -> list[Patch]:
        return read_patches(self.conn)

    def save_import(
        self, file_name: str, fmt: str, patches: list[Patch], records: Iterable[Record]
    ) -> None:
        """Record an import and write the resulting catalog, in one transaction."""
        with unusable_guard(self.db_path), self._transaction():
            self._insert_import(file_name, fmt, patches)
            self._write_records(records)

    def restore_imports(self, file_name: str, patches: list[Patch]) -> BuildReport:
        """Keep rows recovered from a set-aside catalog as one import, then rebuild with them."""
        with unusable_guard(self.db_path), self._transaction():
            self._migrate()
            self._insert_import(file_name, "recovered", patches)
        return self.rebuild()

    def _insert_import(self, file_name: str, fmt: str, patches: list[Patch]) -> None:
        import_id = (
            self.db.table("imports")
            .insert(
                {
                    "file_name": file_name,
                    "format": fmt,
                    "rows": len(patches),
                    "imported_at": datetime.now().isoformat(timespec="seconds"),
                }
            )
            .last_pk
        )
        self.db.table("import_rows").insert_all(
            {
                "import_id": import_id,
                "position": i,
                "row": p.row,
                "router_key": p.key,
                "mode": p.mode,
                "patch_values": json.dumps(p.values),
                "origin": p.origin,
                "sources": json.dumps(
                    [{"ref": s.ref, "fields": list(s.fields)} for s in p.sources]
                ),
            }
            for i, p in enumerate(patches)
        )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction; BEGIN IMMEDIATE so a second writer waits instead of failing.
        The file is checked first, under the write lock, so nothing is written into a damaged
        catalog (where it could spread the damage to the imports it keeps)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            refuse_if_damaged(self.conn, self.db_path)
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _write_records(self, records: Iterable[Record]) -> None:
        for name in ("sources", "routers"):
            self.db[name].drop(ignore=True)
        columns: dict[str, Any] = {"key": str, "origin": str}
        columns.update({COLUMNS[n]: _SQL_TYPES.get(spec.type, str) for n, spec in FIELDS.items()})
        self.db.table("routers").create(columns, pk="key")
        self.db.table("sources").create(
            {"router_key": str, "position": int, "ref": str, "fields": str},
            pk=("router_key", "position"),
            foreign_keys=[("router_key", "routers", "key")],
        )
        # Plain executemany, not insert_all: the first build of the shipped catalog must stay
        # under 200 ms, and sqlite-utils' per-value checks cost a third of it.
        rows, source_rows = router_rows(records)
        marks = ", ".join("?" * (len(NAMES) + 2))
        self.conn.executemany(f"INSERT INTO routers ({SELECT}) VALUES ({marks})", rows)
        self.conn.executemany(
            "INSERT INTO sources (router_key, position, ref, fields) VALUES (?, ?, ?, ?)",
            source_rows,
        )

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Reads that see one state of the file (inside a write transaction: that one)."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            self.conn.execute("COMMIT")

    def _check_identity(self) -> int:
        """Refuse a file that is not our catalog or is newer than this app; return its version.

        One statement, so all three are read from the same state of the file."""
        app_id, version, tables = self.conn.execute(
            "SELECT (SELECT application_id FROM pragma_application_id), "
            "(SELECT user_version FROM pragma_user_version), "
            "(SELECT count(*) FROM sqlite_master)"
        ).fetchone()
        if app_id != APPLICATION_ID and (app_id or version or tables):
            raise CatalogUnusable(f"{self.db_path} is not a Router Advisor catalog")
        if version > self.schema_version:
            raise CatalogUnusable(
                f"{self.db_path} was made by a newer Router Advisor (schema "
                f"{version}, this one knows {self.schema_version})",
                instead="update the app, or ",
            )
        return int(version)

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version + 1, self.schema_version + 1):
            self.migrations[number - 1](self.db)
            self.conn.execute(f"PRAGMA user_version = {number}")
        self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def _meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _fingerprint(self) -> str:
        return f"schema {self.schema_version}; data {content_hash(self.source_dir)}"


def _create_first(path: Path, source_dir: Path, migrations: Sequence[Migration]) -> None:
    """Build the first catalog beside `path` and link it into place: processes that start
    together each see no file or a whole catalog, never one being built. One builds while
    the others wait for it (a lock on the folder, where the system has one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with folder_lock(path.parent):
        if not path.exists():
            _build_and_link(path, source_dir, migrations)


def _build_and_link(path: Path, source_dir: Path, migrations: Sequence[Migration]) -> None:
    fd, tmp = temp_beside(path)
    os.close(fd)
    try:
        store = CatalogStore(Path(tmp), source_dir, migrations)
        try:
            store.rebuild()
        finally:
            store.close()  # the last connection: the WAL is folded into the file
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process was first: use its catalog
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
    finally:
        for name in (tmp, tmp + "-wal", tmp + "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)
