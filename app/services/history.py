"""Use cases on the history of runs: open the store, save, list, show, diff, trend, prune, label.

Every database problem reaches the person as one plain line (app.errors), never a traceback.
"""

import re
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app import __version__
from app.core.scan import DEVICE_KINDS, ScanResult
from app.core.speed import SpeedResult
from app.errors import RuntimeFailure, UserInputError
from app.history.database import HistoryFileError, unusable_file
from app.history.records import DeviceLabel, NewRun, RunDiff, RunSummary, StoredRun
from app.history.store import DeviceNotFound, HistoryStore, RunNotFound
from app.home import data_dir

DB_NAME = "history.db"
_MAC = re.compile(r"^[0-9a-f]{2}([:-][0-9a-f]{2}){5}$", re.IGNORECASE)


def default_path() -> Path:
    """The history database in the app's data folder (ROUTER_ADVISOR_HOME when set)."""
    return data_dir() / DB_NAME


def now_iso() -> str:
    """The current time as the store records it: ISO 8601 in UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _translate(path: Path, exc: sqlite3.DatabaseError) -> RuntimeFailure | None:
    message = str(exc)
    if isinstance(exc, sqlite3.OperationalError) and ("locked" in message or "busy" in message):
        return HistoryFileError(
            f"The history database {path} is busy: another Router Advisor is writing to it. "
            "Try again in a moment."
        )
    if type(exc) is sqlite3.DatabaseError or any(
        word in message for word in ("malformed", "not a database", "disk I/O")
    ):
        return unusable_file(path, f"is damaged ({message})")
    return None


@contextmanager
def open_history(path: Path | None = None) -> Iterator[HistoryStore]:
    """Open the history at `path` (default: the data folder) for the length of a `with`."""
    path = path or default_path()
    store = HistoryStore(path)
    try:
        yield store
    except sqlite3.DatabaseError as exc:
        failure = _translate(path, exc)
        if failure is None:
            raise
        raise failure from exc
    finally:
        store.close()


def save_run(
    store: HistoryStore,
    *,
    answers: Mapping[str, Any] | None,
    speed: SpeedResult | None,
    scan: ScanResult | None,
    recommendation: Mapping[str, Any] | None,
    top_pick: str | None,
) -> int:
    """Save one finished run, stamped with the time and this app's version; return its id."""
    run = NewRun(
        created_at=now_iso(),
        app_version=__version__,
        answers=answers,
        speed=speed,
        scan=scan,
        recommendation=recommendation,
        top_pick=top_pick,
    )
    return store.save_run(run)


def list_runs(store: HistoryStore, limit: int | None = None) -> list[RunSummary]:
    if limit is not None and limit < 1:
        raise UserInputError("--limit must be 1 or more.")
    return store.list_runs(limit)


def _no_run(run_id: int) -> UserInputError:
    return UserInputError(
        f"There is no run {run_id} in the history (never saved, or pruned). "
        "`router-advisor history list` shows the saved runs."
    )


def show_run(store: HistoryStore, run_id: int) -> StoredRun:
    try:
        return store.get_run(run_id)
    except RunNotFound:
        raise _no_run(run_id) from None


def diff_runs(store: HistoryStore, before: int | None = None, after: int | None = None) -> RunDiff:
    """Compare two runs' devices; without ids, the two newest runs that scanned the network."""
    if before is None or after is None:
        latest = store.latest_two()
        if latest is None:
            raise UserInputError(
                "There are fewer than two runs with a network scan to compare. "
                "Run `router-advisor run` again later, then compare."
            )
        before, after = latest
    try:
        return store.diff(before, after)
    except RunNotFound as exc:
        raise _no_run(int(exc.args[0])) from None


def trend(store: HistoryStore) -> list[RunSummary]:
    return store.trend()


def prune(store: HistoryStore, keep: int) -> int:
    """Delete all but the newest `keep` runs; return how many were deleted."""
    if keep < 1:
        raise UserInputError("--keep must be 1 or more (the newest runs to keep).")
    return store.prune(keep)


def label_device(
    store: HistoryStore, mac: str, name: str, known: bool = False, kind: str | None = None
) -> int:
    """Give the device that used `mac` the person's name (and kind); it follows the device."""
    if not _MAC.match(mac.strip()):
        raise UserInputError(f"'{mac}' is not a MAC address; write it like aa:bb:cc:dd:ee:ff.")
    if not name.strip():
        raise UserInputError("--name must not be empty.")
    if kind is not None and kind not in DEVICE_KINDS:
        raise UserInputError(f"Unknown kind '{kind}'; choose one of: {', '.join(DEVICE_KINDS)}.")
    try:
        return store.label_device(mac, DeviceLabel(name.strip(), known, kind), now_iso())
    except DeviceNotFound:
        raise UserInputError(
            f"No saved scan has seen a device with MAC {mac}. "
            "`router-advisor history show ID` lists the MACs a run saw."
        ) from None
