"""The models `current` can recognise: the shipped hardware table is exactly what the build
script makes from ../shared/reference, and every row says where it came from."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from router_advisor.catalog.known_routers import hardware_table, isp_boxes, known_routers
from router_advisor.core.router import Router
from router_advisor.resources import data_path

from tests.conftest import REPO_ROOT

REFERENCE = REPO_ROOT.parent / "shared" / "reference"


def test_the_shipped_table_is_the_build_scripts_output(tmp_path: Path) -> None:
    if not (REFERENCE / "openwrt-toh.json").exists():
        reason = f"the reference data is not at {REFERENCE} (CI has a copy of shared/ there)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    out = tmp_path / "hardware.json.gz"
    script = REPO_ROOT / "packaging" / "build_hardware_lookup.py"
    subprocess.run([sys.executable, str(script), str(REFERENCE), str(out)], check=True)
    assert out.read_bytes() == data_path("lookup", "hardware.json.gz").read_bytes()


def test_every_row_has_a_source_and_plain_facts() -> None:
    table = hardware_table()
    assert len(table) > 5000
    assert all(r.source.startswith(("openwrt-toh:", "techinfodepot:")) for r in table)
    assert {r.wifi_generation for r in table} <= {None, "4", "5", "6", "6E", "7"}
    r7000 = [r for r in table if (r.brand, r.model) == ("Netgear", "R7000")]
    assert r7000 and any(r.wan_mbps == 1000 for r in r7000)


def test_isp_boxes_are_labelled_and_come_after_the_catalog() -> None:
    boxes = isp_boxes()
    assert all(b.isp and b.wifi_generation for b in boxes)
    catalog = [Router("TP-Link", "Archer AX55", "router", 1, "6", ())]
    ordered = known_routers(catalog)
    assert ordered[0].source == "catalog:tp-link/archer ax55"
    assert ordered[1] == boxes[0]
