"""`router-advisor run`: options it would ignore are refused, and what it suggests next works
(review items 1 and 15). Nothing here measures or scans: every case stops before that."""

import json

import pytest
from router_advisor.cli.run_cmd import _next_step

ANSWERS = "data/examples/family-home.toml"


def _one_line(out, code: int, needle: str) -> None:
    assert out.returncode == code, out.stderr
    assert needle in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any speedtest.net request goes to a closed loopback port: a regression fails here."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--no-speed", "--no-scan", "--iface", "nosuch0"), "leave them out with --no-scan"),
        (("--no-speed", "--no-scan", "--cidr", "10.9.9.0/24"), "leave them out with --no-scan"),
        (("--no-speed", "--no-scan", "--server-url", "http://127.0.0.1:9/"), "with --no-speed"),
        (("--no-scan", "--server-url", ""), "The server URL '' is not valid"),
    ],
)
def test_options_that_would_be_ignored_are_refused_and_nothing_is_saved(
    cli, args: tuple[str, ...], needle: str
) -> None:
    _one_line(cli("run", "--answers", ANSWERS, *args), 2, needle)
    assert json.loads(cli("history", "list", "--json").stdout) == []


def test_a_run_without_a_scan_does_not_point_to_history_diff(cli) -> None:
    out = cli("run", "--answers", ANSWERS, "--no-speed", "--no-scan")
    assert out.returncode == 0 and out.stdout.strip() == "1"
    assert "has no network scan, so `history diff` cannot compare it" in out.stderr
    assert "compares" not in out.stderr


def test_the_next_step_names_the_run_diff_compares_with() -> None:
    assert "compares its devices with run 3" in _next_step(7, True, 3)
    first = _next_step(1, True, None)
    assert "run again another day" in first and "compares" not in first
