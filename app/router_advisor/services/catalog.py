"""Catalog use cases for the GUI, the CLI and the recommender: load, find, build, import, export.

The catalog database lives in the data folder and is built from the bundled data/catalog
on first use, and again whenever those files or the schema change.
"""

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from router_advisor.catalog.db_file import CatalogUnusable, set_aside
from router_advisor.catalog.export import to_csv, to_json
from router_advisor.catalog.patches import PatchError, apply_patch
from router_advisor.catalog.rows import recover_patches
from router_advisor.catalog.store import BuildReport, CatalogStore
from router_advisor.catalog.user_import import ImportRefused, read_import
from router_advisor.core.router import Router
from router_advisor.core.wording import plural
from router_advisor.errors import UserInputError
from router_advisor.home import data_dir
from router_advisor.resources import data_path

CATALOG_FILE = "catalog.db"
log = logging.getLogger(__name__)


def default_db_path() -> Path:
    return data_dir() / CATALOG_FILE


def default_source_dir() -> Path:
    return data_path("catalog")


@contextmanager
def _open(db_path: Path | None, source_dir: Path | None) -> Iterator[CatalogStore]:
    db_path, source_dir = db_path or default_db_path(), source_dir or default_source_dir()
    log.info("catalog: %s (built from %s)", db_path, source_dir)
    store = CatalogStore(db_path, source_dir)
    try:
        store.ensure_current()
        yield store
    finally:
        store.close()


def load_routers(*, db_path: Path | None = None, source_dir: Path | None = None) -> list[Router]:
    """Every catalog model in a stable order (brand, model, revision), building it if needed."""
    with _open(db_path, source_dir) as store:
        return store.routers()


def _title(r: Router) -> str:
    """The model as `catalog show` titles it: model, then the revision when there is one."""
    return f"{r.model} {r.hardware_revision}" if r.hardware_revision else r.model


def find_routers(brand: str, model: str, routers: list[Router]) -> list[Router]:
    """Models matching brand and model (or model and revision, as `catalog show` titles them),
    case-insensitively; refuse with suggestions in the catalog's own spelling."""
    want_brand, want_model = brand.strip().lower(), " ".join(model.split()).lower()
    same_brand = [r for r in routers if r.brand.lower() == want_brand]
    found = [r for r in same_brand if r.model.lower() == want_model]
    if not found:
        found = [r for r in same_brand if _title(r).lower() == want_model]
    if found:
        return found
    quoted = [f"'{name}'" for name in nearest_names(want_brand, want_model, routers)]
    hint = (
        f"did you mean {', '.join(quoted[:-1])} or {quoted[-1]}?"
        if len(quoted) > 1
        else f"did you mean {quoted[0]}?"
        if quoted
        else "see `router-advisor catalog list` for the models it knows"
    )
    maker = same_brand[0].brand if same_brand else f"'{brand.strip()}'"
    asked = " ".join(model.split())
    raise UserInputError(f"the catalog has no model '{asked}' by {maker}; {hint}")


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: the fewest one-letter changes that turn `a` into `b`.

    Used instead of difflib's ratio, which ranks "archer ax80" nearer to "archer a8" than
    "archer a7" (a longer shared run beats a single wrong letter).
    """
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


def number_gap(a: str, b: str) -> int:
    """How far apart the numbers in two names are ("archer a8" and "archer a7": 1, and
    "archer a6": 2); a large gap when they hold different counts of numbers. A mistyped
    digit is most often a neighbour of the right one, so among names one letter away the
    nearest number comes first."""
    numbers_a, numbers_b = _NUMBER.findall(a), _NUMBER.findall(b)
    if len(numbers_a) != len(numbers_b):
        return _FAR
    return sum(abs(int(x) - int(y)) for x, y in zip(numbers_a, numbers_b, strict=True))


_NUMBER = re.compile(r"\d+")
_FAR = 10**9


def nearest_names(brand: str, model: str, routers: list[Router], count: int = 3) -> list[str]:
    """The catalog's names ("TP-Link Archer A7 v5") nearest to what a person typed, nearest
    first (fewest letters changed, then the nearest number, then by name): the brand's own
    models when the brand is known, else every "brand model"."""
    same_brand = [r for r in routers if r.brand.lower() == brand]
    nearness: dict[str, tuple[int, int]] = {}
    for r in same_brand or routers:
        name = f"{r.brand} {_title(r)}"
        if same_brand:
            wanted, spellings = model, (r.model.lower(), _title(r).lower())
        else:
            wanted, spellings = f"{brand} {model}", (name.lower(), f"{r.brand} {r.model}".lower())
        # A model the typed name begins ("rt-ax86" of "RT-AX86U Pro") is one step away.
        near = min(
            (
                1 if spelling.startswith(wanted) else edit_distance(wanted, spelling),
                number_gap(wanted, spelling),
            )
            for spelling in spellings
        )
        if near[0] <= max(2, len(wanted) // 2):
            nearness[name] = min(near, nearness.get(name, near))
    return sorted(nearness, key=lambda name: (nearness[name], name))[:count]


def build_catalog(
    *, force: bool = False, db_path: Path | None = None, source_dir: Path | None = None
) -> tuple[BuildReport, Path | None]:
    """Rebuild from data/ now. With `force`, an unusable database file is first set aside,
    and the imported rows still readable in it are kept (the report says when they are lost).

    Returns the report and where a broken file was moved (None when nothing was moved).
    """
    path = db_path or default_db_path()
    moved = None
    try:
        store = CatalogStore(path, source_dir or default_source_dir())
        try:
            store.refuse_if_read_only("the catalog was not rebuilt")
            return store.rebuild(), None
        finally:
            store.close()
    except CatalogUnusable:
        if not force:
            raise
        moved = set_aside(path)
    rescued = recover_patches(moved)
    store = CatalogStore(path, source_dir or default_source_dir())
    try:
        if rescued:
            report = store.restore_imports(f"recovered from {moved.name}", rescued)
        else:
            report = store.rebuild()
    finally:
        store.close()
    report.recovered = len(rescued or ())
    report.imports_lost = rescued is None
    return report, moved


def rebuild_summary(report: BuildReport, moved: Path | None) -> str:
    """What a forced rebuild did, in the desktop app's words (the CLI prints its own lines,
    with its commands): where the damaged file went, the models, the imports kept or lost."""
    kept = f", and {plural(report.recovered, 'imported row')} kept" if report.recovered else ""
    lines = [f"Built the catalog anew: {plural(report.models, 'model')}{kept}."]
    if moved is not None:
        lines.insert(0, f"The damaged catalog was set aside as {moved}.")
    if report.imports_lost:
        lines.append(
            "Models and prices you imported could not be read from the damaged file: import "
            "your files again."
        )
    return " ".join(lines)


@dataclass
class ImportResult:
    """What `catalog import` did, for a person to read."""

    fmt: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    unmatched: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)
    # The OpenWrt ToH dump only: rows that matched catalog models, and how many models.
    rows_matched: int = 0
    models_matched: int = 0


def import_file(
    path: Path, *, db_path: Path | None = None, source_dir: Path | None = None
) -> ImportResult:
    """Check every row of `path`, then apply them all in one transaction, or none of them."""
    if path.is_dir():
        raise UserInputError(f"{path} is a folder; give the path of a CSV or JSON file")
    if not path.is_file():
        if path.exists():  # a named pipe would block the read, a device never end
            raise UserInputError(
                f"{path} is not a regular file (a named pipe or a device); give the path of a "
                "saved CSV or JSON file"
            )
        raise UserInputError(f"{path} does not exist; check the path of the CSV or JSON file")
    with _open(db_path, source_dir) as store:
        store.refuse_if_read_only("nothing was imported")
        records = {r.key: r for r in store.records()}
        try:
            plan = read_import(path, records, date.today().isoformat())
        except ImportRefused as exc:
            raise UserInputError(f"{path.name}: {exc}; nothing was imported") from exc
        except OSError as exc:
            raise UserInputError(
                f"{path.name}: could not be read ({exc.strerror or exc}); nothing was imported"
            ) from exc
        result = ImportResult(
            plan.fmt,
            unmatched=plan.unmatched,
            disagreements=plan.disagreements,
            rows_matched=plan.rows_matched,
            models_matched=plan.models_matched,
        )
        useful = []  # rows that change nothing are not stored: they would only pile up
        for patch in plan.patches:
            existed = patch.key in records
            try:
                changed = apply_patch(records, patch)
            except PatchError as exc:
                raise UserInputError(
                    f"{path.name}: row {patch.row}: {exc}; nothing was imported"
                ) from exc
            name = records[patch.key].values
            label = f"{name['brand']} {name['model']}"
            if name.get("kind") == "mesh":  # which pack of a kit sold in several
                label += f" ({name['pack_size']}-pack)"
            if not existed:
                result.added.append(label)
            elif changed:
                result.updated.append(f"{label}: {', '.join(changed)}")
            else:
                result.unchanged += 1
                continue
            useful.append(patch)
        if useful:
            store.save_import(path.name, plan.fmt, useful, records.values())
    if plan.fmt == "openwrt-toh":
        # A matched model the dump has nothing new for makes no patch, yet it was matched.
        result.unchanged = plan.models_matched - len(result.updated)
    return result


def import_summary(file_name: str, result: ImportResult) -> str:
    """The one line the CLI prints and the GUI shows after an import."""
    counts = (
        f"{len(result.added)} added, {len(result.updated)} updated, {result.unchanged} unchanged"
    )
    if result.fmt == "openwrt-toh":
        rows = plural(result.rows_matched, "row")
        models = plural(result.models_matched, "catalog model")
        return (
            f"Imported {file_name} (OpenWrt Table of Hardware): {rows} matched {models}; {counts}."
        )
    return f"Imported {file_name} ({result.fmt}): {counts}."


def export_catalog(fmt: str, *, db_path: Path | None = None, source_dir: Path | None = None) -> str:
    """The whole catalog (with imports) as CSV or JSON text."""
    if fmt not in ("csv", "json"):
        raise UserInputError(f"unknown export format {fmt!r}; use csv or json")
    routers = load_routers(db_path=db_path, source_dir=source_dir)
    return to_csv(routers) if fmt == "csv" else to_json(routers)
