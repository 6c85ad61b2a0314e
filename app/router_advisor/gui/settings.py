"""What the GUI's engines are pointed at, and the answers it remembers between sessions.

`Settings` is passed in (tests point it at a namespace lab and a local speed server); the
app reads it from `settings.toml` in the config folder when that file exists. Unset values
mean the engines' own defaults (the default-route interface, the nearest speedtest.net
server).
"""

import json
import logging
import os
import tempfile
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from router_advisor import home

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
        """Read `[engines]` from settings.toml; a missing or broken file gives the defaults."""
        path = (config_dir or home.config_dir()) / SETTINGS_FILE
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8")).get("engines", {})
        except FileNotFoundError:
            return cls()
        except (OSError, tomllib.TOMLDecodeError) as exc:
            log.warning("ignoring %s: %s", path, exc)
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def load_last_answers(config_dir: Path | None = None) -> dict[str, Any] | None:
    """The answers of the last finished wizard (TOML-shaped dict), or None."""
    path = (config_dir or home.config_dir()) / LAST_ANSWERS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def save_last_answers(answers: dict[str, Any], config_dir: Path | None = None) -> None:
    """Write atomically, so a crash never leaves half a file."""
    folder = config_dir or home.config_dir()
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".answers-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(answers, handle, indent=2, sort_keys=True)
    os.replace(tmp, folder / LAST_ANSWERS_FILE)
