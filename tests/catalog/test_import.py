"""`catalog import` and `catalog export`: rows from people and the OpenWrt dump, all or nothing."""

import json
from pathlib import Path

import pytest
from router_advisor.catalog.export import to_csv
from router_advisor.core.credits import DATA_CREDITS, credit_line
from router_advisor.errors import UserInputError
from router_advisor.services.catalog import (
    export_catalog,
    import_file,
    import_summary,
    load_routers,
)

from .conftest import FIXTURES, dump


def _routers(db_path: Path, source_dir: Path) -> dict[str, object]:
    return {r.key: r for r in load_routers(db_path=db_path, source_dir=source_dir)}


def test_csv_updates_prices_and_the_import_becomes_a_source(
    db_path: Path, source_dir: Path
) -> None:
    result = import_file(FIXTURES / "prices.csv", db_path=db_path, source_dir=source_dir)
    assert result.updated == [
        "Zeta Z10: price_usd, price_as_of, price_kind",
        "Acme Speedy AX1800: price_usd, price_as_of",
    ]
    speedy = _routers(db_path, source_dir)["acme/speedy ax1800/v2"]
    assert speedy.price_usd == 49.99 and speedy.price_as_of == "2025-09"
    vendor, _toh, imported = speedy.sources
    assert "price_usd" not in vendor.fields  # the vendor page no longer vouches for the new price
    assert imported.ref.startswith("import:prices.csv 20")
    assert imported.fields == ("price_usd", "price_as_of", "price_kind")


def test_json_adds_new_models(db_path: Path, source_dir: Path) -> None:
    result = import_file(FIXTURES / "new-model.json", db_path=db_path, source_dir=source_dir)
    assert result.added == ["Nova N5 Mesh (2-pack)", "Nova N1"]
    nova = _routers(db_path, source_dir)["nova/n5 mesh/2-pack"]
    assert nova.kind == "mesh" and nova.pack_size == 2 and nova.bands == ("2.4", "5", "6")
    assert nova.qos.sqm is True and nova.qos.adaptive is None


def test_openwrt_dump_fills_unknown_hardware_facts_only(db_path: Path, source_dir: Path) -> None:
    result = import_file(
        FIXTURES / "openwrt-toh-slice.json", db_path=db_path, source_dir=source_dir
    )
    assert result.fmt == "openwrt-toh"
    assert result.updated == ["Acme Speedy AX1800: soc, cpu_mhz, openwrt_supported"]
    assert result.added == []
    assert len(result.unmatched) == 7 and "TP-Link Archer AX23 v1" in " ".join(result.unmatched)
    assert result.disagreements == [
        "Acme Speedy AX1800 v2: ram_mb is 256 in the catalog, 512 in the dump (kept)",
        "Acme Speedy AX1800 v2: usb is [] in the catalog, ['3.0'] in the dump (kept)",
    ]
    speedy = _routers(db_path, source_dir)["acme/speedy ax1800/v2"]
    assert (speedy.cpu_mhz, speedy.soc, speedy.ram_mb) == (1300, "MediaTek MT7981B", 256)
    toh = [s for s in speedy.sources if s.ref == "openwrt-toh:acme:acme_speedy_v2"]
    assert toh[0].fields == ("cpu_cores", "ram_mb", "soc", "cpu_mhz", "openwrt_supported")
    assert (result.rows_matched, result.models_matched, result.unchanged) == (1, 1, 0)


def test_openwrt_summary_counts_matched_rows_that_bring_nothing_new(
    db_path: Path, source_dir: Path
) -> None:
    """Issue 12: a second import of the dump said "0 added, 0 updated, 0 unchanged" although
    a row matched a model (it only had nothing new for it)."""
    dump = FIXTURES / "openwrt-toh-slice.json"
    import_file(dump, db_path=db_path, source_dir=source_dir)
    again = import_file(dump, db_path=db_path, source_dir=source_dir)
    assert (again.rows_matched, again.models_matched) == (1, 1)
    assert (again.updated, again.unchanged) == ([], 1)
    assert import_summary("toh.json", again) == (
        "Imported toh.json (OpenWrt Table of Hardware): 1 row matched 1 catalog model; "
        "0 added, 0 updated, 1 unchanged."
    )


def test_export_round_trips_through_import(db_path: Path, source_dir: Path, tmp_path: Path) -> None:
    import_file(FIXTURES / "new-model.json", db_path=db_path, source_dir=source_dir)
    original = load_routers(db_path=db_path, source_dir=source_dir)
    for fmt in ("csv", "json"):
        exported = tmp_path / f"catalog.{fmt}"
        exported.write_text(export_catalog(fmt, db_path=db_path, source_dir=source_dir))
        empty_source = tmp_path / f"empty-{fmt}"
        empty_source.mkdir()
        fresh_db = tmp_path / f"fresh-{fmt}.db"
        import_file(exported, db_path=fresh_db, source_dir=empty_source)
        assert load_routers(db_path=fresh_db, source_dir=empty_source) == original
    assert json.loads((tmp_path / "catalog.json").read_text())["routers"][0]["brand"] == "Acme"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_exports_credit_the_sources_and_their_licences(
    db_path: Path, source_dir: Path, fmt: str
) -> None:
    text = export_catalog(fmt, db_path=db_path, source_dir=source_dir)
    head = text[:1200]
    for needed in (
        "OpenWrt Table of Hardware, https://openwrt.org/toh (CC BY-SA 4.0)",
        "TechInfoDepot, https://techinfodepot.shoutwiki.com (CC BY-SA 3.0)",
        "shared under CC BY-SA 4.0",
    ):
        assert needed in head, (fmt, needed)
    for credit in DATA_CREDITS:
        assert credit_line(credit) in head, (fmt, credit)
    if fmt == "csv":
        assert text.splitlines()[0].startswith('"# OpenWrt Table of Hardware')


def test_a_csv_header_error_names_its_row_below_the_credits(
    db_path: Path, source_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "prices.csv"
    bad.write_text("# prices seen in shops, 2026-11\nbrand,model,price\n", encoding="utf-8")
    with pytest.raises(UserInputError, match="row 2: unknown field 'price'"):
        import_file(bad, db_path=db_path, source_dir=source_dir)


def test_reimporting_an_export_changes_nothing(
    db_path: Path, source_dir: Path, tmp_path: Path
) -> None:
    routers = load_routers(db_path=db_path, source_dir=source_dir)
    exported = tmp_path / "catalog.csv"
    exported.write_text(to_csv(routers))
    result = import_file(exported, db_path=db_path, source_dir=source_dir)
    assert result.unchanged == 3 and not result.updated and not result.added
    assert load_routers(db_path=db_path, source_dir=source_dir) == routers


BAD_CSV = {
    "wrong column": (
        "brand,model,prise_usd\nZeta,Z10,10\n",
        "row 1: unknown field 'prise_usd' (did you mean 'price_usd'?)",
    ),
    "bad number": (
        "brand,model,price_usd\nZeta,Z10,349\nAcme,Mesh Trio BE,$99\n",
        "row 3: field 'price_usd': '$99' is not a number",
    ),
    "bad whole number": (
        "brand,model,ram_mb\nZeta,Z10,1.5\n",
        "row 2: field 'ram_mb': '1.5' is not a whole number",
    ),
    "out of range": (
        "brand,model,price_usd\nZeta,Z10,-5\n",
        "row 2: field 'price_usd' -5 is outside",
    ),
    "duplicate": (
        "brand,model,price_usd\nZeta,Z10,300\nZETA,z10,310\n",
        "row 3: ZETA z10 appears again (first on row 2)",
    ),
    "html in a name": (
        'brand,model,kind,pack_size,wifi_generation\nEvil,"<script>alert(1)</script>",router,1,6\n',
        "row 2: field 'model' '<script>alert(1)</script>' contains HTML or script",
    ),
    "new model lacking basics": (
        "brand,model,price_usd\nZeta,Z11,300\n",
        "row 2: Zeta Z11 is not in the catalog, and a new model needs kind",
    ),
    "router without an Ethernet port": (
        "brand,model,wan_mbps\nZeta,Z10,0\n",
        "row 2: Zeta Z10: wan_mbps = 0 says it has no Ethernet port, which only an add-on node "
        "can lack (router connects by cable)",
    ),
    "router with a pack": (
        "brand,model,pack_size\nZeta,Z10,3\n",
        "row 2: Zeta Z10: field 'pack_size' must be 1 for kind router (only a mesh kit has more "
        "units), not 3",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CSV))
def test_bad_csv_is_refused_with_row_and_reason_and_nothing_changes(
    case: str, db_path: Path, source_dir: Path, tmp_path: Path
) -> None:
    text, expected = BAD_CSV[case]
    _assert_refused(text.encode(), "bad.csv", expected, db_path, source_dir, tmp_path)


def test_broken_encoding_is_refused(db_path: Path, source_dir: Path, tmp_path: Path) -> None:
    data = b"brand,model,price_usd\nZeta,Z10,349\n" + b"Acme,Caf\xe9,10\n"
    _assert_refused(
        data, "latin1.csv", "row 3: the file is not UTF-8 text", db_path, source_dir, tmp_path
    )


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [{"brand": "Zeta", "model": "Z10", "wan_mbps": "fast"}],
            "row 1: field 'wan_mbps' must be a whole number, not text",
        ),
        ([{"brand": "Zeta", "model": "Z10", "price": 1}], "row 1: unknown field 'price'"),
        (
            [{"brand": "Zeta", "model": "Z10", "wan_mbps": 2500}, "Zeta Z10"],
            "row 2: must be an object",
        ),
        ({"brand": "Zeta"}, "a JSON import must be a list of objects"),
    ],
)
def test_bad_json_is_refused(
    rows: object, expected: str, db_path: Path, source_dir: Path, tmp_path: Path
) -> None:
    _assert_refused(json.dumps(rows).encode(), "bad.json", expected, db_path, source_dir, tmp_path)


def _assert_refused(
    data: bytes, name: str, expected: str, db_path: Path, source_dir: Path, tmp_path: Path
) -> None:
    import_file(FIXTURES / "prices.csv", db_path=db_path, source_dir=source_dir)
    before = dump(db_path)
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UserInputError) as caught:
        import_file(path, db_path=db_path, source_dir=source_dir)
    message = str(caught.value)
    assert message.startswith(f"{name}: ") and expected in message, message
    assert message.endswith("nothing was imported")
    assert dump(db_path) == before


def test_a_broken_openwrt_dump_changes_nothing(
    db_path: Path, source_dir: Path, tmp_path: Path
) -> None:
    document = json.loads((FIXTURES / "openwrt-toh-slice.json").read_text())
    document["entries"][2] = document["entries"][2][:10]
    _assert_refused(
        json.dumps(document).encode(),
        "toh.json",
        "row 3 must be a list of 74 cells",
        db_path,
        source_dir,
        tmp_path,
    )


def test_a_row_without_a_revision_updates_the_models_only_revision(
    db_path: Path, source_dir: Path, tmp_path: Path
) -> None:
    prices = tmp_path / "prices.csv"
    prices.write_text(
        "brand,model,price_usd,price_as_of\nAcme,Speedy AX1800,59.5,2026-11\n", encoding="utf-8"
    )
    result = import_file(prices, db_path=db_path, source_dir=source_dir)
    assert result.updated == ["Acme Speedy AX1800: price_usd, price_as_of, price_kind"]
    assert not result.added
    assert _routers(db_path, source_dir)["acme/speedy ax1800/v2"].price_usd == 59.5


def test_a_new_price_does_not_keep_the_old_prices_kind_or_source(
    db_path: Path, source_dir: Path, tmp_path: Path
) -> None:
    """Issue 12: an imported street price of 2026-11 was shown as the old msrp, and the
    vendor page stayed listed as the source of that kind."""
    prices = tmp_path / "prices.csv"
    prices.write_text(
        "brand,model,hardware_revision,price_usd,price_as_of\nAcme,Speedy AX1800,v2,54.5,2026-11\n",
        encoding="utf-8",
    )
    import_file(prices, db_path=db_path, source_dir=source_dir)
    speedy = _routers(db_path, source_dir)["acme/speedy ax1800/v2"]
    assert (speedy.price_usd, speedy.price_as_of, speedy.price_kind) == (54.5, "2026-11", None)
    vouching = {s.ref: s.fields for s in speedy.sources}
    assert not any("price_kind" in fields for fields in vouching.values())
    assert not any(
        "price_usd" in fields or "price_as_of" in fields
        for ref, fields in vouching.items()
        if ref.startswith("https://acme.example")
    )
    imported = [fields for ref, fields in vouching.items() if ref.startswith("import:prices.csv")]
    assert imported == [("price_usd", "price_as_of")]


def test_a_price_row_that_gives_kind_and_region_keeps_them(
    db_path: Path, source_dir: Path, tmp_path: Path
) -> None:
    prices = tmp_path / "prices.csv"
    prices.write_text(
        "brand,model,price_usd,price_as_of,price_kind,price_region,regions\n"
        "Acme,Speedy AX1800,64,2026-10,msrp,UK,UK;EU\n",
        encoding="utf-8",
    )
    import_file(prices, db_path=db_path, source_dir=source_dir)
    speedy = _routers(db_path, source_dir)["acme/speedy ax1800/v2"]
    assert (speedy.price_kind, speedy.price_region, speedy.regions) == ("msrp", "UK", ("UK", "EU"))


def test_an_invalid_json_file_is_refused_as_json_not_read_as_csv(
    db_path: Path, source_dir: Path, tmp_path: Path
) -> None:
    """Review item 12: `not json` in a .json file read "unknown column 'not json'"."""
    bad = tmp_path / "models.json"
    bad.write_text("not json\n")
    with pytest.raises(UserInputError) as caught:
        import_file(bad, db_path=db_path, source_dir=source_dir)
    message = str(caught.value)
    assert message.startswith("models.json: row 1: not valid JSON") and "column" not in message


def _two_packs(source_dir: Path) -> None:
    """The fixture's Mesh Trio BE 3-pack gains a 2-pack of its own."""
    path = source_dir / "acme.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('[[router]]\nbrand = "Acme"\nmodel = "Mesh Trio BE"')
    kit = text[start:]
    two = kit.replace("pack_size = 3", "pack_size = 2").replace(
        "price_usd = 499", "price_usd = 379"
    )
    path.write_text(text + "\n" + two, encoding="utf-8")


def test_a_price_names_the_pack_of_a_kit_sold_in_several(
    db_path: Path, source_dir: Path, tmp_path: Path
) -> None:
    _two_packs(source_dir)
    prices = tmp_path / "prices.csv"
    prices.write_text(
        "brand,model,pack_size,price_usd,price_as_of\nAcme,Mesh Trio BE,2,349,2026-11\n",
        encoding="utf-8",
    )
    result = import_file(prices, db_path=db_path, source_dir=source_dir)
    assert result.updated == ["Acme Mesh Trio BE (2-pack): price_usd, price_as_of"]
    routers = _routers(db_path, source_dir)
    assert routers["acme/mesh trio be/2-pack"].price_usd == 349
    assert routers["acme/mesh trio be/3-pack"].price_usd == 499


def test_a_price_for_a_kit_without_its_pack_is_refused_when_several_are_sold(
    db_path: Path, source_dir: Path, tmp_path: Path
) -> None:
    _two_packs(source_dir)
    prices = tmp_path / "prices.csv"
    prices.write_text("brand,model,price_usd\nAcme,Mesh Trio BE,349\n", encoding="utf-8")
    with pytest.raises(UserInputError) as caught:
        import_file(prices, db_path=db_path, source_dir=source_dir)
    assert str(caught.value) == (
        "prices.csv: row 2: Acme Mesh Trio BE fits 2 catalog entries (mesh 2-pack, mesh "
        "3-pack); add pack_size, hardware_revision or kind to say which; nothing was imported"
    )


def test_a_kit_sold_in_one_pack_size_takes_a_price_without_it(
    db_path: Path, source_dir: Path, tmp_path: Path
) -> None:
    prices = tmp_path / "prices.csv"
    prices.write_text("brand,model,price_usd\nAcme,Mesh Trio BE,449\n", encoding="utf-8")
    import_file(prices, db_path=db_path, source_dir=source_dir)
    assert _routers(db_path, source_dir)["acme/mesh trio be/3-pack"].price_usd == 449


def test_a_row_cannot_turn_one_pack_into_another(
    db_path: Path, source_dir: Path, tmp_path: Path
) -> None:
    rows = tmp_path / "rows.json"
    rows.write_text(
        json.dumps(
            [{"brand": "Acme", "model": "Mesh Trio BE", "kind": "router", "wan_mbps": 1000}]
        ),
        encoding="utf-8",
    )
    with pytest.raises(UserInputError, match="a row cannot change them"):
        import_file(rows, db_path=db_path, source_dir=source_dir)
