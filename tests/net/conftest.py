"""The namespace LAN shared by the network tests of a module (built once, always removed)."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.netlab.lan import Lan, build_lan
from tests.netlab.netns import require_root

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def recorded(*parts: str) -> str:
    """A recorded tool output without its '#' source header."""
    text = FIXTURES.joinpath(*parts).read_text(encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if not line.startswith("#"))


@pytest.fixture(scope="module")
def lan() -> Iterator[Lan]:
    require_root()
    lab = build_lan(hosts=20, second=2, late=2, sleepy=4, mdns=True)
    try:
        yield lab
    finally:
        lab.close()


@pytest.fixture
def fresh_lan() -> Iterator[Lan]:
    """A LAN of its own, for the neighbor method: no ARP sweep has just woken its sleepy
    hosts, and the laptop's neighbour table is empty, so they must really be woken."""
    require_root()
    lab = build_lan(hosts=20, second=2, late=2, sleepy=4, mdns=True, network="10.79.0.0/24")
    try:
        yield lab
    finally:
        lab.close()
