"""`router-advisor history ...` and `devices label`, run as a person runs them (subprocess)."""

import json
from pathlib import Path

import pytest

from app.history.store import HistoryStore
from tests.history import factory
from tests.history.factory import device

PHONE = "da:00:00:00:00:01"


@pytest.fixture
def saved(app_home: Path) -> Path:
    """Three runs in the default history: a device comes, one goes, a phone moves IP."""
    path = app_home / "history.db"
    with HistoryStore(path) as store:
        store.save_run(
            factory.run(
                [device(1), device(2), device(3, mac=PHONE, hostname="Anna-Phone")],
                download=90.0,
                created_at="2025-01-01T10:00:00Z",
                grade="C",
            )
        )
        store.save_run(
            factory.run(
                [device(1), device(3, mac=PHONE, hostname="Anna-Phone")],
                download=120.0,
                created_at="2025-02-01T10:00:00Z",
            )
        )
        store.save_run(
            factory.run(
                [
                    device(1),
                    device(3, mac=PHONE, hostname="Anna-Phone", ip="10.0.0.50"),
                    device(4, kind="tv"),
                ],
                download=200.0,
                created_at="2025-03-01T10:00:00Z",
                grade="A",
            )
        )
    return path


def test_list_text_and_json(cli, saved: Path) -> None:
    out = cli("history", "list")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].split()[:2] == ["run", "date"] and lines[1].split()[0] == "3"
    runs = json.loads(cli("history", "list", "--json").stdout)
    assert [r["id"] for r in runs] == [3, 2, 1]
    assert runs[0]["download_mbps"] == 200.0 and runs[0]["device_count"] == 3


def test_diff_defaults_to_the_last_two_runs(cli, saved: Path) -> None:
    data = json.loads(cli("history", "diff", "--json").stdout)
    assert (data["before"]["id"], data["after"]["id"]) == (2, 3)
    assert [d["mac"] for d in data["new"]] == [device(4).mac]
    assert data["gone"] == []
    assert [(c["changes"][0]["field"], c["changes"][0]["after"]) for c in data["changed"]] == [
        ("ip", "10.0.0.50")
    ]
    text = cli("history", "diff", "1", "3").stdout
    assert "New devices (1):" in text and "Gone devices (1):" in text
    assert "Anna-Phone: ip 10.0.0.5 -> 10.0.0.50" in text


def test_show_and_label_follow_the_device(cli, saved: Path) -> None:
    out = cli(
        "devices", "label", PHONE.upper(), "--name", "Anna's phone", "--known", "--kind", "phone"
    )
    assert out.returncode == 0, out.stderr
    run = json.loads(cli("history", "show", "1", "--json").stdout)
    phone = next(d for d in run["devices"] if d["mac"] == PHONE)
    assert (phone["label"], phone["known"], phone["kind"]) == ("Anna's phone", True, "phone")
    assert run["answers"] == factory.ANSWERS and run["speed"]["download_mbps"] == 90.0
    text = cli("history", "show", "3").stdout
    assert "Anna's phone" in text and "Speed: 200.0 down" in text


def test_trend_is_oldest_first(cli, saved: Path) -> None:
    points = json.loads(cli("history", "trend", "--json").stdout)
    assert [(p["download_mbps"], p["grade"], p["device_count"]) for p in points] == [
        (90.0, "C", 3),
        (120.0, "B", 2),
        (200.0, "A", 3),
    ]
    assert cli("history", "trend").stdout.splitlines()[1].split()[0] == "1"


def test_prune_keeps_the_newest(cli, saved: Path) -> None:
    assert json.loads(cli("history", "prune", "--keep", "1", "--json").stdout) == {
        "deleted": 2,
        "kept": 1,
    }
    assert [r["id"] for r in json.loads(cli("history", "list", "--json").stdout)] == [3]


def test_db_option_uses_another_file(cli, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.db"
    with HistoryStore(other) as store:
        store.save_run(factory.run([device(7)]))
    assert [
        r["id"] for r in json.loads(cli("history", "list", "--db", str(other), "--json").stdout)
    ] == [1]
    assert json.loads(cli("history", "list", "--json").stdout) == []


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("history", "show", "99"), "no run 99"),
        (("history", "diff", "1"), "two run ids"),
        (("history", "prune", "--keep", "0"), "--keep must be 1"),
        (("devices", "label", "00:11:22:33:44:55", "--name", "x"), "No saved scan has seen"),
        (("devices", "label", "not-a-mac", "--name", "x"), "not a MAC address"),
    ],
)
def test_bad_input_is_one_plain_line_and_exit_2(
    cli, saved: Path, args: tuple[str, ...], needle: str
) -> None:
    out = cli(*args)
    assert out.returncode == 2
    assert needle in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_diff_with_fewer_than_two_scans_says_what_to_do(cli) -> None:
    out = cli("history", "diff")
    assert out.returncode == 2 and "Run `router-advisor run` again later" in out.stderr


def test_a_foreign_file_is_refused_untouched_with_how_to_start_fresh(cli, app_home: Path) -> None:
    path = app_home / "history.db"
    path.write_bytes(b"my tax return, not a database\n" * 50)
    before = path.read_bytes()
    out = cli("history", "list")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "move it aside" in out.stderr and f"mv '{path}'" in out.stderr
    assert path.read_bytes() == before


def test_run_without_speed_or_scan_saves_answers_and_the_recommendation(cli) -> None:
    answers = "data/examples/family-home.toml"
    out = cli("run", "--answers", answers, "--no-speed", "--no-scan")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "1" and "Saved run 1" in out.stderr
    run = json.loads(cli("run", "--answers", answers, "--no-speed", "--no-scan", "--json").stdout)
    assert run["id"] == 2 and run["speed"] is None and run["scan"] is None
    assert run["answers"]["household"]["people"] == 4
    assert run["top_pick"] == run["recommendation"]["shortlist"][0]["key"]
    assert "fewer than two runs with a network scan" in cli("history", "diff").stderr


def test_run_with_bad_answers_saves_nothing(cli, tmp_path: Path) -> None:
    bad = tmp_path / "answers.toml"
    bad.write_text("[household]\npeople = -3\n")
    out = cli("run", "--answers", str(bad), "--no-speed", "--no-scan")
    assert out.returncode == 2 and str(bad) in out.stderr
    assert json.loads(cli("history", "list", "--json").stdout) == []
