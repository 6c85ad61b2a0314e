"""History with 1,000 stored runs of 50 devices: `history list` under 200 ms, `diff` under 100.

Timed three ways: the service call (open the file + query, what the GUI does), the CLI
in-process (`main([...])`: parse, open, query, print) and the CLI as a new process (adds
Python start-up and importing every command group, printed for information).

Run: /work/venv/bin/python -m pytest tests/bench -o python_files='bench_*.py' -s
"""

import contextlib
import io
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from router_advisor.cli.main import main
from router_advisor.history.store import HistoryStore
from router_advisor.services import history

from tests.history import factory
from tests.history.factory import device

RUNS, DEVICES = 1000, 50
LIST_BUDGET_MS, DIFF_BUDGET_MS = 200.0, 100.0
START = datetime(2022, 1, 1, 9, 0)
REPO_ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def big_history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "history.db"
    rng = random.Random(6)
    started = time.perf_counter()
    with HistoryStore(path) as store:
        for n in range(RUNS):
            # 50 of 70 devices each time; 5 phones rotate their random MAC every 100 runs.
            fixed = [device(i) for i in sorted(rng.sample(range(65), DEVICES - 5))]
            phones = [
                device(100 + p, mac=f"da:00:00:00:{n // 100:02x}:{p:02x}", hostname=f"phone-{p}")
                for p in range(5)
            ]
            store.save_run(
                factory.run(
                    fixed + phones,
                    download=rng.uniform(50, 500),
                    created_at=(START + timedelta(days=n)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                )
            )
    seconds = time.perf_counter() - started
    print(
        f"\nbuilt {RUNS} runs x {DEVICES} devices in {seconds:.1f} s "
        f"({seconds / RUNS * 1000:.1f} ms per save), file {path.stat().st_size / 1e6:.1f} MB"
    )
    return path


def _timed(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    action()  # warm the page cache once
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), max(timings)


def _report(name: str, median: float, worst: float, budget: float | None) -> None:
    limit = f" (budget {budget:.0f} ms)" if budget else " (information)"
    print(f"{name:<44} median {median:7.1f} ms  max {worst:7.1f} ms{limit}")


def _service_list(path: Path) -> None:
    with history.open_history(path) as store:
        assert len(history.list_runs(store)) == RUNS


def _service_diff(path: Path) -> None:
    with history.open_history(path) as store:
        history.diff_runs(store)


def _cli(*args: str) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(list(args)) == 0


def test_history_list_and_diff_on_1000_runs(big_history: Path) -> None:
    db = str(big_history)
    list_service = _timed(lambda: _service_list(big_history), 20)
    diff_service = _timed(lambda: _service_diff(big_history), 20)
    list_cli = _timed(lambda: _cli("history", "list", "--db", db), 10)
    list_cli_json = _timed(lambda: _cli("history", "list", "--db", db, "--json"), 10)
    diff_cli = _timed(lambda: _cli("history", "diff", "--db", db), 10)

    def process(*args: str) -> None:
        subprocess.run([sys.executable, *args], cwd=REPO_ROOT, check=True, capture_output=True)

    list_process = _timed(lambda: process("-m", "router_advisor", "history", "list", "--db", db), 5)
    diff_process = _timed(lambda: process("-m", "router_advisor", "history", "diff", "--db", db), 5)
    startup = _timed(lambda: process("-c", "import router_advisor.cli.main"), 5)

    _report("history list, service (open + query)", *list_service, LIST_BUDGET_MS)
    _report("history diff, service (open + query)", *diff_service, DIFF_BUDGET_MS)
    _report("history list, CLI in-process (text)", *list_cli, LIST_BUDGET_MS)
    _report("history list --json, CLI in-process", *list_cli_json, LIST_BUDGET_MS)
    _report("history diff, CLI in-process", *diff_cli, DIFF_BUDGET_MS)
    _report("history list, CLI new process", *list_process, None)
    _report("history diff, CLI new process", *diff_process, None)
    _report("  of which start-up: import router_advisor.cli.main", *startup, None)
    assert list_service[0] < LIST_BUDGET_MS and diff_service[0] < DIFF_BUDGET_MS
    assert list_cli[0] < LIST_BUDGET_MS and list_cli_json[0] < LIST_BUDGET_MS
    assert diff_cli[0] < DIFF_BUDGET_MS
