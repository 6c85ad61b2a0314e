"""Reading the OpenWrt ToH dump and matching its rows to catalog models, traps included."""

import json

import pytest
from router_advisor.catalog.openwrt import (
    TohFormatError,
    TohIndex,
    model_aliases,
    norm_version,
    parse_toh,
    ram_agrees,
    split_revision,
)

from .conftest import FIXTURES
from .reference import reference_file


@pytest.fixture(scope="module")
def index() -> TohIndex:
    return TohIndex(parse_toh(json.loads((FIXTURES / "openwrt-toh-slice.json").read_text())))


def test_rows_parse_with_unknown_and_none_apart(index: TohIndex) -> None:
    ax23 = index.by_id["tp-link:tp-link_ax23_v1"]
    assert (ax23.cpu_cores, ax23.cpu_mhz, ax23.ram_mb) == (2, 880, 128)
    assert ax23.usb == () and ax23.versions == ("v1",)  # "-" is none
    assert ax23.openwrt_supported is True
    hame = index.by_id["hame:hame_mpr-a1"]
    assert hame.usb is None  # "1x µUSB (charging)" cannot be named: unknown
    assert hame.openwrt_supported is False  # EOL


def test_names_and_versions_normalise() -> None:
    assert model_aliases("GL-MT6000 (Flint 2)") == {"glmt6000", "flint2"}
    assert norm_version("V1.0 (EU)") == norm_version("v1") == norm_version("1") == "v1"
    assert norm_version("v1.1") == "v1.1"
    assert split_revision("Archer AX23 v1", None) == ("Archer AX23", "v1")
    assert split_revision("Archer AX23", "v1") == ("Archer AX23", "v1")


@pytest.mark.parametrize(
    ("brand", "model", "revision", "expected"),
    [
        ("TP-Link", "Archer AX23", "v1", "tp-link:tp-link_ax23_v1"),
        ("tp-link", "archer ax23 v1", None, "tp-link:tp-link_ax23_v1"),
        ("TP-Link", "Archer AX23", None, "tp-link:tp-link_ax23_v1"),
        ("GL.iNet", "Flint 2", None, "gl.inet:gl.inet_gl-mt6000"),
        ("GL.iNet", "Flint 2 (GL-MT6000)", None, "gl.inet:gl.inet_gl-mt6000"),
        ("Xiaomi", "Mi Router AX3000T", None, "xiaomi:xiaomi_mi_router_ax3000t"),
        ("TP-Link", "Archer C7", "v5", "tp-link:tp-link_archer_c7_v5"),
    ],
)
def test_models_match_by_brand_name_and_version(
    index: TohIndex, brand: str, model: str, revision: str | None, expected: str
) -> None:
    match = index.match(brand, model, revision)
    assert match.how == "name" and match.device is not None
    assert match.device.deviceid == expected


def test_several_versions_without_a_revision_is_ambiguous(index: TohIndex) -> None:
    match = index.match("TP-Link", "Archer C7", None)
    assert match.how == "ambiguous" and match.device is None and len(match.candidates) == 2


def test_a_wrong_version_or_other_brand_does_not_match(index: TohIndex) -> None:
    assert index.match("TP-Link", "Archer C7", "v2").how == "none"
    assert index.match("ASUS", "Archer AX23", "v1").how == "none"


def test_an_explicit_source_is_an_exact_match(index: TohIndex) -> None:
    match = index.match(
        "Anything", "Else", None, ["https://x.example", "openwrt-toh:linksys:linksys_e8450"]
    )
    assert match.how == "id" and match.device is not None and match.device.model == "E8450"
    assert index.match("Linksys", "E8450", None, ["openwrt-toh:nope"]).how == "unknown id"


def test_ram_more_than_4gb_agrees_with_any_larger_value(index: TohIndex) -> None:
    big = index.by_id["tp-link:tp-link_ax23_v1"].__class__(
        row=1,
        deviceid="x",
        brand="X",
        model="Y",
        versions=(),
        soc=None,
        cpu_cores=None,
        cpu_mhz=None,
        ram_mb=None,
        ram_over_4gb=True,
        usb=None,
        openwrt_supported=None,
    )
    assert ram_agrees(8192, big) is True and ram_agrees(4096, big) is False
    assert ram_agrees(128, index.by_id["tp-link:tp-link_ax23_v1"]) is True


def test_a_dump_without_the_needed_columns_is_refused() -> None:
    with pytest.raises(TohFormatError, match="lacks the column"):
        parse_toh({"captions": [], "columns": ["deviceid"], "entries": []})
    with pytest.raises(TohFormatError, match="must be lists"):
        parse_toh({"captions": [], "columns": "x", "entries": []})


def test_fixture_rows_are_real_rows_of_the_reference_dump() -> None:
    reference = reference_file("openwrt-toh.json")
    real = {e[0]: e for e in json.loads(reference.read_text())["entries"]}
    for entry in json.loads((FIXTURES / "openwrt-toh-slice.json").read_text())["entries"]:
        if not entry[0].startswith("acme:"):
            assert real[entry[0]] == entry
