"""What the GUI's engines are pointed at, and the answers it remembers between sessions.

`Settings` is passed in (tests point it at a namespace lab and a local speed server); the
app reads it from `settings.toml` in the config folder when that file exists. Unset values
mean the engines' own defaults (the default-route interface, the nearest speedtest.net
server).
"""

import json
import logging
from dataclasses import dataclass, fields
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


@dataclass(frozen=True)
class Settings:
    """Engine options; each declared once here with its default."""

    iface: str | None = None
    cidr: str | None = None
    scan_method: str = "auto"
    allow_large: bool = False
    server_url: str | None = None
    server_id: str | None = None
    speed_max_seconds: float = 12.0
    history_db: str | None = None

    @classmethod
    def load(cls, config_dir: Path | None = None) -> "Settings":
        """Read `[engines]` from settings.toml; a missing or broken file gives the defaults,
        a value of the wrong type its own default (each logged)."""
        try:
            path = (config_dir or home.config_dir()) / SETTINGS_FILE
            engines = parse_toml(read_input(path)).get("engines", {})
        except FileNotFoundError:
            return cls()
        except (OSError, InputFileError, RuntimeFailure) as exc:
            log.warning("ignoring settings.toml: the file %s", exc)
            return cls()
        if not isinstance(engines, dict):
            log.warning("ignoring %s: [engines] is not a table", path)
            return cls()
        values: dict[str, Any] = {}
        for option in fields(cls):
            if option.name not in engines:
                continue
            value = engines[option.name]
            if _fits(value, option.type):
                values[option.name] = float(value) if option.type == "float" else value
            else:
                log.warning("ignoring %s: engines.%s = %s", path, option.name, shown(value))
        return cls(**values)


def _fits(value: Any, declared: Any) -> bool:
    """Whether a TOML value fits a Settings field of type `declared` (str, str | None, bool
    or float; a float must be above 0)."""
    text = declared if isinstance(declared, str) else getattr(declared, "__name__", str(declared))
    if "str" in text:
        return isinstance(value, str) or ("None" in text and value is None)
    if text == "bool":
        return isinstance(value, bool)
    if text == "float":
        return isinstance(value, int | float) and not isinstance(value, bool) and value > 0
    return False


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
