"""Both scan methods, run on the laptop of a namespace LAN, find exactly the live hosts."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.netlab.lan import REPO_ROOT, Lan, running_lan
from tests.netlab.netns import require_root, run

pytestmark = pytest.mark.netns


def scan_json(lan: Lan, method: str) -> dict:
    done = lan.run_on_laptop(
        sys.executable,
        "-m",
        "router_advisor",
        "scan",
        *lan.scan_args(),
        "--method",
        method,
        "--json",
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("method", ["arp", "neighbor"])
def test_finds_exactly_the_live_hosts(request: pytest.FixtureRequest, method: str) -> None:
    # The neighbor method gets a LAN of its own: on the shared one an arp test has just
    # woken the hosts that answer only a repeated request, so they would answer at once.
    lan: Lan = request.getfixturevalue("fresh_lan" if method == "neighbor" else "lan")
    sleepy = [h for h in lan.hosts if h.behaviour == "sleepy"]
    assert max(h.delay_s for h in sleepy) >= 0.5  # late responders are part of the LAN
    result = scan_json(lan, method)
    assert result["method"] == method
    assert {d["ip"]: d["mac"] for d in result["devices"]} == lan.expected()
    by_ip = {d["ip"]: d for d in result["devices"]}
    assert by_ip[lan.gateway_ip]["is_gateway"] and by_ip[lan.gateway_ip]["kind"] == "network"
    assert sum(d["is_gateway"] for d in result["devices"]) == 1
    printer = next(h for h in lan.hosts if h.behaviour == "mdns")
    assert by_ip[printer.ip]["hostname"] == "office-printer"
    assert by_ip[printer.ip]["kind"] == "printer"
    assert "_ipp._tcp" in by_ip[printer.ip]["services"]
    randomized = [d for d in result["devices"] if d["randomized_mac"]]
    assert randomized and all(d["vendor"] is None for d in randomized)


def test_auto_uses_arp_as_root_and_says_so(lan: Lan) -> None:
    result = scan_json(lan, "auto")
    assert result["method"] == "arp"
    assert any("auto chose the arp method" in n for n in result["notes"])
    assert result["wifi_link"] is None and result["nearby_networks"] is None


def _without_raw(lan: Lan, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI on the laptop as root stripped of CAP_NET_RAW, like an ordinary user."""
    return lan.run_on_laptop(
        "setpriv",
        "--bounding-set",
        "-net_raw",
        "--inh-caps",
        "-net_raw",
        sys.executable,
        "-m",
        "router_advisor",
        "scan",
        *lan.scan_args(),
        *args,
    )


def test_without_raw_sockets_arp_fails_clearly_and_auto_falls_back(lan: Lan) -> None:
    denied = _without_raw(lan, "--method", "arp")
    assert denied.returncode == 1
    assert "permission to send raw packets" in denied.stderr
    assert "Traceback" not in denied.stderr
    fallback = _without_raw(lan, "--json")
    assert fallback.returncode == 0, fallback.stderr
    result = json.loads(fallback.stdout)
    assert result["method"] == "neighbor"
    assert any("pkexec" in n for n in result["notes"])
    assert {d["ip"] for d in result["devices"]} == set(lan.expected())


def test_the_helper_prints_only_the_sweep(lan: Lan) -> None:
    done = lan.run_on_laptop(
        sys.executable, "-m", "router_advisor.net.scan_helper", *lan.scan_args()
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert {d["ip"]: d["mac"] for d in out["devices"]} == lan.expected()


CANCEL_SCRIPT = """
import sys, threading, time
from router_advisor.core.progress import CancelToken, Cancelled
from router_advisor.services.scan import scan
token = CancelToken()
threading.Timer(0.3, token.cancel).start()
started = time.monotonic()
try:
    scan(sys.argv[1], sys.argv[2], sys.argv[3], cancel=token)
    print("finished")
except Cancelled:
    print(f"cancelled {time.monotonic() - started - 0.3:.3f}")
"""


@pytest.mark.parametrize("method", ["arp", "neighbor"])
def test_cancel_stops_within_half_a_second(lan: Lan, method: str) -> None:
    done = lan.run_on_laptop(sys.executable, "-c", CANCEL_SCRIPT, lan.iface, lan.cidr, method)
    word, *lag = done.stdout.split()
    assert word == "cancelled", done.stdout + done.stderr
    assert float(lag[0]) <= 0.5


def test_rescan_sees_a_host_added_and_one_removed(lan: Lan) -> None:
    gone = next(h for h in lan.hosts if h.behaviour == "normal")
    lan.remove_host(gone)
    new = lan.add_host("normal")
    try:
        found = {d["ip"]: d["mac"] for d in scan_json(lan, "arp")["devices"]}
        assert found == lan.expected()
        assert new.ip in found and gone.ip not in found
    finally:
        lan.remove_host(new)
    assert gone.ns.name not in run(["ip", "netns", "list"]).stdout


PRIVILEGED_SCRIPT = """
import json, sys
from router_advisor.errors import RouterAdvisorError
from router_advisor.services.scan import privileged_scan
launcher = json.loads(sys.argv[3])
try:
    print(json.dumps(privileged_scan(sys.argv[1], sys.argv[2], launcher=launcher).to_dict()))
except RouterAdvisorError as exc:
    print(f"{type(exc).__name__}: {exc}")
"""


def privileged(lan: Lan, launcher: list[str] | None) -> str:
    done = lan.run_on_laptop(
        sys.executable, "-c", PRIVILEGED_SCRIPT, lan.iface, lan.cidr, json.dumps(launcher)
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_deeper_scan_runs_the_helper_as_a_subprocess_and_enriches(lan: Lan) -> None:
    # [] runs the helper without pkexec: this test is root in the namespace already.
    result = json.loads(privileged(lan, []))
    assert result["method"] == "arp"
    assert any("ran in the helper" in n for n in result["notes"])
    assert {d["ip"]: d["mac"] for d in result["devices"]} == lan.expected()
    by_ip = {d["ip"]: d for d in result["devices"]}
    printer = next(h for h in lan.hosts if h.behaviour == "mdns")
    assert by_ip[printer.ip]["hostname"] == "office-printer"
    assert by_ip[lan.gateway_ip]["is_gateway"] and by_ip[lan.gateway_ip]["vendor"]


def test_deeper_scan_sweeps_itself_when_already_permitted(lan: Lan) -> None:
    result = json.loads(privileged(lan, None))
    assert any("swept itself" in n for n in result["notes"])
    assert {d["ip"] for d in result["devices"]} == set(lan.expected())


def test_deeper_scan_errors_are_one_plain_line(lan: Lan, tmp_path: Path) -> None:
    missing = privileged(lan, ["no-such-pkexec"])
    assert missing.startswith(
        "RuntimeFailure: The deeper scan needs no-such-pkexec, which is not installed"
    )
    for code in (126, 127):  # pkexec's exit codes for a dismissed or failed authentication
        pkexec = tmp_path / "pkexec"
        pkexec.write_text(f"#!/bin/sh\nexit {code}\n")
        pkexec.chmod(0o755)
        refused = privileged(lan, [str(pkexec)])
        assert refused.startswith(
            "RuntimeFailure: The deeper scan needs an administrator password and none was given"
        ), refused


def test_cli_privileged_scan_through_the_configured_launcher(lan: Lan) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), ROUTER_ADVISOR_HELPER_LAUNCHER="")
    done = lan.run_on_laptop(
        sys.executable,
        "-m",
        "router_advisor",
        "scan",
        *lan.scan_args(),
        "--privileged",
        "--json",
        env=env,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert {d["ip"]: d["mac"] for d in result["devices"]} == lan.expected()
    bad = lan.run_on_laptop(
        sys.executable,
        "-m",
        "router_advisor",
        "scan",
        *lan.scan_args(),
        "--privileged",
        "--method",
        "neighbor",
        env=env,
    )
    assert bad.returncode == 2 and "drop --method neighbor" in bad.stderr


@pytest.mark.parametrize("method", ["arp", "neighbor"])
def test_late_responders_alone_are_waited_for(method: str) -> None:
    """Issue 15: with nobody answering a repeat at once, the arp sweep's second round brought
    nobody new within its window and stopped just before the sleepy hosts' late answers."""
    require_root()
    with running_lan(
        hosts=8, second=0, late=0, sleepy=4, mdns=False, network="10.80.0.0/24"
    ) as lan:
        result = scan_json(lan, method)
        assert {d["ip"]: d["mac"] for d in result["devices"]} == lan.expected()
