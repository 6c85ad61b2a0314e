"""Benchmark: our speed engine against the speedtest-cli command-line tool, same lab server.

At 50/10, 300/300 and 1000/1000 Mbit/s (tbf, short queue) both run in the laptop namespace
against tests/netlab/speed_server.py in the isp namespace, one after the other, and each
one's error against the shaped goodput (`wan.goodput_mbps`) and its wall-clock duration
(process start to exit, Python start-up included for both) are printed.

speedtest-cli has no --server-url, and speedtest.net must never be contacted. So the tool is
run as its own `speedtest.main()` (what /work/venv/bin/speedtest-cli calls) with
`--json --server 4242` and one extra urllib handler added to its opener: requests for
www.speedtest.net / c.speedtest.net (its config and server list) go to the lab server,
which serves a copy of speedtest.net's real configuration (10 s per direction, 8 download
and 2 upload threads) and a server list holding only itself. Everything else, the best-
server ping, download and upload threads and its arithmetic, is the unmodified tool. Ours
runs `speed --directory-url LAB --server-id 4242`: the same steps (config, list, ping).

Goals (issue 5): error at most 5 %, duration at most 0.6x the tool's, at each rate.

    /work/venv/bin/python -m pytest tests/bench -o python_files='bench_*.py' -s
"""

import json
import time

import pytest

from tests.netlab.netns import require_root
from tests.netlab.wan import goodput_mbps, running_wan

pytestmark = pytest.mark.netns

SPEEDTEST_CLI = """
import sys, urllib.parse, urllib.request
import speedtest

LAB = sys.argv[1]

class ToLab(urllib.request.BaseHandler):
    handler_order = 100
    def http_request(self, req):
        parts = urllib.parse.urlsplit(req.full_url)
        if parts.hostname in ("www.speedtest.net", "c.speedtest.net"):
            req.full_url = LAB + parts.path + ("?" + parts.query if parts.query else "")
        return req
    https_request = http_request

_build_opener = speedtest.build_opener
def build_opener(*args, **kwargs):
    opener = _build_opener(*args, **kwargs)
    opener.add_handler(ToLab())
    return opener
speedtest.build_opener = build_opener
sys.argv = ["speedtest-cli", "--json", "--server", "4242"]
speedtest.main()
"""

RATES = [(50, 10), (300, 300), (1000, 1000)]


def _timed(run) -> tuple[dict, float]:
    started = time.monotonic()
    proc = run()
    took = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout), took


@pytest.mark.parametrize(("down", "up"), RATES, ids=[f"{d}/{u}" for d, u in RATES])
def test_engine_against_speedtest_cli(down: int, up: int) -> None:
    require_root()
    with running_wan(down_mbit=down, up_mbit=up, queue_ms=5) as wan:
        ours, ours_s = _timed(
            lambda: wan.run_app(
                "speed", "--directory-url", wan.directory_url, "--server-id", "4242", "--json"
            )
        )
        tool, tool_s = _timed(lambda: wan.run_python(SPEEDTEST_CLI, wan.directory_url, timeout=120))
    want_down, want_up = goodput_mbps(down), goodput_mbps(up)
    rows = [
        ("router-advisor", ours["download_mbps"], ours["upload_mbps"], ours_s),
        ("speedtest-cli", tool["download"] / 1e6, tool["upload"] / 1e6, tool_s),
    ]
    print(
        f"\nshaped {down}/{up} Mbit/s, goodput {want_down:.1f}/{want_up:.1f} Mbit/s "
        f"(grade {ours['bufferbloat_grade']}, idle {ours['idle_latency_ms']} ms)"
    )
    errors = {}
    for name, got_down, got_up, took in rows:
        err_down, err_up = got_down / want_down - 1, got_up / want_up - 1
        errors[name] = max(abs(err_down), abs(err_up))
        print(
            f"  {name:<15} down {got_down:7.1f} ({err_down:+6.1%})  "
            f"up {got_up:7.1f} ({err_up:+6.1%})  took {took:5.2f} s"
        )
    print(f"  duration ratio {ours_s / tool_s:.2f} (goal <= 0.60)")
    assert errors["router-advisor"] <= 0.05
    assert ours_s <= 0.6 * tool_s
