"""`router-advisor current` on the lab LAN: identification plus verdict under 2 s, from the
call to the answer, in a process that has already imported the app (as the GUI has).

Run: .venv/bin/python -m pytest tests/bench -o python_files='bench_*.py' -s   (as root)
"""

import json
import os
import statistics
import subprocess
import sys

from tests.netlab.lan import REPO_ROOT, running_lan
from tests.netlab.netns import require_root

BUDGET_S = 2.0
RUNS = 5

TIMED = """
import json, time
from router_advisor.services.current import check_current_router
times = []
for _ in range({runs}):
    t = time.monotonic()
    report = check_current_router(iface={iface!r})
    times.append(time.monotonic() - t)
print(json.dumps([times, report.identified.known.model if report.identified else None]))
"""


def test_identify_and_judge_the_gateway_within_two_seconds(tmp_path) -> None:
    require_root()
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), ROUTER_ADVISOR_HOME=str(tmp_path))
    with running_lan(hosts=20, second=2, late=2, mdns=True, network="10.79.0.0/24") as lan:
        router = lan.lab.start(
            lan.gateway,
            sys.executable,
            "-m",
            "tests.netlab.router_emulator",
            "--ip",
            lan.gateway_ip,
            "--profile",
            "netgear-r7000",
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO_ROOT,
            env=env,
        )
        assert router.stdout is not None and router.stdout.readline().strip() == "ready"
        code = TIMED.format(runs=RUNS, iface=lan.iface)
        done = lan.run_on_laptop(sys.executable, "-c", code, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    times, model = json.loads(done.stdout)
    first, median = times[0], statistics.median(times)
    print(f"\ncurrent: first call {first:.2f} s (incl. first catalog build), median {median:.2f} s")
    assert model == "R7000"
    assert first < BUDGET_S and median < BUDGET_S
