"""A household's answers (the TOML/JSON answers file), validated key by key.

Every key is optional and has a sensible default; an unknown key, a wrong type or an absurd
number raises UserInputError naming the key and saying what to write instead.
"""

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from router_advisor.core.echo import cut
from router_advisor.core.echo import shown as _shown
from router_advisor.errors import UserInputError

Walls = Literal["drywall", "brick", "concrete", "stone"]
FloorSlabs = Literal["wood", "concrete"]
Layout = Literal["compact", "long", "separate_building"]
LineEnters = Literal["one_end", "middle"]
Cabling = Literal["none", "some_rooms", "every_room"]
MeshPreference = Literal["auto", "yes", "no"]
Vpn = Literal["none", "server", "client"]
LineType = Literal["cable", "dsl", "fibre", "satellite", "lte_5g", "unknown"]
Handoff = Literal["ethernet", "sfp", "modem_needed"]
IspBox = Literal["none", "modem", "router"]
Comfort = Literal["app", "web", "prosumer"]
Region = Literal["US", "CA", "UK", "EU", "AU"]
REGIONS: tuple[str, ...] = ("US", "CA", "UK", "EU", "AU")

SQFT_PER_M2 = 10.7639  # international foot: 1 m2 = 10.7639 sq ft

# Defaults for what a person did not answer. A typical home, not a guess about features:
# 2.5 people per US household (US Census Bureau, America's Families and Living
# Arrangements 2023); ~100 m2 is a mid-size flat/house; 300/20 Mbps is close to the US
# median fixed download (Ookla Speedtest Global Index, 2024: ~270 Mbps) on a cable plan.
DEFAULT_SIZE_M2 = 100.0
DEFAULT_PEOPLE = 2
# Deloitte Connectivity and Mobile Trends 2023: ~17 connected devices per US home of ~2.5.
DEFAULT_DEVICES_PER_PERSON = 8
DEFAULT_DOWN_MBPS = 300.0
DEFAULT_UP_MBPS = 20.0


@dataclass(frozen=True)
class Home:
    """`size_unit` is the unit the person gave the size in, so answers echo it back.

    `floor_slabs` is what the floors are made of (concrete stops Wi-Fi between storeys far
    more than wood), `layout` whether the home is compact, long/L-shaped or has a separate
    building to cover, `line_enters` where the Internet line comes in (where the router
    sits), `cabling` whether Ethernet runs between rooms (wired backhaul and access points).
    """

    size_m2: float = DEFAULT_SIZE_M2
    floors: int = 1
    walls: Walls = "drywall"
    size_unit: Literal["m2", "sqft"] = "m2"
    floor_slabs: FloorSlabs = "wood"
    layout: Layout = "compact"
    line_enters: LineEnters = "middle"
    cabling: Cabling = "none"
    powerline_or_moca: bool = False


@dataclass(frozen=True)
class Household:
    people: int = DEFAULT_PEOPLE
    devices: int | None = None  # None: estimated from people (and replaced by a scan)
    smart_home_devices: int = 0


@dataclass(frozen=True)
class Usage:
    """`gamers` is how many people game online at once (gaming = true alone means one);
    `vpn` a VPN server to reach home or a VPN client run on the router; `separate_networks`
    a network of its own for smart-home gadgets or guests."""

    gaming: bool = False
    video_calls: bool = False
    remote_work: bool = False
    large_uploads: bool = False
    streaming_4k: int = 0
    gamers: int = 0
    vpn: Vpn = "none"
    separate_networks: bool = False


@dataclass(frozen=True)
class Wired:
    devices: int = 0
    multigig: bool = False


@dataclass(frozen=True)
class Isp:
    """The plan and how the line reaches the router: `handoff` an Ethernet port of an
    ONT/modem (at `handoff_mbps`), an SFP/SFP+ fibre module, or a modem the router must
    contain; `isp_box` what the ISP installed (its router needs bridge mode)."""

    down_mbps: float | None = None  # None: not answered; a speed result or a default applies
    up_mbps: float | None = None
    latency_ms: float | None = None  # idle latency of a typed plan
    line: LineType = "unknown"
    handoff: Handoff = "ethernet"
    handoff_mbps: int | None = None
    isp_box: IspBox = "modem"


@dataclass(frozen=True)
class Preferences:
    """`comfort`: how technical the person is happy to get (an app, a web page, or
    prosumer gear); `region`: where they buy (what is for sale, at what price)."""

    mesh: MeshPreference = "auto"
    no_cloud_account: bool = False
    comfort: Comfort = "app"
    region: Region = "US"


@dataclass(frozen=True)
class Equipment:
    """Network gear the household already owns, as "Brand Model", to reuse as a node or AP."""

    owned: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answers:
    """Everything the person told us. `budget_usd` None means no limit."""

    home: Home = field(default_factory=Home)
    household: Household = field(default_factory=Household)
    usage: Usage = field(default_factory=Usage)
    wired: Wired = field(default_factory=Wired)
    budget_usd: float | None = None
    isp: Isp = field(default_factory=Isp)
    preferences: Preferences = field(default_factory=Preferences)
    equipment: Equipment = field(default_factory=Equipment)


@dataclass(frozen=True)
class _Rule:
    """How one key is checked: its kind, the sensible range or choices, and the unit."""

    kind: Literal["number", "int", "bool", "choice", "names"]
    low: float = 0.0
    high: float = 0.0
    choices: tuple[str, ...] = ()
    unit: str = ""


# Ranges are "absurd beyond this" limits, not preferences: a 5000 m2 home or a 100 Gbps
# home plan is not something a home router answers.
SCHEMA: dict[str, dict[str, _Rule]] = {
    "home": {
        "size_m2": _Rule("number", 5, 5000, unit="square metres"),
        "size_sqft": _Rule("number", 50, 54000, unit="square feet"),
        "floors": _Rule("int", 1, 10),
        "walls": _Rule("choice", choices=("drywall", "brick", "concrete", "stone")),
        "floor_slabs": _Rule("choice", choices=("wood", "concrete")),
        "layout": _Rule("choice", choices=("compact", "long", "separate_building")),
        "line_enters": _Rule("choice", choices=("one_end", "middle")),
        "cabling": _Rule("choice", choices=("none", "some_rooms", "every_room")),
        "powerline_or_moca": _Rule("bool"),
    },
    "household": {
        "people": _Rule("int", 1, 50),
        "devices": _Rule("int", 0, 500),
        "smart_home_devices": _Rule("int", 0, 500),
    },
    "usage": {
        "gaming": _Rule("bool"),
        "video_calls": _Rule("bool"),
        "remote_work": _Rule("bool"),
        "large_uploads": _Rule("bool"),
        "streaming_4k": _Rule("int", 0, 20, unit="simultaneous streams"),
        "gamers": _Rule("int", 0, 20, unit="people gaming at once"),
        "vpn": _Rule("choice", choices=("none", "server", "client")),
        "separate_networks": _Rule("bool"),
    },
    "wired": {
        "devices": _Rule("int", 0, 48),
        "multigig": _Rule("bool"),
    },
    "budget": {"max_usd": _Rule("number", 1, 10000, unit="US dollars")},
    "isp": {
        "down_mbps": _Rule("number", 0.5, 100000, unit="Mbit/s"),
        "up_mbps": _Rule("number", 0.1, 100000, unit="Mbit/s"),
        "latency_ms": _Rule("number", 0.1, 5000, unit="milliseconds"),
        "line": _Rule(
            "choice", choices=("cable", "dsl", "fibre", "satellite", "lte_5g", "unknown")
        ),
        "handoff": _Rule("choice", choices=("ethernet", "sfp", "modem_needed")),
        "handoff_mbps": _Rule("int", 10, 100000, unit="Mbit/s"),
        "isp_box": _Rule("choice", choices=("none", "modem", "router")),
    },
    "preferences": {
        "mesh": _Rule("choice", choices=("auto", "yes", "no")),
        "no_cloud_account": _Rule("bool"),
        "comfort": _Rule("choice", choices=("app", "web", "prosumer")),
        "region": _Rule("choice", choices=REGIONS),
    },
    "equipment": {"owned": _Rule("names", high=20, unit='"Brand Model" names')},
}


def _check(section: str, key: str, rule: _Rule, value: Any) -> Any:
    name = f"[{section}] {key}"
    if rule.kind == "names":
        ok = isinstance(value, list | tuple) and all(
            isinstance(v, str) and v.strip() for v in value
        )
        if not ok:
            raise UserInputError(
                f'{name} must be a list of {rule.unit}, e.g. ["TP-Link Deco X55"], '
                f"not {_shown(value)}"
            )
        if len(value) > rule.high:
            raise UserInputError(f"{name} lists {len(value)} items: at most {rule.high:g}")
        return tuple(" ".join(v.split()) for v in value)
    if rule.kind == "bool":
        if not isinstance(value, bool):
            raise UserInputError(f"{name} must be true or false, not {_shown(value)}")
        return value
    if rule.kind == "choice":
        if value not in rule.choices:
            options = " | ".join(f'"{c}"' for c in rule.choices)
            raise UserInputError(f"{name} must be one of {options}, not {_shown(value)}")
        return value
    whole = rule.kind == "int"
    ok_type = isinstance(value, int) if whole else isinstance(value, int | float)
    unit = f" ({rule.unit})" if rule.unit else ""
    kind_word = "a whole number" if whole else "a number"
    if isinstance(value, bool) or not ok_type:
        raise UserInputError(f"{name} must be {kind_word}{unit}, not {_shown(value)}")
    if not rule.low <= value <= rule.high:
        raise UserInputError(
            f"{name} = {_shown(value)} is out of range: write {kind_word} from "
            f"{rule.low:g} to {rule.high:g}{unit}"
        )
    return value if whole else float(value)


def _validated(data: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    if not isinstance(data, Mapping):
        raise UserInputError("the answers file must be a table of sections like [home] and [usage]")
    out: dict[str, dict[str, Any]] = {}
    for section, values in data.items():
        home_of = [name for name, rules in SCHEMA.items() if section in rules]
        if section not in SCHEMA and home_of:
            under = " or ".join(f"[{name}]" for name in home_of)
            raise UserInputError(f"{cut(section)} must go in a section: put it under {under}")
        if section not in SCHEMA:
            known = ", ".join(f"[{s}]" for s in SCHEMA)
            raise UserInputError(
                f"unknown section [{cut(section)}]: remove it or use one of {known}"
            )
        if not isinstance(values, Mapping):
            raise UserInputError(
                f"[{section}] must be a section of keys (a table), not {_shown(values)}"
            )
        rules = SCHEMA[section]
        checked: dict[str, Any] = {}
        for key, value in values.items():
            if key not in rules:
                known = ", ".join(rules)
                raise UserInputError(
                    f"unknown key [{section}] {cut(key)}: remove it or use one of {known}"
                )
            checked[key] = _check(section, key, rules[key], value)
        out[section] = checked
    return out


def answers_from_dict(data: Mapping[str, Any]) -> Answers:
    """Validate a parsed answers file (TOML or JSON) and fill in the defaults."""
    v = _validated(data)
    home = v.get("home", {})
    if "size_m2" in home and "size_sqft" in home:
        raise UserInputError("[home] has both size_m2 and size_sqft: keep only one of them")
    size = home.get("size_m2", DEFAULT_SIZE_M2)
    if "size_sqft" in home:
        size = home["size_sqft"] / SQFT_PER_M2
    household = v.get("household", {})
    devices = household.get("devices")
    smart = household.get("smart_home_devices", 0)
    if devices is not None and smart > devices:
        raise UserInputError(
            f"[household] smart_home_devices ({smart}) is more than devices ({devices}): "
            "devices counts every connected device, smart-home ones included"
        )
    home_values = {k: home[k] for k in _HOME_KEYS if k in home}
    return Answers(
        home=Home(size_m2=size, size_unit="sqft" if "size_sqft" in home else "m2", **home_values),
        household=Household(
            people=household.get("people", DEFAULT_PEOPLE),
            devices=devices,
            smart_home_devices=smart,
        ),
        usage=_usage(v.get("usage", {})),
        wired=Wired(**v.get("wired", {})),
        budget_usd=v.get("budget", {}).get("max_usd"),
        isp=_isp(v.get("isp", {})),
        preferences=Preferences(**v.get("preferences", {})),
        equipment=Equipment(**v.get("equipment", {})),
    )


_HOME_KEYS = (
    "floors",
    "walls",
    "floor_slabs",
    "layout",
    "line_enters",
    "cabling",
    "powerline_or_moca",
)


def _usage(values: Mapping[str, Any]) -> Usage:
    """gaming and gamers agree: gamers > 0 implies gaming; gaming = true alone is one gamer."""
    gaming, gamers = values.get("gaming"), values.get("gamers")
    if gaming is False and gamers:
        raise UserInputError(
            f"[usage] gaming = false but gamers = {gamers}: remove one of them, or set "
            "gaming = true"
        )
    if gamers is None:
        gamers = 1 if gaming else 0
    return Usage(**{**values, "gaming": bool(gaming) or gamers > 0, "gamers": gamers})


def _isp(values: Mapping[str, Any]) -> Isp:
    """handoff_mbps describes an Ethernet hand-off; with an SFP module or a built-in modem
    there is no such port to give a speed for."""
    if "handoff_mbps" in values and values.get("handoff", "ethernet") != "ethernet":
        raise UserInputError(
            f"[isp] handoff_mbps is the speed of an Ethernet hand-off, but handoff = "
            f'"{values["handoff"]}": remove handoff_mbps or set handoff = "ethernet"'
        )
    return Isp(**values)


def answers_to_file_dict(
    answers: Answers, size_unit: Literal["m2", "sqft"] | None = None
) -> dict[str, dict[str, Any]]:
    """`answers` in the answers-file shape (what `answers_from_dict` reads back), the one
    shape saved everywhere; unanswered keys (None) are left out, and the home's size is
    written in `size_unit` (default: the unit it was given in)."""
    home = answers.home
    size = (
        {"size_sqft": round(home.size_m2 * SQFT_PER_M2, 1)}
        if (size_unit or home.size_unit) == "sqft"
        else {"size_m2": home.size_m2}
    )
    h, u, w, p = answers.household, answers.usage, answers.wired, answers.preferences
    household: dict[str, Any] = {"people": h.people, "smart_home_devices": h.smart_home_devices}
    if h.devices is not None:
        household["devices"] = h.devices
    data: dict[str, dict[str, Any]] = {
        "home": {**size, **{key: getattr(home, key) for key in _HOME_KEYS}},
        "household": household,
        "usage": {
            "gaming": u.gaming,
            "video_calls": u.video_calls,
            "remote_work": u.remote_work,
            "large_uploads": u.large_uploads,
            "streaming_4k": u.streaming_4k,
            "gamers": u.gamers,
            "vpn": u.vpn,
            "separate_networks": u.separate_networks,
        },
        "wired": {"devices": w.devices, "multigig": w.multigig},
        "preferences": {
            "mesh": p.mesh,
            "no_cloud_account": p.no_cloud_account,
            "comfort": p.comfort,
            "region": p.region,
        },
    }
    if answers.budget_usd is not None:
        data["budget"] = {"max_usd": answers.budget_usd}
    isp = {
        key: value
        for key, value in asdict(answers.isp).items()
        if value is not None and not (key == "handoff_mbps" and answers.isp.handoff != "ethernet")
    }
    data["isp"] = isp
    data["equipment"] = {"owned": list(answers.equipment.owned)}
    return data


def saved_answers_to_file_dict(saved: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Answers as an older history row may hold them, in the answers-file shape.

    Runs saved by `router-advisor run` before the shapes were made one stored the dataclass
    (`budget_usd` at the top, None for unanswered keys); answers-file data passes unchanged.
    Raises UserInputError when the result is not valid answers.
    """
    data: dict[str, dict[str, Any]] = {
        section: {
            key: list(value) if isinstance(value, tuple) else value
            for key, value in values.items()
            if value is not None and (section, key) != ("home", "size_unit")
        }
        for section, values in saved.items()
        if isinstance(values, Mapping)
    }
    if saved.get("budget_usd") is not None:
        data["budget"] = {"max_usd": saved["budget_usd"]}
    answers_from_dict(data)
    return {section: values for section, values in data.items() if values}
