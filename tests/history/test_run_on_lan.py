"""End to end: `router-advisor run` twice on the namespace LAN, a host added and one removed
in between, and `history diff` reports exactly those two."""

import json
import os
import sys
from pathlib import Path

import pytest

from tests.netlab.lan import REPO_ROOT, running_lan
from tests.netlab.netns import require_root

pytestmark = pytest.mark.netns

ANSWERS = REPO_ROOT / "data" / "examples" / "family-home.toml"


def test_rescan_diff_reports_the_added_and_the_removed_host(app_home: Path) -> None:
    require_root()
    db = app_home / "history.db"
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), ROUTER_ADVISOR_HOME=str(app_home))
    with running_lan(hosts=8, second=1, late=1, mdns=True) as lan:

        def app(*args: str) -> str:
            out = lan.run_on_laptop(
                sys.executable, "-m", "app", *args, "--db", str(db), timeout=120, env=env
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
