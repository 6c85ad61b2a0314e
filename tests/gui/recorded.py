"""Engines that replay recorded results (JSON fixtures), for the walk-through without root
and for the screenshots. They report progress and honour cancel like the real ones."""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from app.core.progress import CancelToken, ProgressCallback, ProgressUpdate
from app.core.router import Router
from app.core.scan import ScanResult
from app.core.speed import SpeedResult
from app.gui.engines import Engines

DATA = Path(__file__).resolve().parent / "data"
T = TypeVar("T")


def load_json(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def replay(result: T, seconds: float = 0.6, steps: int = 12,
           rate: Callable[[int], float | None] = lambda i: None
           ) -> Callable[[ProgressCallback, CancelToken], T]:
    """An engine that takes `seconds`, reports `steps` progress updates, then returns."""

    def run(progress: ProgressCallback, cancel: CancelToken) -> T:
        for i in range(steps):
            progress(ProgressUpdate((i + 1) / steps, f"Step {i + 1} of {steps}", rate(i)))
            if cancel.wait(seconds / steps):
                cancel.raise_if_cancelled()
        return result

    return run


def recorded_engines(seconds: float = 0.6, scan_file: str = "scan.json",
                     routers: Callable[[], list[Router]] | None = None) -> Engines:
    from app.services.catalog import load_routers

    speed = SpeedResult.from_dict(load_json("speed.json"))
    scan = ScanResult.from_dict(load_json(scan_file))
    return Engines(
        speed=replay(speed, seconds, rate=lambda i: 40.0 + 5 * i),
        scan=replay(scan, seconds),
        deeper_scan=replay(ScanResult.from_dict(load_json("scan2.json")), seconds),
        routers=routers or load_routers,
    )
