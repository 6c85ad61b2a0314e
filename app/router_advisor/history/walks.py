"""Walk tests in the history: start a walk, add and undo stops, read walks back, and attach
the current walk to the wizard run it belongs to. Each write is one transaction."""

import json
import sqlite3
from typing import Any

import sqlite_utils

from router_advisor.core.walk import Walk, WalkStop
from router_advisor.history.database import write_transaction


class WalkNotFound(LookupError):
    """No walk with that id."""


def _loads(text: Any) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError, RecursionError):
        raise sqlite3.DatabaseError("a saved row is not valid JSON") from None


class WalkStore:
    """The walks of one history database (the HistoryStore's connection)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def new_walk(self, started_at: str) -> int:
        with write_transaction(self.db):
            cursor = self.db.execute("INSERT INTO walks (started_at) VALUES (?)", [started_at])
        return int(cursor.lastrowid or 0)

    def current_id(self) -> int | None:
        """The newest walk: the one `walk measure` adds to."""
        row = self.db.execute("SELECT max(id) FROM walks").fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def add_stop(self, walk_id: int, stop: WalkStop) -> int:
        """Append `stop`; return its position (1 for the first room)."""
        data = json.dumps(stop.to_record(), ensure_ascii=False, sort_keys=True)
        with write_transaction(self.db):
            if self.db.execute("SELECT 1 FROM walks WHERE id = ?", [walk_id]).fetchone() is None:
                raise WalkNotFound(walk_id)
            row = self.db.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM walk_stops WHERE walk_id = ?",
                [walk_id],
            ).fetchone()
            position = int(row[0])
            self.db.execute(
                "INSERT INTO walk_stops (walk_id, position, room, data) VALUES (?, ?, ?, ?)",
                [walk_id, position, stop.room, data],
            )
        return position

    def undo_last(self, walk_id: int) -> WalkStop | None:
        """Remove the walk's last stop and return it (None when it had none)."""
        with write_transaction(self.db):
            row = self.db.execute(
                "SELECT position, data FROM walk_stops WHERE walk_id = ? "
                "ORDER BY position DESC LIMIT 1",
                [walk_id],
            ).fetchone()
            if row is None:
                return None
            self.db.execute(
                "DELETE FROM walk_stops WHERE walk_id = ? AND position = ?", [walk_id, row[0]]
            )
        return _stop(row[1])

    def get(self, walk_id: int) -> Walk:
        row = self.db.execute(
            "SELECT id, started_at, run_id FROM walks WHERE id = ?", [walk_id]
        ).fetchone()
        if row is None:
            raise WalkNotFound(walk_id)
        stops = self.db.execute(
            "SELECT data FROM walk_stops WHERE walk_id = ? ORDER BY position", [walk_id]
        ).fetchall()
        return Walk(int(row[0]), str(row[1]), tuple(_stop(s[0]) for s in stops), row[2])

    def before(self, walk_id: int) -> Walk | None:
        """The newest earlier walk that has stops: what a later walk is compared with."""
        row = self.db.execute(
            "SELECT max(w.id) FROM walks w WHERE w.id < ? "
            "AND EXISTS (SELECT 1 FROM walk_stops s WHERE s.walk_id = w.id)",
            [walk_id],
        ).fetchone()
        return None if row is None or row[0] is None else self.get(int(row[0]))

    def list_walks(self) -> list[tuple[int, str, int, int | None]]:
        """(id, started_at, stops, run_id) newest first."""
        rows = self.db.execute(
            "SELECT w.id, w.started_at, count(s.position), w.run_id FROM walks w "
            "LEFT JOIN walk_stops s ON s.walk_id = w.id GROUP BY w.id ORDER BY w.id DESC"
        ).fetchall()
        return [(int(r[0]), str(r[1]), int(r[2]), r[3]) for r in rows]

    def of_run(self, run_id: int) -> Walk | None:
        row = self.db.execute("SELECT max(id) FROM walks WHERE run_id = ?", [run_id]).fetchone()
        return None if row is None or row[0] is None else self.get(int(row[0]))

    def attach_current(self, run_id: int) -> int | None:
        """Keep the current walk with run `run_id` when it has stops and no run yet; return
        its id (None when there is no such walk)."""
        with write_transaction(self.db):
            row = self.db.execute(
                "SELECT w.id FROM walks w WHERE w.id = (SELECT max(id) FROM walks) "
                "AND w.run_id IS NULL "
                "AND EXISTS (SELECT 1 FROM walk_stops s WHERE s.walk_id = w.id)"
            ).fetchone()
            if row is None:
                return None
            self.db.execute("UPDATE walks SET run_id = ? WHERE id = ?", [run_id, row[0]])
        return int(row[0])


def _stop(text: Any) -> WalkStop:
    data = _loads(text)
    try:
        return WalkStop.from_record(data)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise sqlite3.DatabaseError(
            "a saved walk stop is not in the shape the app writes"
        ) from None
