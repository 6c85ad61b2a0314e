"""The long fuzz run: every tests/hostile fuzz test with 20 times its examples, random.

The default suite runs a fixed, small set of cases (tens of seconds); this one looks for
new ones. A failure prints the smallest input Hypothesis found.

Run: .venv/bin/python -m pytest tests/bench/bench_fuzz.py -o python_files='bench_*.py' -s
"""

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.hostile.hostile import LONG_RUN_ENV

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
SCALE = int(os.environ.get(LONG_RUN_ENV, "20"))  # times the default suite's examples
NO_CACHE = "no:cacheprovider"


def test_long_fuzz_run() -> None:
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/hostile",
            "-q",
            "-k",
            "fuzz",
            "-p",
            NO_CACHE,
        ],
        cwd=REPO_ROOT,
        env=dict(os.environ, **{LONG_RUN_ENV: str(SCALE)}),
        capture_output=True,
        text=True,
    )
    print(result.stdout[-3000:])
    print(f"long fuzz run ({SCALE}x examples): {time.perf_counter() - started:.0f} s")
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
