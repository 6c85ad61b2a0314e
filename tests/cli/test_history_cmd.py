"""`router-advisor history ...` and `devices label`, run as a person runs them (subprocess)."""

import json
import re
from pathlib import Path

import pytest
from router_advisor.history.store import HistoryStore
from router_advisor.report.facts import display_name

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


def test_diff_with_the_newer_run_first_is_put_in_time_order(cli, saved: Path) -> None:
    """Issue 15: `history diff 3 1` was accepted and swapped new and gone."""
    forward = json.loads(cli("history", "diff", "1", "3", "--json").stdout)
    backward = json.loads(cli("history", "diff", "3", "1", "--json").stdout)
    assert backward == forward
    assert (backward["before"]["id"], backward["after"]["id"]) == (1, 3)
    assert [d["mac"] for d in backward["new"]] == [device(4).mac]
    assert [d["mac"] for d in backward["gone"]] == [device(2).mac]
    text = cli("history", "diff", "3", "1").stdout
    assert text.startswith("Compared in time order: run 1 is the older one.\nRun 1 (")
    same = cli("history", "diff", "2", "2")
    assert same.returncode == 2 and "Both run ids are 2" in same.stderr


def test_prune_on_an_empty_history_says_so(cli, tmp_path: Path) -> None:
    """Issue 15: it said "kept the newest 1" with no run at all."""
    empty = cli("history", "prune", "--keep", "1")
    assert empty.returncode == 0, empty.stderr
    assert empty.stdout.strip() == "The history is empty: there was nothing to prune."
    assert json.loads(cli("history", "prune", "--keep", "1", "--json").stdout) == {
        "deleted": 0,
        "kept": 0,
    }


def test_prune_with_fewer_runs_than_kept_deletes_nothing_and_says_so(cli, saved: Path) -> None:
    out = cli("history", "prune", "--keep", "5")
    assert out.stdout.strip() == "Nothing deleted: the history holds 3 runs, no more than 5."
    assert cli("history", "prune", "--keep", "2").stdout.strip() == (
        "Deleted 1 older run; kept the newest 2 runs."
    )


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
        (("history", "prune", "--keep", "0"), "--keep: write a whole number from 1"),
        (("history", "show", "99999999999999999999"), "no run 99999999999999999999"),
        (("history", "show", "x"), "a run id is a whole number such as 3"),
        (("history", "list", "--limit", "x"), "--limit: write a whole number from 1"),
        (("history", "diff", "1", "3", "4"), "unrecognized arguments: 4"),
        (("history", "diff", "2", "99999999999999999999"), "no run 99999999999999999999"),
        (("devices", "label", PHONE), "Say what to change"),
        (("devices", "label", PHONE, "--name", "x" * 61), "keep it to 60"),
        (("devices", "label", PHONE, "--kind", "fridge"), "choose one of: phone, computer"),
        (("devices", "label", PHONE, "--known", "--not-known"), "not allowed with"),
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


def test_history_show_gives_every_price_its_age(cli) -> None:
    """Issue 12: a price is shown with how old it is wherever it is shown; a system of
    several parts names the age of its main unit's price, the date a saved run keeps."""
    answers = "data/examples/family-home.toml"
    assert cli("run", "--answers", answers, "--no-speed", "--no-scan").returncode == 0
    text = cli("history", "show", "1").stdout
    shortlist = text.partition("Shortlist:\n")[2].partition("Answers:")[0]
    priced = [line for line in shortlist.splitlines() if "$" in line]
    assert priced, text
    for line in priced:
        assert re.search(r"price as of \d{4}-\d\d|date unknown", line), line


def test_run_with_bad_answers_saves_nothing(cli, tmp_path: Path) -> None:
    bad = tmp_path / "answers.toml"
    bad.write_text("[household]\npeople = -3\n")
    out = cli("run", "--answers", str(bad), "--no-speed", "--no-scan")
    assert out.returncode == 2 and str(bad) in out.stderr
    assert json.loads(cli("history", "list", "--json").stdout) == []


def _one_line(out, code: int, needle: str) -> None:
    assert out.returncode == code, out.stderr
    assert needle in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr


@pytest.mark.parametrize("command", ["list", "show", "diff", "trend", "prune", "label"])
def test_read_commands_never_create_a_db_file_or_its_folders(
    cli, tmp_path: Path, command: str
) -> None:
    """Review item 2: `history list --db /nonexistent/dir/h.db` created the file."""
    path = tmp_path / "no" / "such" / "h.db"
    args = {
        "list": ("history", "list"),
        "show": ("history", "show", "1"),
        "diff": ("history", "diff"),
        "trend": ("history", "trend"),
        "prune": ("history", "prune", "--keep", "1"),
        "label": ("devices", "label", PHONE, "--name", "x"),
    }[command]
    _one_line(cli(*args, "--db", str(path)), 2, f"There is no history at {path}")
    assert list(tmp_path.iterdir()) == []


def test_the_default_history_reads_as_empty_without_being_created(cli, app_home: Path) -> None:
    out = cli("history", "list")
    assert out.returncode == 0 and out.stdout.startswith("No runs saved yet")
    assert cli("history", "trend", "--json").stdout.strip() == "[]"
    assert not (app_home / "history.db").exists()


def test_a_folder_as_db_asks_for_a_file_and_never_to_move_it(cli, tmp_path: Path) -> None:
    out = cli("history", "list", "--db", str(tmp_path))
    _one_line(out, 2, "is a folder; give the path of a history file")
    assert "mv " not in out.stderr


def test_the_catalog_as_db_is_called_the_catalog(cli, app_home: Path) -> None:
    assert cli("catalog", "list").returncode == 0
    catalog = app_home / "catalog.db"
    out = cli("history", "list", "--db", str(catalog))
    _one_line(out, 2, "is Router Advisor's router catalog, not the history")
    assert "another program" not in out.stderr


def test_run_with_a_db_in_a_missing_folder_is_refused(cli, tmp_path: Path) -> None:
    path = tmp_path / "nope" / "h.db"
    out = cli(
        "run",
        "--answers",
        "data/examples/family-home.toml",
        "--no-speed",
        "--no-scan",
        "--db",
        str(path),
    )
    _one_line(out, 2, f"The folder {path.parent} does not exist")
    assert list(tmp_path.iterdir()) == []


def test_diff_refuses_a_run_that_never_scanned(cli, saved: Path) -> None:
    """Review item 3: a run saved with --no-scan listed every device as new."""
    with HistoryStore(saved) as store:
        store.save_run(factory.run(None, created_at="2025-04-01T10:00:00Z"))
    out = cli("history", "diff", "1", "4")
    _one_line(out, 2, "Run 4 has no network scan; pick two runs that scanned")
    assert out.stdout == ""


def test_label_changes_only_what_it_is_given(cli, saved: Path) -> None:
    """Review item 7: a second label forgot the first's 'known' mark and kind."""
    first = cli(
        "devices", "label", PHONE, "--name", "X", "--known", "--kind", "smart-home", "--json"
    )
    assert json.loads(first.stdout) | {"device_id": 0} == {
        "device_id": 0,
        "mac": PHONE,
        "name": "X",
        "known": True,
        "kind": "iot",
    }
    data = json.loads(cli("devices", "label", PHONE, "--name", "Y", "--json").stdout)
    assert (data["name"], data["known"], data["kind"]) == ("Y", True, "iot")
    data = json.loads(cli("devices", "label", PHONE, "--not-known", "--json").stdout)
    assert (data["name"], data["known"], data["kind"]) == ("Y", False, "iot")
    text = cli("devices", "label", PHONE, "--kind", "detected").stdout
    assert "'Y', known no, kind as the scan found it" in text
    run = json.loads(cli("history", "show", "1", "--json").stdout)
    phone = next(d for d in run["devices"] if d["mac"] == PHONE)
    assert (phone["label"], phone["known"], phone["kind"]) == ("Y", False, "unknown")


def test_people_read_smart_home_where_the_store_says_iot(cli, saved: Path) -> None:
    with HistoryStore(saved) as store:
        store.save_run(factory.run([device(1), device(9, kind="iot", hostname=None)]))
    shown = cli("history", "show", "4").stdout
    diff = cli("history", "diff", "3", "4").stdout
    for text in (shown, diff):
        assert "smart-home" in text and "iot" not in text
    assert "unknown" in diff and "no name" not in diff
    assert json.loads(cli("history", "show", "4", "--json").stdout)["devices"][1]["kind"] == "iot"


def test_tables_say_not_measured_and_local_time(cli, saved: Path, monkeypatch) -> None:
    """Review items 13, 14: '-' for missing values; dates in UTC; internal top-pick keys."""
    with HistoryStore(saved) as store:
        store.save_run(factory.run(None, created_at="2025-04-01T10:00:00Z"))
        store.db.execute(
            "UPDATE runs SET download_mbps = NULL, upload_mbps = NULL, "
            "idle_latency_ms = NULL, loaded_latency_ms = NULL, grade = NULL "
            "WHERE id = 4"
        )
        store.db.conn.commit()
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    lines = cli("history", "list").stdout.splitlines()
    assert lines[0].split()[:2] == ["run", "date"] and "UTC" not in lines[0]
    assert lines[1].startswith("4    2025-04-01 15:30")
    assert lines[1].count("not measured") == 5 and "not scanned" in lines[1]
    assert " - " not in " ".join(lines)
    assert "2025-03-01 15:30" in cli("history", "show", "3").stdout


def test_show_has_the_shortlist_and_answers_and_names_the_top_pick(cli) -> None:
    out = cli(
        "run", "--answers", "data/examples/family-home.toml", "--no-speed", "--no-scan", "--json"
    )
    saved = json.loads(out.stdout)
    top = saved["recommendation"]["shortlist"][0]
    name = display_name(top)  # brand, model and revision, as every front end names it
    listed = cli("history", "list").stdout
    assert name in listed and saved["top_pick"] not in listed
    assert json.loads(cli("history", "list", "--json").stdout)[0]["top_pick_name"] == name
    shown = cli("history", "show", "1").stdout
    assert f"Top pick: {name}" in shown and f"  1. {name}  $" in shown and "/100" in shown
    assert "  [household] devices = 25, people = 4" in shown and "Speed: not measured" in shown
    assert '  [preferences] comfort = "app", mesh = "auto", no_cloud_account = false' in shown


def test_every_option_and_positional_has_help(cli) -> None:
    """Review item 18: ID, A B, MAC, --keep, --name, --limit, --kind had no help."""
    from router_advisor.cli.main import build_parser

    def leaves(parser):
        subs = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
        if not subs:
            yield parser
        for action in subs:
            for sub in action.choices.values():
                yield from leaves(sub)

    parser = build_parser()
    commands = {"run", "history", "devices", "speed"}
    for action in parser._actions:
        if action.__class__.__name__ != "_SubParsersAction":
            continue
        for name, sub in action.choices.items():
            if name not in commands:
                continue
            assert sub.description, name
            for leaf in leaves(sub):
                assert leaf.description, leaf.prog
                for a in leaf._actions:
                    assert a.help, f"{leaf.prog} {a.dest}"
    assert "[A] [B]" in cli("history", "diff", "--help").stdout
