"""The real catalog in data/catalog kept honest against ../shared/reference.

- Hardware (SoC, CPU cores, RAM, RJ45 ports) agrees with the OpenWrt Table of Hardware and
  TechInfoDepot, or the record's `cross_check_note` says why (naming the source it departs
  from). Matching minds the README's traps: a `openwrt-toh:`/`techinfodepot:` source is an
  exact match, names match only when one row fits the revision (the GT-AX6000 N/S vs v2
  pages stay ambiguous), ToH port counts are totals, SoC suffix variants agree.
- End-of-support dates agree with the vendor's list for the matching hardware version and
  pack size; nothing is "supported as of" a date after the vendor ended its support.
- No price is dated before the model's release year, and a launch price of a model more
  than two years old is marked msrp.

Each test skips, saying so, when the reference data is absent (CI keeps it beside the clone).
"""

import json
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import pytest
from router_advisor.catalog.openwrt import TohDevice, TohIndex, parse_toh, ram_agrees
from router_advisor.catalog.records import router_from_flat
from router_advisor.catalog.source import load_source
from router_advisor.core.router import Router
from router_advisor.resources import data_path

from .reference import (
    catalog_port_speeds,
    read_csv,
    read_jsonl,
    reference_file,
    same_soc,
    tid_device,
    tid_port_speeds,
    toh_port_speeds,
)

TID_PREFIX = "techinfodepot:"
TOH_PREFIX = "openwrt-toh:"
# Words a cross_check_note uses to name the source it departs from.
NAMES_TOH = re.compile(r"openwrt|\btoh\b", re.IGNORECASE)
NAMES_TID = re.compile(r"techinfodepot|wikidevi", re.IGNORECASE)


@pytest.fixture(scope="module")
def routers() -> list[Router]:
    return [router_from_flat(r.values, r.sources) for r in load_source(data_path("catalog"))]


@pytest.fixture(scope="module")
def toh_rows() -> dict[str, dict[str, Any]]:
    document = json.loads(reference_file("openwrt-toh.json").read_text(encoding="utf-8"))
    rows = [dict(zip(document["columns"], e, strict=True)) for e in document["entries"]]
    return {row["deviceid"]: row for row in rows}


@pytest.fixture(scope="module")
def index() -> TohIndex:
    path = reference_file("openwrt-toh.json")
    return TohIndex(parse_toh(json.loads(path.read_text(encoding="utf-8"))))


@pytest.fixture(scope="module")
def tid_rows() -> dict[str, dict[str, Any]]:
    rows = read_jsonl(reference_file("techinfodepot-infobox-routers.jsonl"))
    return {row["data_url"]: row for row in rows}


@pytest.fixture(scope="module")
def tid_index(tid_rows: dict[str, dict[str, Any]]) -> TohIndex:
    return TohIndex([tid_device(n, row) for n, row in enumerate(tid_rows.values(), start=1)])


def _refs(router: Router, prefix: str) -> list[str]:
    return [s.ref.removeprefix(prefix) for s in router.sources if s.ref.startswith(prefix)]


def _name(router: Router) -> str:
    return router.display_name


def _excused(router: Router, names_source: re.Pattern[str]) -> bool:
    return bool(router.cross_check_note and names_source.search(router.cross_check_note))


def _hardware_problems(
    router: Router, device: TohDevice, ports: tuple[int, ...] | None, source: str
) -> list[str]:
    where = f"{_name(router)} vs {source} {device.deviceid}"
    problems = []
    if router.soc and device.soc and not same_soc(router.soc, device.soc):
        problems.append(f"{where}: soc {router.soc!r} vs {device.soc!r}")
    if router.cpu_cores is not None and device.cpu_cores not in (None, router.cpu_cores):
        problems.append(f"{where}: cpu_cores {router.cpu_cores} vs {device.cpu_cores}")
    if router.ram_mb is not None and ram_agrees(router.ram_mb, device) is False:
        theirs = "more than 4GB" if device.ram_over_4gb else device.ram_mb
        problems.append(f"{where}: ram_mb {router.ram_mb} vs {theirs}")
    ours = catalog_port_speeds(router.wan_mbps, router.lan_ports_mbps)
    if ours is not None and ports is not None and ours != ports:
        problems.append(f"{where}: RJ45 ports (WAN + LAN, Mbit/s) {list(ours)} vs {list(ports)}")
    return problems


def _matched(router: Router, index: TohIndex, prefix: str) -> TohDevice | None:
    ids = _refs(router, prefix)
    if ids:
        return next((index.by_id[i] for i in ids if i in index.by_id), None)
    return index.match(router.brand, router.model, router.hardware_revision).device


def test_every_openwrt_source_names_a_real_row(routers: list[Router], index: TohIndex) -> None:
    bad = [
        f"{_name(r)}: {TOH_PREFIX}{ref}"
        for r in routers
        for ref in _refs(r, TOH_PREFIX)
        if ref not in index.by_id
    ]
    assert not bad, "sources name ToH rows that do not exist:\n" + "\n".join(bad)


def test_every_techinfodepot_source_names_a_real_page(
    routers: list[Router], tid_rows: Mapping[str, Any]
) -> None:
    bad = [
        f"{_name(r)}: {TID_PREFIX}{ref}"
        for r in routers
        for ref in _refs(r, TID_PREFIX)
        if ref not in tid_rows
    ]
    assert not bad, "sources name TechInfoDepot pages the dump lacks:\n" + "\n".join(bad)


def test_hardware_agrees_with_the_toh_or_says_why(
    routers: list[Router], index: TohIndex, toh_rows: Mapping[str, Mapping[str, Any]]
) -> None:
    problems, matched = [], 0
    for router in routers:
        device = _matched(router, index, TOH_PREFIX)
        if device is None:
            continue
        matched += 1
        if not _excused(router, NAMES_TOH):
            ports = toh_port_speeds(toh_rows[device.deviceid])
            problems += _hardware_problems(router, device, ports, "ToH")
    assert matched > 0, "no catalog model matched the ToH: the matcher is broken"
    assert not problems, (
        "disagreements with the OpenWrt ToH without a cross_check_note that names it:\n"
        + "\n".join(problems)
    )


def test_hardware_agrees_with_techinfodepot_or_says_why(
    routers: list[Router], tid_index: TohIndex, tid_rows: Mapping[str, Mapping[str, Any]]
) -> None:
    problems, matched = [], 0
    for router in routers:
        device = _matched(router, tid_index, TID_PREFIX)
        if device is None:
            continue
        matched += 1
        if not _excused(router, NAMES_TID):
            ports = tid_port_speeds(tid_rows[device.deviceid])
            problems += _hardware_problems(router, device, ports, "TechInfoDepot")
    assert matched > 0, "no catalog model matched TechInfoDepot: the matcher is broken"
    assert not problems, (
        "disagreements with TechInfoDepot without a cross_check_note that names it:\n"
        + "\n".join(problems)
    )


# -- firmware support against the vendor's own list ----------------------------------------

_VENDOR_VERSION = re.compile(r"^(?P<model>.*?)\s*(\((?P<pack>\d)-pack\))?\s+(?P<hw>\d+)\.\d+$")


def _eol_rows_for(router: Router, rows: Sequence[Mapping[str, str]]) -> list[Mapping[str, str]]:
    """The vendor-list rows of this exact SKU: same model, pack size and hardware version
    (catalog "v5" = vendor 5.0, 5.6, 5.8; dates are per version and per pack, README trap)."""
    found = []
    for row in rows:
        if (row["brand"], row["catalog_model"]) != (router.brand, router.model):
            continue
        printed = _VENDOR_VERSION.match(row["vendor_model_and_hw_version"])
        if printed is None or not row["end_of_support_date"]:
            continue  # ASUS: membership only, no dates
        pack = int(printed["pack"] or 1)
        if pack != router.pack_size:
            continue
        if router.hardware_revision:
            wanted = router.hardware_revision.lower().removeprefix("v").split(".")[0]
            if printed["hw"] != wanted:
                continue
        found.append(row)
    return found


@pytest.fixture(scope="module")
def eol_rows() -> list[dict[str, str]]:
    return read_csv(reference_file("vendor-eol-records-catalog.csv"))


def test_end_of_support_dates_agree_with_the_vendor_list(
    routers: list[Router], eol_rows: list[dict[str, str]]
) -> None:
    problems = []
    for router in routers:
        ours = router.firmware.end_of_support
        rows = _eol_rows_for(router, eol_rows)
        if ours is None or not rows:
            continue
        dates = sorted({row["end_of_support_date"] for row in rows})
        if ours not in dates:
            problems.append(f"{_name(router)}: end_of_support {ours}, the vendor list has {dates}")
        elif len(dates) > 1 and not router.hardware_revision and not router.cross_check_note:
            problems.append(
                f"{_name(router)}: end_of_support {ours} is one of {dates} (one per hardware "
                "version); give the hardware_revision or a cross_check_note"
            )
    assert not problems, "\n".join(problems)


def test_nothing_is_supported_after_the_vendor_ended_its_support(
    routers: list[Router], eol_rows: list[dict[str, str]]
) -> None:
    problems = []
    for router in routers:
        as_of = router.firmware.supported_as_of
        if as_of is None:
            continue
        if router.firmware.end_of_support and router.firmware.end_of_support < as_of:
            problems.append(
                f"{_name(router)}: supported_as_of {as_of} after its own end_of_support "
                f"{router.firmware.end_of_support}"
            )
        ended = sorted(r["end_of_support_date"] for r in _eol_rows_for(router, eol_rows))
        # Every version of this SKU ended before the date it is claimed supported on.
        if ended and ended[-1] < as_of and not router.cross_check_note:
            problems.append(
                f"{_name(router)}: supported_as_of {as_of}, but the vendor list ends "
                f"support on {ended[-1]}"
            )
    assert not problems, "\n".join(problems)


# -- prices ------------------------------------------------------------------------------


def test_no_price_is_dated_before_the_model_was_released(routers: list[Router]) -> None:
    bad = [
        f"{_name(r)}: price_as_of {r.price_as_of}, release_year {r.release_year}"
        for r in routers
        if r.price_as_of and r.release_year and int(r.price_as_of[:4]) < r.release_year
    ]
    assert not bad, "prices dated before the model existed:\n" + "\n".join(bad)


def test_launch_prices_of_models_older_than_two_years_are_msrp(routers: list[Router]) -> None:
    """A price from the launch year of a model released more than two years ago is its list
    price at launch, not what a shop asks today: it must say msrp."""
    this_year = date.today().year
    bad = [
        f"{_name(r)}: {r.price_kind} price of {r.price_as_of}, released {r.release_year}"
        for r in routers
        if r.price_as_of
        and r.release_year
        and r.release_year < this_year - 2
        and int(r.price_as_of[:4]) == r.release_year
        and r.price_kind != "msrp"
    ]
    assert not bad, "launch prices not marked msrp:\n" + "\n".join(bad)
