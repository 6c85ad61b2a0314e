"""End to end in namespaces: `router-advisor run` twice on the lab LAN with a host added and
one removed in between (`history diff` reports exactly those two), and `run` measuring the
speed of the lab WAN."""

import json
import os
import sys
from pathlib import Path

import pytest
from router_advisor.history.store import HistoryStore

from tests.netlab.lan import REPO_ROOT, running_lan
from tests.netlab.netns import require_root
from tests.netlab.wan import goodput_mbps, running_wan

pytestmark = pytest.mark.netns

ANSWERS = REPO_ROOT / "data" / "examples" / "family-home.toml"


def test_rescan_diff_reports_the_added_and_the_removed_host(app_home: Path) -> None:
    require_root()
    db = app_home / "history.db"
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), ROUTER_ADVISOR_HOME=str(app_home))
    with running_lan(hosts=8, second=1, late=1, mdns=True) as lan:

        def app(*args: str) -> str:
            out = lan.run_on_laptop(
                sys.executable, "-m", "router_advisor", *args, "--db", str(db), timeout=120, env=env
            )
            assert out.returncode == 0, out.stderr
            return out.stdout

        first = json.loads(
            app("run", "--answers", str(ANSWERS), "--no-speed", *lan.scan_args(), "--json")
        )
        assert {d["ip"]: d["mac"] for d in first["devices"]} == lan.expected()
        gone = next(h for h in lan.hosts if h.behaviour == "normal")
        lan.remove_host(gone)
        added = lan.add_host("normal")
        second_id = int(app("run", "--answers", str(ANSWERS), "--no-speed", *lan.scan_args()))
        assert second_id == first["id"] + 1
        diff = json.loads(app("history", "diff", "--json"))

    assert (diff["before"]["id"], diff["after"]["id"]) == (first["id"], second_id)
    assert [(d["ip"], d["mac"]) for d in diff["new"]] == [(added.ip, added.mac)]
    assert [(d["ip"], d["mac"]) for d in diff["gone"]] == [(gone.ip, gone.mac)]
    assert diff["changed"] == []
    assert diff["unchanged"] == len(first["devices"]) - 1


def test_run_measures_speed_on_the_lab_wan_and_a_failed_step_saves_nothing(app_home: Path) -> None:
    require_root()
    db = str(app_home / "history.db")
    with running_wan(down_mbit=20, up_mbit=10, queue_ms=5) as wan:
        args = (
            "run",
            "--answers",
            str(ANSWERS),
            "--no-scan",
            "--server-url",
            wan.server_url,
            "--db",
            db,
        )
        out = wan.run_app(*args, "--json", home=str(app_home))
        assert out.returncode == 0, out.stderr
        run = json.loads(out.stdout)
        wan.stop_server()
        failed = wan.run_app(*args, home=str(app_home))
    # The speed engine's accuracy is tested in tests/net; here: the run keeps what it measured.
    assert run["download_mbps"] == pytest.approx(goodput_mbps(20), rel=0.25), run["speed"]
    assert run["upload_mbps"] == pytest.approx(goodput_mbps(10), rel=0.25), run["speed"]
    assert run["download_mbps"] == run["speed"]["download_mbps"]
    assert run["grade"] == run["speed"]["bufferbloat_grade"] is not None
    assert run["speed"]["server"]["url"] == wan.server_url and run["scan"] is None
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    with HistoryStore(Path(db)) as store:
        assert [r.id for r in store.list_runs()] == [run["id"]]
