"""A process killed at random moments while saving leaves whole runs only, and a sound file."""

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from router_advisor.history.store import HistoryStore

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
KILLS = 50


def _start_saver(db: Path, seed: int) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.history.save_forever", str(db), str(seed)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
    )
    assert proc.stdout is not None
    readable, _, _ = select.select([proc.stdout], [], [], 30)
    assert readable and proc.stdout.readline().strip() == "ready"
    return proc


def _assert_sound(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        incomplete = conn.execute(
            """SELECT r.id FROM runs r WHERE r.device_count IS NOT 50
               OR (SELECT count(*) FROM sightings s WHERE s.run_id = r.id) != 50
               OR NOT EXISTS (SELECT 1 FROM answers a WHERE a.run_id = r.id)
               OR NOT EXISTS (SELECT 1 FROM speed_results p WHERE p.run_id = r.id)
               OR NOT EXISTS (SELECT 1 FROM scans c WHERE c.run_id = r.id)
               OR NOT EXISTS (SELECT 1 FROM recommendations m WHERE m.run_id = r.id)"""
        ).fetchall()
        assert incomplete == [], f"partial runs {incomplete}"
        orphans = conn.execute(
            "SELECT count(*) FROM devices WHERE id NOT IN (SELECT device_id FROM sightings)"
        ).fetchone()[0]
        assert orphans == 0, "a device identity without its run survived"
        return int(conn.execute("SELECT count(*) FROM runs").fetchone()[0])
    finally:
        conn.close()


def test_kill_at_random_points_of_a_save_leaves_no_partial_run(tmp_path: Path) -> None:
    db = tmp_path / "history.db"
    rng = random.Random(20250101)
    counts = []
    for i in range(KILLS):
        proc = _start_saver(db, seed=i)
        time.sleep(rng.uniform(0.0, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL  # it was still saving: killed, not finished
        counts.append(_assert_sound(db))
    assert counts == sorted(counts) and counts[-1] > 0  # committed runs are never lost
    with HistoryStore(db) as store:  # and the app opens the file as usual afterwards
        assert len(store.list_runs()) == counts[-1]
