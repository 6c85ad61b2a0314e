"""What the GUI's engines are pointed at, and the answers it remembers between sessions.

`Settings` is passed in (tests point it at a namespace lab and a local speed server); the
app reads it from `settings.toml` in the config folder when that file exists, and writes
it back when the person picks a speed-test server. Unset values mean the engines' own
defaults (the default-route interface, the nearest speedtest.net server). A file that
cannot be read is reported (file, line or key), never replaced by defaults in silence:
those would send the speed test to another server than the one the person set.
"""

import json
import logging
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from router_advisor import home
from router_advisor.core.answers import Answers, answers_from_dict, answers_to_file_dict
from router_advisor.core.echo import shown
from router_advisor.errors import RuntimeFailure, UserInputError
from router_advisor.files import InputFileError, parse_json, parse_toml, read_input
from router_advisor.report.atomic import write_atomic

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.toml"
LAST_ANSWERS_FILE = "last-answers.json"
SECTION = "engines"


class SettingsProblem(UserInputError):
    """settings.toml cannot be used as it is; the message names the file and line or key."""


@dataclass(frozen=True)
class Settings:
    """Engine options; each declared once here with its default. The speed-test server is
    `server_url` (self-hosted), else `server_id` (a speedtest.net server), else the nearest;
    `directory_url` replaces www.speedtest.net, else ROUTER_ADVISOR_SPEEDTEST_DIRECTORY."""

    iface: str | None = None
    cidr: str | None = None
    scan_method: str = "auto"
    allow_large: bool = False
    server_url: str | None = None
    server_id: str | None = None
    directory_url: str | None = None
    speed_max_seconds: float = 12.0
    history_db: str | None = None

    @classmethod
    def load(cls, config_dir: Path | None = None) -> "Settings":
        """Read `[engines]` from settings.toml (no file, or no config folder: the defaults).
        Raises SettingsProblem for a file that cannot be read or parsed (with its line), an
        unknown section or key, or a value of the wrong type."""
        try:
            path = settings_path(config_dir)
        except RuntimeFailure as exc:  # no config folder, so no settings file either
            log.warning("no settings: %s", exc)
            return cls()
        try:
            data = parse_toml(read_input(path))
        except FileNotFoundError:
            return cls()
        except OSError as exc:
            raise SettingsProblem(f"{path}: cannot be read ({exc.strerror})") from None
        except InputFileError as exc:
            where = f"line {exc.line}: " if exc.line else ""
            raise SettingsProblem(f"{path}: {where}the file {exc}") from None
        for section in data:
            if section != SECTION:
                raise SettingsProblem(
                    f"{path}: unknown section or key {shown(section)}; the settings go under "
                    f"[{SECTION}]"
                )
        engines = data.get(SECTION, {})
        if not isinstance(engines, dict):
            raise SettingsProblem(f"{path}: {SECTION} must be a section, [{SECTION}]")
        declared = {option.name: option.default for option in fields(cls)}
        for key, value in engines.items():
            if key not in declared:
                raise SettingsProblem(
                    f"{path}: unknown key {shown(key)} in [{SECTION}]; known keys: "
                    f"{', '.join(declared)}"
                )
            _check_type(path, key, value, declared[key])
        values: dict[str, Any] = {
            k: float(v) if isinstance(declared[k], float) else v for k, v in engines.items()
        }
        return cls(**values)

    def save(self, config_dir: Path | None = None) -> Path:
        """Write the settings that differ from the defaults to settings.toml, atomically."""
        path = settings_path(config_dir)
        lines = [f"[{SECTION}]"]
        for option in fields(self):
            value = getattr(self, option.name)
            if value != option.default and value is not None:
                lines.append(f"{option.name} = {_toml_value(value)}")
        write_atomic(path, "\n".join(lines) + "\n")
        log.info("saved settings to %s", path)
        return path

    def with_server(
        self, server_url: str | None = None, server_id: str | None = None
    ) -> "Settings":
        """These settings with another speed-test server (neither: the nearest)."""
        return replace(self, server_url=server_url, server_id=server_id)


def settings_path(config_dir: Path | None = None) -> Path:
    return (config_dir or home.config_dir()) / SETTINGS_FILE


def _check_type(path: Path, key: str, value: Any, default: Any) -> None:
    """Refuse a value that does not fit the setting (a number must be above 0)."""
    if isinstance(default, bool):
        ok, expected = isinstance(value, bool), "true or false"
    elif isinstance(default, float):
        ok = isinstance(value, int | float) and not isinstance(value, bool) and value > 0
        expected = "a number above 0"
    else:
        ok, expected = isinstance(value, str), "a piece of text in quotes"
    if not ok:
        raise SettingsProblem(
            f"{path}: key {shown(key)} in [{SECTION}] must be {expected}, not {shown(value)}"
        )


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string


def load_last_answers(config_dir: Path | None = None) -> Answers | None:
    """The answers of the last finished wizard, or None when there are none or the file no
    longer holds valid answers (an older app's keys): the form then starts from defaults."""
    try:
        data = parse_json(read_input((config_dir or home.config_dir()) / LAST_ANSWERS_FILE))
        return answers_from_dict(data)
    except FileNotFoundError:
        return None
    except (OSError, InputFileError, RuntimeFailure, UserInputError) as exc:
        log.warning("ignoring the remembered answers: %s", exc)
        return None


def save_last_answers(answers: Answers, config_dir: Path | None = None) -> None:
    """Write in the answers-file shape (JSON), atomically, so a crash never leaves half a
    file. Remembering is a convenience: a folder that cannot be written is logged, not
    shown."""
    try:
        folder = config_dir or home.config_dir()
        text = json.dumps(answers_to_file_dict(answers), indent=2, sort_keys=True)
        write_atomic(folder / LAST_ANSWERS_FILE, text)
    except (OSError, RuntimeFailure) as exc:
        log.warning("could not remember the answers: %s", exc)
