"""Scan benchmark on the namespace LAN: our arp and neighbor sweeps against arp-scan and
nmap -sn. Recall and median time over 5 runs each, side by side; a /22 with arp. The LANs
hold late responders: "sleepy" hosts answer only a repeated ARP request, 250-500 ms late.

Run: /work/venv/bin/python -m pytest tests/bench/bench_scan.py -o python_files='bench_*.py' -s
Our times are the sweep alone (socket open to result) timed inside one process on the
laptop, so Python's start-up is not counted; the tools' times are their whole process.
"""

import json
import re
import shutil
import statistics
import sys
import time

import pytest

from tests.netlab.lan import Lan, running_lan
from tests.netlab.netns import require_root

pytestmark = pytest.mark.netns
RUNS = 5
MAC_RE = re.compile(r"(\d+\.\d+\.\d+\.\d+)\s+([0-9a-f:]{17})", re.I)

OURS = """
import json, subprocess, sys, time
from router_advisor.net.interfaces import resolve_target
from router_advisor.net.arp_sweep import arp_sweep
from router_advisor.net.neighbor_sweep import neighbor_sweep
target = resolve_target(sys.argv[1], sys.argv[2], allow_large=True)
runs = []
for _ in range(int(sys.argv[4])):
    # Forget what the last run resolved, or the neighbor method would read it from the cache,
    # and let sleepy hosts doze off again: every run must wake them itself.
    subprocess.run(["ip", "neigh", "flush", "dev", target.iface], check=True)
    time.sleep(3.2)
    start = time.monotonic()
    if sys.argv[3] == "arp":
        found = arp_sweep(target.iface, target.local_ip, target.local_mac, target.addresses())
    else:
        found = neighbor_sweep(target.iface, target.local_ip, target.addresses())
    runs.append([time.monotonic() - start, found])
print(json.dumps(runs))
"""


def ours(lan: Lan, method: str) -> list[tuple[float, dict[str, str]]]:
    done = lan.run_on_laptop(
        sys.executable, "-c", OURS, lan.iface, lan.cidr, method, str(RUNS), timeout=180
    )
    assert done.returncode == 0, done.stderr
    return [(t, found) for t, found in json.loads(done.stdout)]


def tool(lan: Lan, argv: list[str]) -> list[tuple[float, dict[str, str]]]:
    runs = []
    for _ in range(RUNS):
        start = time.monotonic()
        done = lan.run_on_laptop(*argv, timeout=120)
        elapsed = time.monotonic() - start
        if argv[0] == "nmap":
            found = _parse_nmap(done.stdout)
        else:
            found = {ip: mac.lower() for ip, mac in MAC_RE.findall(done.stdout)}
        runs.append((elapsed, found))
        time.sleep(3.2)
    return runs


def _parse_nmap(text: str) -> dict[str, str]:
    found, ip = {}, None
    for line in text.splitlines():
        if line.startswith("Nmap scan report for"):
            ip = line.split()[-1].strip("()")
        elif line.startswith("MAC Address:") and ip:
            found[ip] = line.split()[2].lower()
    return found


def summary(
    name: str, runs: list[tuple[float, dict[str, str]]], expected: dict[str, str]
) -> tuple[float, float]:
    recalls = [
        len({ip for ip, mac in found.items() if expected.get(ip) == mac}) / len(expected)
        for _, found in runs
    ]
    median = statistics.median(t for t, _ in runs)
    print(
        f"{name:<16} {min(recalls):>10.1%} {median:>8.2f} s   "
        f"{', '.join(f'{t:.2f}' for t, _ in runs)}"
    )
    return min(recalls), median


def _describe(lan: Lan) -> str:
    sleepy = [h.delay_s for h in lan.hosts if h.behaviour == "sleepy"]
    return (
        f"{lan.cidr}: {len(lan.expected())} live hosts; 2 answer only a repeated request, "
        f"2 answer 0.4 s late, {len(sleepy)} sleepy (only a repeated request, then "
        f"{', '.join(f'{d:.2f}' for d in sleepy)} s late)"
    )


def test_scan_benchmark() -> None:
    require_root()
    for needed in ("arp-scan", "nmap"):
        assert shutil.which(needed), f"{needed} is not installed"
    print()
    header = f"{'tool':<16} {'recall min':>10} {'median':>10}   runs (s)"
    with running_lan(hosts=23, second=2, late=2, sleepy=4) as lan:
        expected = lan.expected()
        print(_describe(lan))
        print(header)
        arp_recall, arp_t = summary("ours arp", ours(lan, "arp"), expected)
        nb_recall, nb_t = summary("ours neighbor", ours(lan, "neighbor"), expected)
        _, as_t = summary("arp-scan", tool(lan, ["arp-scan", "-I", lan.iface, lan.cidr]), expected)
        summary("nmap -sn", tool(lan, ["nmap", "-sn", "-n", "-e", lan.iface, lan.cidr]), expected)
    with running_lan(hosts=24, second=2, late=2, sleepy=4, network="10.78.0.0/22") as big:
        expected22 = big.expected()
        print(_describe(big))
        big_recall, big_t = summary("ours arp /22", ours(big, "arp"), expected22)
    print(f"arp / arp-scan = {arp_t / as_t:.2f}")
    assert arp_recall == nb_recall == big_recall == 1.0
    assert arp_t <= 1.0 and arp_t <= 0.6 * as_t
    assert big_t <= 3.0
    assert nb_t <= 1.6, f"neighbor took {nb_t:.2f} s, the goal is 1.6 s"
