"""How the Your-home page asks each answer: the boxes, each Alt+letter and the choices.

The question's name itself is core's (`wording.ANSWER_GUI_LABELS`), so the page and the
advice that says which answer to change ("change “Budget”") use the same words, never the
answers file's `[budget] max_usd`, which an app user never saw.
Choice words are the GUI's alone: the CLI and the files show the file's values.
"""

import re

from router_advisor.core.wording import ANSWER_GUI_LABELS, answer_name

# The boxes of the page, in reading order.
HOME = "Your home"
PEOPLE = "Who and what is connected"
USAGE = "How you use it"
INTERNET = "Your internet"
PREFERENCES = "Budget and preferences"

# Every Alt+letter on the page is unique and none takes the window's Q, B, N or H; with 22
# letters for 35 questions, the first questions of each box have one, the rest are a Tab.
MNEMONICS: dict[str, str] = {
    "home.size_m2": "l",
    "home.size_sqft": "l",
    "home.floors": "f",
    "home.walls": "w",
    "home.layout": "e",
    "home.cabling": "c",
    "household.people": "p",
    "household.devices": "d",
    "household.smart_home_devices": "s",
    "usage.gaming": "g",
    "usage.video_calls": "v",
    "usage.remote_work": "r",
    "usage.streaming_4k": "k",
    "isp.line": "t",
    "isp.isp_box": "x",
    "isp.down_mbps": "o",
    "isp.up_mbps": "a",
    "budget.max_usd": "u",
    "preferences.mesh": "m",
    "preferences.region": "y",
}

# (file value, words) for each answer with a fixed set of values, in the order offered.
CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    "home.walls": (
        ("drywall", "Light (drywall, wood)"),
        ("brick", "Brick"),
        ("concrete", "Concrete"),
        ("stone", "Thick stone or adobe"),
    ),
    "home.floor_slabs": (("wood", "Wood (most houses)"), ("concrete", "Concrete (most flats)")),
    "home.layout": (
        ("compact", "Compact"),
        ("long", "Long or L-shaped"),
        ("separate_building", "Plus a garden office or annex"),
    ),
    "home.line_enters": (("middle", "Near the middle"), ("one_end", "At one end")),
    "home.cabling": (
        ("none", "None"),
        ("some_rooms", "To some rooms"),
        ("every_room", "To every room"),
    ),
    "usage.vpn": (
        ("none", "None"),
        ("server", "Reach home from outside"),
        ("client", "Run a work or paid VPN on it"),
    ),
    "isp.line": (
        ("unknown", "Don't know"),
        ("cable", "Cable (TV coax)"),
        ("dsl", "DSL (phone line)"),
        ("fibre", "Fibre"),
        ("satellite", "Satellite"),
        ("lte_5g", "5G or 4G mobile"),
    ),
    "isp.isp_box": (
        ("modem", "Modem or fibre box"),
        ("router", "Router with Wi-Fi"),
        ("none", "None: needs a modem"),
    ),
    "isp.handoff": (
        ("ethernet", "Network port on its box"),
        ("sfp", "SFP module in the router"),
    ),
    "isp.handoff_mbps": (
        ("", "Don't know"),
        ("1000", "1 Gbit/s"),
        ("2500", "2.5 Gbit/s"),
        ("10000", "10 Gbit/s"),
    ),
    "preferences.region": (
        ("US", "United States"),
        ("CA", "Canada"),
        ("UK", "United Kingdom"),
        ("EU", "European Union"),
        ("AU", "Australia"),
    ),
    "preferences.mesh": (
        ("auto", "Decide for me"),
        ("yes", "Yes, a mesh system"),
        ("no", "No, one router"),
    ),
    "preferences.comfort": (
        ("app", "A phone app only"),
        ("web", "A web page is fine"),
        ("prosumer", "Full control (prosumer)"),
    ),
}


# A line of help on hover for the questions a newcomer may not know how to answer.
HINTS: dict[str, str] = {
    "home.floor_slabs": "Concrete floors stop Wi-Fi between storeys far more than wooden ones.",
    "home.layout": "A long or L-shaped home, or a garden office, needs units spread further.",
    "home.line_enters": "Where the provider's line and box are: the router sits next to them.",
    "home.cabling": "Network (Ethernet) cable between rooms links mesh units best of all.",
    "home.powerline_or_moca": "Adapters that carry the network over power sockets or TV "
    "coax, where no network cable runs.",
    "usage.separate_networks": "A guest or smart-home network keeps gadgets and visitors "
    "away from your computers.",
    "usage.vpn": "Reach home from outside: a VPN server on the router. Work or paid VPN: "
    "the router runs it for every device.",
    "isp.isp_box": "The box your provider installed. A router from the provider must be "
    "switched to bridge mode behind a new one.",
    "isp.handoff": "Most fibre boxes have a network port; some providers plug the fibre "
    "into an SFP module in the router instead.",
    "preferences.comfort": "A phone app is easiest; prosumer gear gives full control and "
    "expects some networking knowledge.",
    "preferences.region": "Only what is sold there is shortlisted.",
}


def name(key: str) -> str:
    """The question's name, as the page shows it and as advice quotes it."""
    return ANSWER_GUI_LABELS[key]


def label(key: str, row: bool = True) -> str:
    """The question's text with its Alt+letter; a form row's label ends in a colon, a tick
    box's text does not."""
    text = name(key).replace("&", "&&")
    letter = MNEMONICS.get(key)
    if letter:
        starts = [i for i, c in enumerate(text.lower()) if c == letter]
        at = next((i for i in starts if i == 0 or text[i - 1] == " "), starts[0])
        text = text[:at] + "&" + text[at:]
    return text + ":" if row else text


_FILE_KEY = re.compile(r"\[(\w+)\] (\w+)")


def in_gui_words(text: str) -> str:
    """Core advice written for the answers file ("add [isp] down_mbps") with each file key
    that has a question on the page named as the page names it."""

    def named(match: re.Match[str]) -> str:
        key = f"{match.group(1)}.{match.group(2)}"
        return answer_name(key, "gui") if key in ANSWER_GUI_LABELS else match.group(0)

    return _FILE_KEY.sub(named, text)
