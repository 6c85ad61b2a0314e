"""Faults: a full disk, SIGKILL during every writer, read-only folders and files as an
unprivileged user, damaged catalogs, a held lock, and 20 first runs at once."""

import json
import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from router_advisor.history.store import HistoryStore

from tests.history import factory
from tests.hostile.hostile import PREFIX, assert_plain, digest, run_cli
from tests.hostile.privileges import need_root

REPO = Path(__file__).resolve().parent.parent.parent
MAC = "00:1b:21:00:00:01"


def _process(
    *argv: str, home: Path, as_nobody: bool = False, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "router_advisor", *argv]
    if as_nobody:
        command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
    env = dict(os.environ, ROUTER_ADVISOR_HOME=str(home), PYTHONPATH=str(REPO / "app"))
    return subprocess.run(
        command, capture_output=True, text=True, env=env, cwd="/", timeout=timeout
    )


def _assert_one_line(result: subprocess.CompletedProcess[str], code: int, words: str) -> None:
    lines = result.stderr.splitlines()
    assert result.returncode == code and len(lines) == 1, result.stderr
    assert lines[0].startswith(PREFIX) and words in lines[0], lines[0]


def _sound(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


# --- a full disk --------------------------------------------------------------------------


def test_a_full_disk_fails_plainly_and_keeps_what_was_there(tmp_path: Path) -> None:
    need_root("the full-disk test (a tmpfs in a private mount namespace)", "unshare", "mount")
    result = subprocess.run(
        ["unshare", "-m", "--propagation", "private", sys.executable, "-m",
         "tests.hostile.enospc_driver", str(tmp_path)],
        capture_output=True, text=True, cwd=REPO, timeout=300,
        env=dict(os.environ, PYTHONPATH=f"{REPO}:{REPO / 'app'}"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    cases = [json.loads(line) for line in result.stdout.splitlines()]
    assert [c["case"] for c in cases] == ["report", "export", "catalog", "history"]
    for case in cases:
        assert not case["temps"], case
        if case["code"] == 0:  # SQLite reused space it already had: a whole write
            assert case["case"] in ("catalog", "history"), case
            continue
        lines = case["err"].splitlines()
        assert case["code"] == 1 and len(lines) == 1 and lines[0].startswith(PREFIX), case
        assert "unexpected" not in lines[0] and ("space" in lines[0] or "full" in lines[0])
        assert case["unchanged"], case


# --- SIGKILL during every writer ------------------------------------------------------------


@pytest.fixture
def prepared(app_home: Path, tmp_path: Path) -> Iterator[dict[str, Path]]:
    """A built catalog, a history with two runs, an import file, earlier exports."""
    answers = tmp_path / "answers.toml"
    answers.write_text("[home]\nfloors = 2\n")
    rows = tmp_path / "rows.json"
    rows.write_text('[{"brand": "ASUS", "model": "RT-BE96U", "price_usd": 321}]')
    db = app_home / "history.db"
    with HistoryStore(db) as store:
        for n in range(2):
            store.save_run(factory.run([factory.device(i) for i in range(1, 4 + n)]))
    out = tmp_path / "out"
    out.mkdir()
    assert run_cli("export", "--format", "json", "--out", str(out / "report.json")).code == 0
    assert (
        run_cli("catalog", "export", "--format", "json", "--out", str(out / "cat.json")).code == 0
    )
    yield {"answers": answers, "rows": rows, "db": db, "out": out}


WRITERS: dict[str, tuple[str, ...]] = {
    "catalog build": ("catalog", "build"),
    "catalog import": ("catalog", "import", "{rows}"),
    "catalog export": ("catalog", "export", "--format", "json", "--out", "{out}/cat.json"),
    "report export": ("export", "--format", "json", "--out", "{out}/report.json"),
    "history save": ("run", "--no-speed", "--no-scan", "--answers", "{answers}"),
    "label": ("devices", "label", MAC, "--name", "printer"),
    "prune": ("history", "prune", "--keep", "1"),
}
KILLS_PER_WRITER = 2


@pytest.mark.parametrize("writer", list(WRITERS))
def test_sigkill_at_random_points_of_a_writer(
    prepared: dict[str, Path], app_home: Path, writer: str
) -> None:
    rng = random.Random(writer)
    argv = [a.format(**prepared) for a in WRITERS[writer]]
    env = dict(os.environ, ROUTER_ADVISOR_HOME=str(app_home), PYTHONPATH=str(REPO / "app"))
    for _ in range(KILLS_PER_WRITER):
        proc = subprocess.Popen(
            [sys.executable, "-m", "router_advisor", *argv],
            env=env, cwd="/", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(rng.uniform(0.2, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        _sound(app_home / "catalog.db")
        _sound(prepared["db"])
        assert run_cli("catalog", "list").code == 0
        assert run_cli("history", "list").code == 0
        for name in ("report.json", "cat.json"):  # the old file or the whole new one
            json.loads((prepared["out"] / name).read_text(encoding="utf-8"))
    # What a kill left behind is cleared at the next write to the folder, once it is old.
    for folder in (prepared["out"], app_home):
        for leftover in folder.glob(".*.tmp*"):
            os.utime(leftover, (time.time() - 3600, time.time() - 3600))
    assert run_cli("export", "--format", "json", "--out", str(prepared["out"] / "x.json")).code == 0
    assert run_cli("catalog", "build").code == 0
    assert not list(prepared["out"].glob(".*.tmp")), list(prepared["out"].iterdir())


def test_a_stale_temp_file_of_our_naming_is_removed_and_others_are_kept(tmp_path: Path) -> None:
    ours, young = tmp_path / ".report.md.abcd1234.tmp", tmp_path / ".report.md.zyxw9876.tmp"
    theirs = tmp_path / ".notes.tmp"
    for path in (ours, young, theirs):
        path.write_text("x")
    for path in (ours, theirs):
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    assert run_cli("export", "--format", "md", "--out", str(tmp_path / "report.md")).code == 0
    assert not ours.exists() and young.exists() and theirs.exists()


# --- targets that are not regular files --------------------------------------------------


@pytest.mark.parametrize(
    "command", [("export", "--format", "md"), ("catalog", "export", "--format", "csv")]
)
def test_an_export_never_replaces_a_link_or_a_device(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    target = tmp_path / "kept.txt"
    target.write_text("kept")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    outcome = run_cli(*command, "--out", str(link))
    assert outcome.code == 2 and "a link, not a regular file" in outcome.err
    assert link.is_symlink() and target.read_text() == "kept"
    outcome = run_cli(*command, "--out", "/dev/null")
    assert outcome.code == 2 and "a device or other special file" in outcome.err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


# --- read-only folders and files, as an unprivileged user ---------------------------------


@pytest.fixture
def readable_home(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A data folder `nobody` can read but not write (root owns it, mode 0755/0644)."""
    need_root("the read-only tests (run as nobody)", "setpriv")
    base = Path(tempfile.mkdtemp(prefix="ra-readonly-"))
    base.chmod(0o755)
    home = base / "home"
    monkeypatch.setenv("ROUTER_ADVISOR_HOME", str(home))
    (base / "answers.toml").write_text("[home]\nfloors = 2\n")
    (base / "rows.json").write_text('[{"brand": "ASUS", "model": "RT-BE96U", "price_usd": 9}]')
    assert (
        run_cli("run", "--no-speed", "--no-scan", "--answers", str(base / "answers.toml")).code == 0
    )
    with HistoryStore(home / "history.db") as store:
        store.save_run(factory.run([factory.device(1)]))
    for path in [home, *home.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    yield home
    shutil.rmtree(base)


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_read_only_data_folder_reads_and_refuses_writes_plainly(readable_home: Path) -> None:
    base = readable_home.parent
    before = _snapshot(readable_home)
    for argv in (("recommend",), ("catalog", "list"), ("history", "list")):
        result = _process(*argv, home=readable_home, as_nobody=True)
        assert result.returncode == 0, result.stderr
    refused = [
        ("catalog", "import", str(base / "rows.json")),
        ("run", "--no-speed", "--no-scan", "--answers", str(base / "answers.toml")),
        ("devices", "label", MAC, "--name", "printer"),
        ("history", "prune", "--keep", "1"),
    ]
    for argv in refused:
        result = _process(*argv, home=readable_home, as_nobody=True)
        _assert_one_line(result, 1, "read-only")
        assert "damaged" not in result.stderr and "move it" not in result.stderr
    result = _process("export", "--format", "md", "--out", str(readable_home / "r.md"),
                      home=readable_home, as_nobody=True)  # fmt: skip
    _assert_one_line(result, 1, "Permission denied")
    assert _snapshot(readable_home) == before


def test_a_stale_catalog_in_a_read_only_folder_is_read_in_memory(readable_home: Path) -> None:
    catalog = readable_home / "catalog.db"
    conn = sqlite3.connect(catalog)
    conn.execute("UPDATE meta SET value = 'older' WHERE key = 'fingerprint'")
    conn.commit()
    conn.close()
    before = _snapshot(readable_home)
    result = _process("catalog", "list", home=readable_home, as_nobody=True)
    assert result.returncode == 0 and "RT-BE96U" in result.stdout, result.stderr
    assert _snapshot(readable_home) == before


def test_a_read_only_history_file_in_a_writable_folder(tmp_path: Path) -> None:
    need_root("the read-only tests (run as nobody)", "setpriv")
    base = Path(tempfile.mkdtemp(prefix="ra-readonly-"))
    try:
        base.chmod(0o777)
        db = base / "history.db"
        with HistoryStore(db) as store:
            store.save_run(factory.run([factory.device(1)]))
        db.chmod(0o644)
        listed = _process("history", "list", "--db", str(db), home=base, as_nobody=True)
        assert listed.returncode == 0, listed.stderr
        result = _process("history", "prune", "--keep", "1", "--db", str(db), home=base,
                          as_nobody=True)  # fmt: skip
        _assert_one_line(result, 1, "is read-only")
    finally:
        shutil.rmtree(base)


# --- damaged catalogs ---------------------------------------------------------------------


def _damage(db: Path, kind: str) -> None:
    if kind == "garbage":
        db.write_bytes(b"not a database at all" * 100)
    elif kind == "truncated":
        db.write_bytes(db.read_bytes()[:5000])
    elif kind == "pages":
        data = bytearray(db.read_bytes())
        for start in range(4096, len(data), 4096):
            data[start : start + 64] = bytes(range(64))
        db.write_bytes(bytes(data))
    else:
        conn = sqlite3.connect(db)
        statement = {
            "foreign": "PRAGMA application_id = 7",
            "newer": "PRAGMA user_version = 99",
            "dropped": "DROP TABLE routers",
            "bad-row": "UPDATE routers SET bands = '[' WHERE rowid = 1",
            "bad-utf8": "UPDATE sources SET fields = CAST(x'ff' AS TEXT)",
        }[kind]
        conn.execute(statement)
        conn.commit()
        conn.close()


@pytest.mark.parametrize(
    "kind", ["garbage", "truncated", "pages", "foreign", "newer", "dropped", "bad-row", "bad-utf8"]
)
def test_a_damaged_catalog_is_one_line_and_build_force_recovers(app_home: Path, kind: str) -> None:
    assert run_cli("catalog", "list").code == 0
    catalog = app_home / "catalog.db"
    run_cli("catalog", "build")  # folds the WAL in, so damage to the file is damage
    _damage(catalog, kind)
    for argv in (("catalog", "list"), ("recommend",), ("catalog", "import", str(catalog))):
        outcome = run_cli(*argv)
        assert_plain(outcome)
        assert outcome.code == 1 and "catalog build --force" in outcome.err, (argv, outcome.err)
    assert run_cli("catalog", "build", "--force").code == 0
    assert run_cli("catalog", "list").code == 0


# --- a held lock, and 20 first runs at once ------------------------------------------------


def test_busy_waits_as_long_as_it_says(tmp_path: Path) -> None:
    db = tmp_path / "history.db"
    with HistoryStore(db) as store:
        store.save_run(factory.run([factory.device(1)]))
    holder = sqlite3.connect(db)
    holder.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        outcome = run_cli("devices", "label", MAC, "--name", "x", "--db", str(db))
        waited = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    assert outcome.code == 1 and "for 5 seconds" in outcome.err, outcome.err
    assert waited >= 4.9


def test_twenty_first_runs_at_once(tmp_path: Path) -> None:
    home = tmp_path / "home"
    answers = tmp_path / "answers.toml"
    answers.write_text("[home]\nfloors = 2\n")
    env = dict(os.environ, ROUTER_ADVISOR_HOME=str(home), PYTHONPATH=str(REPO / "app"))
    argv = [sys.executable, "-m", "router_advisor", "run", "--no-speed", "--no-scan",
            "--answers", str(answers)]  # fmt: skip
    procs = [
        subprocess.Popen(
            argv, env=env, cwd="/", stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(20)
    ]
    results = [(p.wait(timeout=300), p.stderr.read() if p.stderr else "") for p in procs]
    for p in procs:
        for stream in (p.stdout, p.stderr):
            if stream:
                stream.close()
    assert [code for code, _ in results] == [0] * 20, results
    with HistoryStore(home / "history.db") as store:
        assert len(store.list_runs()) == 20
    _sound(home / "catalog.db")
    assert not list(home.glob(".*.tmp*"))
