"""The OpenWrt Table of Hardware dump: parse its rows and match them to catalog models.

The dump is `{"captions": [...], "columns": [...], "entries": [[...], ...]}`. Its traps (see
../shared/reference/README.md): `-` means none, null or `¿` unknown, many cells are lists,
RAM may be "more than 4GB", and one model name often covers several hardware versions.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

TOH_REF_PREFIX = "openwrt-toh:"
_NEEDED_COLUMNS = (
    "deviceid",
    "brand",
    "model",
    "version",
    "cpu",
    "cpucores",
    "cpumhz",
    "rammb",
    "usbports",
    "supportedcurrentrel",
)
_RELEASE = re.compile(r"^\d+\.\d+(\.\d+)?$")
_USB = re.compile(r"(\d+)x\s*(\d\.\d)")
_TRAILING_REVISION = re.compile(r"\s+(v\d+(?:\.\d+)*)$", re.IGNORECASE)


class TohFormatError(ValueError):
    """The file is not an OpenWrt ToH dump as expected; the message names the row."""


@dataclass(frozen=True)
class TohDevice:
    """One ToH row, with the facts the catalog uses; None is unknown, as in the catalog."""

    row: int
    deviceid: str
    brand: str
    model: str
    versions: tuple[str, ...]
    soc: str | None
    cpu_cores: int | None
    cpu_mhz: int | None
    ram_mb: int | None
    ram_over_4gb: bool
    usb: tuple[str, ...] | None
    openwrt_supported: bool | None

    @property
    def name(self) -> str:
        version = f" {'/'.join(self.versions)}" if self.versions else ""
        return f"{self.brand} {self.model}{version}"

    def facts(self) -> dict[str, Any]:
        """The catalog fields this row knows, by flat name."""
        facts = {
            "soc": self.soc,
            "cpu_cores": self.cpu_cores,
            "cpu_mhz": self.cpu_mhz,
            "ram_mb": self.ram_mb,
            "usb": None if self.usb is None else list(self.usb),
            "openwrt_supported": self.openwrt_supported,
        }
        return {k: v for k, v in facts.items() if v is not None}


def is_toh_dump(document: object) -> bool:
    return isinstance(document, Mapping) and {"captions", "columns", "entries"} <= set(document)


def parse_toh(document: Mapping[str, Any]) -> list[TohDevice]:
    """Every row of a ToH dump; raise TohFormatError for a structure we cannot read."""
    columns, entries = document.get("columns"), document.get("entries")
    if not isinstance(columns, list) or not isinstance(entries, list):
        raise TohFormatError("'columns' and 'entries' must be lists")
    missing = [c for c in _NEEDED_COLUMNS if c not in columns]
    if missing:
        raise TohFormatError(f"the dump lacks the column(s) {', '.join(missing)}")
    devices = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, list) or len(entry) != len(columns):
            raise TohFormatError(f"row {number} must be a list of {len(columns)} cells")
        row = dict(zip(columns, entry, strict=True))
        if not isinstance(row["deviceid"], str) or not isinstance(row["brand"], str):
            raise TohFormatError(f"row {number} has no deviceid or brand")
        ram_text = _text(row["rammb"])
        devices.append(
            TohDevice(
                row=number,
                deviceid=row["deviceid"],
                brand=row["brand"],
                model=_text(row["model"]) or "",
                versions=tuple(_cells(row["version"])),
                soc=_text(row["cpu"]),
                cpu_cores=_int(row["cpucores"]),
                cpu_mhz=_int(row["cpumhz"]),
                ram_mb=_int(ram_text),
                ram_over_4gb=(ram_text or "").lower() == "more than 4gb",
                usb=_usb(row["usbports"]),
                openwrt_supported=_supported(row["supportedcurrentrel"]),
            )
        )
    return devices


def _cells(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [t for t in (_text(i) for i in items) if t]


def _text(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if len(value) == 1 else None
    if not isinstance(value, str):
        return None
    value = value.strip()
    return None if value in ("", "-", "¿", "unknown") else value


def _int(value: object) -> int | None:
    text = _text(value)
    return int(text) if text and text.isdigit() and int(text) > 0 else None


def _usb(value: object) -> tuple[str, ...] | None:
    cells = value if isinstance(value, list) else [value]
    if cells in (["-"], "-"):
        return ()
    ports: list[str] = []
    for cell in cells:
        if not isinstance(cell, str):
            return None
        found = _USB.findall(cell)
        if not found:
            return None  # a port we cannot name ("1x µUSB (charging)"): leave USB unknown
        for count, version in found:
            ports.extend([version] * int(count))
    return tuple(sorted(ports, reverse=True))


def _supported(value: object) -> bool | None:
    text = _text(value)
    if text is None:
        return None
    # A release number or "snapshot" is supported today; "EOL" and "-" are not.
    return bool(_RELEASE.match(text)) or text == "snapshot"


def norm_brand(brand: str) -> str:
    return re.sub(r"[^a-z0-9]", "", brand.lower())


def model_aliases(model: str) -> set[str]:
    """Every name a model goes by, normalised: "GL-MT6000 (Flint 2)" -> glmt6000, flint2."""
    names = [re.sub(r"\(.*?\)", "", model), *re.findall(r"\((.*?)\)", model)]
    return {n for n in (re.sub(r"[^a-z0-9]", "", name.lower()) for name in names) if n}


def norm_version(version: str) -> str:
    """ "V1.0 (EU)" -> "v1": lower case, no region, no ".0", always a leading "v"."""
    text = re.sub(r"\(.*?\)", "", version).strip().lower().replace(" ", "")
    text = re.sub(r"^(rev|v)?", "v", text)
    return re.sub(r"(\.0)+$", "", text)


def split_revision(model: str, revision: str | None) -> tuple[str, str | None]:
    """A catalog model written "Archer AX23 v1" without a revision gives ("Archer AX23", "v1")."""
    found = _TRAILING_REVISION.search(model)
    if revision is None and found:
        return model[: found.start()], found.group(1)
    return model, revision


@dataclass(frozen=True)
class TohMatch:
    """How a catalog model matched the dump: the device, or why none was chosen."""

    device: TohDevice | None
    how: str  # "id" (explicit source), "name", "ambiguous", "unknown id", "none"
    candidates: tuple[TohDevice, ...] = ()


class TohIndex:
    """The dump's rows, looked up by device id and by brand + model alias."""

    def __init__(self, devices: Sequence[TohDevice]) -> None:
        self.devices = list(devices)
        self.by_id = {d.deviceid: d for d in devices}
        self._by_name: dict[tuple[str, str], list[TohDevice]] = {}
        for device in devices:
            for alias in model_aliases(device.model):
                self._by_name.setdefault((norm_brand(device.brand), alias), []).append(device)

    def match(
        self, brand: str, model: str, revision: str | None, source_refs: Sequence[str] = ()
    ) -> TohMatch:
        """Find the row for a catalog model; an `openwrt-toh:<id>` source is an exact match."""
        ids = [r.removeprefix(TOH_REF_PREFIX) for r in source_refs if r.startswith(TOH_REF_PREFIX)]
        if ids:
            found = [self.by_id[i] for i in ids if i in self.by_id]
            return TohMatch(found[0], "id") if found else TohMatch(None, "unknown id")
        model, revision = split_revision(model, revision)
        candidates: list[TohDevice] = []
        for alias in model_aliases(model):
            for device in self._by_name.get((norm_brand(brand), alias), []):
                if device not in candidates:
                    candidates.append(device)
        if not candidates:
            candidates = self._by_suffix(brand, model)
        if revision is not None:
            wanted = norm_version(revision)
            exact = [d for d in candidates if wanted in {norm_version(v) for v in d.versions}]
            candidates = exact or [d for d in candidates if not d.versions]
        if len(candidates) == 1:
            return TohMatch(candidates[0], "name", tuple(candidates))
        return TohMatch(None, "ambiguous" if candidates else "none", tuple(candidates))

    def _by_suffix(self, brand: str, model: str) -> list[TohDevice]:
        # "Velop MX4200" is "MX4200" in the dump: try the trailing words, when they still
        # look like a model number (letters and digits, 4+ characters), never "Wifi" alone.
        words = re.sub(r"\(.*?\)", "", model).split()
        for start in range(1, len(words)):
            alias = re.sub(r"[^a-z0-9]", "", "".join(words[start:]).lower())
            if len(alias) >= 4 and re.search(r"\d", alias) and re.search(r"[a-z]", alias):
                found = self._by_name.get((norm_brand(brand), alias), [])
                if found:
                    return list(found)
        return []


def ram_agrees(catalog_ram_mb: int | None, device: TohDevice) -> bool | None:
    """Whether RAM agrees; None when the dump does not know it."""
    if device.ram_over_4gb:
        return catalog_ram_mb is not None and catalog_ram_mb > 4096
    if device.ram_mb is None:
        return None
    return catalog_ram_mb == device.ram_mb
