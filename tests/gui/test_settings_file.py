"""settings.toml: read strictly (issue 15: a syntax error or a misspelt key silently gave
the defaults, which send the speed test to another server), written back when the person
picks a server."""

from pathlib import Path

import pytest
from router_advisor.gui.settings import Settings, SettingsProblem


def write(config: Path, text: str) -> Path:
    config.mkdir(exist_ok=True)
    path = config / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[engines]\niface = "eth0"\nserver_url = http://x\n',
            "settings.toml: line 3: the file is not valid TOML",
        ),
        ('[engines]\nsever_url = "http://x"\n', 'unknown key "sever_url" in [engines]'),
        ('server_url = "http://x"\n', 'unknown section or key "server_url"'),
        (
            '[engines]\nspeed_max_seconds = "ten"\n',
            '"speed_max_seconds" in [engines] must be a number above 0',
        ),
        ("[engines]\nallow_large = 1\n", '"allow_large" in [engines] must be true or false'),
    ],
)
def test_a_broken_settings_file_is_reported_with_its_file_and_line_or_key(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = write(tmp_path / "config", text)
    with pytest.raises(SettingsProblem) as caught:
        Settings.load(tmp_path / "config")
    assert str(path) in str(caught.value) and expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_missing_file_gives_the_defaults(tmp_path: Path) -> None:
    assert Settings.load(tmp_path) == Settings()


def test_a_saved_server_choice_reads_back_and_keeps_the_other_settings(tmp_path: Path) -> None:
    config = tmp_path / "config"
    write(config, '[engines]\niface = "wlan0"\nspeed_max_seconds = 8\n')
    chosen = Settings.load(config).with_server(server_url='http://10.0.0.2:8080/"odd"/')
    chosen.save(config)
    assert Settings.load(config) == Settings(
        iface="wlan0", speed_max_seconds=8.0, server_url='http://10.0.0.2:8080/"odd"/'
    )
    automatic = chosen.with_server()
    automatic.save(config)
    assert Settings.load(config) == Settings(iface="wlan0", speed_max_seconds=8.0)


def test_the_directory_comes_from_the_settings_else_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The variable the CLI honours works for the app too: the speed service reads it for
    every caller when no directory is set."""
    from router_advisor.services.speed import resolve_directory

    monkeypatch.setenv("ROUTER_ADVISOR_SPEEDTEST_DIRECTORY", "http://10.0.0.9:8080")
    assert resolve_directory(Settings().directory_url) == "http://10.0.0.9:8080"
    assert resolve_directory(Settings(directory_url="http://lab:1").directory_url) == "http://lab:1"
    monkeypatch.setenv("ROUTER_ADVISOR_SPEEDTEST_DIRECTORY", "")
    assert resolve_directory(None) is None
