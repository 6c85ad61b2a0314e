"""Who the catalog's facts come from, credited as their licences ask: shown in the About
dialog, written into every export (`catalog export`, the reports) and listed in the README.

CC BY-SA asks for the source's name, a link and the licence wherever derived data goes; the
catalog itself is therefore shared under CC BY-SA 4.0. Vendor pages, vendor end-of-life
lists, news reports and curator notes are cited per fact (`router-advisor catalog show`).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Credit:
    name: str
    url: str
    licence: str
    facts: str  # what the catalog takes from it


DATA_CREDITS: tuple[Credit, ...] = (
    Credit(
        "OpenWrt Table of Hardware",
        "https://openwrt.org/toh",
        "CC BY-SA 4.0",
        "SoC, CPU cores and clock, RAM, ports and OpenWrt support",
    ),
    Credit(
        "TechInfoDepot",
        "https://techinfodepot.shoutwiki.com",
        "CC BY-SA 3.0",
        "SoC, radios, ports, release dates and Wi-Fi classes (WikiDevi data as published "
        "in devicecode-data)",
    ),
    Credit(
        "OpenWrt source tree",
        "https://github.com/openwrt/openwrt",
        "GPL-2.0-or-later OR MIT",
        "SoC and port facts of a few models newer than the ToH, from their device-tree files",
    ),
)
CATALOG_LICENCE = (
    "The catalog data is shared under CC BY-SA 4.0, crediting the sources above; vendor "
    "pages and end-of-life lists, news reports and curator notes are cited per fact."
)


def credit_line(credit: Credit) -> str:
    """ "OpenWrt Table of Hardware, https://openwrt.org/toh (CC BY-SA 4.0)"."""
    return f"{credit.name}, {credit.url} ({credit.licence})"


def credit_lines() -> list[str]:
    return [credit_line(c) for c in DATA_CREDITS]


def credits_text() -> str:
    """One paragraph for a report's footer or a file's header."""
    return f"Catalog facts from {'; '.join(credit_lines())}. {CATALOG_LICENCE}"
