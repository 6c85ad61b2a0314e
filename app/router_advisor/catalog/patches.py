"""Imported changes to the catalog: a patch per imported row, applied in order over the records.

Patches are kept in the database, so after every rebuild from data/ they are applied again:
a person's imports survive new catalog data and schema changes.
"""

from dataclasses import dataclass, replace
from typing import Any, Literal

from router_advisor.catalog.fields import IDENTITY, PRICE_DETAILS, REQUIRED
from router_advisor.catalog.validate import Record, check_rules, describe
from router_advisor.core.router import Source

# "set" (a person's CSV/JSON row) overwrites; "fill" (the OpenWrt dump) only fills unknowns.
Mode = Literal["set", "fill"]


@dataclass(frozen=True)
class Patch:
    """One imported row: the values it gives and the sources that vouch for them."""

    key: str
    mode: Mode
    values: dict[str, Any]
    sources: tuple[Source, ...]
    origin: str
    row: int


class PatchError(ValueError):
    """A patch that cannot be applied; the message says why in plain words."""


def apply_patch(records: dict[str, Record], patch: Patch) -> list[str]:
    """Apply `patch` to `records` in place; return the fields whose value changed.

    A `set` patch for an unknown model adds it (it must then carry the required fields); a
    `fill` patch never adds a model and never overwrites a known value.
    """
    existing = records.get(patch.key) or _only_kit(records, patch.key)
    if existing is None:
        if patch.mode == "fill":
            raise PatchError(f"{describe(patch.values)} is not in the catalog")
        missing = [name for name in REQUIRED if name not in patch.values]
        if missing:
            raise PatchError(
                f"{describe(patch.values)} is not in the catalog, and a new model "
                f"needs {', '.join(missing)}"
            )
        record = Record(values=dict(patch.values), sources=patch.sources, origin=patch.origin)
        _check(record)
        records[record.key] = record
        return sorted(patch.values)
    values = dict(existing.values)
    changed = []
    for name, value in patch.values.items():
        if name in IDENTITY or (patch.mode == "fill" and name in values):
            continue
        if values.get(name) != value:
            changed.append(name)
            values[name] = value
    if "price_usd" in changed:
        # The old price's date, kind and region describe the old price: a new price the
        # row does not date or qualify is left undated, not given the old price's details.
        for name in PRICE_DETAILS:
            if name in values and name not in patch.values:
                del values[name]
                changed.append(name)
    if not changed:
        return []
    sources = _merge_sources(existing.sources, patch.sources, set(changed), patch.mode)
    record = replace(existing, values=values, sources=sources)
    if record.key != existing.key:
        raise PatchError(
            f"{describe(existing.values)}: kind and pack_size say which catalog entry a row "
            "is about, so a row cannot change them (give the other pack size its own row)"
        )
    _check(record)
    records[existing.key] = record
    return changed


def _only_kit(records: dict[str, Record], key: str) -> Record | None:
    """The kit an import stored before kits were keyed by pack size ("acme/trio" for what
    is now "acme/trio/3-pack") named, when the catalog has only one pack of it."""
    kits = [r for k, r in records.items() if k.rpartition("/")[0] == key and k.endswith("-pack")]
    return kits[0] if len(kits) == 1 else None


def _merge_sources(
    old: tuple[Source, ...], new: tuple[Source, ...], changed: set[str], mode: Mode
) -> tuple[Source, ...]:
    # Older sources stop vouching for values the import replaced; a source left with no
    # fields is dropped. The patch's sources join, merged with an existing one of the same ref.
    merged: dict[str, list[str]] = {}
    for source in old:
        fields = [f for f in source.fields if f not in changed]
        if fields:
            merged.setdefault(source.ref, []).extend(fields)
    for source in new:
        fields = [f for f in source.fields if mode == "set" or f in changed]
        target = merged.setdefault(source.ref, [])
        target.extend(f for f in fields if f not in target)
    return tuple(Source(ref=ref, fields=tuple(fields)) for ref, fields in merged.items() if fields)


def _check(record: Record) -> None:
    problems: list[str] = []
    check_rules(record.values, record.sources, describe(record.values), problems)
    if problems:
        raise PatchError(problems[0])
