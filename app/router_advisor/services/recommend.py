"""The recommend use case from files: read the answers, speed and scan files, rank the catalog.

The CLI's `recommend` and `export` commands call `recommend_from_files`; the GUI holds the
answers and measurements as objects already and calls core `recommend` in its ranking job.
Every file is checked field by field, so a mistake is reported with the file and the field
named, never as Python's own words.
"""

import ipaddress
import logging
import re
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from router_advisor.core.answers import Answers, answers_from_dict
from router_advisor.core.echo import shown as _shown
from router_advisor.core.recommend import DEFAULT_TOP, Recommendation, recommend
from router_advisor.core.router import Router
from router_advisor.core.scan import (
    DEVICE_KINDS,
    ConflictingDevices,
    Device,
    ScanResult,
    merge_devices,
)
from router_advisor.core.speed import SpeedResult
from router_advisor.errors import UserInputError
from router_advisor.files import InputFileError, parse_json, parse_toml, read_input
from router_advisor.services.catalog import load_routers

# The same limits as `speed --manual` and the answers file's [isp] section.
MAX_PLAN_MBPS = 100_000.0
MAX_LATENCY_MS = 60_000.0  # a minute: anything slower is not a measurement
GRADES: tuple[str, ...] = ("A+", "A", "B", "C", "D", "F")
SPEED_AGAIN = "run `router-advisor speed --json > speed.json` again"
SCAN_AGAIN = "run `router-advisor scan --json > scan.json` again"
MAC_RE = re.compile(r"[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(\1[0-9a-fA-F]{2}){4}")
log = logging.getLogger(__name__)


def _read_document(path: Path, what: str) -> dict[str, Any]:
    """A TOML or JSON file as a dict (JSON for .json, else TOML), with plain-word errors."""
    if path.is_dir():
        raise UserInputError(f"{path} is a folder: give the path of the {what}")
    json_file = path.suffix.lower() == ".json"
    try:
        text = read_input(path)
        data = parse_json(text) if json_file else parse_toml(text)
    except FileNotFoundError:
        raise UserInputError(f"there is no {what} at {path}: check the path") from None
    except InputFileError as exc:
        where = f" (line {exc.line})" if exc.line else ""
        raise UserInputError(f"{path}: the {what}{where} {exc}") from None
    except OSError as exc:
        raise UserInputError(
            f"cannot read the {what} {path} ({exc.strerror or 'read error'}): check the path"
        ) from None
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise UserInputError(
            f"{path}: the {what} must be one JSON object {{...}} with named fields, not {kind}"
        )
    return data


def load_answers(path: Path | None) -> Answers:
    """Read and validate an answers file (TOML, or JSON by its .json suffix); None: defaults."""
    if path is None:
        return Answers()
    data = _read_document(path, "answers file")
    try:
        return answers_from_dict(data)
    except UserInputError as exc:
        raise UserInputError(f"{path}: {exc}") from None


class _Fields:
    """Checks one result file's fields, naming the file and the field in every complaint."""

    def __init__(self, path: Path, data: Mapping[str, Any], again: str) -> None:
        self.path, self.data, self.again = path, data, again

    def value(self, field: str) -> Any:
        """A field's value; a dotted name reaches into an object (`loaded_latency_ms.upload`)."""
        value: Any = self.data
        for part in field.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        return value

    def fail(self, field: str, expected: str) -> UserInputError:
        value = self.value(field)
        got = "it is missing" if value is None else f"not {_shown(value)}"
        return UserInputError(f"{self.path}: field {field} must be {expected}, {got}; {self.again}")

    def number(
        self, field: str, high: float, unit: str, *, required: bool, zero_ok: bool = True
    ) -> None:
        value = self.value(field)
        if value is None and not required:
            return
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if not ok or not (0 <= value <= high) or (value == 0 and not zero_ok):
            low = "from 0" if zero_ok else "above 0"
            raise self.fail(field, f"a number of {unit} {low} and at most {high:g}")

    def text(self, field: str, required: bool) -> None:
        value = self.value(field)
        if (value is not None or required) and not (isinstance(value, str) and value.strip()):
            raise self.fail(field, "a piece of text")

    def kind(self, field: str, kind: type, expected: str) -> None:
        value = self.value(field)
        if value is not None and not isinstance(value, kind):
            raise self.fail(field, expected)


def check_speed_document(path: Path, data: Mapping[str, Any]) -> None:
    """Refuse a speed file whose fields are missing, of the wrong kind or out of range."""
    f = _Fields(path, data, SPEED_AGAIN)
    for field in ("download_mbps", "upload_mbps"):
        f.number(field, MAX_PLAN_MBPS, "Mbit/s", required=True, zero_ok=False)
    for field in (
        "idle_latency_ms",
        "jitter_ms",
        "loaded_latency_ms.download",
        "loaded_latency_ms.upload",
    ):
        f.number(field, MAX_LATENCY_MS, "milliseconds", required=False)
    f.kind("loaded_latency_ms", dict, "an object with download and upload")
    grade = data.get("bufferbloat_grade")
    if grade is not None and grade not in GRADES:
        raise f.fail("bufferbloat_grade", f"one of {', '.join(GRADES)} or null")
    f.number("duration_s", 3600, "seconds", required=False)
    f.kind("manual", bool, "true or false")
    f.kind("server", dict, "an object or null")
    f.kind("verdicts", dict, "an object")
    for name, verdict in (data.get("verdicts") or {}).items():
        if not (isinstance(verdict, dict) and {"rating", "reason"} <= set(verdict)):
            raise f.fail(f"verdicts.{name}", "an object with rating and reason")


def check_scan_document(path: Path, data: Mapping[str, Any]) -> None:
    """Refuse a scan file whose fields are missing, of the wrong kind or out of range."""
    f = _Fields(path, data, SCAN_AGAIN)
    for field in ("interface", "cidr", "method"):
        f.text(field, required=True)
    f.text("gateway", required=False)
    try:
        network = ipaddress.IPv4Network(data["cidr"].strip(), strict=False)
    except ValueError:
        raise f.fail("cidr", "an IPv4 subnet like 192.168.1.0/24") from None
    if data.get("gateway") is not None:
        _check_address(path, "gateway", data["gateway"], network)
    f.number("duration_s", 86400, "seconds", required=False)
    f.kind("devices", list, "a list of devices")
    for number, device in enumerate(data.get("devices") or (), 1):
        where = f"devices[{number}]"
        if not isinstance(device, dict):
            raise UserInputError(
                f"{path}: device {number} in field devices must be an object; {SCAN_AGAIN}"
            )
        for field in ("ip", "mac"):
            if not (isinstance(device.get(field), str) and device[field]):
                raise UserInputError(
                    f"{path}: field {where}.{field} must be a piece of text, "
                    f"not {_shown(device.get(field))}; {SCAN_AGAIN}"
                )
        if not MAC_RE.fullmatch(device["mac"].strip()):
            raise UserInputError(
                f"{path}: field {where}.mac must be a MAC address like 3c:22:fb:0a:00:01, "
                f"not {_shown(device['mac'])}; {SCAN_AGAIN}"
            )
        _check_address(path, f"{where}.ip", device["ip"], network)
        kind = device.get("kind")
        if kind is not None and kind not in DEVICE_KINDS:
            raise UserInputError(
                f"{path}: field {where}.kind must be one of {', '.join(DEVICE_KINDS)}, "
                f"not {_shown(kind)}; {SCAN_AGAIN}"
            )
        if not isinstance(device.get("is_gateway", False), bool):
            raise UserInputError(
                f"{path}: field {where}.is_gateway must be true or false, "
                f"not {_shown(device['is_gateway'])}; {SCAN_AGAIN}"
            )
    f.kind("wifi_link", dict, "an object or null")
    f.kind("nearby_networks", dict, "an object or null")
    try:
        merge_devices(Device.from_dict(d) for d in data.get("devices") or ())
    except ConflictingDevices as exc:
        raise UserInputError(f"{path}: field devices: {exc}; {SCAN_AGAIN}") from None


def _check_address(path: Path, field: str, value: str, network: ipaddress.IPv4Network) -> None:
    """Refuse an IP address that is not one, or lies outside the scanned subnet."""
    try:
        address = ipaddress.IPv4Address(value.strip())
    except ValueError:
        raise UserInputError(
            f"{path}: field {field} must be an IPv4 address like 192.168.1.20, "
            f"not {_shown(value)}; {SCAN_AGAIN}"
        ) from None
    if address not in network:
        raise UserInputError(
            f"{path}: field {field} is {address}, outside the scanned subnet {network}; "
            f"{SCAN_AGAIN}"
        )


def _load_result(
    path: Path,
    command: str,
    check: Callable[[Path, Mapping[str, Any]], None],
    from_dict: Callable[[dict[str, Any]], Any],
    again: str,
) -> Any:
    """Read the file `router-advisor COMMAND --json` wrote, checked field by field."""
    data = _read_document(path, f"{command} result")
    check(path, data)
    try:
        return from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
        raise UserInputError(
            f"{path}: not the shape `router-advisor {command} --json` writes; {again}"
        ) from None


def load_speed(path: Path) -> SpeedResult:
    """Read the file `router-advisor speed --json` wrote."""
    result: SpeedResult = _load_result(
        path, "speed", check_speed_document, SpeedResult.from_dict, SPEED_AGAIN
    )
    return result


def load_scan(path: Path) -> ScanResult:
    """Read the file `router-advisor scan --json` wrote."""
    result: ScanResult = _load_result(
        path, "scan", check_scan_document, ScanResult.from_dict, SCAN_AGAIN
    )
    return result


def recommend_from_files(
    answers_path: Path | None,
    speed_path: Path | None = None,
    scan_path: Path | None = None,
    top: int = DEFAULT_TOP,
    routers: Sequence[Router] | None = None,
    measured_nodes: int | None = None,
) -> Recommendation:
    """Load the files and rank `routers` (default: the real catalog) for this household.

    Without an answers file every answer takes its default (a typical home);
    `measured_nodes` is a walk test's node count (in place of the estimate from the area)."""
    log.info(
        "recommend: answers %s, speed %s, scan %s",
        answers_path or "(defaults)",
        speed_path or "(none)",
        scan_path or "(none)",
    )
    answers = load_answers(answers_path)
    speed = load_speed(speed_path) if speed_path else None
    scan = load_scan(scan_path) if scan_path else None
    catalog = load_routers() if routers is None else routers
    today = date.today().isoformat()
    started = time.monotonic()
    result = recommend(answers, catalog, speed, scan, top, today, measured_nodes)
    log.info(
        "recommend: ranked %d models in %.0f ms", len(catalog), (time.monotonic() - started) * 1000
    )
    return result
