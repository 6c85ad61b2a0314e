"""The Linux desktop files are valid and point at things that exist."""

import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"
APP_ID = "org.routeradvisor.RouterAdvisor"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_runs_the_command_with_an_installed_icon() -> None:
    entry = _desktop_entry()
    assert entry["Exec"].split()[0] == "router-advisor"
    assert entry["Icon"] == APP_ID
    sizes = {p.parts[-3] for p in LINUX.glob(f"icons/hicolor/*/apps/{APP_ID}.png")}
    assert {"16x16", "32x32", "48x48", "64x64", "128x128", "256x256"} <= sizes


def test_metainfo_names_the_desktop_entry() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"


@pytest.mark.parametrize(
    ("tool", "args", "name"),
    [
        ("desktop-file-validate", [], f"{APP_ID}.desktop"),
        ("appstreamcli", ["validate", "--no-net"], f"{APP_ID}.metainfo.xml"),
    ],
)
def test_freedesktop_validators_accept_the_files(tool: str, args: list[str], name: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (Debian: desktop-file-utils, appstream)")
    result = subprocess.run([tool, *args, str(LINUX / name)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def test_metainfo_with_screenshots_names_files_that_exist_and_validates(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(LINUX / "add_screenshots.py"), "https://example.org/shots"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    images = [e.text for e in ET.fromstring(out.split("\n", 1)[1]).iter("image")]
    assert len(images) >= 6
    shots = LINUX.parents[1] / "assets" / "screenshots"
    for url in images:
        assert (shots / url.rsplit("/", 1)[1]).is_file(), url
    if shutil.which("appstreamcli"):
        path = tmp_path / f"{APP_ID}.metainfo.xml"
        path.write_text(out, encoding="utf-8")
        result = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(path)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


def _install_for_user(tmp_path: Path, *args: str, path: str = "/usr/bin:/bin"):
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share"), "PATH": path}
    return subprocess.run(
        ["bash", str(LINUX / "install-desktop-files.sh"), *args],
        capture_output=True,
        text=True,
        env=env,
    )


def _fake_venv(folder: Path) -> Path:
    command = folder / "bin" / "router-advisor"
    command.parent.mkdir(parents=True)
    command.write_text("#!/bin/sh\nexit 0\n")
    command.chmod(0o755)
    return command


@pytest.mark.parametrize("venv_name", ["router-advisor", "Router Advisor"])
def test_a_per_user_venv_install_writes_the_full_path_of_the_command(
    tmp_path: Path, venv_name: str
) -> None:
    """Issue 15: `Exec=router-advisor` starts nothing from a per-user venv (not on PATH)."""
    command = _fake_venv(tmp_path / ".local" / venv_name)
    done = _install_for_user(tmp_path, str(command.parent.parent))
    assert done.returncode == 0, done.stderr
    entry = tmp_path / "share" / "applications" / f"{APP_ID}.desktop"
    text = entry.read_text(encoding="utf-8")
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    quoted = f'"{command}"' if " " in str(command) else str(command)
    assert exec_line == f"Exec={quoted}"
    assert f"it runs {command}" in done.stdout
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True
        )
        assert check.returncode == 0, check.stdout + check.stderr


def test_without_a_venv_the_command_on_path_is_used_or_the_script_says_what_to_give(
    tmp_path: Path,
) -> None:
    command = _fake_venv(tmp_path / "venv")
    on_path = _install_for_user(tmp_path, path=f"{command.parent}:/usr/bin:/bin")
    assert on_path.returncode == 0, on_path.stderr
    entry = tmp_path / "share" / "applications" / f"{APP_ID}.desktop"
    assert f"Exec={command}\n" in entry.read_text(encoding="utf-8")
    missing = _install_for_user(tmp_path / "other")
    assert missing.returncode == 2
    assert "give the folder of the venv it is installed in" in missing.stderr
