"""Read a person's import file (CSV, JSON rows or the OpenWrt ToH dump) into patches.

Everything is checked before anything is written: the first bad row stops the import with
its row number and the reason. CSV rows are numbered as in a spreadsheet (the header is
row 1); JSON rows count from 1.
"""

import csv
import difflib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from router_advisor.catalog.fields import FIELDS, IDENTITY, FieldError, check_value
from router_advisor.catalog.openwrt import TohFormatError, TohIndex, is_toh_dump, parse_toh
from router_advisor.catalog.patches import Patch
from router_advisor.catalog.validate import (
    Record,
    check_fields,
    check_sources,
    describe,
    record_key,
)
from router_advisor.core.echo import cut, quoted
from router_advisor.core.router import Source
from router_advisor.core.spreadsheet import unquote_formula
from router_advisor.files import MAX_INPUT_BYTES, InputFileError, parse_json, read_input

_TRUE, _FALSE = {"true", "yes", "1"}, {"false", "no", "0"}
_STREAM_COUNT = re.compile("[0-9]{1,2}")


class ImportRefused(ValueError):
    """The file cannot be imported; the message names the row and the reason."""


@dataclass
class ImportPlan:
    """What an import would do: its patches, plus what it could not use (the ToH's other rows)."""

    fmt: str
    patches: list[Patch]
    unmatched: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)
    # The ToH only: its rows that matched a catalog model, and the models they matched
    # (one row can match several, e.g. the 2- and 3-pack of one kit), new facts or not.
    rows_matched: int = 0
    models_matched: int = 0


def read_import(path: Path, records: Mapping[str, Record], today: str) -> ImportPlan:
    """Turn the file at `path` into patches against `records`; raise ImportRefused if it is bad."""
    try:
        text = read_input(path)
        origin = f"import:{path.name} {today}"
        suffix = path.suffix.lower()
        if suffix == ".csv" or (suffix != ".json" and not text.lstrip().startswith(("[", "{"))):
            return ImportPlan("csv", _patches(_csv_rows(text), origin, records))
        document = parse_json(text)
    except InputFileError as exc:
        # "row 3: not valid JSON (...)", but "row 3: the file is not UTF-8 text"
        problem = str(exc)
        problem = problem[3:] if problem.startswith("is not valid") else f"the file {problem}"
        raise ImportRefused(f"row {exc.line or 1}: {problem}") from exc
    if is_toh_dump(document):
        return _toh_plan(document, records, origin)
    if isinstance(document, dict) and isinstance(document.get("routers"), list):
        document = document["routers"]  # a `catalog export`: credits beside the models
    if not isinstance(document, list):
        raise ImportRefused(
            "a JSON import must be a list of objects, one per model (or a `catalog export`)"
        )
    rows = []
    for number, item in enumerate(document, start=1):
        if not isinstance(item, dict):
            raise ImportRefused(f"row {number}: must be an object with field names as keys")
        rows.append((number, {k: v for k, v in item.items() if v is not None}))
    return ImportPlan("json", _patches(rows, origin, records))


def _csv_rows(text: str) -> list[tuple[int, dict[str, Any]]]:
    # newline="": the csv module sees the line endings itself (quoted cells may span lines);
    # the field limit is the file's own cap, so a long cell that `catalog export` wrote
    # reads back.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_INPUT_BYTES))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return _read_csv(reader)
    except csv.Error as exc:
        raise ImportRefused(f"row {reader.line_num}: not a readable CSV row ({exc})") from None


def _read_csv(reader: Any) -> list[tuple[int, dict[str, Any]]]:
    header = next(reader, None)
    while header and header[0].lstrip().startswith("#"):  # credits or notes above the header
        header = next(reader, None)
    if not header:
        raise ImportRefused("row 1: the file is empty; the first row must name the columns")
    at = f"row {reader.line_num}"
    header = [h.strip() for h in header]
    for name in header:
        if name not in FIELDS and name != "sources":
            raise ImportRefused(f"{at}: unknown field '{cut(name)}'{_did_you_mean(name)}")
    seen = [h for h in set(header) if header.count(h) > 1]
    if seen:
        raise ImportRefused(f"{at}: field '{seen[0]}' appears twice")
    rows = []
    for cells in reader:
        number = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise ImportRefused(
                f"row {number}: has {len(cells)} cells, the header has {len(header)}"
            )
        row: dict[str, Any] = {}
        for name, cell in zip(header, cells, strict=True):
            if cell.strip():
                try:
                    row[name] = _parse_cell(name, unquote_formula(cell.strip()))
                except FieldError as exc:
                    raise ImportRefused(f"row {number}: field '{name}': {exc}") from exc
        rows.append((number, row))
    return rows


def _parse_cell(name: str, text: str) -> Any:
    """A CSV cell as the value its field expects: numbers, true/false, lists split on ';'."""
    if name == "sources":
        try:
            return parse_json(text)
        except InputFileError as exc:
            raise FieldError("must be a JSON list of { ref, fields }") from exc
    kind = FIELDS[name].type
    if kind == "int":
        if not re.fullmatch(r"-?[0-9]{1,18}", text):
            raise FieldError(f"{quoted(text)} is not a whole number")
        return int(text)
    if kind == "number":
        if not re.fullmatch(r"-?[0-9]{1,18}(\.[0-9]{1,18})?", text):
            raise FieldError(f"{quoted(text)} is not a number")
        return float(text) if "." in text else int(text)
    if kind == "bool":
        if text.lower() not in _TRUE | _FALSE:
            raise FieldError(f"{quoted(text)} is not true or false")
        return text.lower() in _TRUE
    if kind in ("bands", "str_list", "int_list", "streams", "regions"):
        items = [] if text.lower() == "none" else [i.strip() for i in text.split(";")]
        if kind == "int_list":
            return [_parse_cell("wan_mbps", i) for i in items]
        if kind == "streams":
            pairs = [i.replace("=", ":").partition(":") for i in items]
            if any(
                not sep or not re.fullmatch("[0-9]{1,2}", count.strip()) for _, sep, count in pairs
            ):
                raise FieldError(f"{quoted(text)} is not written like 2.4:2;5:4")
            bands = [band.strip() for band, _, _ in pairs]
            if len(set(bands)) != len(bands):
                raise FieldError(f"{quoted(text)} names a band twice")
            return {band: int(count) for band, (_, _, count) in zip(bands, pairs, strict=True)}
        return items
    return text


def _resolve_key(values: Mapping[str, Any], records: Mapping[str, Record], where: str) -> str:
    """The row's catalog key. A row may leave out what tells entries apart when only one
    entry fits: the hardware revision (the model's only revision), the kind or the pack size
    (a kit sold in one pack size). A row that fits several entries is refused: a price for
    "Deco X55" must say which pack it is."""
    key = record_key(values)
    if key in records:
        return key
    fits = [k for k, r in records.items() if _names(values, r.values)]
    if len(fits) == 1:
        return fits[0]
    if len(fits) > 1:
        entries = ", ".join(_entry(records[k].values) for k in sorted(fits)[:4])
        raise ImportRefused(
            f"{where}: {describe(values)} fits {len(fits)} catalog entries ({entries}); add "
            "pack_size, hardware_revision or kind to say which"
        )
    return key


def _names(row: Mapping[str, Any], entry: Mapping[str, Any]) -> bool:
    """Whether the row's identity fits the entry: brand and model, and every one of revision,
    kind and pack size the row gives."""
    for name in ("brand", "model", "hardware_revision", "kind", "pack_size"):
        given = row.get(name)
        asked = name in ("brand", "model") or given is not None
        if asked and _fold(given) != _fold(entry.get(name)):
            return False
    return True


def _fold(value: Any) -> Any:
    return " ".join(value.lower().split()) if isinstance(value, str) else value


def _entry(values: Mapping[str, Any]) -> str:
    parts = [values.get("hardware_revision"), values.get("kind")]
    if values.get("kind") == "mesh":
        parts.append(f"{values.get('pack_size')}-pack")
    return " ".join(str(p) for p in parts if p)


def _patches(
    rows: list[tuple[int, dict[str, Any]]], origin: str, records: Mapping[str, Record]
) -> list[Patch]:
    patches: list[Patch] = []
    first_row: dict[str, int] = {}
    for number, raw in rows:
        where = f"row {number}"
        problems: list[str] = []
        values = check_fields(raw, where, problems)
        if problems:
            raise ImportRefused(problems[0])
        if "brand" not in values or "model" not in values:
            raise ImportRefused(f"{where}: needs a brand and a model")
        facts = [n for n in values if n not in IDENTITY]
        if not facts:
            raise ImportRefused(f"{where}: gives no facts about {describe(values)}")
        if "sources" in raw:
            sources = check_sources(raw["sources"], where, problems)
            if problems:
                raise ImportRefused(problems[0])
        else:
            sources = (Source(ref=origin, fields=tuple(facts)),)
        key = _resolve_key(values, records, where)
        if key in first_row:
            raise ImportRefused(
                f"{where}: {describe(values)} appears again (first on row {first_row[key]})"
            )
        first_row[key] = number
        patches.append(
            Patch(key=key, mode="set", values=values, sources=sources, origin=origin, row=number)
        )
    if not patches:
        raise ImportRefused("the file has no rows to import")
    return patches


def _toh_plan(
    document: Mapping[str, Any], records: Mapping[str, Record], origin: str
) -> ImportPlan:
    """Fill hardware facts of the catalog models the dump covers; list the rows it could not use."""
    try:
        index = TohIndex(parse_toh(document))
    except TohFormatError as exc:
        raise ImportRefused(f"not a readable OpenWrt ToH dump: {exc}") from exc
    plan = ImportPlan("openwrt-toh", [])
    used: set[str] = set()
    for key, record in records.items():
        v = record.values
        match = index.match(
            v["brand"], v["model"], v.get("hardware_revision"), [s.ref for s in record.sources]
        )
        if match.device is None:
            continue
        device = match.device
        used.add(device.deviceid)
        plan.models_matched += 1
        facts = {}
        for name, value in device.facts().items():
            value = check_value(name, value)
            if name not in v:
                facts[name] = value
            elif v[name] != value:
                plan.disagreements.append(
                    f"{describe(v)}: {name} is {v[name]!r} in the catalog, "
                    f"{value!r} in the dump (kept)"
                )
        if facts:
            source = Source(ref=f"openwrt-toh:{device.deviceid}", fields=tuple(facts))
            plan.patches.append(
                Patch(
                    key=key,
                    mode="fill",
                    values={**_identity(v), **facts},
                    sources=(source,),
                    origin=origin,
                    row=device.row,
                )
            )
    plan.unmatched = [f"row {d.row}: {d.name}" for d in index.devices if d.deviceid not in used]
    plan.rows_matched = len(used)
    return plan


def _identity(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: values[k] for k in IDENTITY if k in values}


def _did_you_mean(name: str) -> str:
    close = difflib.get_close_matches(name[:100], [*FIELDS, "sources"], n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
