"""Stored catalog rows back into values: records (the catalog's models) and imported rows.

A row that does not decode (not JSON, not the shape the app writes) is a damaged catalog:
sqlite3.DatabaseError, which the store turns into its one plain line.
"""

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from router_advisor.catalog.db_file import loads
from router_advisor.catalog.fields import FIELDS
from router_advisor.catalog.pack_keys import old_kit_keys, pack_key
from router_advisor.catalog.patches import Patch
from router_advisor.catalog.validate import Record
from router_advisor.core.router import Source

# DB column of each flat field: dots become underscores (`qos.sqm` -> `qos_sqm`).
COLUMNS: dict[str, str] = {name: name.replace(".", "_") for name in FIELDS}

# How each column turns back into a value: JSON text for lists and tables, 0/1 for booleans.
_JSON_TYPES = ("bands", "streams", "int_list", "str_list", "regions")
NAMES = tuple(FIELDS)
_JSON_FIELDS = frozenset(n for n, spec in FIELDS.items() if spec.type in _JSON_TYPES)
_BOOL_FIELDS = frozenset(n for n, spec in FIELDS.items() if spec.type == "bool")
SELECT = ", ".join(["key", "origin", *COLUMNS.values()])


_COLUMN_OF = {name: number for number, name in enumerate(NAMES, start=2)}


def router_rows(records: Iterable[Record]) -> tuple[list[list[Any]], list[tuple[Any, ...]]]:
    """The `routers` rows (key, origin, then a column per field: SELECT's order) and the
    `sources` rows of `records`. Lists and tables are stored as JSON text, booleans as 0/1
    (sqlite3 binds True as 1). Written for the first build's budget (issue 12: < 200 ms):
    the same list (["2.4", "5"], a source's fields) recurs hundreds of times, so each
    distinct one is encoded once."""
    encoded: dict[tuple[Any, ...], str] = {}
    rows: list[list[Any]] = []
    source_rows: list[tuple[Any, ...]] = []
    empty: list[Any] = [None] * (len(NAMES) + 2)
    for record in records:
        row = empty.copy()
        row[0], row[1] = record.key, record.origin
        for name, value in record.values.items():
            if isinstance(value, list):
                items = tuple(value)
                text = encoded.get(items)
                if text is None:
                    text = encoded[items] = json.dumps(value)
                value = text
            elif isinstance(value, dict):
                value = json.dumps(value)
            row[_COLUMN_OF[name]] = value
        rows.append(row)
        for position, source in enumerate(record.sources):
            text = encoded.get(source.fields)
            if text is None:
                text = encoded[source.fields] = json.dumps(source.fields)
            source_rows.append((record.key, position, source.ref, text))
    return rows, source_rows


def read_records(conn: sqlite3.Connection) -> list[Record]:
    """Every stored record. Written for speed (issue 12: the shipped catalog loads in under
    20 ms; the GUI and the recommender call it often): the same JSON text (["2.4", "5"],
    a source's field list) recurs hundreds of times, so each distinct text is decoded once
    per read and copied, and a (ref, fields) pair becomes one shared, immutable Source."""
    decoded: dict[str, Any] = {}
    field_lists: dict[str, tuple[str, ...]] = {}
    shared: dict[tuple[str, str], Source] = {}
    sources: dict[str, list[Source]] = {}
    # rowid order is the order written: by router, then by position.
    for key, ref, fields in conn.execute(
        "SELECT router_key, ref, fields FROM sources ORDER BY rowid"
    ):
        source = shared.get((ref, fields))
        if source is None:
            if fields not in field_lists:
                field_lists[fields] = tuple(loads(fields))
            source = shared[ref, fields] = Source(ref=ref, fields=field_lists[fields])
        sources.setdefault(key, []).append(source)
    records = []
    for row in conn.execute(f"SELECT {SELECT} FROM routers"):
        values = {
            name: value for name, value in zip(NAMES, row[2:], strict=True) if value is not None
        }
        for name in _JSON_FIELDS.intersection(values):
            text = values[name]
            if text not in decoded:
                decoded[text] = loads(text)
            value = decoded[text]
            if not isinstance(value, dict | list):
                raise sqlite3.DatabaseError("a stored row is not in the shape the app writes")
            values[name] = dict(value) if isinstance(value, dict) else list(value)
        for name in _BOOL_FIELDS.intersection(values):
            values[name] = bool(values[name])
        records.append(Record(values=values, sources=tuple(sources.get(row[0], ())), origin=row[1]))
    return records


def read_patches(conn: sqlite3.Connection) -> list[Patch]:
    """The imported rows in order; from a file older than schema 3 (a read-only or set-aside
    catalog) each under today's key of the kit it named (catalog/pack_keys.py)."""
    rows = conn.execute(
        "SELECT router_key, mode, patch_values, sources, origin, row FROM import_rows "
        "ORDER BY import_id, position"
    ).fetchall()
    kits = old_kit_keys(conn)
    try:
        patches = []
        for k, m, v, src, o, n in rows:
            values = loads(v)
            patches.append(
                Patch(
                    key=k if kits is None else pack_key(k, values, kits),
                    mode=m,
                    values=values,
                    origin=o,
                    row=n,
                    sources=tuple(Source(s["ref"], tuple(s["fields"])) for s in loads(src)),
                )
            )
        return patches
    except (KeyError, TypeError):
        raise sqlite3.DatabaseError(
            "a stored import row is not in the shape the app writes"
        ) from None


def recover_patches(path: Path) -> list[Patch] | None:
    """The imported rows still readable in a set-aside catalog file; None when they are lost."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        return read_patches(conn) if "import_rows" in tables else []
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return None
    finally:
        conn.close()
