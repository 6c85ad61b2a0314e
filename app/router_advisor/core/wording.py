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
