"""How a system reads wherever a person sees it: its name, price, parts, where each unit
goes, and the headings of a shortlist. One place for the CLI, the GUI and every report."""

from router_advisor.core.part_prices import PARTS_PRICE_AS_OF, PARTS_PRICE_KIND, PARTS_PRICE_REGION
from router_advisor.core.system import Component, System
from router_advisor.core.wording import plural, price_age, router_price, usd

# How the units of a system link, in words (system.Backhaul).
BACKHAUL_WORDS: dict[str, str] = {
    "wired": "linked by Ethernet cable",
    "powerline_or_moca": "linked over powerline or MoCA adapters",
    "dedicated_radio": "linked by a radio reserved for that (tri-band)",
    "shared_radio": "linked by the same radios your devices use",
    "unknown": "linked in a way the catalog does not say",
}
# Why catalog models were left out before ranking (system_builder.for_sale_problem).
LEFT_OUT_WORDS: dict[str, str] = {
    "discontinued": "discontinued",
    "end_of_support": "past their end of security support",
    "region": "not sold in your region",
    "travel": "travel routers",
    "modem_router": "modem-routers your line does not need",
    "bigger_kit": "mesh kits bigger than your home needs",
}


def system_name(s: System) -> str:
    """ "Deco X55 (3-pack) + 1 x Deco X55 node + 5-port gigabit switch"; one box by its name."""
    parts = kit_first(s)
    names = [f"{c.count} x {c.name}" if c.count > 1 or i else c.name for i, c in enumerate(parts)]
    return " + ".join(names)


def kit_first(s: System) -> list[Component]:
    """The parts with a kit first ("eero 6 (3-pack) + 1 x eero 6"), whatever unit the line
    plugs into: the order of a system's name and of its shopping list."""
    return sorted(s.components, key=lambda c: not (c.router and c.router.pack_size > 1))


def system_price(s: System) -> str:
    """One box: its price with its age; a system (also three of one model, which cost three
    times one): the whole total, or what is unknown."""
    if s.is_single_box:
        return router_price(s.lead)
    if s.price_usd is None:
        # Each model once: a router and three more of it are one unknown price, not four.
        return f"price unknown ({', '.join(dict.fromkeys(s.price_unknown_parts))})"
    return f"{usd(s.price_usd)} for the whole system"


def parts_text(s: System) -> str:
    """The shopping list of a system of several parts with each price; "" for one box."""
    if s.is_single_box:
        return ""
    lines = []
    for c in kit_first(s):
        if c.owned:
            each = "you own it"
        elif c.price_usd is None:
            each = "price unknown"
        else:
            each = usd(c.price_usd) + (" each" if c.count > 1 else "")
        lines.append(f"{c.count} x {c.name} ({each})")
    return "; ".join(lines)


def prices_seen(s: System) -> str:
    """How old a system's prices are (its oldest catalog part's, and the table's date of the
    parts of any make): "Oldest price: street price as of 2025-03, US; parts of any make:
    street price as of 2025, US"; "" for one box (its price says it) or when no date is
    known."""
    if s.is_single_box:
        return ""
    seen = [c.router for c in s.components if c.router is not None and c.router.price_as_of]
    dates = []
    if seen:
        oldest = min(seen, key=lambda r: r.price_as_of or "")
        age = price_age(oldest.price_as_of, oldest.price_kind, oldest.price_region)
        dates.append(f"Oldest price: {age}")
    if any(c.router is None for c in s.components):
        age = price_age(PARTS_PRICE_AS_OF, PARTS_PRICE_KIND, PARTS_PRICE_REGION)
        dates.append(f"{'p' if dates else 'P'}arts of any make: {age}")
    return "; ".join(dates)


def parts_line(s: System) -> str:
    """ "Parts: 1 x eero 6 ($129.00); 1 x 5-port gigabit switch ($20.00). Oldest price: list
    price as of 2021-09, US."; "" for one box."""
    parts = parts_text(s)
    if not parts:
        return ""
    seen = prices_seen(s)
    return f"Parts: {parts}." + (f" {seen}." if seen else "")


def where_text(s: System) -> str:
    """Where the units go and how they link, in a sentence or two."""
    if s.nodes > 1 and s.backhaul in BACKHAUL_WORDS:
        return f"{s.placement} The units are {BACKHAUL_WORDS[s.backhaul]}."
    return s.placement


def shortlist_heading(closest_fits: bool, fits: int, systems: int) -> str:
    """ "Shortlist (12 of 40 systems meet your must-haves):", or, when none of known price
    does, that the closest are shown."""
    if closest_fits:
        unknown = " (last: systems of unknown price that may fit; ask their price)"
        return (
            "No system of known price meets every must-have; the closest ones, with what "
            "each misses and the answer to change" + (unknown if fits else "") + ":"
        )
    return f"Shortlist ({fits} of {plural(systems, 'system')} meet your must-haves):"


def left_out_text(excluded: dict[str, int]) -> str:
    """ "Not shortlisted: 3 discontinued, 2 travel routers."; "" when nothing was left out."""
    if not excluded:
        return ""
    parts = [f"{count} {LEFT_OUT_WORDS[why]}" for why, count in sorted(excluded.items())]
    return "Not shortlisted: " + ", ".join(parts) + "."
