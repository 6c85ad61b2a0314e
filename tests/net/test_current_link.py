"""The walk's Wi-Fi reader runs the OS tools: `iw dev IF link`, else nmcli where iw is not
installed. Fake tools on PATH print recorded outputs; nothing touches a network."""

import os
import shutil
import stat
from pathlib import Path

import pytest
from router_advisor.net.wifi_link import current_link

from tests.net.conftest import FIXTURES

GREP = shutil.which("grep")  # found before the tests narrow PATH to the fake tools


def _tool(folder: Path, name: str, fixture: str) -> None:
    script = folder / name
    script.write_text(f"#!/bin/sh\n{GREP} -v '^#' '{FIXTURES / 'wifi' / 'walk' / fixture}'\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def tools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PATH", str(tmp_path))
    return tmp_path


def test_iw_gives_the_link_with_its_bssid(tools: Path) -> None:
    _tool(tools, "iw", "iw_link_weak.txt")
    link = current_link("wlan0", "linux")
    assert link is not None and (link.signal_dbm, link.bssid) == (-79, "d4:d7:48:81:68:a0")


def test_without_iw_nmcli_gives_it(tools: Path) -> None:
    _tool(tools, "nmcli", "nmcli_active_dead.txt")
    link = current_link("wlp2s0", "linux")
    assert link is not None and (link.signal_dbm, link.band) == (-89, "5")


def test_no_tool_or_another_os_reads_as_no_link(tools: Path) -> None:
    assert current_link("wlan0", "linux") is None
    assert current_link("wlan0", "sunos5") is None
    assert os.environ["PATH"] == str(tools)
