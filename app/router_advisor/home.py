"""Where the app keeps its data: ROUTER_ADVISOR_HOME, else the platform's user-data folder."""

import os
from collections.abc import Callable
from pathlib import Path

import platformdirs

from router_advisor.errors import RuntimeFailure

APP_NAME = "router-advisor"
HOME_ENV = "ROUTER_ADVISOR_HOME"


def data_dir() -> Path:
    """The folder for the catalog and history databases, created on first use."""
    return _folder("", platformdirs.user_data_dir)


def log_dir() -> Path:
    """The folder for log files: inside ROUTER_ADVISOR_HOME when set, else the platform's."""
    return _folder("logs", platformdirs.user_log_dir)


def config_dir() -> Path:
    """The folder for settings (TOML) and remembered answers."""
    return _folder("config", platformdirs.user_config_dir)


def _folder(subfolder: str, platform_dir: Callable[..., str]) -> Path:
    """ROUTER_ADVISOR_HOME/`subfolder` when that is set, else the platform's folder; created."""
    override = os.environ.get(HOME_ENV)
    path = Path(override) / subfolder if override else Path(platform_dir(APP_NAME, appauthor=False))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RuntimeFailure(
            f"cannot create the folder {path} ({exc.strerror}); make its parent writable, "
            f"or set {HOME_ENV} to a folder you can write"
        ) from None
    return path
