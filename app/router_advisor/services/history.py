"""Use cases on the history of runs: open the store, save, list, show, diff, trend, prune, label.

Every database problem reaches the person as one plain line (router_advisor.errors), never
a traceback.
"""

import dataclasses
import logging
import re
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from router_advisor import __version__
from router_advisor.core.answers import Answers, answers_to_file_dict
from router_advisor.core.echo import cut
from router_advisor.core.recommend import Recommendation
from router_advisor.core.scan import DEVICE_KINDS, ScanResult
from router_advisor.core.speed import SpeedResult
from router_advisor.core.walk_report import walk_report
from router_advisor.core.wording import kind_from_text, kind_to_type
from router_advisor.errors import RuntimeFailure, UserInputError
from router_advisor.files import is_text
from router_advisor.history.database import (
    busy_file,
    full_disk,
    inspect_file,
    read_only_file,
    unusable_file,
)
from router_advisor.history.records import (
    DETECTED_KIND,
    DeviceLabel,
    NewRun,
    RunDiff,
    RunSummary,
    StoredRun,
)
from router_advisor.history.store import DeviceNotFound, HistoryStore, RunNotFound
from router_advisor.history.walks import WalkStore
from router_advisor.home import data_dir
from router_advisor.report.facts import display_name

log = logging.getLogger(__name__)

DB_NAME = "history.db"
_MAC = re.compile(r"^[0-9a-f]{2}([:-][0-9a-f]{2}){5}$", re.IGNORECASE)
MAX_LABEL_CHARS = 60  # a name that fits a table column; longer ones are a slip of the paste


def default_path() -> Path:
    """The history database in the app's data folder (ROUTER_ADVISOR_HOME when set)."""
    return data_dir() / DB_NAME


def now_iso() -> str:
    """The current time as the store records it: ISO 8601 in UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _translate(path: Path, exc: sqlite3.DatabaseError) -> RuntimeFailure | None:
    """The plain line for an SQLite error met while using the history; None for a bug."""
    message = str(exc)
    if isinstance(exc, sqlite3.OperationalError):
        if "locked" in message or "busy" in message:
            return busy_file(path)
        if "readonly" in message:
            return read_only_file(path)
        if "full" in message or "disk I/O" in message:
            return full_disk(path)
    damaged = ("malformed", "not a database", "no such", "decode", "FOREIGN KEY")
    if type(exc) is sqlite3.DatabaseError or any(word in message for word in damaged):
        return unusable_file(path, f"is damaged ({cut(message, 120)})")
    return None


def _store(path: Path | None, create: bool) -> HistoryStore:
    given = path is not None
    path = path or default_path()
    if create:
        if given and not path.parent.is_dir():
            raise UserInputError(
                f"The folder {path.parent} does not exist; create it first",
                cli_hint="or choose another --db path",
            )
        return HistoryStore(path, need_write=True)
    if inspect_file(path) == "ours":
        return HistoryStore(path)
    if given and not path.exists():
        raise UserInputError(
            f"There is no history at {path}; check the path",
            cli_hint="or leave out --db to use the history in the data folder",
        )
    return HistoryStore.empty(path)


@contextmanager
def open_history(path: Path | None = None, *, create: bool = True) -> Iterator[HistoryStore]:
    """Open the history at `path` (default: the data folder) for the length of a `with`.

    With `create` False (commands that only read or change saved runs) no file or folder
    is made: where no history exists yet, the default one reads as empty and a --db path
    is refused."""
    store = _store(path, create)
    path = store.path
    log.info("history: %s", path)
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
    answers: Answers,
    speed: SpeedResult | None,
    scan: ScanResult | None,
    recommendation: Recommendation | None,
    labels: Mapping[str, str] | None = None,
) -> int:
    """Save one finished run, the one way both `router-advisor run` and the desktop app do:
    the answers in the answers-file shape, what was measured (None: skipped), the
    recommendation and its top pick, stamped with the time and this app's version; the
    current walk test, when it has rooms and no run yet; then the names the person gave
    devices (MAC -> name, marked as known). Return the run's id."""
    rec = recommendation
    run = NewRun(
        created_at=now_iso(),
        app_version=__version__,
        answers=answers_to_file_dict(answers),
        speed=speed,
        scan=scan,
        recommendation=rec.to_dict() if rec is not None else None,
        top_pick=rec.shortlist[0].router.key if rec is not None and rec.shortlist else None,
    )
    run_id = store.save_run(run)
    WalkStore(store.db).attach_current(run_id)  # the walk made for this run is kept with it
    for mac, name in (labels or {}).items():
        label_device(store, mac, name, known=True)
    return run_id


def _named(store: HistoryStore, runs: list[RunSummary]) -> list[RunSummary]:
    """The runs with their top pick's name as the saved shortlist gave it."""
    entries = store.top_entries([r.id for r in runs])
    return [
        dataclasses.replace(r, top_pick_name=display_name(entries[r.id])) if r.id in entries else r
        for r in runs
    ]


def list_runs(store: HistoryStore, limit: int | None = None) -> list[RunSummary]:
    """Runs newest first, each with its top pick's name."""
    if limit is not None and limit < 1:
        raise UserInputError("--limit must be 1 or more.")
    return _named(store, store.list_runs(limit))


def _no_run(run_id: int) -> UserInputError:
    return UserInputError(
        f"There is no run {run_id} in the history (never saved, or pruned). "
        "`router-advisor history list` shows the saved runs."
    )


def show_run(store: HistoryStore, run_id: int) -> StoredRun:
    """Everything saved for one run, its top pick with its name, and the walk test kept
    with it."""
    try:
        run = store.get_run(run_id)
    except RunNotFound:
        raise _no_run(run_id) from None
    walk = WalkStore(store.db).of_run(run_id)
    return dataclasses.replace(
        run,
        summary=_named(store, [run.summary])[0],
        walk=walk_report(walk) if walk is not None else None,
    )


def diff_runs(store: HistoryStore, before: int | None = None, after: int | None = None) -> RunDiff:
    """Compare two runs' devices; without ids, the two newest runs that scanned the network.
    Two ids are put in time order (older first), whichever way they were given: "new" and
    "gone" always mean since the older run."""
    if before is None or after is None:
        latest = store.latest_two()
        if latest is None:
            raise UserInputError(
                "There are fewer than two runs with a network scan to compare. "
                "Run `router-advisor run` again later, then compare."
            )
        before, after = latest
    if before == after:
        raise UserInputError(
            f"Both run ids are {before}; give two different runs to compare "
            "(`router-advisor history list` shows them)."
        )
    try:
        for run_id in (before, after):
            if store.summary(run_id).device_count is None:
                raise UserInputError(
                    f"Run {run_id} has no network scan; pick two runs that scanned "
                    "(`router-advisor history list` shows them)."
                )
        older, newer = sorted(
            (before, after), key=lambda run_id: (store.summary(run_id).created_at, run_id)
        )
        return store.diff(older, newer)
    except RunNotFound as exc:
        raise _no_run(int(exc.args[0])) from None


def trend(store: HistoryStore) -> list[RunSummary]:
    """Runs oldest first, each with its top pick's name."""
    return _named(store, store.trend())


def prune(store: HistoryStore, keep: int) -> int:
    """Delete all but the newest `keep` runs; return how many were deleted."""
    if keep < 1:
        raise UserInputError("--keep must be 1 or more (the newest runs to keep).")
    return store.prune(keep)


def _label_kind(kind: str) -> str:
    wanted = kind.strip().lower()
    if wanted == DETECTED_KIND:
        return DETECTED_KIND
    found = kind_from_text(wanted)
    if found is None:
        words = ", ".join(kind_to_type(k) for k in DEVICE_KINDS)
        raise UserInputError(
            f"Unknown kind '{kind}'; choose one of: {words}, "
            f"or {DETECTED_KIND} to go back to the kind the scan found."
        )
    return found


def label_device(
    store: HistoryStore,
    mac: str,
    name: str | None = None,
    known: bool | None = None,
    kind: str | None = None,
) -> tuple[int, DeviceLabel]:
    """Change the person's label of the device that used `mac`; only the parts given change.
    The label follows the device. Return its identity id and its whole label now."""
    if not _MAC.match(mac.strip()):
        raise UserInputError(f"'{mac}' is not a MAC address; write it like aa:bb:cc:dd:ee:ff.")
    if name is not None:
        name = name.strip()
        if not name:
            raise UserInputError("A device's name must not be empty.", cli_hint="--name gives it")
        if len(name) > MAX_LABEL_CHARS:
            raise UserInputError(
                f"The name is {len(name)} characters long; keep it to {MAX_LABEL_CHARS}."
            )
        if not is_text(name):
            raise UserInputError(
                "The name holds bytes that are not text (not UTF-8); type it again."
            )
    if name is None and known is None and kind is None:
        raise UserInputError("Say what to change: --name, --known or --not-known, or --kind.")
    change = DeviceLabel(name, known, None if kind is None else _label_kind(kind))
    try:
        return store.label_device(mac, change, now_iso())
    except DeviceNotFound:
        raise UserInputError(
            f"No saved scan has seen a device with MAC {mac}. "
            "`router-advisor history show ID` lists the MACs a run saw."
        ) from None
