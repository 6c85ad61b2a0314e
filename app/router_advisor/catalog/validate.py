"""Strict checks of one catalog record: field names and types, sources and the rules between fields.

Used for the TOML sources in data/ and for rows a person imports, so both obey the same rules.
Each problem is one plain sentence that names where it is, the field and what is wrong.
"""

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from router_advisor.catalog.fields import (
    FIELDS,
    NOT_SOURCED,
    PRICE_DETAILS,
    REQUIRED,
    SOURCE_FIELD_NAMES,
    TABLES,
    FieldError,
    check_value,
    flatten,
    is_covered,
)
from router_advisor.core.echo import cut
from router_advisor.core.router import LINES, NO_ETHERNET, Source, catalog_key

SOURCE_PREFIXES = ("https://", "http://", "openwrt-toh:", "techinfodepot:", "import:", "curator:")


@dataclass(frozen=True)
class Record:
    """One checked model as stored: flat values (no None), its sources and where it came from."""

    values: dict[str, Any]
    sources: tuple[Source, ...]
    origin: str

    @cached_property
    def key(self) -> str:
        """Computed once: a build looks every record up by its key several times."""
        return record_key(self.values)


def record_key(values: Mapping[str, Any]) -> str:
    """Same identity as `Router.key` (core/router.py `catalog_key`): brand/model/revision,
    lower-cased, and a mesh kit's pack size."""
    return catalog_key(
        values["brand"],
        values["model"],
        values.get("hardware_revision"),
        values.get("kind"),
        values.get("pack_size"),
    )


def describe(values: Mapping[str, Any]) -> str:
    """A short human name for messages: "TP-Link Archer AX55 v1"."""
    parts = [values.get(k) for k in ("brand", "model", "hardware_revision")]
    return cut(" ".join(str(p) for p in parts if isinstance(p, str) and p)) or "(no brand or model)"


def check_fields(raw: Mapping[str, Any], where: str, problems: list[str]) -> dict[str, Any]:
    """Check every present field of a nested or flat record; return the good ones, flattened."""
    values: dict[str, Any] = {}
    for table in TABLES:
        if table in raw and not isinstance(raw[table], Mapping):
            problems.append(f"{where}: field '{table}' must be a table of true/false values")
    for name, value in flatten(raw).items():
        if name == "sources" or name in TABLES or value is None:
            continue
        if name not in FIELDS:
            problems.append(f"{where}: unknown field '{cut(name)}'{_did_you_mean(name)}")
            continue
        try:
            values[name] = check_value(name, value)
        except FieldError as exc:
            problems.append(f"{where}: field '{name}' {exc}")
    return values


_SOURCE_KEYS = frozenset({"ref", "fields"})


SharedSources = dict[tuple[str, tuple[str, ...]], Source]


def check_sources(
    raw: Any, where: str, problems: list[str], shared: SharedSources | None = None
) -> tuple[Source, ...]:
    """Check the `sources` list: each a table with a known kind of `ref` and known `fields`.

    The catalog's ~2,200 sources are checked on every first build, so the common case is
    kept cheap: set operations in C, and with `shared`, a (ref, fields) pair met before (one
    page vouching for the same facts of a kit's 2- and 3-pack) is one immutable Source."""
    if not isinstance(raw, list) or not raw:
        problems.append(f"{where}: field 'sources' must be a non-empty list of {{ ref, fields }}")
        return ()
    sources = []
    for number, item in enumerate(raw, start=1):
        at = f"{where}: source {number}"
        if not isinstance(item, Mapping):
            problems.append(f"{at} must be a table {{ ref = ..., fields = [...] }}")
            continue
        if not _SOURCE_KEYS.issuperset(item):
            problems.append(
                f"{at} has unknown key(s) {cut(', '.join(sorted(set(item) - _SOURCE_KEYS)))}"
            )
        ref, fields = item.get("ref"), item.get("fields")
        if not isinstance(ref, str) or not ref.startswith(SOURCE_PREFIXES) or "<" in ref:
            problems.append(f"{at}: 'ref' must start with one of {', '.join(SOURCE_PREFIXES)}")
            continue
        if (
            not isinstance(fields, list)
            or not fields
            or not all(isinstance(f, str) for f in fields)
        ):
            problems.append(f"{at}: 'fields' must be a non-empty list of field names")
            continue
        names = tuple(fields)
        if not SOURCE_FIELD_NAMES.issuperset(names):
            unknown = [f for f in names if f not in SOURCE_FIELD_NAMES]
            problems.append(f"{at}: 'fields' names unknown field(s) {cut(', '.join(unknown))}")
        if shared is None:
            shared = {}
        source = shared.get((ref, names))
        if source is None:
            source = shared[ref, names] = Source(ref=ref, fields=names)
        sources.append(source)
    return tuple(sources)


def check_rules(
    values: Mapping[str, Any], sources: tuple[Source, ...], where: str, problems: list[str]
) -> None:
    """Rules between fields: required keys, pack sizes, bands, and every fact backed by a source."""
    missing = [name for name in REQUIRED if name not in values]
    if missing:
        problems.append(f"{where}: missing required field(s) {', '.join(missing)}")
    kind, pack = values.get("kind"), values.get("pack_size")
    if kind is not None and kind != "mesh" and pack is not None and pack != 1:
        problems.append(
            f"{where}: field 'pack_size' must be 1 for kind {kind} "
            f"(only a mesh kit has more units), not {pack}"
        )
    _check_kind_rules(values, where, problems)
    generation, bands = values.get("wifi_generation"), values.get("bands")
    if bands is not None and generation is not None:
        if "6" in bands and generation not in ("6E", "7"):
            problems.append(f"{where}: field 'bands' has 6 GHz but wifi_generation is {generation}")
        if generation == "6E" and "6" not in bands:
            problems.append(f"{where}: field 'bands' lacks 6 GHz but wifi_generation is 6E")
    streams = values.get("streams")
    if streams is not None and bands is not None and not set(streams) <= set(bands):
        problems.append(f"{where}: field 'streams' names bands not in 'bands'")
    covered = {name for source in sources for name in source.fields}
    unsourced = [n for n in values if n not in NOT_SOURCED and not is_covered(n, covered)]
    if sources and unsourced:
        problems.append(f"{where}: no source's 'fields' covers {', '.join(unsourced)}")


def _check_kind_rules(values: Mapping[str, Any], where: str, problems: list[str]) -> None:
    """Fields that only make sense together: a modem-router's line, a node's system, a
    support window's basis, a price's date, kind and region, a unit without Ethernet."""
    kind = values.get("kind")
    if kind == "modem_router" and "line" not in values:
        problems.append(f"{where}: a modem_router needs field 'line' ({', '.join(LINES)})")
    if "line" in values and kind != "modem_router":
        problems.append(f"{where}: field 'line' is only for kind modem_router, not {kind}")
    if kind == "node" and "system" not in values:
        problems.append(f"{where}: a node needs field 'system' (the mesh family it joins)")
    if "firmware.support_counts_from" in values and "firmware.support_years_promised" not in values:
        problems.append(
            f"{where}: field 'firmware.support_counts_from' needs "
            "'firmware.support_years_promised' (the window it starts)"
        )
    if "price_usd" not in values:
        orphans = [name for name in PRICE_DETAILS if name in values]
        if orphans:
            problems.append(f"{where}: field(s) {', '.join(orphans)} describe a price_usd it lacks")
    if values.get("wan_mbps") == NO_ETHERNET:
        _check_no_ethernet(values, where, problems)


def _check_no_ethernet(values: Mapping[str, Any], where: str, problems: list[str]) -> None:
    """wan_mbps = 0 says the unit has no Ethernet port at all: only an add-on node can be
    so (a router, a kit's main unit and an access point take a cable), and nothing else in
    the record may say it has a port or a cable."""
    kind = values.get("kind")
    said = f"{where}: wan_mbps = 0 says it has no Ethernet port"
    if kind != "node":
        problems.append(
            f"{said}, which only an add-on node can lack ({kind} connects by cable): "
            "write its WAN port's speed"
        )
    if values.get("lan_ports_mbps") != []:
        problems.append(f"{said}: write lan_ports_mbps = [] with it")
    if values.get("sfp_ports"):
        problems.append(f"{said}, but sfp_ports lists a cage")
    if values.get("poe") in ("in", "out", "in_out"):
        problems.append(f"{said}, but poe says it has Power over Ethernet")
    if values.get("wired_backhaul") is True:
        problems.append(f"{said}, but wired_backhaul = true links it by cable")


def check_record(
    raw: Mapping[str, Any],
    where: str,
    problems: list[str],
    shared: SharedSources | None = None,
) -> tuple[dict[str, Any], tuple[Source, ...]]:
    """All checks of one record; problems are appended, the checked parts returned."""
    before = len(problems)
    values = check_fields(raw, where, problems)
    sources = check_sources(raw.get("sources"), where, problems, shared)
    if len(problems) == before:  # the rules need good values; avoid echoes of one mistake
        check_rules(values, sources, where, problems)
    return values, sources


def _did_you_mean(name: str) -> str:
    close = difflib.get_close_matches(name[:100], list(FIELDS), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
