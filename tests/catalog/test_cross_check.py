"""The real catalog in data/catalog against the OpenWrt Table of Hardware, and its promised size.

For every catalog model the ToH covers, CPU cores and RAM agree, or the record says why not
(`cross_check_note`). The dump lives in ../shared/reference (CI has it there).
"""

import json
from collections.abc import Sequence

import pytest
from router_advisor.catalog.openwrt import TohIndex, parse_toh, ram_agrees
from router_advisor.catalog.records import router_from_flat
from router_advisor.catalog.source import load_source
from router_advisor.core.router import Router
from router_advisor.resources import data_path

from .reference import reference_file


@pytest.fixture(scope="module")
def routers() -> list[Router]:
    return [router_from_flat(r.values, r.sources) for r in load_source(data_path("catalog"))]


@pytest.fixture(scope="module")
def index() -> TohIndex:
    path = reference_file("openwrt-toh.json")
    return TohIndex(parse_toh(json.loads(path.read_text(encoding="utf-8"))))


def _refs(router: Router) -> Sequence[str]:
    return [s.ref for s in router.sources]


def test_every_openwrt_source_names_a_real_row(routers: list[Router], index: TohIndex) -> None:
    bad = [
        f"{r.display_name}: {ref}"
        for r in routers
        for ref in _refs(r)
        if ref.startswith("openwrt-toh:") and ref.removeprefix("openwrt-toh:") not in index.by_id
    ]
    assert not bad, "sources name ToH rows that do not exist:\n" + "\n".join(bad)


def test_cores_and_ram_agree_with_the_toh_or_say_why(
    routers: list[Router], index: TohIndex
) -> None:
    problems, matched = [], 0
    for router in routers:
        match = index.match(router.brand, router.model, router.hardware_revision, _refs(router))
        device = match.device
        if device is None or router.cross_check_note:
            continue
        matched += 1
        name = f"{router.display_name} ({device.deviceid})"
        if device.cpu_cores is not None and router.cpu_cores != device.cpu_cores:
            problems.append(f"{name}: cpu_cores {router.cpu_cores} vs ToH {device.cpu_cores}")
        if ram_agrees(router.ram_mb, device) is False:
            toh_ram = "more than 4GB" if device.ram_over_4gb else device.ram_mb
            problems.append(f"{name}: ram_mb {router.ram_mb} vs ToH {toh_ram}")
    assert matched > 0, "no catalog model matched the ToH: the matcher is broken"
    assert not problems, "disagreements without a cross_check_note:\n" + "\n".join(problems)


def test_the_catalog_holds_what_the_issue_promised(routers: list[Router]) -> None:
    assert len(routers) >= 60
    assert sum(r.wifi_generation == "7" for r in routers) >= 15
    assert sum(r.kind == "mesh" for r in routers) >= 15
    assert any(r.price_usd is not None and r.price_usd < 100 for r in routers)
    assert any(r.wan_mbps is not None and r.wan_mbps > 1000 for r in routers)
    assert all(r.sources for r in routers)
