"""The SQLite catalog: a schema version with numbered migrations, built from data/ and kept current.

Two kinds of tables live here. `routers` and `sources` are derived: rebuilt whenever the
data/ files or the schema version change. `imports` and `import_rows` hold what a person
imported: migrated, never dropped, and applied again after every rebuild.
"""

import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from router_advisor.catalog.fields import FIELDS
from router_advisor.catalog.patches import Patch, PatchError, apply_patch
from router_advisor.catalog.records import router_from_flat, sort_key
from router_advisor.catalog.source import content_hash, load_source
from router_advisor.catalog.validate import Record
from router_advisor.core.router import Router, Source
from router_advisor.errors import RuntimeFailure

log = logging.getLogger(__name__)

APPLICATION_ID = 0x52414354  # "RACT": marks a file as a Router Advisor catalog
REBUILD_HINT = (
    "run `router-advisor catalog build --force` to set it aside and rebuild it from the "
    "catalog that comes with the app"
)
_SQL_TYPES = {
    "str": str,
    "enum": str,
    "month": str,
    "date": str,
    "int": int,
    "bool": int,
    "number": float,
}
# DB column of each flat field: dots become underscores (`qos.sqm` -> `qos_sqm`).
COLUMNS: dict[str, str] = {name: name.replace(".", "_") for name in FIELDS}


class CatalogUnusable(RuntimeFailure):
    """The database file is damaged, foreign or from a newer app: it can only be set aside."""


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


# Migration N takes a database at version N-1 to version N. Append, never edit.
Migration = Callable[[sqlite_utils.Database], None]
MIGRATIONS: tuple[Migration, ...] = (_migration_1, _migration_2)


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
        self.conn = _connect(db_path)
        self.db = sqlite_utils.Database(self.conn)

    @property
    def schema_version(self) -> int:
        return len(self.migrations)

    def close(self) -> None:
        self.conn.close()

    def ensure_current(self) -> BuildReport | None:
        """Migrate and rebuild when the schema or the data/ files changed; None when up to date."""
        with _unusable_guard(self.db_path):
            version = self._check_identity()
            if version == self.schema_version and self._meta("fingerprint") == self._fingerprint():
                return None
            return self.rebuild()

    def rebuild(self) -> BuildReport:
        """Rebuild the derived tables from data/, then apply every imported row again."""
        records = load_source(self.source_dir)  # checked before anything is touched
        fingerprint = self._fingerprint()
        with _unusable_guard(self.db_path):
            self._check_identity()
            with self._transaction():
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
        with _unusable_guard(self.db_path):
            return _read_records(self.conn)

    def routers(self) -> list[Router]:
        """Every model, in the catalog's one order."""
        routers = [router_from_flat(r.values, r.sources) for r in self.records()]
        return sorted(routers, key=sort_key)

    def patches(self) -> list[Patch]:
        return _read_patches(self.conn)

    def save_import(
        self, file_name: str, fmt: str, patches: list[Patch], records: Iterable[Record]
    ) -> None:
        """Record an import and write the resulting catalog, in one transaction."""
        with _unusable_guard(self.db_path), self._transaction():
            self._insert_import(file_name, fmt, patches)
            self._write_records(records)

    def restore_imports(self, file_name: str, patches: list[Patch]) -> BuildReport:
        """Keep rows recovered from a set-aside catalog as one import, then rebuild with them."""
        with _unusable_guard(self.db_path), self._transaction():
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
        """One write transaction; BEGIN IMMEDIATE so a second writer waits instead of failing."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
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
        rows: list[dict[str, Any]] = []
        source_rows: list[dict[str, Any]] = []
        for record in records:
            row: dict[str, Any] = {"key": record.key, "origin": record.origin}
            for name, value in record.values.items():
                row[COLUMNS[name]] = json.dumps(value) if isinstance(value, list | dict) else value
            rows.append(row)
            source_rows.extend(
                {
                    "router_key": record.key,
                    "position": i,
                    "ref": s.ref,
                    "fields": json.dumps(list(s.fields)),
                }
                for i, s in enumerate(record.sources)
            )
        self.db.table("routers").insert_all(rows)
        self.db.table("sources").insert_all(source_rows)

    def _check_identity(self) -> int:
        """Refuse a file that is not our catalog or is newer than this app; return its version."""
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != APPLICATION_ID and (app_id or version or tables):
            raise CatalogUnusable(f"{self.db_path} is not a Router Advisor catalog; {REBUILD_HINT}")
        if version > self.schema_version:
            raise CatalogUnusable(
                f"{self.db_path} was made by a newer Router Advisor (schema "
                f"{version}, this one knows {self.schema_version}); update the "
                f"app, or {REBUILD_HINT}"
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


def _connect(path: Path) -> sqlite3.Connection:
    with _unusable_guard(path):
        if (
            path.exists()
            and path.stat().st_size
            and path.open("rb").read(16) != b"SQLite format 3\0"
        ):
            raise sqlite3.DatabaseError("file is not a database")
        conn = sqlite3.connect(path, isolation_level=None, timeout=10)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn


class _unusable_guard:
    """Turn SQLite's "malformed"/"not a database" errors into one plain line with the fix."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> None:
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
            raise CatalogUnusable(
                f"the catalog database {self.path} is damaged ({exc}); {REBUILD_HINT}"
            ) from exc


# How each column turns back into a value: JSON text for lists and tables, 0/1 for booleans.
_JSON_TYPES = ("bands", "streams", "int_list", "str_list", "regions")
_DECODERS: list[tuple[str, Callable[[Any], Any] | None]] = [
    (name, json.loads if spec.type in _JSON_TYPES else bool if spec.type == "bool" else None)
    for name, spec in FIELDS.items()
]
_SELECT = ", ".join(["key", "origin", *COLUMNS.values()])


def _read_records(conn: sqlite3.Connection) -> list[Record]:
    """Every stored record; written for speed, since the GUI and recommender call it often."""
    sources: dict[str, list[Source]] = {}
    for key, ref, fields in conn.execute(
        "SELECT router_key, ref, fields FROM sources ORDER BY router_key, position"
    ):
        sources.setdefault(key, []).append(Source(ref=ref, fields=tuple(json.loads(fields))))
    records = []
    for row in conn.execute(f"SELECT {_SELECT} FROM routers"):
        values = {}
        for (name, decode), value in zip(_DECODERS, row[2:], strict=True):
            if value is not None:
                values[name] = decode(value) if decode else value
        records.append(Record(values=values, sources=tuple(sources.get(row[0], ())), origin=row[1]))
    return records


def _read_patches(conn: sqlite3.Connection) -> list[Patch]:
    rows = conn.execute(
        "SELECT router_key, mode, patch_values, sources, origin, row FROM import_rows "
        "ORDER BY import_id, position"
    ).fetchall()
    return [
        Patch(
            key=k,
            mode=m,
            values=json.loads(v),
            origin=o,
            row=n,
            sources=tuple(Source(s["ref"], tuple(s["fields"])) for s in json.loads(src)),
        )
        for k, m, v, src, o, n in rows
    ]


def recover_patches(path: Path) -> list[Patch] | None:
    """The imported rows still readable in a set-aside catalog file; None when they are lost."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        return _read_patches(conn) if "import_rows" in tables else []
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return None
    finally:
        conn.close()


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
