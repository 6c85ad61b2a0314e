"""Fuzz settings.toml and the remembered answers the GUI reads at start: whatever the file
holds, the app starts, with well-typed settings or with one plain line naming the file and
the line or key (issue 15: a broken file is reported in the window, never replaced by
defaults in silence; the app then starts with the defaults and shows that line)."""

from dataclasses import fields
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from router_advisor.core.answers import Answers
from router_advisor.gui.settings import (
    LAST_ANSWERS_FILE,
    SETTINGS_FILE,
    Settings,
    SettingsProblem,
    load_last_answers,
)

from tests.hostile.hostile import bounded, json_text, nasty_values, text_mangled, toml_value

EXAMPLES = 20
NAMES = [f.name for f in fields(Settings)]


@st.composite
def settings_files(draw: st.DrawFn) -> str:
    engines = {
        name: draw(nasty_values() | st.text(max_size=10) | st.floats(0.1, 60))
        for name in draw(st.lists(st.sampled_from([*NAMES, "other"]), max_size=5, unique=True))
    }
    lines = ["[engines]", *(f"{name} = {toml_value(v)}" for name, v in engines.items())]
    if draw(st.booleans()):
        lines.insert(0, f"engines = {toml_value(draw(nasty_values()))}")
    return "\n".join(lines) + "\n"


def _well_typed(settings: Settings) -> None:
    defaults = Settings()
    for option in fields(Settings):
        value, default = getattr(settings, option.name), getattr(defaults, option.name)
        if value == default:
            continue
        if isinstance(default, bool):
            assert isinstance(value, bool)
        elif isinstance(default, float):
            assert isinstance(value, float) and value > 0
        else:
            assert isinstance(value, str)


@bounded(EXAMPLES)
@given(text=settings_files(), data=st.data())
def test_settings_toml(tmp_path: Path, text: str, data: st.DataObject) -> None:
    (tmp_path / SETTINGS_FILE).write_bytes(data.draw(text_mangled(text)))
    try:
        settings = Settings.load(tmp_path)
    except SettingsProblem as problem:
        message = str(problem)
        assert message.startswith(f"{tmp_path / SETTINGS_FILE}: ") and "\n" not in message
        assert "Traceback" not in message and "Error(" not in message
    else:
        _well_typed(settings)


@bounded(EXAMPLES)
@given(document=nasty_values(), data=st.data())
def test_remembered_answers(tmp_path: Path, document: Any, data: st.DataObject) -> None:
    (tmp_path / LAST_ANSWERS_FILE).write_bytes(data.draw(text_mangled(json_text(document))))
    answers = load_last_answers(tmp_path)
    assert answers is None or isinstance(answers, Answers)


def test_a_settings_file_with_a_bom_is_read(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_text('\ufeff[engines]\r\niface = "eth9"\r\n', newline="")
    assert Settings.load(tmp_path).iface == "eth9"
