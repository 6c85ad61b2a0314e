"""The history of runs: save one run in one transaction, read runs back, diff, trend, prune."""

import json
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, cast

import sqlite_utils

from router_advisor.core.current_router import CurrentRouterReport
from router_advisor.core.device_diff import SeenDevice, diff_devices, ip_order
from router_advisor.core.device_identity import (
    KnownIdentity,
    Match,
    match_devices,
    name_key,
    normalize_mac,
)
from router_advisor.core.scan import Device, ScanResult
from router_advisor.core.speed import SpeedResult
from router_advisor.history.database import open_database, open_in_memory, write_transaction
from router_advisor.history.records import DeviceLabel, NewRun, RunDiff, RunSummary, StoredRun

_SUMMARY_COLUMNS = (
    "id, created_at, download_mbps, upload_mbps, idle_latency_ms, loaded_latency_ms, grade, "
    "device_count, top_pick"
)
MAX_ROW_ID = 2**63 - 1  # SQLite's largest integer: no run id can be above it


class RunNotFound(LookupError):
    """No run with that id (never saved, or pruned)."""


class DeviceNotFound(LookupError):
    """No saved scan ever saw that MAC."""


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _loads(text: Any) -> Any:
    """A stored JSON column; a row that is not JSON is a damaged database, said as SQLite
    would say it, so the caller's one message for a damaged file covers it."""
    try:
        return json.loads(text)
    except (TypeError, ValueError, RecursionError):
        raise sqlite3.DatabaseError("a saved row is not valid JSON") from None


def _placeholders(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


# The type each summary column must hold; SQLite would store anything a damaged file holds.
_SUMMARY_TYPES: dict[str, tuple[type, ...]] = {
    "id": (int,),
    "created_at": (str,),
    "download_mbps": (int, float, type(None)),
    "upload_mbps": (int, float, type(None)),
    "idle_latency_ms": (int, float, type(None)),
    "loaded_latency_ms": (int, float, type(None)),
    "grade": (str, type(None)),
    "device_count": (int, type(None)),
    "top_pick": (str, type(None)),
}


def _summary(row: Mapping[str, Any]) -> RunSummary:
    values = {k: row[k] for k in RunSummary.__dataclass_fields__ if k in row}
    for name, value in values.items():
        if not isinstance(value, _SUMMARY_TYPES[name]):
            raise sqlite3.DatabaseError(f"runs.{name} holds a value of the wrong type")
    return RunSummary(**values)


def _shortlist_entry(text: Any) -> dict[str, Any]:
    """A saved shortlist entry, with the names `display_name` reads."""
    entry = _loads(text)
    if not (
        isinstance(entry, dict)
        and isinstance(entry.get("brand"), str)
        and isinstance(entry.get("model"), str)
        and isinstance(entry.get("pack_size"), int)
        and isinstance(entry.get("hardware_revision"), str | None)
    ):
        raise sqlite3.DatabaseError("a saved shortlist is not in the shape the app writes")
    return entry


def _loaded_latency(speed: SpeedResult) -> float | None:
    """The worse of the two loaded latencies: what a video call feels during a big transfer."""
    loaded = [
        v
        for v in (speed.loaded_latency_download_ms, speed.loaded_latency_upload_ms)
        if v is not None
    ]
    return max(loaded) if loaded else None


class HistoryStore:
    """A history database opened for reading and writing. Use as a context manager."""

    def __init__(
        self, path: Path, db: sqlite_utils.Database | None = None, *, need_write: bool = False
    ) -> None:
        self.path = path
        self.db = open_database(path, need_write=need_write) if db is None else db

    @classmethod
    def empty(cls, path: Path) -> "HistoryStore":
        """An empty history in memory standing for `path`, where no history exists yet."""
        return cls(path, open_in_memory())

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "HistoryStore":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------

    def save_run(self, run: NewRun) -> int:
        """Save a whole run atomically and return its id: a kill mid-save leaves no trace."""
        speed, scan = run.speed, run.scan
        speed_data = speed.to_dict() if speed else None  # its rounding, in list and show alike
        with write_transaction(self.db):
            run_id = self._insert(
                "runs",
                {
                    "created_at": run.created_at,
                    "app_version": run.app_version,
                    "download_mbps": speed_data["download_mbps"] if speed_data else None,
                    "upload_mbps": speed_data["upload_mbps"] if speed_data else None,
                    "idle_latency_ms": speed.idle_latency_ms if speed else None,
                    "loaded_latency_ms": _loaded_latency(speed) if speed else None,
                    "grade": speed.bufferbloat_grade if speed else None,
                    "device_count": None,
                    "top_pick": run.top_pick,
                },
            )
            if run.answers is not None:
                self.db.table("answers").insert({"run_id": run_id, "data": _dumps(run.answers)})
            if speed is not None:
                self.db.table("speed_results").insert(
                    {
                        "run_id": run_id,
                        "server_url": speed.server.url if speed.server else None,
                        "data": _dumps(speed_data),
                    }
                )
            if run.recommendation is not None:
                self.db.table("recommendations").insert(
                    {"run_id": run_id, "top_pick": run.top_pick, "data": _dumps(run.recommendation)}
                )
            if scan is not None:
                self._save_scan(run_id, scan)
        return run_id

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        """Insert one row and return its integer primary key."""
        return cast(int, self.db.table(table).insert(row).last_pk)

    def _save_scan(self, run_id: int, scan: ScanResult) -> None:
        meta = scan.to_dict()
        del meta["devices"]
        self.db.table("scans").insert(
            {
                "run_id": run_id,
                "interface": scan.interface,
                "cidr": scan.cidr,
                "gateway": scan.gateway,
                "method": scan.method,
                "data": _dumps(meta),
            }
        )
        matches = match_devices(scan.devices, self._candidates(scan.devices))
        self.db.table("sightings").insert_all(
            self._sighting(run_id, self._identity_for(m), m.device) for m in matches
        )
        self.db.execute("UPDATE runs SET device_count = ? WHERE id = ?", [len(matches), run_id])

    def _candidates(self, devices: Sequence[Device]) -> list[KnownIdentity]:
        """The stored identities a scan's devices could belong to: same MAC or same name key."""
        macs = [normalize_mac(d.mac) for d in devices]
        keys = sorted({k for k in (name_key(d.hostname) for d in devices) if k is not None})
        ids = {
            r[0]
            for r in self.db.execute(
                f"SELECT device_id FROM device_macs WHERE mac IN ({_placeholders(macs)})", macs
            )
        }
        ids |= {
            r[0]
            for r in self.db.execute(
                f"SELECT id FROM devices WHERE name_key IN ({_placeholders(keys)})", keys
            )
        }
        if not ids:
            return []
        wanted = sorted(ids)
        marks = _placeholders(wanted)
        found: dict[int, set[str]] = {i: set() for i in wanted}
        for device_id, mac in self.db.execute(
            f"SELECT device_id, mac FROM device_macs WHERE device_id IN ({marks})", wanted
        ):
            found[device_id].add(mac)
        names = dict(
            self.db.execute(f"SELECT id, name_key FROM devices WHERE id IN ({marks})", wanted)
        )
        return [KnownIdentity(i, frozenset(found[i]), names.get(i)) for i in wanted]

    def _identity_for(self, match: Match) -> int:
        """The identity id for a matched device, creating it or adding its new MAC as needed."""
        key = name_key(match.device.hostname)
        mac = normalize_mac(match.device.mac)
        if match.device_id is None:
            device_id = self._insert("devices", {"name_key": key})
        else:
            device_id = match.device_id
            if key is not None:
                self.db.execute("UPDATE devices SET name_key = ? WHERE id = ?", [key, device_id])
        if match.reason != "mac":
            # A MAC that an identity claimed earlier in this scan moves to the new identity.
            self.db.execute(
                "INSERT INTO device_macs (mac, device_id) VALUES (?, ?) "
                "ON CONFLICT (mac) DO UPDATE SET device_id = excluded.device_id",
                [mac, device_id],
            )
        return device_id

    @staticmethod
    def _sighting(run_id: int, device_id: int, device: Device) -> dict[str, Any]:
        return {
            "run_id": run_id,
            "device_id": device_id,
            "ip": device.ip,
            "mac": normalize_mac(device.mac),
            "hostname": device.hostname,
            "vendor": device.vendor,
            "kind": device.kind,
            "data": _dumps(device.to_dict()),
        }

    def prune(self, keep: int) -> int:
        """Keep the newest `keep` runs; delete older ones, and devices that no kept run saw
        and the person never labelled."""
        with write_transaction(self.db):
            deleted = self.db.execute(
                "DELETE FROM runs WHERE id NOT IN (SELECT id FROM runs ORDER BY id DESC LIMIT ?)",
                [min(keep, MAX_ROW_ID)],
            ).rowcount
            self.db.execute(
                "DELETE FROM devices WHERE id NOT IN (SELECT device_id FROM sightings) "
                "AND id NOT IN (SELECT device_id FROM device_labels)"
            )
        return int(deleted)

    def label_device(
        self, mac: str, change: DeviceLabel, updated_at: str
    ) -> tuple[int, DeviceLabel]:
        """Change the person's label of the device that used `mac`: only the parts `change`
        gives. Return the device's identity id and its whole label now."""
        row = self.db.execute(
            "SELECT device_id FROM device_macs WHERE mac = ?", [normalize_mac(mac)]
        ).fetchone()
        if row is None:
            raise DeviceNotFound(mac)
        device_id = int(row[0])
        with write_transaction(self.db):
            old = self.db.execute(
                "SELECT nullif(name, ''), known, kind FROM device_labels WHERE device_id = ?",
                [device_id],
            ).fetchone()
            before = DeviceLabel(old[0], bool(old[1]), old[2]) if old else DeviceLabel()
            label = change.applied_to(before)
            self.db.table("device_labels").upsert(
                {
                    "device_id": device_id,
                    "name": label.name or "",  # the column predates labels without a name
                    "known": int(bool(label.known)),
                    "kind": label.kind,
                    "updated_at": updated_at,
                },
                pk="device_id",
            )
        return device_id, label

    # --- reading -------------------------------------------------------------------------

    def list_runs(self, limit: int | None = None) -> list[RunSummary]:
        """Runs, newest first."""
        sql = f"SELECT {_SUMMARY_COLUMNS} FROM runs ORDER BY id DESC LIMIT ?"
        limit = -1 if limit is None else min(limit, MAX_ROW_ID)
        return [_summary(r) for r in self.db.query(sql, [limit])]

    def top_entries(self, run_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """The first shortlist entry each run saved (brand, model, ...), by run id."""
        rows = self.db.execute(
            "SELECT run_id, json_extract(data, '$.shortlist[0]') FROM recommendations "
            f"WHERE run_id IN ({_placeholders(run_ids)})",
            list(run_ids),
        )
        return {r[0]: _shortlist_entry(r[1]) for r in rows if r[1] is not None}

    def trend(self) -> list[RunSummary]:
        """Runs, oldest first: how speed, latency, grade and device count moved over time."""
        return list(reversed(self.list_runs()))

    def summary(self, run_id: int) -> RunSummary:
        if not 0 < run_id <= MAX_ROW_ID:
            raise RunNotFound(run_id)
        rows = list(self.db.query(f"SELECT {_SUMMARY_COLUMNS} FROM runs WHERE id = ?", [run_id]))
        if not rows:
            raise RunNotFound(run_id)
        return _summary(rows[0])

    def devices_of(self, run_id: int) -> list[SeenDevice]:
        """A run's devices by IP, with today's labels; a labelled kind replaces the detected one."""
        rows = self.db.execute(
            "SELECT s.device_id, s.ip, s.mac, s.hostname, coalesce(l.kind, s.kind), s.vendor, "
            "nullif(l.name, ''), coalesce(l.known, 0) FROM sightings s "
            "LEFT JOIN device_labels l ON l.device_id = s.device_id WHERE s.run_id = ?",
            [run_id],
        )
        devices = [
            SeenDevice(
                device_id=r[0],
                ip=r[1],
                mac=r[2],
                hostname=r[3],
                kind=r[4],
                vendor=r[5],
                label=r[6],
                known=bool(r[7]),
            )
            for r in rows
        ]
        return sorted(devices, key=ip_order)

    def _json(self, table: str, run_id: int) -> Any:
        row = self.db.execute(f"SELECT data FROM {table} WHERE run_id = ?", [run_id]).fetchone()
        return _loads(row[0]) if row else None

    def get_run(self, run_id: int) -> StoredRun:
        summary = self.summary(run_id)
        devices = self.devices_of(run_id)
        speed = self._json("speed_results", run_id)
        scan = self._json("scans", run_id)
        if scan is not None:
            rows = self.db.execute("SELECT data FROM sightings WHERE run_id = ?", [run_id])
            scan["devices"] = [_loads(r[0]) for r in rows]
        version = self.db.execute("SELECT app_version FROM runs WHERE id = ?", [run_id]).fetchone()[
            0
        ]
        try:
            speed_result = SpeedResult.from_dict(speed) if speed else None
            scan_result = ScanResult.from_dict(scan) if scan else None
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
            raise sqlite3.DatabaseError("a saved run is not in the shape the app writes") from None
        return StoredRun(
            summary=summary,
            app_version=version,
            answers=self._json("answers", run_id),
            speed=speed_result,
            scan=scan_result,
            recommendation=self._json("recommendations", run_id),
            devices=tuple(devices),
        )

    def latest_two(self) -> tuple[int, int] | None:
        """The ids of the two newest runs that scanned the network, older first."""
        rows = self.db.execute(
            "SELECT id FROM runs WHERE device_count IS NOT NULL ORDER BY id DESC LIMIT 2"
        ).fetchall()
        return (rows[1][0], rows[0][0]) if len(rows) == 2 else None

    def diff(self, before: int, after: int) -> RunDiff:
        a, b = self.summary(before), self.summary(after)
        devices = diff_devices(self.devices_of(before), self.devices_of(after))
        return RunDiff(a, b, devices, self._router_name(before), self._router_name(after))

    def _router_name(self, run_id: int) -> str | None:
        """The router in use as the run's scan identified it."""
        scan = self._json("scans", run_id)
        router = scan.get("current_router") if isinstance(scan, dict) else None
        if not isinstance(router, dict):
            return None
        return CurrentRouterReport.from_dict(router).name
