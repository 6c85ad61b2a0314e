"""Where the app keeps its data: ROUTER_ADVISOR_HOME, else the platform's user-data folder."""

import os
from pathlib import Path

import platformdirs

APP_NAME = "router-advisor"
HOME_ENV = "ROUTER_ADVISOR_HOME"


def data_dir() -> Path:
    """The folder for the catalog and history databases, created on first use."""
    override = os.environ.get(HOME_ENV)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """The folder for log files: inside ROUTER_ADVISOR_HOME when set, else the platform's."""
    override = os.environ.get(HOME_ENV)
    path = Path(override) / "logs" if override else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """The folder for settings (TOML) and remembered answers."""
    override = os.environ.get(HOME_ENV)
    path = Path(override) / "config" if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
