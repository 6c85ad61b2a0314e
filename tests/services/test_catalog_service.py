"""services/catalog on a real SQLite file built from a small source folder."""

import shutil
from pathlib import Path

import pytest
from router_advisor.errors import RuntimeFailure, UserInputError
from router_advisor.services.catalog import build_catalog, find_routers, load_routers

SOURCE = Path(__file__).resolve().parent.parent / "fixtures" / "catalog" / "source"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    shutil.copytree(SOURCE, tmp_path / "source")
    return tmp_path / "source"


def test_the_catalog_is_built_on_first_use_and_found_by_its_title(
    tmp_path: Path, source: Path
) -> None:
    db = tmp_path / "catalog.db"
    routers = load_routers(db_path=db, source_dir=source)
    assert db.is_file() and routers
    speedy = next(r for r in routers if r.model == "Speedy AX1800")
    assert speedy.display_name == "Acme Speedy AX1800 v2"
    # `catalog show` takes the title it prints: model and revision, any case.
    assert find_routers("acme", "speedy ax1800 V2", routers) == [speedy]
    with pytest.raises(UserInputError, match="did you mean 'Acme Speedy AX1800 v2'"):
        find_routers("Acme", "Speedy AX180", routers)


def test_a_damaged_catalog_file_is_refused_then_set_aside_with_force(
    tmp_path: Path, source: Path
) -> None:
    db = tmp_path / "catalog.db"
    db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(RuntimeFailure):
        load_routers(db_path=db, source_dir=source)
    _report, moved = build_catalog(force=True, db_path=db, source_dir=source)
    assert moved is not None and moved.is_file() and moved != db
    assert load_routers(db_path=db, source_dir=source)
