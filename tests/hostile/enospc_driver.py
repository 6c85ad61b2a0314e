"""Run inside `unshare -m`: mount a tiny tmpfs, fill it, and try every writer on it.

Prints one JSON object per writer: its exit code, its stderr, and whether what was there
before is still whole. tests/hostile/test_faults.py reads them.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.hostile.hostile import content, digest, run_cli


def _fill(folder: Path) -> None:
    number = 0
    while True:  # one file per step: a file system that is full still has an inode or two
        number += 1
        try:
            with (folder / f"filler-{number}").open("wb") as handle:
                while True:
                    handle.write(b"\0" * 4096)
                    handle.flush()
        except OSError:
            if number > 3:
                return


def _content_of_copy(db: Path, work: Path) -> str:
    """The database's content, read from a copy off the full disk (reading it in place
    would need room for a -shm file)."""
    copy = work / "copy" / db.name
    copy.parent.mkdir(exist_ok=True)
    for suffix in ("", "-wal"):
        source, target = Path(f"{db}{suffix}"), Path(f"{copy}{suffix}")
        target.unlink(missing_ok=True)
        if source.exists():
            shutil.copyfile(source, target)
    return content(copy)


def main(work: Path) -> None:
    mnt = work / "mnt"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mnt)], check=True)
    home = mnt / "home"
    os.environ["ROUTER_ADVISOR_HOME"] = str(home)
    answers = work / "answers.toml"  # outside the full disk: only writes should fail
    answers.write_text("[home]\nfloors = 2\n")
    rows = work / "rows.json"
    rows.write_text('[{"brand": "ASUS", "model": "RT-BE96U", "price_usd": 123}]')
    report, exported, db = mnt / "report.md", mnt / "catalog.json", mnt / "history.db"
    assert run_cli("export", "--format", "md", "--out", str(report)).code == 0
    assert run_cli("catalog", "export", "--format", "json", "--out", str(exported)).code == 0
    base = ("run", "--no-speed", "--no-scan", "--answers", str(answers), "--db", str(db))
    assert run_cli(*base).code == 0
    catalog = home / "catalog.db"
    before = {
        "report": digest(report),
        "export": digest(exported),
        "catalog": _content_of_copy(catalog, work),
        "history": _content_of_copy(db, work),
    }
    _fill(mnt)
    cases = {
        "report": (("export", "--format", "html", "--out", str(report)), report),
        "export": (("catalog", "export", "--format", "csv", "--out", str(exported)), exported),
        "catalog": (("catalog", "import", str(rows)), catalog),
        "history": (base, db),
    }
    for name, (argv, path) in cases.items():
        outcome = run_cli(*argv)
        now = digest(path) if name in ("report", "export") else _content_of_copy(path, work)
        temps = [p.name for p in mnt.iterdir() if p.name.endswith(".tmp")]
        result = {
            "case": name,
            "code": outcome.code,
            "err": outcome.err,
            "unchanged": now == before[name],
            "temps": temps,
        }
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
