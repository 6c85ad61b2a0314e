"""How numbers read in every answer, report and card: prices, counts and home sizes.

One place, so the CLI, the exports and the GUI write "$99.99", "2 floors" and "1,200 sq ft"
the same way.
"""

from typing import Literal

from router_advisor.core.answers import SQFT_PER_M2

SizeUnit = Literal["m2", "sqft"]


def usd(value: float) -> str:
    """A price in US dollars, always with cents: "$99.99", "$1,199.00"."""
    return f"${value:,.2f}"


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 floor", "2 floors"; `many` for irregular plurals ("1 LAN port" needs none)."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def area(size_m2: float, unit: SizeUnit = "m2") -> str:
    """A home's size in the unit the person gave it: "100 m²" or "1,200 sq ft (111 m²)"."""
    if unit == "sqft":
        return f"{size_m2 * SQFT_PER_M2:,.0f} sq ft ({size_m2:,.0f} m²)"
    return f"{size_m2:,.0f} m²"


# What each catalog kind is called wherever a person reads it (core/router.py KINDS).
KIND_WORDS: dict[str, str] = {
    "router": "router",
    "mesh": "mesh kit",
    "node": "add-on mesh node",
    "access_point": "access point",
    "travel": "travel router",
    "modem_router": "modem-router",
}
# The line a modem-router's built-in modem terminates (core/router.py LINES).
LINE_WORDS: dict[str, str] = {"dsl": "DSL", "cable": "cable", "fibre": "fibre", "lte_5g": "LTE/5G"}


def router_kind(kind: str, pack_size: int, line: str | None = None) -> str:
    """ "router", "mesh, 3 nodes", "modem-router (DSL)", "access point"."""
    if kind == "mesh":
        return f"mesh, {plural(pack_size, 'node')}"
    if kind == "modem_router" and line:
        return f"{KIND_WORDS[kind]} ({LINE_WORDS.get(line, line)})"
    return KIND_WORDS.get(kind, kind)


# `price_kind` in words: a list price set by the maker, or a shop's price when it was seen.
PRICE_KIND_WORDS: dict[str, str] = {"msrp": "list price", "street": "street price"}


def price_age(as_of: str | None, kind: str | None = None, region: str | None = None) -> str:
    """How old a price is and what it is: "street price as of 2025-06, US".

    Shown beside every price, so nobody takes a 2023 list price for today's shelf price.
    """
    what = PRICE_KIND_WORDS.get(kind, kind) if kind else "price"
    text = f"{what} as of {as_of}" if as_of else f"{what}, date unknown"
    return f"{text}, {region}" if region else text


def price_with_age(
    value: float | None, as_of: str | None, kind: str | None = None, region: str | None = None
) -> str:
    """ "$99.99 (street price as of 2025-06, US)", or "price unknown"."""
    if value is None:
        return "price unknown"
    return f"{usd(value)} ({price_age(as_of, kind, region)})"
