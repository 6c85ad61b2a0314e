"""Loading data/catalog-style TOML: good files load, every kind of mistake is named plainly."""

import tomllib
from pathlib import Path
from typing import Any

import pytest
import rtoml
from router_advisor.catalog.records import router_from_flat
from router_advisor.catalog.source import (
    CatalogDataError,
    content_hash,
    load_source,
    parse_toml,
    source_files,
)
from router_advisor.resources import data_path

GOOD = """
[[router]]
brand = "Acme"
model = "R1"
kind = "router"
pack_size = 1
wifi_generation = "6"
wan_mbps = 1000
sources = [{ ref = "https://acme.example/r1", fields = [
  "wan_mbps", "bands", "system", "line", "firmware", "price_as_of", "price_kind"
] }]
"""


def _problems(folder: Path, text: str, name: str = "acme.toml") -> list[str]:
    (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(CatalogDataError) as caught:
        load_source(folder)
    return caught.value.problems


def test_fixture_source_loads_with_missing_keys_unknown(source_dir: Path) -> None:
    records = load_source(source_dir)
    assert [r.key for r in records] == [
        "acme/speedy ax1800/v2",
        "acme/mesh trio be/3-pack",
        "zeta/z10",
    ]
    zeta = router_from_flat(records[2].values, records[2].sources)
    assert zeta.management.app is True
    assert zeta.management.local_web_ui is None
    assert zeta.price_usd is None and zeta.bands is None
    speedy = router_from_flat(records[0].values, records[0].sources)
    assert speedy.usb == () and speedy.streams == (("2.4", 2), ("5", 2))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("wan_mbps = 1000", "wan_mbp = 1000", "unknown field 'wan_mbp' (did you mean 'wan_mbps'?)"),
        (
            "wan_mbps = 1000",
            'wan_mbps = "1000"',
            "field 'wan_mbps' must be a whole number, not text",
        ),
        ("wan_mbps = 1000", "wan_mbps = 1000.0", "field 'wan_mbps' must be a whole number"),
        (
            'kind = "router"',
            'kind = "modem"',
            "field 'kind' 'modem' is not one of router, mesh, node, access_point, travel, "
            "modem_router",
        ),
        ('wifi_generation = "6"', "wifi_generation = 6", "field 'wifi_generation' must be text"),
        ('wifi_generation = "6"', 'wifi_generation = "6e"', "'6e' is not one of 5, 6, 6E, 7"),
        ("pack_size = 1", "pack_size = 2", "field 'pack_size' must be 1 for kind router"),
        (
            'kind = "router"\npack_size = 1',
            'kind = "node"\nsystem = "Deco BE63"\npack_size = 2',
            "field 'pack_size' must be 1 for kind node (only a mesh kit has more units), not 2",
        ),
        ('kind = "router"', 'kind = "node"', "a node needs field 'system'"),
        ('kind = "router"', 'kind = "modem_router"', "a modem_router needs field 'line'"),
        (
            "wan_mbps = 1000",
            'wan_mbps = 1000\nline = "dsl"',
            "field 'line' is only for kind modem_router, not router",
        ),
        ("wan_mbps = 1000", 'wan_mbps = 1000\nline = "adsl"', "'adsl' is not one of dsl, cable"),
        ("wan_mbps = 1000", 'wan_mbps = 1000\npoe = "yes"', "'yes' is not one of none, in, out"),
        (
            "wan_mbps = 1000",
            'wan_mbps = 1000\nregions = ["US", "usa"]',
            "'usa' is not a region code such as US, CA, UK, EU or AU",
        ),
        ("wan_mbps = 1000", 'wan_mbps = 1000\nregions = ["US", "US"]', "lists a region twice"),
        ("wan_mbps = 1000", "wan_mbps = 1000\nsfp_ports = [5]", "5 is not a port speed"),
        ("wan_mbps = 1000", "wan_mbps = 1000\ncoverage_m2 = 0", "0 is outside 5..5000"),
        (
            "wan_mbps = 1000",
            'wan_mbps = 1000\nfirmware = { end_of_support = "2025-02-30" }',
            "'2025-02-30' is not a date written YYYY-MM-DD",
        ),
        (
            "wan_mbps = 1000",
            'wan_mbps = 1000\nfirmware = { supported_as_of = "2026-6-24" }',
            "field 'firmware.supported_as_of' '2026-6-24' is not a date",
        ),
        (
            "wan_mbps = 1000",
            'wan_mbps = 1000\nfirmware = { eol_listed_as_of = "2026-02-29" }',
            "field 'firmware.eol_listed_as_of' '2026-02-29' is not a date written YYYY-MM-DD",
        ),
        (
            "wan_mbps = 1000",
            "wan_mbps = 1000\nfirmware = { eol_listed_as_of = 20260624 }",
            "field 'firmware.eol_listed_as_of' must be text",
        ),
        (
            "wan_mbps = 1000",
            'wan_mbps = 1000\nfirmware = { support_counts_from = "launch" }',
            "'firmware.support_counts_from' needs 'firmware.support_years_promised'",
        ),
        (
            "wan_mbps = 1000",
            'wan_mbps = 1000\nfirmware = { support_counts_from = "sale" }',
            "'sale' is not one of launch, end_of_sale",
        ),
        ("wan_mbps = 1000", 'wan_mbps = 1000\nprice_month = "2025-06"', "unknown field"),
        (
            "wan_mbps = 1000",
            'wan_mbps = 1000\nprice_as_of = "2025-06"\nprice_kind = "street"',
            "field(s) price_as_of, price_kind describe a price_usd it lacks",
        ),
        ("wan_mbps = 1000", 'wan_mbps = 1000\nprice_as_of = "2025-13"', "not a month"),
        ("pack_size = 1\n", "", "missing required field(s) pack_size"),
        ("wan_mbps = 1000", 'wan_mbps = 1000\nbands = ["2.4", "60"]', "'60' is not a band"),
        (
            "wan_mbps = 1000",
            'wan_mbps = 1000\nbands = ["2.4", "6"]',
            "has 6 GHz but wifi_generation is 6",
        ),
        ("wan_mbps = 1000", "wan_mbps = 1000\nram_mb = 512", "no source's 'fields' covers ram_mb"),
        (
            "wan_mbps = 1000",
            'wan_mbps = 1000\nqos = { sqm = "yes" }',
            "field 'qos.sqm' must be true or false",
        ),
        ("wan_mbps = 1000", "wan_mbps = 1000\nqos = { fast = true }", "unknown field 'qos.fast'"),
        ('"R1"', '"R1 <script>"', "contains HTML or script markup"),
        ('"bands",', '"bands", "wan_speed",', "'fields' names unknown field(s) wan_speed"),
        ('ref = "https', 'ref = "ftp', "'ref' must start with one of"),
    ],
)
def test_each_mistake_is_named_with_file_model_and_field(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    problems = _problems(tmp_path, GOOD.replace(old, new, 1))
    assert len(problems) == 1, problems
    assert problems[0].startswith("acme.toml, ")
    assert expected in problems[0]


EVERY_AGREED_FIELD = """
[[router]]
brand = "Acme"
model = "Box 7"
kind = "modem_router"
line = "fibre"
pack_size = 1
wifi_generation = "7"
system = "Acme Mesh"
regions = ["EU", "UK"]
coverage_m2 = 120.5
sfp_ports = [10000]
poe = "in_out"
discontinued = false
price_usd = 299
price_as_of = "2025-06"
price_kind = "street"
price_region = "EU"
firmware.end_of_support = "2030-06-30"
firmware.support_years_promised = 5
firmware.support_counts_from = "end_of_sale"
firmware.supported_as_of = "2026-06-24"
sources = [{ ref = "curator:vendor spec sheet, not re-checked, as of 2026-11", fields = [
  "line", "system", "regions", "coverage_m2", "sfp_ports", "poe", "discontinued",
  "price_usd", "price_as_of", "price_kind", "price_region", "firmware",
] }]

[[router]]
brand = "Acme"
model = "Box 7 node"
kind = "node"
pack_size = 1
wifi_generation = "7"
system = "Acme Mesh"
sources = [{ ref = "https://acme.example/node", fields = ["system"] }]

[[router]]
brand = "Acme"
model = "Trip"
kind = "travel"
pack_size = 1
wifi_generation = "6"
sources = [{ ref = "https://acme.example/trip", fields = ["wan_mbps"] }]

[[router]]
brand = "Acme"
model = "Ceiling AP"
kind = "access_point"
pack_size = 1
wifi_generation = "7"
poe = "in"
sources = [{ ref = "https://acme.example/ap", fields = ["poe"] }]

[[router]]
brand = "Acme"
model = "Kit"
kind = "mesh"
pack_size = 4
wifi_generation = "7"
system = "Acme Mesh"
sources = [{ ref = "https://acme.example/kit", fields = ["system"] }]
"""


def test_every_agreed_field_loads_into_the_router(tmp_path: Path) -> None:
    (tmp_path / "acme.toml").write_text(EVERY_AGREED_FIELD, encoding="utf-8")
    records = load_source(tmp_path)
    box = router_from_flat(records[0].values, records[0].sources)
    assert (box.kind, box.line, box.system, box.poe) == (
        "modem_router",
        "fibre",
        "Acme Mesh",
        "in_out",
    )
    assert box.regions == ("EU", "UK") and box.sfp_ports == (10000,)
    assert box.coverage_m2 == 120.5 and box.discontinued is False
    assert (box.price_region, box.firmware.support_counts_from) == ("EU", "end_of_sale")
    assert box.firmware.supported_as_of == "2026-06-24"
    assert [r.values["kind"] for r in records] == [
        "modem_router",
        "node",
        "travel",
        "access_point",
        "mesh",
    ]


def test_duplicate_model_across_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(GOOD, encoding="utf-8")
    problems = _problems(tmp_path, GOOD.replace('"Acme"', '"ACME"'), name="b.toml")
    assert problems == [
        "b.toml, ACME R1: duplicate of the model in a.toml "
        "(same brand, model and hardware_revision)"
    ]


KIT = """
[[router]]
brand = "Acme"
model = "Trio"
kind = "mesh"
pack_size = PACK
wifi_generation = "6"
sources = [{ ref = "https://acme.example/trio", fields = ["wan_mbps"] }]
"""


def test_each_pack_size_of_a_kit_is_its_own_entry(tmp_path: Path) -> None:
    """Issue 12: one entry per pack size sold; the 2-pack and 3-pack were duplicates."""
    kits = KIT.replace("PACK", "2") + KIT.replace("PACK", "3")
    (tmp_path / "acme.toml").write_text(kits + GOOD, encoding="utf-8")
    keys = [r.key for r in load_source(tmp_path)]
    assert keys == ["acme/trio/2-pack", "acme/trio/3-pack", "acme/r1"]
    again = kits + KIT.replace("PACK", "3")
    assert _problems(tmp_path, again) == [
        "acme.toml, Acme Trio: duplicate of the model in acme.toml "
        "(same brand, model, hardware_revision and pack_size)"
    ]


def test_broken_toml_and_encoding_are_reported_per_file(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_bytes(b'[[router]]\nbrand = "Caf\xe9"\n')
    (tmp_path / "worse.toml").write_text("[[router]\n", encoding="utf-8")
    with pytest.raises(CatalogDataError) as caught:
        load_source(tmp_path)
    first, second = caught.value.problems
    assert first.startswith("bad.toml: not UTF-8 text")
    assert second.startswith("worse.toml: not valid TOML")
    assert "(and 1 more)" in str(caught.value)


def test_content_hash_follows_the_files(source_dir: Path) -> None:
    before = content_hash(source_dir)
    assert content_hash(source_dir) == before
    path = source_dir / "zeta.toml"
    path.write_text(path.read_text() + "\n", encoding="utf-8")
    assert content_hash(source_dir) != before


def _same(a: Any, b: Any) -> bool:
    """Equal with the same types all the way down (1 == 1.0 == True in Python)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _leaf_types(value: Any) -> set[type]:
    if isinstance(value, dict):
        return set().union(*map(_leaf_types, value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*map(_leaf_types, value)) if value else set()
    return {type(value)}


@pytest.mark.parametrize("path", source_files(data_path("catalog")), ids=lambda p: p.name)
def test_rtoml_reads_every_shipped_file_as_tomllib_does(path: Path) -> None:
    """rtoml is the fast reader; tomllib is the reference for what the catalog's TOML means:
    the same tables in the same order, ints still ints, and only the types the catalog
    writes (a date is text in the catalog, never a datetime object)."""
    text = path.read_text(encoding="utf-8")
    document = parse_toml(text)
    assert _same(document, tomllib.loads(text))
    assert _leaf_types(document) <= {str, int, float, bool}


def test_toml_dates_and_floats_are_refused_by_name_not_stored(tmp_path: Path) -> None:
    """rtoml gives TOML's own types as tomllib does: an unquoted date is a date object and
    2021.0 a float, and the checks name both instead of storing them."""
    text = GOOD.replace(
        "wan_mbps = 1000",
        "wan_mbps = 1000.0\nfirmware = { end_of_support = 2030-06-30 }",
    )
    problems = _problems(tmp_path, text)
    assert "acme.toml, Acme R1: field 'firmware.end_of_support' must be text, not date" in problems
    assert any("'wan_mbps' must be a whole number" in p for p in problems)


def test_a_file_that_is_not_toml_gets_tomllibs_message(tmp_path: Path) -> None:
    with pytest.raises(ValueError):  # rtoml refuses it: tomllib reads it again for its words
        rtoml.loads("[[router]\n")
    problems = _problems(tmp_path, "[[router]\n")
    assert problems[0].startswith("acme.toml: not valid TOML (")
    assert "line 1" in problems[0]


def test_an_end_of_life_listing_loads_into_the_firmware_policy(tmp_path: Path) -> None:
    text = GOOD.replace(
        "wan_mbps = 1000", 'wan_mbps = 1000\nfirmware = { eol_listed_as_of = "2026-06-24" }'
    )
    (tmp_path / "acme.toml").write_text(text, encoding="utf-8")
    [record] = load_source(tmp_path)
    router = router_from_flat(record.values, record.sources)
    assert router.firmware.eol_listed_as_of == "2026-06-24"
    assert router.firmware.end_of_support is None


NO_ETHERNET_POINT = """
[[router]]
brand = "Acme"
model = "Plug Point"
kind = "node"
pack_size = 1
wifi_generation = "5"
system = "Acme Mesh"
wan_mbps = 0
lan_ports_mbps = []
sfp_ports = []
poe = "none"
wired_backhaul = false
sources = [{ ref = "curator:a plug-in point with no Ethernet port, as of 2026-12", fields = [
  "system", "wan_mbps", "lan_ports_mbps", "sfp_ports", "poe", "wired_backhaul"
] }]
"""


def test_a_node_without_an_ethernet_port_loads_as_one(tmp_path: Path) -> None:
    """wan_mbps = 0 with lan_ports_mbps = [] is a plug-in point that links by radio only
    (the eero Beacon): a fact, where it used to stay unknown."""
    (tmp_path / "acme.toml").write_text(NO_ETHERNET_POINT, encoding="utf-8")
    [record] = load_source(tmp_path)
    point = router_from_flat(record.values, record.sources)
    assert point.no_ethernet and point.wan_mbps == 0 and point.lan_ports_mbps == ()


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            ('kind = "node"', 'kind = "router"'),
            "wan_mbps = 0 says it has no Ethernet port, which only an add-on node can lack "
            "(router connects by cable): write its WAN port's speed",
        ),
        (
            ('kind = "node"', 'kind = "access_point"'),
            "which only an add-on node can lack (access_point connects by cable)",
        ),
        (
            ("lan_ports_mbps = []", "lan_ports_mbps = [1000]"),
            "wan_mbps = 0 says it has no Ethernet port: write lan_ports_mbps = [] with it",
        ),
        (
            ("lan_ports_mbps = []\n", ""),
            "wan_mbps = 0 says it has no Ethernet port: write lan_ports_mbps = [] with it",
        ),
        (("sfp_ports = []", "sfp_ports = [10000]"), "but sfp_ports lists a cage"),
        (('poe = "none"', 'poe = "in"'), "but poe says it has Power over Ethernet"),
        (
            ("wired_backhaul = false", "wired_backhaul = true"),
            "but wired_backhaul = true links it by cable",
        ),
        (("wan_mbps = 0", "wan_mbps = 5"), "field 'wan_mbps' 5 is outside 10..100000 (0 = no"),
    ],
)
def test_no_ethernet_port_must_agree_with_the_rest(
    tmp_path: Path, change: tuple[str, str], problem: str
) -> None:
    text = NO_ETHERNET_POINT.replace(*change)
    assert text != NO_ETHERNET_POINT
    problems = _problems(tmp_path, text)
    assert len(problems) == 1 and problem in problems[0], problems
