"""The words a person reads, defined once: device kinds, activity names, bufferbloat grades,
a router's name and key facts, and how prices, counts and home sizes are written.

One place, so the CLI, the exports and the GUI write "smart-home", "Online gaming",
"$99.99", "2 floors" and "1,200 sq ft" the same way (like Picard's const/attributes.py).
Tables are keyed by the core's own types; tests/core/test_wording.py checks that every
value of each type has its words.
"""

from typing import TYPE_CHECKING, Literal

from router_advisor.core.answers import SQFT_PER_M2
from router_advisor.core.scan import DeviceKind
from router_advisor.core.verdicts import Activity

if TYPE_CHECKING:  # core/router.py names routers with router_name() below
    from router_advisor.core.router import Router

SizeUnit = Literal["m2", "sqft"]

# -- devices a scan found ----------------------------------------------------------------
# Stored values and JSON keep the key ("iot"); people read the word.
DEVICE_KIND_WORDS: dict[DeviceKind, str] = {
    "phone": "phone",
    "computer": "computer",
    "tv": "TV / streamer",
    "console": "game console",
    "printer": "printer",
    "iot": "smart-home",
    "network": "network gear",
    "unknown": "unknown",
}


_KIND_WORD_OF: dict[str, str] = {kind: word for kind, word in DEVICE_KIND_WORDS.items()}


def kind_word(kind: str) -> str:
    """A device kind as a sentence or a table cell reads it: "smart-home" for "iot"."""
    return _KIND_WORD_OF.get(kind, kind)


def kind_heading(kind: str) -> str:
    """The kind at the start of a cell or a line: "Smart-home", "TV / streamer"."""
    word = kind_word(kind)
    return word[:1].upper() + word[1:]


# What a scan can and cannot see, said wherever a scan's result is shown (CLI, GUI): a
# sleeping or switched-off device does not answer, whatever the method.
SCAN_LIMITS = (
    "Devices that are asleep or switched off may be missing; a second scan later finds more."
)


def kind_to_type(kind: DeviceKind) -> str:
    """What to type for a kind on the command line: its word when that is one token
    ("smart-home"), else its stored key ("tv", "network")."""
    word = DEVICE_KIND_WORDS[kind]
    return word if word.replace("-", "").isalpha() else kind


def kind_from_text(text: str) -> DeviceKind | None:
    """The kind a person typed, as its key, its word or its typed form (any case)."""
    wanted = " ".join(text.split()).lower()
    for kind, word in DEVICE_KIND_WORDS.items():
        if wanted in (kind, word.lower()):
            return kind
    return None


# -- the line under load -------------------------------------------------------------------
ACTIVITY_NAMES: dict[Activity, str] = {
    "gaming": "Online gaming",
    "video_calls": "Video calls",
    "streaming_4k": "4K streaming",
    "large_uploads": "Large uploads",
}


_ACTIVITY_NAME_OF: dict[str, str] = {key: name for key, name in ACTIVITY_NAMES.items()}


def activity_name(activity: str) -> str:
    """ "Online gaming" for "gaming"; an activity without a name reads as its key."""
    return _ACTIVITY_NAME_OF.get(activity) or activity.replace("_", " ").capitalize()


# What each DSLReports bufferbloat grade (core/bufferbloat.py) means for a household.
GRADE_WORDS: dict[str, str] = {
    "A+": "Excellent: the delay hardly grows when the line is busy.",
    "A": "Very good: a busy line adds only a little delay.",
    "B": "Good: a busy line adds some delay; most people will not notice.",
    "C": "Fair: downloads make games and calls lag. A router with smart queues (SQM) helps.",
    "D": "Poor: a busy line makes calls and games stutter. Look for SQM/QoS.",
    "F": "Bad: the line chokes under load. A router with SQM would make a big difference.",
}


def grade_words(grade: str | None) -> str:
    """What a bufferbloat grade means, or "" for none."""
    return GRADE_WORDS.get(grade or "", "")


# -- numbers --------------------------------------------------------------------------------
UNKNOWN = "unknown"  # a fact nobody knows
# A unit without any Ethernet port (core/router.py NO_ETHERNET): it links by radio only.
NO_ETHERNET_PORT = "no Ethernet port"
NOT_MEASURED = "not measured"  # a step that was skipped, which is not zero


def measured(value: float | None, unit: str = "", digits: int = 0) -> str:
    """A measurement: "12 ms", "95.3 Mbit/s", "95.3" (the unit in a table's header), or
    "not measured"."""
    if value is None:
        return NOT_MEASURED
    return f"{value:.{digits}f} {unit}" if unit else f"{value:.{digits}f}"


# -- routers: what a card, the comparison, `recommend` and the exports say about one --------


def router_name(
    brand: str, model: str, hardware_revision: str | None = None, pack_size: int = 1
) -> str:
    """ "TP-Link Archer A7 v5", "eero Pro 6E (3-pack)": the brand once, even when the model
    name starts with it, then the revision and the pack size of a kit."""
    name = model if model.lower().startswith(brand.lower() + " ") else f"{brand} {model}"
    if hardware_revision:
        name += f" {hardware_revision}"
    if pack_size > 1:
        name += f" ({pack_size}-pack)"
    return name


def price(
    value: float | None,
    as_of: str | None = None,
    kind: str | None = None,
    region: str | None = None,
) -> str:
    """A price as every card, answer and report shows it, with how old it is and what it
    is: "$99.99 (street price as of 2025-06, US)"; one of unknown age says so ("$54.99
    (price, date unknown)": an imported price list may give no date), or "price unknown"."""
    if value is None:
        return "price unknown"
    return f"{usd(value)} ({price_age(as_of, kind, region)})"


def stored_price(
    total: float | None,
    parts: int,
    as_of: str | None = None,
    kind: str | None = None,
    region: str | None = None,
) -> str:
    """A saved shortlist entry's price (`history show`): one box as `price` shows it; a
    system of several parts its total, with the age of its main unit's price, the one
    date a saved run keeps: "$769.98 for the whole system (main unit: street price as of
    2025-03, US)"."""
    if parts <= 1 or total is None:
        return price(total, as_of, kind, region)
    return f"{usd(total)} for the whole system (main unit: {price_age(as_of, kind, region)})"


def router_price(r: "Router") -> str:
    """A model's price with its age: "$299.99 (list price as of 2024-03, US)"."""
    return price(r.price_usd, r.price_as_of, r.price_kind, r.price_region)


def score_text(score: float) -> str:
    """ "score 79/100": the scale is always shown."""
    return f"score {score:.0f}/100"


def wifi(r: "Router") -> str:
    """ "Wi-Fi 7 (BE19000)"."""
    return f"Wi-Fi {r.wifi_generation}" + (f" ({r.wifi_class})" if r.wifi_class else "")


def wan(r: "Router") -> str:
    """The Internet port's speed: "2.5 Gbit/s", "100 Mbit/s", "unknown", or "no Ethernet
    port" for a unit that links by radio only. An access point's `wan_mbps` is its uplink
    port, toward the router: "uplink 2.5 Gbit/s"."""
    if r.wan_mbps is None:
        return UNKNOWN
    if r.no_ethernet:
        return NO_ETHERNET_PORT
    speed = f"{r.wan_mbps / 1000:g} Gbit/s" if r.wan_mbps >= 1000 else f"{r.wan_mbps} Mbit/s"
    return f"uplink {speed}" if r.kind == "access_point" else speed


def lan(r: "Router") -> str:
    """The LAN ports: "4 (up to 2.5G)", "none" or "unknown" (an access point's ports other
    than its uplink)."""
    if r.lan_ports_mbps is None:
        return UNKNOWN
    if not r.lan_ports_mbps:
        return "none"
    fastest = max(r.lan_ports_mbps)
    speed = f"{fastest / 1000:g}G" if fastest >= 1000 else f"{fastest}M"
    return f"{len(r.lan_ports_mbps)} (up to {speed})"


def qos(r: "Router") -> str:
    """The best traffic priority it has: SQM, adaptive QoS, device priority, "none"."""
    if r.qos.sqm:
        return "SQM (smart queues)"
    if r.qos.adaptive:
        return "adaptive QoS"
    if r.qos.device_priority:
        return "device priority"
    if r.qos.sqm is None and r.qos.adaptive is None and r.qos.device_priority is None:
        return UNKNOWN
    return "none"


def key_facts(r: "Router", units: int = 1) -> str:
    """One line a buyer compares first, the same on a card, in `recommend` and in exports:
    "Wi-Fi 7 (BE19000) · mesh, 3 nodes · WAN 2.5 Gbit/s · LAN 3 (up to 2.5G) · QoS none".
    `units`: of a shortlisted system whose lead is a mesh unit, its units in the home
    ("mesh, 4 nodes"; the card of "eero 7 (3-pack) + 1 x eero 7" read "mesh unit, sold
    singly", the lead's own pack)."""
    kind = system_kind(r, units)
    ports: tuple[str, ...]
    if r.kind == "access_point":  # its one cable goes to the router: "uplink 2.5 Gbit/s"
        ports = (wan(r) if r.wan_mbps is not None else "uplink unknown", f"other ports {lan(r)}")
    elif r.no_ethernet:  # a plug-in point that links by radio: no WAN, no LAN to speak of
        ports = (NO_ETHERNET_PORT,)
    else:
        ports = (f"WAN {wan(r)}", f"LAN {lan(r)}")
    return " · ".join((wifi(r), kind, *ports, f"QoS {qos(r)}"))


def usd(value: float) -> str:
    """A price in US dollars, always with cents: "$99.99", "$1,199.00"."""
    return f"${value:,.2f}"


# Letters whose spoken name starts with a vowel sound ("an AX3000", "an SFP cage", "an EU
# price"; but "a BE19000", "a UK price"), and numbers that do ("an 8-port", "an 11-...").
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
_VOWEL_NUMBERS = ("8", "11", "18")


def a_or_an(word: str) -> str:
    """The indefinite article a word takes as it is said aloud: a class name or an
    abbreviation is read letter by letter ("an AX11000", "a BE19000", "a UK price"), a
    number as a number ("an 8-port switch"), any other word by its first letter."""
    if not word:
        return "a"
    if word[0].isdigit():
        return "an" if word.startswith(_VOWEL_NUMBERS) else "a"
    head = word.split("-")[0].split()[0]
    if head.isupper():
        return "an" if head[0] in _VOWEL_LETTERS else "a"
    return "an" if head[0].lower() in "aeiou" else "a"


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
# Internet lines: the one a modem-router's built-in modem terminates (core/router.py LINES)
# and the household's own ([isp] line), "your DSL line".
LINE_WORDS: dict[str, str] = {
    "dsl": "DSL",
    "cable": "cable",
    "fibre": "fibre",
    "lte_5g": "LTE/5G",
    "satellite": "satellite",
}


def system_kind(r: "Router", units: int = 1) -> str:
    """The kind of a system headed by `r` with `units` in the home: a mesh lead counts the
    system's units ("mesh, 4 nodes"), not its own pack ("mesh unit, sold singly")."""
    pack = units if r.kind == "mesh" and units > 1 else r.pack_size
    return router_kind(r.kind, pack, r.line)


def router_kind(kind: str, pack_size: int, line: str | None = None) -> str:
    """ "router", "mesh, 3 nodes", "mesh unit, sold singly", "modem-router (DSL)", "access
    point". One unit of a mesh family is not "mesh, 1 node": two of them read that way
    beside "2 x eero 6"."""
    if kind == "mesh":
        return f"mesh, {plural(pack_size, 'node')}" if pack_size > 1 else "mesh unit, sold singly"
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


# Every answer a person can give, as the answers file spells it ("[budget] max_usd") and as
# the desktop app's Your-home page labels it. Advice that says "change this answer" names
# the key, and each front end words it: the CLI and exports with the file's words, the GUI
# with its own (issue 11: "in GUI words in the GUI, file keys in the CLI").
ANSWER_GUI_LABELS: dict[str, str] = {
    "home.size_m2": "Living area",
    "home.size_sqft": "Living area",
    "home.floors": "Floors",
    "home.walls": "Inner walls",
    "home.floor_slabs": "Floors are made of",
    "home.layout": "Shape of the home",
    "home.line_enters": "Internet line comes in",
    "home.cabling": "Network cable to rooms",
    "home.powerline_or_moca": "Powerline or MoCA (TV cable) adapters possible",
    "household.people": "People",
    "household.devices": "Connected devices",
    "household.smart_home_devices": "Smart-home devices",
    "usage.gaming": "Online gaming",
    "usage.gamers": "People gaming at once",
    "usage.video_calls": "Video calls",
    "usage.remote_work": "Working from home",
    "usage.large_uploads": "Large uploads (backups, videos)",
    "usage.streaming_4k": "4K streams at once",
    "usage.vpn": "VPN",
    "usage.separate_networks": "Separate network for smart-home devices or guests",
    "wired.devices": "Devices plugged in by cable",
    "wired.multigig": "Faster than 1 Gbit/s wired (NAS or PC)",
    "budget.max_usd": "Budget",
    "isp.down_mbps": "Plan download speed",
    "isp.up_mbps": "Plan upload speed",
    "isp.latency_ms": "Delay (ping) of the line",
    "isp.line": "Type of Internet line",
    "isp.handoff": "Fibre connects by",
    "isp.handoff_mbps": "Fibre box's port speed",
    "isp.isp_box": "Box from your provider",
    "preferences.mesh": "Mesh system",
    "preferences.no_cloud_account": "Must work without an online account",
    "preferences.comfort": "How technical you like it",
    "preferences.region": "Where you buy",
    "equipment.owned": "Wi-Fi gear you already own",
}
AnswerFront = Literal["file", "gui"]


def answer_name(key: str, front: AnswerFront = "file") -> str:
    """An answer key ("budget.max_usd") as the front end shows it: the file's
    "[budget] max_usd" or the GUI's "Budget"."""
    if front == "gui":
        return f"“{ANSWER_GUI_LABELS[key]}”"
    section, name = key.split(".", 1)
    return f"[{section}] {name}"


# The verdict on the router a household has, as a heading (CLI, GUI card, reports).
VERDICT_HEADINGS = {
    "keep": "Keep it",
    "tune": "Keep it, with a few free changes",
    "replace": "Replace it",
    "unknown": "Not sure yet",
}


def verdict_heading(verdict: str) -> str:
    return VERDICT_HEADINGS.get(verdict, verdict)


def eol_listed(brand: str, as_of: str) -> str:
    """A model on its maker's end-of-life list that gives no end date (ASUS's page):
    "on ASUS's end-of-life list as of 2026-06-24, no end date given"."""
    return f"on {brand}'s end-of-life list as of {as_of}, no end date given"


def years(value: float) -> str:
    """ "1 year", "2 years", "1.5 years"."""
    return f"{value:g} year" + ("" if value == 1 else "s")
