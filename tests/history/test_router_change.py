"""A rescan with another router in use says so: store diff, `history diff` and its JSON."""

import dataclasses
import json
from pathlib import Path

from router_advisor.cli.main import main
from router_advisor.core.current_router import (
    CurrentRouterReport,
    CurrentVerdict,
    Identified,
    KnownRouter,
)
from router_advisor.history.store import HistoryStore

from tests.history import factory
from tests.history.factory import device


def _with_router(brand: str, model: str, created_at: str):  # type: ignore[no-untyped-def]
    run = factory.run([device(1), device(2)], created_at=created_at)
    known = KnownRouter(brand, model, "test", wifi_generation="6")
    report = CurrentRouterReport(
        "10.0.0.1",
        Identified(known, "high", (f"UPnP modelName '{model}'",)),
        CurrentVerdict("keep", ("fine",)),
    )
    assert run.scan is not None
    return dataclasses.replace(run, scan=dataclasses.replace(run.scan, current_router=report))


def test_a_new_router_between_two_runs_is_reported(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "history.db"
    with HistoryStore(db) as store:
        first = store.save_run(_with_router("Netgear", "R7000", "2025-01-01T10:00:00Z"))
        second = store.save_run(_with_router("ASUS", "RT-AX86U", "2025-06-01T10:00:00Z"))
        diff = store.diff(first, second)
        again = store.diff(second, second)
        stored = store.get_run(second).scan
    assert (diff.router_before, diff.router_after, diff.router_changed) == (
        "Netgear R7000",
        "ASUS RT-AX86U",
        True,
    )
    assert not again.router_changed
    assert stored is not None and stored.current_router is not None
    assert stored.current_router.identified is not None
    assert stored.current_router.identified.evidence == ("UPnP modelName 'RT-AX86U'",)

    assert main(["history", "diff", "--db", str(db)]) == 0
    assert "Router changed: Netgear R7000 -> ASUS RT-AX86U" in capsys.readouterr().out
    assert main(["history", "diff", "--db", str(db), "--json"]) == 0
    router = json.loads(capsys.readouterr().out)["router"]
    assert router == {"before": "Netgear R7000", "after": "ASUS RT-AX86U", "changed": True}


def test_runs_without_an_identified_router_report_no_change(tmp_path: Path) -> None:
    with HistoryStore(tmp_path / "history.db") as store:
        first = store.save_run(factory.run([device(1)], created_at="2025-01-01T10:00:00Z"))
        second = store.save_run(_with_router("ASUS", "RT-AX86U", "2025-06-01T10:00:00Z"))
        diff = store.diff(first, second)
    assert diff.router_before is None and not diff.router_changed
