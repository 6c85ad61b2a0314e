"""The walk test on the namespace lab: each "room" is the laptop behind a different tbf-shaped
link to a real `serve-speed` server (600, 150 and 20 Mbit/s), the Wi-Fi part an injected
recorded reading (there is no radio here). The report must rate and advise accordingly; a
server that vanishes mid-stop gives one plain line and keeps the earlier stops; a later walk
compares room by room."""

import json
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from router_advisor.cli.main import main as cli_main

from tests.netlab.netns import NetLab, require_root
from tests.netlab.wan import REPO_ROOT, SERVER_IP, Wan, _python_env, build_wan

pytestmark = pytest.mark.netns
PORT = 8080
URL = f"http://{SERVER_IP}:{PORT}/speedtest/upload.php"


def _serve(wan: Wan, home: Path) -> subprocess.Popen:
    proc = wan.lab.start(
        wan.isp,
        sys.executable,
        "-m",
        "router_advisor",
        "serve-speed",
        "--bind",
        SERVER_IP,
        "--port",
        str(PORT),
        stdout=subprocess.PIPE,
        cwd=REPO_ROOT,
        env=_python_env(str(home)),
    )
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], 30)
    line = proc.stdout.readline().decode() if ready else ""
    assert line.startswith(f"Serving the speed test at {URL}"), line
    return proc


def _stop(wan: Wan, home: Path, room: str, fixture: str, db: Path) -> dict:
    done = subprocess.run(
        wan.laptop_cmd(sys.executable, "-m", "tests.netlab.walk_stop", room, fixture, URL, str(db)),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO_ROOT,
        env=_python_env(str(home)),
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _report(db: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    assert cli_main(["walk", "report", "--json", "--db", str(db)]) == 0
    return json.loads(capsys.readouterr().out)


def test_rooms_behind_600_150_and_20_mbit_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require_root()
    db, home = tmp_path / "history.db", tmp_path
    lab = NetLab()
    try:
        wan = build_wan(lab)
        server = _serve(wan, home)

        wan.shape(600, 600, 5)
        hall = wan.run_app(
            "walk",
            "measure",
            "--room",
            "Hall",
            "--server-url",
            URL,
            "--db",
            str(db),
            "--json",
            home=str(home),
        )
        assert hall.returncode == 0, hall.stderr
        wired = json.loads(hall.stdout)  # the namespace has no Wi-Fi: a wired stop
        assert (wired["signal_dbm"], wired["bssid"], wired["rating"]) == (None, None, "good")
        assert "Wired" in wired["note"] and wired["download_mbps"] > 300

        wan.shape(150, 150, 5)
        kitchen = _stop(wan, home, "Kitchen", "macos_strong.txt", db)
        assert kitchen["rating"] == "good" and 100 < kitchen["download_mbps"] < 150

        wan.shape(20, 20, 5)
        bedroom = _stop(wan, home, "Bedroom 2", "netsh_weak.txt", db)
        assert bedroom["rating"] == "weak" and bedroom["signal_dbm"] == -78
        assert 15 < bedroom["download_mbps"] < 21 and bedroom["bssid"] == "56:dd:8c:45:e5:fa"

        report = _report(db, capsys)
        assert [r["rating"] for r in report["rooms"]] == ["good", "good", "weak"]
        assert report["weak_rooms"] == ["Bedroom 2"] and report["nodes_suggested"] == 2
        assert report["advice"][0].startswith("Add a node between Kitchen and Bedroom 2")

        # The server vanishes in the middle of the next stop.
        attic = wan.popen_laptop(
            [
                sys.executable,
                "-m",
                "router_advisor",
                "walk",
                "measure",
                "--room",
                "Attic",
                "--server-url",
                URL,
                "--db",
                str(db),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_python_env(str(home)),
        )
        time.sleep(2.5)
        server.kill()
        server.wait(timeout=5)
        out, err = attic.communicate(timeout=30)
        assert attic.returncode == 1 and out == ""
        assert err.count("\n") == 1 and "Traceback" not in err
        assert "The test in Attic did not finish" in err
        assert "the rooms measured before are kept" in err
        assert [r["room"] for r in _report(db, capsys)["rooms"]] == ["Hall", "Kitchen", "Bedroom 2"]

        # A node goes in; a new walk measures Bedroom 2 again, now on the new node.
        _serve(wan, home)
        assert cli_main(["walk", "new", "--db", str(db)]) == 0
        wan.shape(600, 600, 5)
        again = _stop(wan, home, "Bedroom 2", "iw_link_strong.txt", db)
        assert again["rating"] == "good"
        later = _report(db, capsys)
        assert later["compared_with"] == 1 and later["nodes_suggested"] == 1
        (change,) = later["changes"]
        assert change["text"].startswith("Bedroom 2: ")
        assert change["text"].endswith("Mbit/s (weak -> good) after the new node")
    finally:
        lab.close()
