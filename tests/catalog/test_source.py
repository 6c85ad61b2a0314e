"""Loading data/catalog-style TOML: good files load, every kind of mistake is named plainly."""

from pathlib import Path

import pytest
from router_advisor.catalog.records import router_from_flat
from router_advisor.catalog.source import CatalogDataError, content_hash, load_source

GOOD = """
[[router]]
brand = "Acme"
model = "R1"
kind = "router"
pack_size = 1
wifi_generation = "6"
wan_mbps = 1000
sources = [{ ref = "https://acme.example/r1", fields = ["wan_mbps", "bands"] }]
"""


def _problems(folder: Path, text: str, name: str = "acme.toml") -> list[str]:
    (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(CatalogDataError) as caught:
        load_source(folder)
    return caught.value.problems


def test_fixture_source_loads_with_missing_keys_unknown(source_dir: Path) -> None:
    records = load_source(source_dir)
    assert [r.key for r in records] == ["acme/speedy ax1800/v2", "acme/mesh trio be", "zeta/z10"]
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
        ('kind = "router"', 'kind = "modem"', "field 'kind' 'modem' is not one of router, mesh"),
        ('wifi_generation = "6"', "wifi_generation = 6", "field 'wifi_generation' must be text"),
        ('wifi_generation = "6"', 'wifi_generation = "6e"', "'6e' is not one of 5, 6, 6E, 7"),
        ("pack_size = 1", "pack_size = 2", "field 'pack_size' must be 1 for a router, not 2"),
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
        ('"bands"]', '"bands", "wan_speed"]', "'fields' names unknown field(s) wan_speed"),
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


def test_duplicate_model_across_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(GOOD, encoding="utf-8")
    problems = _problems(tmp_path, GOOD.replace('"Acme"', '"ACME"'), name="b.toml")
    assert problems == [
        "b.toml, ACME R1: duplicate of the model in a.toml "
        "(same brand, model and hardware_revision)"
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
