"""`serve-speed`: refuses public addresses unless told, refuses root from the desktop app,
serves loopback for the speed test, and is found on mDNS by `walk measure` (in namespaces)."""

import json
import os
import select
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from router_advisor.cli.main import main as cli_main
from router_advisor.core.progress import CancelToken
from router_advisor.errors import UserInputError
from router_advisor.services import serve_speed
from router_advisor.services.speed import measure

from tests.netlab.netns import NetLab, require_root
from tests.netlab.wan import GATEWAY_LAN_IP, REPO_ROOT, _python_env, build_wan


@pytest.mark.parametrize("address", ["8.8.8.8", "0.0.0.0", "::", "2001:4860:4860::8888"])
def test_a_public_address_is_refused_in_one_line(
    address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main(["serve-speed", "--bind", address]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--allow-public" in err and address in err


def test_private_addresses_are_allowed_and_garbage_is_refused() -> None:
    for address in ("192.168.1.20", "10.0.0.2", "172.16.5.4", "127.0.0.1", "fd00::2", "fe80::1"):
        assert serve_speed.resolve_bind(address, allow_public=False) == address
    assert serve_speed.resolve_bind("8.8.8.8", allow_public=True) == "8.8.8.8"
    with pytest.raises(UserInputError, match="IP address of this computer"):
        serve_speed.resolve_bind("my-laptop", allow_public=False)


@pytest.mark.skipif(os.geteuid() != 0, reason="checks the refusal a root process gets")
def test_it_never_runs_as_root_from_the_desktop_app() -> None:
    with pytest.raises(UserInputError, match="does not run as root from the desktop app"):
        serve_speed.serve("127.0.0.1", 0, from_gui=True, announce=False)


def test_it_serves_the_normal_speed_test_on_loopback() -> None:
    cancel, urls = CancelToken(), []
    ready = threading.Event()

    def started(url: str) -> None:
        urls.append(url)
        ready.set()

    thread = threading.Thread(
        target=serve_speed.serve,
        args=("127.0.0.1", 0),
        kwargs={"announce": False, "ready": started, "cancel": cancel},
        daemon=True,
    )
    thread.start()
    try:
        assert ready.wait(30)
        result = measure(server_url=urls[0], max_seconds=4)
        assert result.download_mbps > 10 and result.idle_latency_ms is not None
    finally:
        cancel.cancel()
        thread.join(5)
    assert not thread.is_alive()


@pytest.mark.netns
def test_walk_measure_finds_the_server_on_mdns(tmp_path: Path) -> None:
    """The server on the gateway's LAN side announces itself; the laptop on the same segment
    finds it without --server-url."""
    require_root()
    lab = NetLab()
    try:
        wan = build_wan(lab)
        server = lab.start(
            wan.gateway,
            sys.executable,
            "-m",
            "router_advisor",
            "serve-speed",
            "--bind",
            GATEWAY_LAN_IP,
            stdout=subprocess.PIPE,
            cwd=REPO_ROOT,
            env=_python_env(str(tmp_path)),
        )
        assert server.stdout is not None
        ready, _, _ = select.select([server.stdout], [], [], 30)
        assert ready and server.stdout.readline().startswith(b"Serving the speed test")
        done = wan.run_app(
            "walk",
            "measure",
            "--room",
            "Study",
            "--db",
            str(tmp_path / "h.db"),
            "--json",
            home=str(tmp_path),
        )
        assert done.returncode == 0, done.stderr
        stop = json.loads(done.stdout)
        assert stop["server"] == f"http://{GATEWAY_LAN_IP}:8080/speedtest/upload.php"
        assert stop["target"] == "lan" and stop["download_mbps"] > 50
    finally:
        lab.close()
