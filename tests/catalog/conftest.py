"""A private copy of the fixture catalog source and a database path, per test."""

import shutil
import sqlite3
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "catalog"


@pytest.fixture
def source_dir(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/catalog/source (three made-up models)."""
    target = tmp_path / "source"
    shutil.copytree(FIXTURES / "source", target)
    return target


@pytest.fixture
def db_path(app_home: Path) -> Path:
    return app_home / "catalog.db"


def dump(path: Path) -> list[str]:
    """Every statement that recreates the database: equal dumps mean nothing changed."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
