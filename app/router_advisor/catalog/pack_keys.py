"""Imported rows stored before schema 3, when a mesh kit's key had no pack size ("acme/trio"
for what is now "acme/trio/3-pack"), find the kit they were about: a row that added a kit by
its own pack size, a row that changed one by the pack size that kit had in the catalog the
row was imported into (the routers table of the file written then)."""

import sqlite3
from collections.abc import Mapping
from typing import Any

from router_advisor.catalog.validate import record_key

PACK_KEYS_SINCE = 3  # the schema version whose kit keys name the pack size


def old_kit_keys(conn: sqlite3.Connection) -> dict[str, str] | None:
    """Old key -> today's key of each kit in a file written before schema 3 (empty when its
    routers table is gone, as a schema 1 file's is once migrated); None for a current file."""
    if conn.execute("PRAGMA user_version").fetchone()[0] >= PACK_KEYS_SINCE:
        return None
    try:
        rows = conn.execute("SELECT key, pack_size FROM routers WHERE kind = 'mesh'").fetchall()
    except sqlite3.Error:  # no routers table, or one without those columns
        return {}
    return {key: f"{key}/{pack}-pack" for key, pack in rows}


def pack_key(key: str, values: Mapping[str, Any], kits: Mapping[str, str]) -> str:
    """Today's key of an imported row stored under `key` before schema 3."""
    if values.get("kind") == "mesh" and isinstance(values.get("pack_size"), int):
        return record_key(values)
    return kits.get(key, key)
