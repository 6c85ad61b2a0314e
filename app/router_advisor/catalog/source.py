"""Read and check the human-edited catalog source: data/catalog/*.toml, a `[[router]]` each."""

import hashlib
import tomllib
from pathlib import Path
from typing import Any

import rtoml

from router_advisor.catalog.validate import Record, SharedSources, check_record, describe
from router_advisor.errors import RuntimeFailure


class CatalogDataError(RuntimeFailure):
    """The catalog source (or an import) breaks the format; `problems` lists every finding."""

    def __init__(self, problems: list[str], hint: str) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{problems[0]}{more}; {hint}")


def source_files(folder: Path) -> list[Path]:
    """The catalog's TOML files in a stable order."""
    return sorted(folder.glob("*.toml"))


def content_hash(folder: Path) -> str:
    """A fingerprint of every TOML file's name and bytes; a change means a rebuild."""
    digest = hashlib.sha256()
    for path in source_files(folder):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_source(folder: Path) -> list[Record]:
    """Every model in `folder`, checked; raise CatalogDataError listing every problem found."""
    problems: list[str] = []
    records: list[Record] = []
    first_seen: dict[str, str] = {}
    shared: SharedSources = {}  # equal sources of several models: one object
    for path in source_files(folder):
        for number, raw in enumerate(_read_routers(path, problems), start=1):
            where = f"{path.name}, router {number}"
            if isinstance(raw, dict):
                name = describe(raw)
                where = f"{path.name}, {name}" if name != "(no brand or model)" else where
            else:
                problems.append(f"{where}: must be a table")
                continue
            before = len(problems)
            values, sources = check_record(raw, where, problems, shared)
            if len(problems) > before:
                continue
            record = Record(values=values, sources=sources, origin=path.name)
            if record.key in first_seen:
                problems.append(
                    f"{where}: duplicate of the model in {first_seen[record.key]} "
                    + (
                        "(same brand, model, hardware_revision and pack_size)"
                        if values.get("kind") == "mesh"
                        else "(same brand, model and hardware_revision)"
                    )
                )
                continue
            first_seen[record.key] = path.name
            records.append(record)
    if problems:
        raise CatalogDataError(problems, f"fix the files in {folder}")
    return records


def parse_toml(text: str) -> dict[str, Any]:
    """TOML as tomllib reads it, ten times faster: rtoml (compiled) parses, and only a file it
    refuses is read again by tomllib, whose TOMLDecodeError names the line for a person.
    The first build of the shipped catalog must stay under 200 ms (issue 12); tomllib alone
    takes ~120 ms of CPU for its TOML. tests/catalog/test_source.py checks that both read
    every shipped file the same, types included."""
    try:
        return rtoml.loads(text)
    except ValueError:
        return tomllib.loads(text)  # raises TOMLDecodeError with tomllib's message


def _read_routers(path: Path, problems: list[str]) -> list[object]:
    try:
        document = parse_toml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        problems.append(f"{path.name}: not UTF-8 text ({exc.reason} at byte {exc.start})")
        return []
    except tomllib.TOMLDecodeError as exc:
        problems.append(f"{path.name}: not valid TOML ({exc})")
        return []
    extra = sorted(set(document) - {"router"})
    if extra:
        problems.append(
            f"{path.name}: unknown top-level key(s) {', '.join(extra)}; "
            "each model is a [[router]] table"
        )
    routers = document.get("router", [])
    if not isinstance(routers, list):
        problems.append(f"{path.name}: 'router' must be written [[router]]")
        return []
    return routers
