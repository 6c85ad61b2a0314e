"""`router-advisor speed`: manual entry, and each failure as one clear line with its exit code.

Network cases run the CLI inside the laptop namespace of a shaped lab WAN; nothing leaves it.
"""

import json

import pytest

from tests.netlab.netns import require_root
from tests.netlab.wan import SERVER_IP, running_wan


def test_manual_entry_prints_the_speed_json_shape(cli) -> None:
    proc = cli("speed", "--manual", "300/50", "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["manual"] is True and result["download_mbps"] == 300.0
    assert result["upload_mbps"] == 50.0 and result["bufferbloat_grade"] is None
    assert set(result["loaded_latency_ms"]) == {"download", "upload"}
    assert set(result["verdicts"]) == {"streaming_4k", "large_uploads"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--manual", "fast"), "--manual takes DOWN/UP"),
        (("--manual", "0/10"), "download speed must be"),
        (("--manual", "300/50/0"), "idle latency must be"),
        (("--manual", "300/50/12/4"), "optional idle latency in ms"),
        (("--server-url", "ftp://example.invalid/x"), "is not valid"),
        (("--server-url", "http://10.0.0.1:99999/"), "bad port"),
        (("--server-id", "abc"), "is not a number"),
        (
            ("--server-url", "http://10.0.0.1/", "--max-seconds", "1"),
            "time limit must be between 4 and 60 seconds",
        ),
    ],
)
def test_bad_input_is_exit_code_two_before_any_network(cli, args, message) -> None:
    proc = cli("speed", *args)
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr


@pytest.fixture
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Send any speedtest.net request the code might make to a closed loopback port, so a
    regression fails here (connection refused) instead of reaching the internet."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--server-url", ""), "The server URL '' is not valid"),
        (("--server-url", "  "), "The server URL '  ' is not valid"),
        (("--directory-url", ""), "The directory URL '' is not valid"),
        (("--manual", ""), "--manual takes DOWN/UP"),
        (("--max-seconds", "abc"), "--max-seconds: write a number of seconds above 0, not 'abc'"),
    ],
)
def test_a_given_but_empty_value_is_refused_not_ignored(
    cli, no_internet: None, args: tuple[str, ...], message: str
) -> None:
    """Review item 1: an empty --server-url fell back to speedtest.net."""
    proc = cli("speed", *args)
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_an_empty_directory_in_the_environment_counts_as_unset(
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROUTER_ADVISOR_SPEEDTEST_DIRECTORY", "")
    proc = cli("speed", "--server-url", "http://127.0.0.1:9/", "--max-seconds", "1")
    assert proc.returncode == 2 and "time limit must be between 4 and 60 seconds" in proc.stderr


@pytest.fixture(scope="module")
def wan():
    require_root()
    with running_wan(down_mbit=50, up_mbit=10, queue_ms=5) as lab:
        yield lab


@pytest.mark.netns
def test_default_selection_through_a_self_hosted_directory(wan) -> None:
    proc = wan.run_app("speed", "--directory-url", wan.directory_url, "--json")
    assert proc.returncode == 0, proc.stderr
    server = json.loads(proc.stdout)["server"]
    assert server["id"] == "4242" and server["sponsor"] == "Router Advisor test lab"


@pytest.mark.netns
def test_verbose_names_the_directory_server_and_timings(wan) -> None:
    """Issue 15: --verbose said nothing about where the test went or how long it took."""
    proc = wan.run_app(
        "speed",
        "--max-seconds",
        "6",
        "--verbose",
        env={"ROUTER_ADVISOR_SPEEDTEST_DIRECTORY": wan.directory_url},
    )
    assert proc.returncode == 0, proc.stderr
    log = proc.stderr
    assert f"directory {wan.directory_url}" in log and "at most 6 s" in log
    assert f"speed test against http://{SERVER_IP}:8080/speedtest/upload.php" in log
    assert "Mbit/s, idle" in log and "took" in log and "exit code 0" in log


@pytest.mark.netns
def test_server_id_that_does_not_exist(wan) -> None:
    proc = wan.run_app("speed", "--directory-url", wan.directory_url, "--server-id", "7")
    assert proc.returncode == 2
    assert "No speed-test server has the id 7" in proc.stderr


@pytest.mark.netns
def test_refused_connection(wan) -> None:
    proc = wan.run_app("speed", "--server-url", f"http://{SERVER_IP}:9/speedtest/upload.php")
    assert proc.returncode == 1
    assert "refused the connection" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.netns
def test_unreachable_server(wan) -> None:
    proc = wan.run_app("speed", "--server-url", "http://10.77.2.99:8080/speedtest/upload.php")
    assert proc.returncode == 1
    assert "unreachable" in proc.stderr or "stopped answering" in proc.stderr, proc.stderr


@pytest.mark.netns
def test_not_a_speedtest_server(wan) -> None:
    proc = wan.run_app("speed", "--server-url", f"http://{SERVER_IP}:8080/elsewhere/")
    assert proc.returncode == 1
    assert "is not a speed-test server" in proc.stderr


@pytest.mark.netns
def test_malformed_config_and_http_403() -> None:
    require_root()
    with running_wan(down_mbit=20, up_mbit=20, server_args=("--malformed-config",)) as lab:
        proc = lab.run_app("speed", "--directory-url", lab.directory_url)
        assert proc.returncode == 1
        assert "cannot be read" in proc.stderr and "Traceback" not in proc.stderr
        lab.start_server("--forbid")
        proc = lab.run_app("speed", "--server-url", lab.server_url)
    # A 403 over HTTP is retried over HTTPS; this lab server is started without --tls-port.
    assert proc.returncode == 1
    assert "secure connection" in proc.stderr, proc.stderr


def test_manual_entry_in_text_says_it_was_typed_not_measured(cli) -> None:
    proc = cli("speed", "--manual", "300/50")
    assert proc.returncode == 0, proc.stderr
    first = proc.stdout.splitlines()[0]
    assert "entered by hand" in first and "not measured" in first
    assert "4K streaming:" in proc.stdout


def test_manual_entry_takes_an_optional_idle_latency_that_recommend_uses(cli, tmp_path) -> None:
    """Issue 11: a typed plan may carry its idle latency (e.g. a satellite's 600 ms); it is
    kept as typed, no bufferbloat grade is made up, and the advice names it."""
    proc = cli("speed", "--manual", "100/10/600", "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["idle_latency_ms"] == 600.0 and result["bufferbloat_grade"] is None
    assert "idle latency 600 ms as typed" in cli("speed", "--manual", "100/10/600").stdout
    speed = tmp_path / "speed.json"
    speed.write_text(proc.stdout)
    advice = cli("recommend", "--speed", str(speed))
    assert advice.returncode == 0, advice.stderr
    assert "idle latency is 600 ms" in advice.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--manual", "300/50", "--max-seconds", "999", "--directory-url", "not a url"),
            "time limit must be between 4 and 60 seconds, not 999. --max-seconds sets it",
        ),
        (
            ("--manual", "300/50", "--directory-url", "not a url"),
            "The directory URL 'not a url' is not valid",
        ),
        (
            ("--manual", "300/50", "--max-seconds", "10"),
            "--manual records the speeds you type and runs no test, so --max-seconds would be "
            "ignored; drop it",
        ),
        (
            ("--manual", "300/50", "--max-seconds", "10", "--directory-url", "http://10.0.0.2/"),
            "so --max-seconds and --directory-url would be ignored; drop them",
        ),
        (
            ("--directory-url", "ftp://10.0.0.2/", "--max-seconds", "1"),
            "time limit must be between 4 and 60 seconds",
        ),
        (("--directory-url", "not a url"), "The directory URL 'not a url' is not valid"),
    ],
)
def test_manual_refuses_options_it_would_ignore_and_every_value_is_checked(
    cli, no_internet: None, args: tuple[str, ...], message: str
) -> None:
    """Issue 15: `speed --manual 300/50 --max-seconds 999 --directory-url "not a url"`
    exited 0 and ignored both options."""
    proc = cli("speed", *args)
    assert proc.returncode == 2, proc.stdout
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
