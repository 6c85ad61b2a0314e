"""Convert between `Router` objects and flat field values (shared by sources, imports, rows)."""

import dataclasses
from collections.abc import Mapping
from typing import Any, TypeVar

from router_advisor.catalog.fields import FIELDS, unflatten
from router_advisor.core.router import FirmwarePolicy, Management, QoS, Router, Source

_TUPLE_FIELDS = (
    "bands",
    "lan_ports_mbps",
    "usb",
    "vpn_server",
    "subscription_features",
    "regions",
    "sfp_ports",
)


_TABLE_TYPES = {"qos": QoS, "management": Management, "firmware": FirmwarePolicy}


# Worked out once (loading the shipped catalog builds ~220 routers each time, within issue
# 12's 20 ms): which flat fields are lists, and which go into a table ("qos.sqm").
_TUPLES = frozenset(_TUPLE_FIELDS)
_IN_TABLE: dict[str, tuple[str, str]] = {
    name: (name.partition(".")[0], name.partition(".")[2]) for name in FIELDS if "." in name
}


def router_from_flat(values: Mapping[str, Any], sources: tuple[Source, ...]) -> Router:
    """Build a Router from checked flat values; absent keys stay None (unknown)."""
    kwargs: dict[str, Any] = {}
    tables: dict[str, dict[str, Any]] = {}
    for key, value in values.items():
        if value is None:
            continue
        if key in _TUPLES:
            kwargs[key] = tuple(value)
        elif key == "streams":
            kwargs[key] = tuple(value.items())
        elif key in _IN_TABLE:
            table, sub = _IN_TABLE[key]
            tables.setdefault(table, {})[sub] = value
        else:
            kwargs[key] = value
    for table, members in tables.items():
        kwargs[table] = _filled(_TABLE_TYPES[table], members)
    kwargs["sources"] = sources
    return _filled(Router, kwargs)


T = TypeVar("T")


def _default(field: dataclasses.Field[Any]) -> Any:
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return field.default


_DEFAULTS: dict[type, dict[str, Any]] = {
    cls: {
        f.name: _default(f)
        for f in dataclasses.fields(cls)
        if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
    }
    for cls in (Router, QoS, Management, FirmwarePolicy)
}


def _filled(cls: type[T], values: dict[str, Any]) -> T:
    """`cls(**values)` for a frozen dataclass of core/router.py, without its generated
    __init__: for Router's 42 frozen fields that costs ~20 us a model, a quarter of loading
    the shipped catalog. The values are checked records; the defaults are the class's own
    (a default table such as QoS() is immutable, so one instance is shared). These classes
    have no __post_init__; tests/catalog/test_records.py checks that, and that every shipped
    model comes out equal to the one __init__ makes."""
    instance = object.__new__(cls)
    instance.__dict__.update(_DEFAULTS[cls], **values)
    return instance


def router_to_flat(router: Router) -> dict[str, Any]:
    """Every field of `router` by flat name, None where unknown; lists and tables as JSON-ready."""
    flat: dict[str, Any] = {}
    for name in FIELDS:
        table, dot, sub = name.partition(".")
        value = getattr(getattr(router, table), sub) if dot else getattr(router, name)
        if name == "streams" and value is not None:
            value = dict(value)
        elif isinstance(value, tuple):
            value = list(value)
        flat[name] = value
    return flat


def sources_to_json(sources: tuple[Source, ...]) -> list[dict[str, Any]]:
    return [{"ref": s.ref, "fields": list(s.fields)} for s in sources]


def router_to_document(router: Router) -> dict[str, Any]:
    """The JSON form used by `catalog list --json` and `catalog export`: nested like the TOML."""
    document = unflatten(router_to_flat(router))
    document["sources"] = sources_to_json(router.sources)
    return document


def sort_key(router: Router) -> tuple[str, str, str, bool, int]:
    """The catalog's one order: brand, model, revision, case-insensitive; then the model sold
    alone before its kits, smallest pack first."""
    return (
        router.brand.lower(),
        router.model.lower(),
        (router.hardware_revision or "").lower(),
        router.kind == "mesh",
        router.pack_size,
    )
