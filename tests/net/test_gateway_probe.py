"""Identify the router in use from what it offers the LAN unasked, in namespaces: a gateway
that answers SSDP like real routers of six makes (an ISP box and a FRITZ!Box among them),
one with only an admin page, one with nothing, and one with hostile replies."""

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.netlab.lan import REPO_ROOT, Lan, build_lan
from tests.netlab.netns import require_root

pytestmark = pytest.mark.netns


@pytest.fixture(scope="module")
def lan() -> Iterator[Lan]:
    require_root()
    lab = build_lan(hosts=1, second=0, late=0, mdns=False, network="10.78.0.0/24")
    try:
        yield lab
    finally:
        lab.close()


def _router(lan: Lan, profile: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    proc = lan.lab.start(
        lan.gateway,
        sys.executable,
        "-m",
        "tests.netlab.router_emulator",
        "--ip",
        lan.gateway_ip,
        "--profile",
        profile,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
        env=env,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def _current(lan: Lan, app_home: Path, profile: str, *args: str) -> tuple[dict, float]:
    proc = _router(lan, profile)
    try:
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), ROUTER_ADVISOR_HOME=str(app_home))
        started = time.monotonic()
        done = lan.run_on_laptop(
            sys.executable,
            "-m",
            "router_advisor",
            "current",
            "--iface",
            lan.iface,
            *args,
            "--json",
            env=env,
            timeout=60,
        )
        elapsed = time.monotonic() - started
    finally:
        proc.kill()
        proc.wait()
        lan.lab.processes.remove(proc)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout), elapsed


@pytest.mark.parametrize(
    ("profile", "brand", "model", "confidence"),
    [
        ("netgear-r7000", "Netgear", "R7000", "high"),
        ("tp-link-archer-ax55", "TP-Link", "Archer AX55", "high"),
        ("asus-rt-ax86u", "ASUS", "RT-AX86U", "high"),
        ("linksys-ea7500", "Linksys", "EA7500", "high"),
        ("fritzbox-7590", "AVM", "FRITZ!Box 7590", "high"),
        ("xfinity-xb7", "Xfinity", "XB7", "high"),
        ("virgin-hub3", "Virgin Media", "Hub 3", "high"),
        ("admin-only", "Netgear", "R6220", "medium"),
    ],
)
def test_the_router_is_named_with_its_evidence(
    lan: Lan, app_home: Path, profile: str, brand: str, model: str, confidence: str
) -> None:
    data, _ = _current(lan, app_home, profile)
    assert data["gateway_ip"] == lan.gateway_ip
    found = data["identified"]
    assert (found["brand"], found["model"]) == (brand, model)
    assert found["confidence"] == confidence
    assert model in found["evidence"][0]
    assert data["verdict"] in ("keep", "tune", "replace")
    assert data["specs"]["source"]


def test_an_isp_box_is_named_with_its_bridge_mode(lan: Lan, app_home: Path) -> None:
    data, _ = _current(lan, app_home, "virgin-hub3")
    assert data["specs"]["isp"] == "Virgin Media"
    assert any("modem mode" in tip for tip in data["tuning"])


def test_a_router_that_says_nothing_is_unknown_and_the_person_is_asked(
    lan: Lan, app_home: Path
) -> None:
    data, elapsed = _current(lan, app_home, "silent")
    assert data["identified"] is None
    assert data["verdict"] == "unknown"
    assert data["questions"] and "model" in data["questions"][0]
    assert elapsed < 10


def test_hostile_replies_give_a_clear_result_quickly(lan: Lan, app_home: Path) -> None:
    data, elapsed = _current(lan, app_home, "hostile")
    assert data["identified"] is None
    assert data["verdict"] == "unknown"
    said = " ".join(data["problems"])
    assert "away from the gateway" in said  # the off-LAN LOCATION was not fetched
    assert "more than" in said or "refused" in said  # the bomb was not parsed
    assert all(len(line) < 300 for line in data["clues"])  # a 5,000-char header is cut
    assert elapsed < 10


def test_a_plan_faster_than_its_gigabit_port_means_replace(lan: Lan, app_home: Path) -> None:
    answers = app_home / "answers.toml"
    answers.parent.mkdir(parents=True, exist_ok=True)
    answers.write_text("[isp]\ndown_mbps = 2000\nup_mbps = 2000\n", encoding="utf-8")
    data, _ = _current(lan, app_home, "netgear-r7000", "--answers", str(answers))
    assert data["verdict"] == "replace"
    assert "940" in data["reasons"][0]
    assert "2 Gbit/s" in data["gain"]


def test_a_scan_reports_the_router_in_use(lan: Lan, app_home: Path) -> None:
    proc = _router(lan, "fritzbox-7590")
    try:
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), ROUTER_ADVISOR_HOME=str(app_home))
        done = lan.run_on_laptop(
            sys.executable, "-m", "router_advisor", "scan", *lan.scan_args(), "--json", env=env
        )
        text = lan.run_on_laptop(
            sys.executable, "-m", "router_advisor", "scan", *lan.scan_args(), env=env
        )
    finally:
        proc.kill()
        proc.wait()
        lan.lab.processes.remove(proc)
    assert done.returncode == 0, done.stderr
    current = json.loads(done.stdout)["current_router"]
    assert current["gateway_ip"] == lan.gateway_ip
    assert current["identified"]["model"] == "FRITZ!Box 7590"
    assert any("TR-064" in line for line in current["identified"]["evidence"])
    assert "Your router: AVM FRITZ!Box 7590 (high confidence)" in text.stdout


def test_a_scan_hears_the_name_the_gateway_announces_over_mdns(lan: Lan, app_home: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), ROUTER_ADVISOR_HOME=str(app_home))
    announcer = lan.lab.start(
        lan.gateway,
        sys.executable,
        "-m",
        "tests.netlab.mdns_host",
        "--ip",
        lan.gateway_ip,
        "--name",
        "RT-AX86U-5C10",
        "--type",
        "_http._tcp",
        "--port",
        "80",
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
        env=env,
    )
    try:
        assert announcer.stdout is not None and announcer.stdout.readline().strip() == "ready"
        done = lan.run_on_laptop(
            sys.executable, "-m", "router_advisor", "scan", *lan.scan_args(), "--json", env=env
        )
    finally:
        announcer.kill()
        announcer.wait()
        lan.lab.processes.remove(announcer)
    assert done.returncode == 0, done.stderr
    current = json.loads(done.stdout)["current_router"]
    found = current["identified"]
    assert (found["brand"], found["model"]) == ("ASUS", "RT-AX86U")
    assert found["confidence"] == "low"  # a host name hints; it does not state a model
    assert "mDNS service '_http._tcp'" in current["clues"]
