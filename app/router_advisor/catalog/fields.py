"""The catalog's fields, their types and the checks every value passes, wherever it came from.

The TOML sources, user imports (CSV or JSON) and the database all use the same "flat" names:
top-level keys as in data/catalog/README.md, table members dotted (`qos.sqm`).
"""

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from router_advisor.core.echo import quoted
from router_advisor.core.router import (
    BANDS,
    KINDS,
    LINES,
    NO_ETHERNET,
    POE_VALUES,
    WIFI_GENERATIONS,
)


@dataclass(frozen=True)
class FieldSpec:
    """One field: its value type and, for enums, the allowed values."""

    # str, int, number, bool, enum, str_list, int_list, bands, streams, month, date,
    # region (one code such as "US"), regions (a list of them)
    type: str
    choices: tuple[str, ...] = ()


_S, _I, _N, _B = FieldSpec("str"), FieldSpec("int"), FieldSpec("number"), FieldSpec("bool")

FIELDS: dict[str, FieldSpec] = {
    "brand": _S,
    "model": _S,
    "hardware_revision": _S,
    "kind": FieldSpec("enum", KINDS),
    "pack_size": _I,
    "wifi_generation": FieldSpec("enum", WIFI_GENERATIONS),
    "wifi_class": _S,
    "bands": FieldSpec("bands"),
    "dedicated_backhaul": _B,
    "streams": FieldSpec("streams"),
    "wan_mbps": _I,
    "lan_ports_mbps": FieldSpec("int_list"),
    "usb": FieldSpec("str_list"),
    "soc": _S,
    "cpu_cores": _I,
    "cpu_mhz": _I,
    "ram_mb": _I,
    "mesh_system": _S,
    "system": _S,
    "regions": FieldSpec("regions"),
    "coverage_m2": _N,
    "sfp_ports": FieldSpec("int_list"),
    "poe": FieldSpec("enum", POE_VALUES),
    "line": FieldSpec("enum", LINES),
    "discontinued": _B,
    "wired_backhaul": _B,
    "qos.device_priority": _B,
    "qos.adaptive": _B,
    "qos.sqm": _B,
    "wpa3": _B,
    "vpn_server": FieldSpec("str_list"),
    "parental_controls": _B,
    "subscription_features": FieldSpec("str_list"),
    "management.app": _B,
    "management.local_web_ui": _B,
    "management.cloud_account_required": _B,
    "firmware.automatic_updates": _B,
    "firmware.end_of_support": FieldSpec("date"),
    "firmware.support_years_promised": _I,
    "firmware.support_counts_from": FieldSpec("enum", ("launch", "end_of_sale")),
    "firmware.supported_as_of": FieldSpec("date"),
    "firmware.eol_listed_as_of": FieldSpec("date"),
    "firmware.policy_url": _S,
    "warranty_years": _N,
    "price_usd": _N,
    "price_as_of": FieldSpec("month"),
    "price_kind": FieldSpec("enum", ("msrp", "street")),
    "price_region": FieldSpec("region"),
    "release_year": _I,
    "openwrt_supported": _B,
    "cross_check_note": _S,
}

TABLES: tuple[str, ...] = ("qos", "management", "firmware")
# What a price is worth without: when it was seen, list or street, and where. They belong to
# one price, so a new price replaces them too (or leaves them unknown).
PRICE_DETAILS: tuple[str, ...] = ("price_as_of", "price_kind", "price_region")
REQUIRED: tuple[str, ...] = ("brand", "model", "kind", "pack_size", "wifi_generation")
IDENTITY: tuple[str, ...] = ("brand", "model", "hardware_revision")
# Keys a source need not vouch for: the identity, the required basics (README: "every other
# key that is present must be named in some source's fields") and our own cross-check note.
NOT_SOURCED: frozenset[str] = frozenset({*REQUIRED, "hardware_revision", "cross_check_note"})
# Names a source's `fields` may use: every flat field plus the three table names.
SOURCE_FIELD_NAMES: frozenset[str] = frozenset({*FIELDS, *TABLES})

# Plausible ranges: wide enough for any home router, narrow enough to catch a slipped digit.
_INT_RANGES: dict[str, tuple[int, int]] = {
    "pack_size": (1, 10),
    "wan_mbps": (10, 100_000),  # or NO_ETHERNET (0): no Ethernet port at all
    "cpu_cores": (1, 64),
    "cpu_mhz": (100, 10_000),
    "ram_mb": (8, 65_536),
    "firmware.support_years_promised": (0, 30),
    "release_year": (1995, 2100),
}
_NUMBER_RANGES: dict[str, tuple[float, float]] = {
    "warranty_years": (0, 30),
    "price_usd": (1, 20_000),
    "coverage_m2": (5, 5_000),  # per node; the largest vendor claims are a few hundred m2
}
_MONTH = re.compile(r"^(19|20)\d\d-(0[1-9]|1[0-2])$")
_DATE = re.compile(r"^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
# A name or text that looks like markup or script is refused: the catalog feeds HTML reports.
_MARKUP = re.compile(r"[<>]|javascript:|&#|&[a-z]+;", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_MARKUP_OR_CONTROL = re.compile(rf"{_MARKUP.pattern}|{_CONTROL.pattern}", re.IGNORECASE)
# Where a model is sold or a price was seen: a two-letter code ("US", "CA", "UK", "EU", "AU").
_REGION = re.compile(r"^[A-Z]{2}$")
# Invisible characters that would make two spellings of one name: zero-width space, joiners,
# word joiner, BOM, soft hyphen.
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")


class FieldError(ValueError):
    """A value that does not fit its field; the message is a plain phrase ("is not a number")."""


def normal_text(text: str) -> str:
    """One spelling for text that looks the same: NFC, no zero-width characters, single
    spaces. "FZ  9" or "FZ\u200b9" would otherwise be a second model beside "FZ 9"."""
    if not text.isascii():  # ASCII is NFC already and has no zero-width characters
        text = _ZERO_WIDTH.sub("", unicodedata.normalize("NFC", text))
    return " ".join(text.split())


def _check_text(text: str) -> str:
    if _MARKUP_OR_CONTROL.search(text):  # one search for the common case, then which
        if _MARKUP.search(text):
            raise FieldError(f"{quoted(text)} contains HTML or script markup")
        raise FieldError(f"{quoted(text)} contains control characters")
    text = normal_text(text)
    if not text:
        raise FieldError("is empty")
    return text


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_value(name: str, value: Any) -> Any:
    """Return `value` checked (and normalised) for field `name`; raise FieldError if it is wrong."""
    spec = FIELDS[name]
    kind = spec.type
    if kind in ("str", "enum", "month", "date"):
        if not isinstance(value, str):
            raise FieldError(f"must be text, not {_type_name(value)}")
        text = _check_text(value)
        if kind == "enum" and text not in spec.choices:
            raise FieldError(f"{quoted(text)} is not one of {', '.join(spec.choices)}")
        if kind == "month" and not _MONTH.match(text):
            raise FieldError(f"{quoted(text)} is not a month written YYYY-MM")
        if kind == "date" and not _is_date(text):
            raise FieldError(f"{quoted(text)} is not a date written YYYY-MM-DD")
        return text
    if kind == "region":
        return _check_region(value)
    if kind == "int":
        if not _is_int(value):
            raise FieldError(f"must be a whole number, not {_type_name(value)}")
        low, high = _INT_RANGES.get(name, (0, 10**9))
        if name == "wan_mbps" and value == NO_ETHERNET:
            return value  # no Ethernet port at all (validate.py checks it fits the rest)
        if not low <= value <= high:
            hint = " (0 = no Ethernet port at all)" if name == "wan_mbps" else ""
            raise FieldError(f"{quoted(value)} is outside {low}..{high}{hint}")
        return value
    if kind == "number":
        if not (_is_int(value) or isinstance(value, float)) or not math.isfinite(value):
            raise FieldError(f"must be a number, not {_type_name(value)}")
        low_f, high_f = _NUMBER_RANGES.get(name, (0.0, 1e9))
        if not low_f <= value <= high_f:
            raise FieldError(f"{quoted(value)} is outside {low_f:g}..{high_f:g}")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise FieldError(f"must be true or false, not {_type_name(value)}")
        return value
    if kind == "streams":
        return _check_streams(value)
    return _check_list(kind, value)


def _is_date(text: str) -> bool:
    """YYYY-MM-DD and a day the calendar has (2025-02-30 is refused)."""
    if not _DATE.match(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _check_region(value: Any) -> str:
    if not isinstance(value, str) or not _REGION.match(value.strip()):
        raise FieldError(f"{quoted(value)} is not a region code such as US, CA, UK, EU or AU")
    return value.strip()


def _check_list(kind: str, value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise FieldError(f"must be a list, not {_type_name(value)}")
    if kind == "regions":
        regions = [_check_region(item) for item in value]
        if len(set(regions)) != len(regions):
            raise FieldError("lists a region twice")
        return regions
    if kind == "int_list":
        for item in value:
            if not _is_int(item) or not 10 <= item <= 100_000:
                raise FieldError(f"{quoted(item)} is not a port speed in Mbit/s")
        return list(value)
    items = []
    for item in value:
        if not isinstance(item, str):
            raise FieldError(f"{quoted(item)} is not text")
        items.append(_check_text(item))
    if kind == "bands":
        for band in items:
            if band not in BANDS:
                raise FieldError(f"{quoted(band)} is not a band ({', '.join(BANDS)})")
        if len(set(items)) != len(items):
            raise FieldError("lists a band twice")
    return items


def _check_streams(value: Any) -> dict[str, int]:
    if not isinstance(value, Mapping):
        raise FieldError(f"must be a table of band = streams, not {_type_name(value)}")
    for band, count in value.items():
        if band not in BANDS:
            raise FieldError(f"{quoted(band)} is not a band ({', '.join(BANDS)})")
        if not _is_int(count) or not 1 <= count <= 16:
            raise FieldError(f"{quoted(count)} is not a stream count for band {band}")
    return {band: value[band] for band in BANDS if band in value}


def _type_name(value: object) -> str:
    names = {
        bool: "true/false",
        int: "a whole number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)


def flatten(document: Mapping[str, Any]) -> dict[str, Any]:
    """Turn `{"qos": {"sqm": true}}` into `{"qos.sqm": true}`; other keys stay as they are."""
    flat: dict[str, Any] = {}
    for key, value in document.items():
        if key in TABLES and isinstance(value, Mapping):
            for sub, sub_value in value.items():
                flat[f"{key}.{sub}"] = sub_value
        else:
            flat[key] = value
    return flat


def unflatten(flat: Mapping[str, Any]) -> dict[str, Any]:
    """The inverse of `flatten`: dotted names go back into their tables."""
    document: dict[str, Any] = {}
    for key, value in flat.items():
        table, dot, sub = key.partition(".")
        if dot:
            document.setdefault(table, {})[sub] = value
        else:
            document[key] = value
    return document


def is_covered(name: str, covered: set[str]) -> bool:
    """Whether a source vouches for `name`, directly or via its table (`qos` covers `qos.sqm`)."""
    return name in covered or name.partition(".")[0] in covered
