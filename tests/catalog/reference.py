"""Where the reference data of ../shared/reference is, for the tests that check against it.

CI keeps it beside the clone (`<clone>/../shared/reference`, see that folder's README). A
checkout elsewhere (a git worktree, say) names it with ROUTER_ADVISOR_REFERENCE. A test that
needs it and cannot find it is skipped with a message that says where it looked; in CI,
which has the copy, it fails instead, so the honesty checks can never stop running unseen.
"""

import csv
import json
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from router_advisor.catalog.openwrt import TohDevice

from tests.conftest import REPO_ROOT

ENV_VAR = "ROUTER_ADVISOR_REFERENCE"


def reference_dir() -> Path:
    given = os.environ.get(ENV_VAR)
    return Path(given) if given else REPO_ROOT.parent / "shared" / "reference"


def reference_file(name: str) -> Path:
    """The path of `name` in the reference folder; skip the test, saying why, when it is absent."""
    path = reference_dir() / name
    if not path.is_file():
        reason = (
            f"reference data {path} is absent: the honesty checks against it did NOT run "
            f"(CI keeps ../shared/reference beside the clone; elsewhere set {ENV_VAR})"
        )
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return path


# -- reading the reference files the way their README's traps require --------------------

_PART = re.compile(r"[A-Z]{2,}[0-9]{3,}[A-Z0-9]*")
_TOH_PORT_COLUMNS = {
    "ethernet100mports": 100,
    "ethernet1gports": 1000,
    "ethernet2_5gports": 2500,
    "ethernet5gports": 5000,
    "ethernet10gports": 10000,
}


def soc_part(text: str | None) -> str | None:
    """The chip's part number: "Qualcomm Atheros IPQ4019" -> "IPQ4019"."""
    found = _PART.findall((text or "").upper())
    return found[-1] if found else None


def same_soc(catalog: str, reference: str) -> bool:
    """Part numbers agree; a suffix variant (MT7986A vs MT7986AV, IPQ8074 vs IPQ8074A) is
    naming granularity, not a conflict (catalog-gap-facts README)."""
    ours, theirs = soc_part(catalog), soc_part(reference)
    if ours is None or theirs is None:
        return True
    return ours.startswith(theirs) or theirs.startswith(ours)


def toh_port_speeds(row: Mapping[str, Any]) -> tuple[int, ...] | None:
    """Every RJ45 port of a ToH row by speed, sorted; None when a count is unknown.
    The ToH's counts are totals: WAN and LAN are not split (README trap)."""
    speeds: list[int] = []
    for column, mbps in _TOH_PORT_COLUMNS.items():
        cell = row.get(column)
        if isinstance(cell, list):
            cell = cell[0] if len(cell) == 1 else None
        if cell in ("-", "0"):
            continue
        if not isinstance(cell, str) or not cell.isdigit():
            return None
        speeds.extend([mbps] * int(cell))
    return tuple(sorted(speeds)) or None


def tid_port_speeds(row: Mapping[str, Any]) -> tuple[int, ...] | None:
    """Every RJ45 port of a TechInfoDepot row by speed (wan, wan2 = WAN/LAN combo, lan...),
    sorted; None when any count or speed is missing."""
    ports = row.get("ports") or {}
    speeds: list[int] = []
    for port in ports.values():
        count, mbps = port.get("count"), port.get("speed_mbps")
        if not isinstance(count, int) or not isinstance(mbps, int):
            return None
        speeds.extend([mbps] * count)
    return tuple(sorted(speeds)) or None


def catalog_port_speeds(wan_mbps: int | None, lan: Sequence[int] | None) -> tuple[int, ...] | None:
    """Every RJ45 port of a catalog entry by speed, sorted; () for a unit with no Ethernet
    port (wan_mbps = 0 is no port, not a port of 0 Mbit/s)."""
    if wan_mbps is None or lan is None:
        return None
    return tuple(sorted([wan_mbps, *lan] if wan_mbps else lan))


def tid_device(number: int, row: Mapping[str, Any]) -> TohDevice:
    """A TechInfoDepot row in the shape the ToH matcher reads. An "N/S" (not specified)
    revision counts as none, so a catalog model without a revision that TechInfoDepot has
    twice (the GT-AX6000 trap: N/S and v2) stays ambiguous instead of matching the first."""
    revision = row.get("revision")
    versions = (revision,) if isinstance(revision, str) and revision != "N/S" else ()
    soc = " ".join(p for p in (row.get("soc_vendor"), row.get("soc_model")) if p) or None
    ram = row.get("ram_mb")
    return TohDevice(
        row=number,
        deviceid=row["data_url"],
        brand=row.get("brand") or "",
        model=row.get("model") or "",
        versions=versions,
        soc=soc,
        cpu_cores=row.get("cpu_cores") if isinstance(row.get("cpu_cores"), int) else None,
        cpu_mhz=None,
        ram_mb=int(ram) if isinstance(ram, int | float) and ram >= 1 else None,
        ram_over_4gb=False,
        usb=None,
        openwrt_supported=None,
    )


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
