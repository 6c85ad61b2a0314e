"""The whole wizard against the namespace lab: a real LAN to scan and a real speed-test
server on its gateway. The GUI runs inside the lab's laptop namespace (tests/gui/_walk_inner.py),
so nothing it does can reach this machine's own network."""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.netlab.lan import REPO_ROOT, running_lan
from tests.netlab.netns import require_root

pytestmark = pytest.mark.netns
SERVER_PORT = "8080"


def _start_speed_server(lan) -> None:
    proc = lan.lab.start(
        lan.gateway,
        sys.executable,
        "-m",
        "tests.netlab.speed_server",
        "--host",
        lan.gateway_ip,
        "--port",
        SERVER_PORT,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
        env={"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert proc.stdout.readline().strip() == "ready"
    # A 50/20 Mbit/s line with a short queue, shaped on the gateway's LAN port.
    lan.gateway.run(
        "tc",
        "qdisc",
        "replace",
        "dev",
        "eth0",
        "root",
        "tbf",
        "rate",
        "50mbit",
        "burst",
        "65536",
        "latency",
        "20ms",
    )


def test_the_wizard_on_the_lab_lan_and_speed_server(tmp_path: Path) -> None:
    require_root()
    with running_lan(hosts=6, second=1, late=1, mdns=True) as lan:
        _start_speed_server(lan)
        env = {
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(REPO_ROOT),
            "HOME": str(tmp_path),
            "QT_QPA_PLATFORM": "offscreen",
            "ROUTER_ADVISOR_HOME": str(tmp_path / "home"),
            "GUI_LAB_DIR": str(tmp_path),
            "GUI_LAB_IFACE": lan.iface,
            "GUI_LAB_CIDR": lan.cidr,
            "GUI_LAB_SERVER_URL": f"http://{lan.gateway_ip}:{SERVER_PORT}/speedtest/upload.php",
            "GUI_LAB_EXPECTED": json.dumps(lan.expected()),
        }
        inner = subprocess.Popen(
            lan.laptop_cmd(
                sys.executable,
                "-m",
                "pytest",
                "tests/gui/_walk_inner.py",
                "-q",
                "-p",
                "no:cacheprovider",
                "-o",
                "python_files=_walk_inner.py",
            ),
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            request = tmp_path / "change-hosts.request"
            deadline = time.monotonic() + 240
            while inner.poll() is None and not request.exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            if request.exists():
                gone = lan.hosts[-1]
                lan.remove_host(gone)
                added = lan.add_host("normal")
                (tmp_path / "change-hosts.done").write_text(
                    json.dumps({"removed": gone.ip, "added": added.ip}), encoding="utf-8"
                )
            output, _ = inner.communicate(timeout=max(10, deadline - time.monotonic()))
        finally:
            if inner.poll() is None:
                inner.kill()
                inner.wait()
    assert inner.returncode == 0, output
    assert "1 passed" in output, output
