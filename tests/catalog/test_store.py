"""The SQLite catalog: built on first use, rebuilt on change, imports kept, damage explained."""

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from router_advisor.catalog.patches import Patch
from router_advisor.catalog.rows import recover_patches
from router_advisor.catalog.store import MIGRATIONS, CatalogStore, CatalogUnusable
from router_advisor.core.router import Source
from router_advisor.services.catalog import build_catalog, import_file, load_routers

from .conftest import FIXTURES, dump


def test_first_use_builds_a_wal_database_with_schema_version(
    db_path: Path, source_dir: Path
) -> None:
    routers = load_routers(db_path=db_path, source_dir=source_dir)
    assert [r.key for r in routers] == [
        "acme/mesh trio be/3-pack",
        "acme/speedy ax1800/v2",
        "zeta/z10",
    ]
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_nothing_is_rebuilt_while_data_is_unchanged(db_path: Path, source_dir: Path) -> None:
    load_routers(db_path=db_path, source_dir=source_dir)
    before = dump(db_path)
    store = CatalogStore(db_path, source_dir)
    assert store.ensure_current() is None
    store.close()
    assert dump(db_path) == before


def test_changed_data_rebuilds_and_keeps_imports(db_path: Path, source_dir: Path) -> None:
    import_file(FIXTURES / "prices.csv", db_path=db_path, source_dir=source_dir)
    import_file(FIXTURES / "new-model.json", db_path=db_path, source_dir=source_dir)
    path = source_dir / "zeta.toml"
    path.write_text(path.read_text().replace("wan_mbps = 10000", "wan_mbps = 5000"))
    routers = {r.key: r for r in load_routers(db_path=db_path, source_dir=source_dir)}
    assert routers["zeta/z10"].wan_mbps == 5000  # the new data
    assert routers["zeta/z10"].price_usd == 349  # the import, applied again
    assert {"nova/n1", "nova/n5 mesh/2-pack"} <= set(routers)


def test_a_schema_v1_database_still_opens_with_its_imports(db_path: Path, source_dir: Path) -> None:
    shutil.copy(FIXTURES / "catalog-v1.db", db_path)
    routers = {r.key: r for r in load_routers(db_path=db_path, source_dir=source_dir)}
    assert routers["acme/speedy ax1800/v2"].price_usd == 49.99
    assert routers["nova/n5 mesh/2-pack"].qos.sqm is True
    assert routers["nova/n1"].sources[0].ref.startswith("import:new-model.json ")


def test_a_schema_v1_database_gains_the_columns_of_issue_12(
    db_path: Path, source_dir: Path
) -> None:
    shutil.copy(FIXTURES / "catalog-v1.db", db_path)
    assert "system" not in sqlite_utils.Database(db_path).table("routers").columns_dict
    path = source_dir / "acme.toml"
    text = path.read_text().replace(
        "price_usd = 499\n", 'price_usd = 499\nsystem = "Trio"\nregions = ["US", "CA"]\n'
    )
    path.write_text(
        text.replace('"wan_mbps", "price_usd"]', '"wan_mbps", "price_usd", "system", "regions"]')
    )
    routers = {r.key: r for r in load_routers(db_path=db_path, source_dir=source_dir)}
    assert routers["acme/mesh trio be/3-pack"].system == "Trio"
    assert routers["acme/mesh trio be/3-pack"].regions == ("US", "CA")
    assert routers["nova/n1"].sources[0].ref.startswith("import:new-model.json ")
    columns = sqlite_utils.Database(db_path).table("routers").columns_dict
    assert {"system", "regions", "poe", "line", "firmware_supported_as_of"} <= set(columns)
    version = sqlite3.connect(db_path).execute("PRAGMA user_version").fetchone()[0]
    assert version == len(MIGRATIONS) == 4


def test_a_schema_3_database_gains_the_end_of_life_listing_and_keeps_its_imports(
    db_path: Path, source_dir: Path
) -> None:
    """catalog-v3.db: the fixture source with prices.csv and new-model.json imported, as
    schema 3 wrote it (no firmware_eol_listed_as_of column)."""
    shutil.copy(FIXTURES / "catalog-v3.db", db_path)
    assert "firmware_eol_listed_as_of" not in sqlite_utils.Database(db_path)["routers"].columns_dict
    # The same data: the new schema alone rebuilds it (read as it was, the column is missing).
    assert len(load_routers(db_path=db_path, source_dir=source_dir)) == 5
    path = source_dir / "zeta.toml"
    path.write_text(
        path.read_text()
        .replace('end_of_support = "2030-12-31"', 'eol_listed_as_of = "2026-06-24"')
        .replace('"firmware.end_of_support"', '"firmware.eol_listed_as_of"')
    )
    routers = {r.key: r for r in load_routers(db_path=db_path, source_dir=source_dir)}
    assert routers["zeta/z10"].firmware.eol_listed_as_of == "2026-06-24"
    assert routers["zeta/z10"].firmware.end_of_support is None
    assert routers["zeta/z10"].price_usd == 349  # imported under schema 3, applied again
    assert routers["nova/n1"].sources[0].ref.startswith("import:new-model.json ")
    assert "firmware_eol_listed_as_of" in sqlite_utils.Database(db_path)["routers"].columns_dict
    version = sqlite3.connect(db_path).execute("PRAGMA user_version").fetchone()[0]
    assert version == len(MIGRATIONS) == 4


def test_a_schema_2_import_of_a_kit_follows_it_to_its_pack_key(
    db_path: Path, source_dir: Path
) -> None:
    """Schema 2 keyed a kit without its pack size ("acme/mesh trio be"); migration 3 moves
    an imported price to the kit it was for, now "acme/mesh trio be/3-pack", even after the
    catalog gains a 2-pack of it."""
    store = CatalogStore(db_path, source_dir, migrations=MIGRATIONS[:2])
    store.rebuild()
    price = {"brand": "Acme", "model": "Mesh Trio BE", "price_usd": 449}
    source = Source("import:prices.csv 2026-11-30", ("price_usd",))
    patch = Patch("acme/mesh trio be", "set", price, (source,), source.ref, 2)
    store.save_import("prices.csv", "csv", [patch], store.records())
    store.close()
    conn = sqlite3.connect(db_path)  # the routers table as schema 2 wrote it
    conn.execute("UPDATE routers SET key = replace(key, '/3-pack', '')")
    conn.commit()
    conn.close()
    # A read-only or set-aside file of schema 2 is read, not migrated: same answer.
    aside = db_path.with_name("aside.db")
    shutil.copy(db_path, aside)
    assert [p.key for p in recover_patches(aside) or []] == ["acme/mesh trio be/3-pack"]
    path = source_dir / "acme.toml"
    kit = "[[router]]" + path.read_text(encoding="utf-8").split("[[router]]")[-1]
    with path.open("a", encoding="utf-8") as out:
        out.write("\n" + kit.replace("pack_size = 3", "pack_size = 2"))
    routers = {r.key: r for r in load_routers(db_path=db_path, source_dir=source_dir)}
    assert routers["acme/mesh trio be/3-pack"].price_usd == 449
    assert routers["acme/mesh trio be/2-pack"].price_usd == 499
    assert "acme/mesh trio be" not in routers
    keys = sqlite3.connect(db_path).execute("SELECT router_key FROM import_rows").fetchall()
    assert keys == [("acme/mesh trio be/3-pack",)]


def test_a_new_schema_version_migrates_and_reapplies_imports(
    db_path: Path, source_dir: Path
) -> None:
    shutil.copy(FIXTURES / "catalog-v1.db", db_path)

    def add_note_column(db: sqlite_utils.Database) -> None:
        db.table("imports").add_column("note", str)

    store = CatalogStore(db_path, source_dir, migrations=(*MIGRATIONS, add_note_column))
    report = store.ensure_current()
    assert report is not None and report.patches_applied == 4 and not report.skipped
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 1
    assert "note" in store.db.table("imports").columns_dict
    assert {r.key for r in store.routers()} >= {"nova/n1", "zeta/z10"}
    store.close()


def test_an_import_that_no_longer_fits_is_reported_not_dropped(
    db_path: Path, source_dir: Path
) -> None:
    import_file(FIXTURES / "prices.csv", db_path=db_path, source_dir=source_dir)
    (source_dir / "zeta.toml").unlink()
    report, moved = build_catalog(db_path=db_path, source_dir=source_dir)
    assert moved is None
    assert report.skipped == [
        f"import:prices.csv {_import_date(db_path)} row 2: zeta z10 is not "
        "in the catalog, and a new model needs kind, pack_size, wifi_generation"
    ]
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM import_rows").fetchone()[0] == 2


def _import_date(db_path: Path) -> str:
    row = sqlite3.connect(db_path).execute("SELECT imported_at FROM imports").fetchone()
    return str(row[0])[:10]


@pytest.mark.parametrize("content", [b"this is not a database at all" * 100, b""])
def test_a_damaged_file_gives_one_line_with_the_fix(
    db_path: Path, source_dir: Path, content: bytes
) -> None:
    if not content:  # a real database with its pages cut off after the header
        load_routers(db_path=db_path, source_dir=source_dir)
        sqlite3.connect(db_path).execute("PRAGMA wal_checkpoint(TRUNCATE)")
        data = db_path.read_bytes()
        content = data[:100] + b"\xff" * (len(data) - 100)
    db_path.write_bytes(content)
    with pytest.raises(CatalogUnusable) as caught:
        load_routers(db_path=db_path, source_dir=source_dir)
    message = str(caught.value)
    assert "\n" not in message
    assert str(db_path) in message and message.endswith(
        "; set it aside and rebuild it from the catalog that comes with the app"
    )
    # The command is the CLI's to add: the desktop app shows the message with a button.
    assert "router-advisor" not in message
    assert caught.value.cli_hint == "run `router-advisor catalog build --force` to do that"


def test_a_foreign_sqlite_file_is_not_touched(db_path: Path, source_dir: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    before = dump(db_path)
    with pytest.raises(CatalogUnusable, match="is not a Router Advisor catalog"):
        load_routers(db_path=db_path, source_dir=source_dir)
    assert dump(db_path) == before


def test_a_newer_schema_is_refused(db_path: Path, source_dir: Path) -> None:
    load_routers(db_path=db_path, source_dir=source_dir)
    sqlite3.connect(db_path).execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(CatalogUnusable, match="made by a newer Router Advisor"):
        load_routers(db_path=db_path, source_dir=source_dir)


def test_force_build_sets_the_broken_file_aside(db_path: Path, source_dir: Path) -> None:
    db_path.write_bytes(b"garbage" * 500)
    with pytest.raises(CatalogUnusable):
        build_catalog(db_path=db_path, source_dir=source_dir)
    report, moved = build_catalog(force=True, db_path=db_path, source_dir=source_dir)
    assert report.models == 3
    assert moved is not None and moved.read_bytes() == b"garbage" * 500
    assert moved.name.startswith("catalog.db.broken-")
    assert len(load_routers(db_path=db_path, source_dir=source_dir)) == 3
