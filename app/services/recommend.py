"""The recommend use case: read the answers, speed and scan files, rank the catalog.

The GUI calls `recommend_from_files` (or core `recommend` with objects it already holds);
the CLI `recommend` and `export` commands call it too.
"""

import json
import tomllib
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from app.core.answers import Answers, answers_from_dict
from app.core.recommend import DEFAULT_TOP, Recommendation, recommend
from app.core.router import Router
from app.core.scan import ScanResult
from app.core.speed import SpeedResult
from app.errors import UserInputError
from app.services.catalog import load_routers

T = TypeVar("T")


def _read_document(path: Path, what: str) -> dict[str, Any]:
    """A TOML or JSON file as a dict (JSON for .json, else TOML), with plain-word errors."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserInputError(f"no {what} at {path}: check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserInputError(f"cannot read the {what} {path}: {exc}") from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        kind = "JSON" if path.suffix.lower() == ".json" else "TOML"
        raise UserInputError(f"{path} is not valid {kind} ({exc}): fix the file") from None
    if not isinstance(data, dict):
        raise UserInputError(f"{path} must hold one object/table, not {type(data).__name__}")
    return data


def load_answers(path: Path) -> Answers:
    """Read and validate an answers file (TOML, or JSON by its .json suffix)."""
    data = _read_document(path, "answers file")
    try:
        return answers_from_dict(data)
    except UserInputError as exc:
        raise UserInputError(f"{path}: {exc}") from None


def _load_result(
    path: Path, command: str, from_dict: Callable[[dict[str, Any]], T], next_step: str
) -> T:
    """Read the file `router-advisor COMMAND --json` wrote, with a plain-word error."""
    data = _read_document(path, f"{command} result")
    try:
        return from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise UserInputError(
            f"{path} is not a `router-advisor {command} --json` result ({exc!r} is missing or "
            f"wrong): {next_step}"
        ) from None


def load_speed(path: Path) -> SpeedResult:
    """Read the file `router-advisor speed --json` wrote."""
    return _load_result(
        path, "speed", SpeedResult.from_dict, "run `router-advisor speed --json > speed.json` again"
    )


def load_scan(path: Path) -> ScanResult:
    """Read the file `router-advisor scan --json` wrote."""
    return _load_result(path, "scan", ScanResult.from_dict, "run the scan again with --json")


def recommend_from_files(
    answers_path: Path,
    speed_path: Path | None = None,
    scan_path: Path | None = None,
    top: int = DEFAULT_TOP,
    routers: Sequence[Router] | None = None,
) -> Recommendation:
    """Load the files and rank `routers` (default: the real catalog) for this household."""
    answers = load_answers(answers_path)
    speed = load_speed(speed_path) if speed_path else None
    scan = load_scan(scan_path) if scan_path else None
    catalog = load_routers() if routers is None else routers
    return recommend(answers, catalog, speed, scan, top, today=date.today().isoformat())
