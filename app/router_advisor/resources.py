"""Find the bundled data/ and assets/ folders, in a checkout, a wheel or a frozen build."""

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # A wheel carries the folders inside the package as _data and _assets (pyproject.toml);
    # PyInstaller unpacks them beside the program (packaging/router-advisor.spec);
    # a checkout has them at the top level.
    candidates = [_PACKAGE_DIR / f"_{name}", _PACKAGE_DIR.parent.parent / name]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / name)
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError(f"the app's {name}/ folder is missing; reinstall Router Advisor")


def data_path(*parts: str) -> Path:
    """A path inside data/ (catalog sources, example answers)."""
    return _bundled("data").joinpath(*parts)


def assets_path(*parts: str) -> Path:
    """A path inside assets/ (icons, templates, styles)."""
    return _bundled("assets").joinpath(*parts)
