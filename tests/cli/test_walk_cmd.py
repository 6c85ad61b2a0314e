"""`walk` commands without a network: an empty history, new/list/undo, bad room names, a
server that is not there (one line, nothing kept), and `recommend --walk`/`export --walk`;
a saved run keeps the walk made for it."""

import json
import socket
from pathlib import Path

import pytest
from router_advisor.cli.main import main
from router_advisor.core.answers import answers_from_dict
from router_advisor.core.scan import WifiLink
from router_advisor.core.walk import WalkStop
from router_advisor.history.walks import WalkStore
from router_advisor.services import history, walk


def _keep(room: str, dbm: int, mbps: float) -> None:
    link = WifiLink(band="5", signal_dbm=dbm, bssid="50:c7:bf:8e:12:6d", tx_rate_mbps=866)
    with history.open_history() as store:
        walk.keep_stop(store, WalkStop(room, "2026-12-01T10:00:00Z", link, mbps, mbps, 3.0))


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_an_empty_history_reports_how_to_start(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "walk", "report", "--json")
    assert code == 0
    assert json.loads(out) | {"advice": []} == json.loads(out) | {
        "rooms": [],
        "weak_rooms": [],
        "nodes_suggested": None,
        "advice": [],
    }
    assert _run(capsys, "walk", "list", "--json")[1].strip() == "[]"
    assert "no stops" in _run(capsys, "walk", "undo")[1]


def test_report_list_undo_and_new(capsys: pytest.CaptureFixture[str]) -> None:
    _keep("Hall", -50, 600)
    _keep("Bedroom 2", -80, 20)
    code, out, _ = _run(capsys, "walk", "report")
    assert code == 0 and "Bedroom 2" in out and "weak" in out
    assert "Nodes suggested: 2" in out and "Add a node between Hall and Bedroom 2" in out
    data = json.loads(_run(capsys, "walk", "report", "--json")[1])
    assert list(data)[:4] == ["rooms", "weak_rooms", "nodes_suggested", "advice"]
    assert data["rooms"][1]["link_mbps"] == 866
    assert "Removed the stop in Bedroom 2" in _run(capsys, "walk", "undo")[1]
    assert json.loads(_run(capsys, "walk", "new", "--json")[1])["walk_id"] == 2
    listed = json.loads(_run(capsys, "walk", "list", "--json")[1])
    assert [(w["id"], w["stops"]) for w in listed] == [(2, 0), (1, 1)]
    code, _, err = _run(capsys, "walk", "report", "7")
    assert code == 2 and "There is no walk 7" in err


@pytest.mark.parametrize("room", ["", "   ", "x" * 41, "Hall\x1b[2J", "Den\x00"])
def test_a_bad_room_name_is_one_line(room: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "walk", "measure", "--room", room, "--server-url", "http://x/")
    assert code == 2 and err.count("\n") == 1


def test_a_server_that_is_not_there_keeps_the_earlier_stops(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _keep("Hall", -50, 600)
    with socket.socket() as closed:  # a loopback port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    url = f"http://127.0.0.1:{port}/speedtest/upload.php"
    code, out, err = _run(capsys, "walk", "measure", "--room", "Attic", "--server-url", url)
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "The test in Attic did not finish" in err and "rooms measured before are kept" in err
    with history.open_history() as store:
        assert [s.room for s in walk.report(store).rooms] == ["Hall"]


def test_recommend_and_export_use_the_walk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "recommend", "--walk")
    assert code == 2 and "no room has been measured yet" in err
    _keep("Hall", -50, 600)
    _keep("Bedroom 2", -80, 20)
    code, out, _ = _run(capsys, "recommend", "--walk", "--json")
    requirements = json.loads(out)["requirements"]
    assert code == 0 and requirements["nodes_needed"] == 2 and requirements["nodes_measured"]
    target = tmp_path / "report.md"
    assert _run(capsys, "export", "--walk", "--format", "md", "--out", str(target))[0] == 0
    text = target.read_text(encoding="utf-8")
    assert "## Walk test, room by room" in text and "Bedroom 2" in text


def test_a_saved_run_keeps_the_walk_made_for_it() -> None:
    _keep("Hall", -50, 600)
    with history.open_history() as store:
        run_id = history.save_run(store, answers_from_dict({}), None, None, None)
        kept = WalkStore(store.db).of_run(run_id)
        assert kept is not None and [s.room for s in kept.stops] == ["Hall"]


def test_run_with_the_walk_keeps_it_and_history_shows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text("[home]\nsize_m2 = 400\nfloors = 3\n", encoding="utf-8")
    base = ("run", "--answers", str(answers), "--no-speed", "--no-scan")
    code, _, err = _run(capsys, *base, "--walk")
    assert code == 2 and "no room has been measured yet" in err
    _keep("Hall", -50, 600)
    _keep("Bedroom 2", -80, 20)
    code, out, _ = _run(capsys, *base, "--walk", "--json")
    saved = json.loads(out)
    assert code == 0 and saved["recommendation"]["requirements"]["nodes_needed"] == 2
    assert saved["walk"]["weak_rooms"] == ["Bedroom 2"]
    code, out, _ = _run(capsys, "history", "show", str(saved["id"]))
    assert "Walk test: 2 rooms, weak: Bedroom 2; 2 nodes suggested" in out
