"""services/catalog on a real SQLite file built from a small source folder."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from router_advisor.catalog.db_file import CatalogUnusable
from router_advisor.errors import RuntimeFailure, UserInputError
from router_advisor.services.catalog import (
    build_catalog,
    find_routers,
    import_file,
    load_routers,
)

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


def _break_the_free_list(db: Path) -> None:
    """Damage that reads never see: free pages (a dropped table's), whose list claims far
    more pages than it has. The next write would take pages from that list."""
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE scratch (x BLOB)")
    conn.executemany("INSERT INTO scratch VALUES (?)", [(b"x" * 3000,)] * 20)
    conn.commit()
    conn.execute("DROP TABLE scratch")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    trunk = int.from_bytes(data[32:36], "big")  # the first page of the free list
    start = (trunk - 1) * page_size
    data[start + 4 : start + 8] = (5000).to_bytes(4, "big")  # "5,000 free pages listed here"
    db.write_bytes(bytes(data))


def test_damage_only_a_check_finds_refuses_a_write_and_force_keeps_the_imports(
    tmp_path: Path, source: Path
) -> None:
    db = tmp_path / "catalog.db"
    prices = tmp_path / "prices.csv"
    prices.write_text(
        "brand,model,hardware_revision,price_usd,price_as_of,price_kind,price_region\n"
        "Acme,Speedy AX1800,v2,99,2026-11,street,US\n"
    )
    import_file(prices, db_path=db, source_dir=source)
    _break_the_free_list(db)
    assert load_routers(db_path=db, source_dir=source)  # reads still work
    before = db.read_bytes()
    prices.write_text(prices.read_text().replace(",99,", ",89,"))
    with pytest.raises(CatalogUnusable) as refused:
        import_file(prices, db_path=db, source_dir=source)
    message = str(refused.value)
    assert message.startswith(f"the catalog database {db} is damaged (quick_check: Main free")
    assert "\n" not in message and message.endswith(
        "rebuild it from the catalog that comes with the app"
    )
    assert db.read_bytes() == before
    report, moved = build_catalog(force=True, db_path=db, source_dir=source)
    assert moved is not None and report.recovered == 1
    speedy = find_routers("Acme", "Speedy AX1800 v2", load_routers(db_path=db, source_dir=source))
    assert speedy[0].price_usd == 99
