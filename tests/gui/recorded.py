"""Engines that replay recorded results (JSON fixtures), for the walk-through without root
and for the screenshots. They report progress and honour cancel like the real ones."""

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from router_advisor.core.bufferbloat import bufferbloat_grade, latency_increase
from router_advisor.core.progress import CancelToken, ProgressCallback, ProgressUpdate
from router_advisor.core.router import Router
from router_advisor.core.scan import ScanResult, WifiLink
from router_advisor.core.speed import ServerInfo, SpeedResult
from router_advisor.core.verdicts import LineFacts, speed_verdicts
from router_advisor.core.walk import WalkStop
from router_advisor.gui.engines import Engines

DATA = Path(__file__).resolve().parent / "data"
T = TypeVar("T")


def load_json(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def measured_speed(data: dict[str, Any], **changes: Any) -> SpeedResult:
    """A recorded speed result with `changes` (speeds, latencies), its grade and verdicts
    computed as the speed service computes them, so no fixture can disagree with them."""
    data = data | changes
    loaded = data["loaded_latency_ms"]
    idle = data["idle_latency_ms"]
    increase = latency_increase(idle, loaded["download"], loaded["upload"])
    facts = LineFacts(
        data["download_mbps"],
        data["upload_mbps"],
        idle,
        data["jitter_ms"],
        increase,
        latency_increase(idle, loaded["upload"]),
    )
    result = SpeedResult.from_dict(
        data | {"bufferbloat_grade": bufferbloat_grade(increase) if increase is not None else None}
    )
    return replace(result, verdicts=speed_verdicts(facts))


# A nearby-server list as speedtest.net's directory would give it, nearest first.
NEARBY = [
    ServerInfo(
        "http://speedtest.example-fibre.nl:8080/speedtest/upload.php",
        "31590",
        "Amsterdam",
        "Example Fibre",
        "Netherlands",
        3.2,
    ),
    ServerInfo(
        "http://speed.example-cable.nl:8080/speedtest/upload.php",
        "20005",
        "Utrecht",
        "Example Cable",
        "Netherlands",
        36.0,
    ),
]


def replay(
    result: T,
    seconds: float = 0.6,
    steps: int = 12,
    rate: Callable[[int], float | None] = lambda i: None,
) -> Callable[..., T]:
    """An engine that takes `seconds`, reports `steps` progress updates, then returns. It
    takes and ignores what else the real engine takes (the speed test's settings)."""

    def run(progress: ProgressCallback, cancel: CancelToken, *_: object) -> T:
        for i in range(steps):
            progress(ProgressUpdate((i + 1) / steps, f"Step {i + 1} of {steps}", rate(i)))
            if cancel.wait(seconds / steps):
                cancel.raise_if_cancelled()
        return result

    return run


# A recorded walk: room -> (Wi-Fi reading in tests/fixtures/wifi/walk, download, upload,
# latency). The readings are recorded OS outputs; the numbers are what such rooms measure.
WALK_PLAN: dict[str, tuple[str, float, float, float]] = {
    "Living room": ("netsh_strong.txt", 612.0, 540.0, 3.1),
    "Hall": ("macos_strong.txt", 388.0, 301.0, 4.0),
    "Bedroom 2": ("netsh_weak.txt", 38.0, 22.0, 18.5),
    "Kitchen": ("macos_fair.txt", 152.0, 120.0, 5.2),
    "Garden office": ("iw_link_weak.txt", 9.0, 4.1, 41.0),
}
WIFI_FIXTURES = DATA.parent.parent / "fixtures" / "wifi" / "walk"


def recorded_link(fixture: str) -> WifiLink | None:
    """A Wi-Fi reading parsed from a recorded OS output, as the walk reads it."""
    from router_advisor.net.wifi_parsers import (
        parse_iw_link,
        parse_netsh_interfaces,
        parse_system_profiler_link,
    )

    parse = {
        "iw": parse_iw_link,
        "netsh": parse_netsh_interfaces,
        "macos": parse_system_profiler_link,
    }[fixture.split("_")[0]]
    text = (WIFI_FIXTURES / fixture).read_text(encoding="utf-8")
    return parse("\n".join(x for x in text.splitlines() if not x.startswith("#")))


def walk_engine(
    seconds: float = 0.6, plan: dict[str, tuple[str, float, float, float]] = WALK_PLAN
) -> Callable[[str, ProgressCallback, CancelToken], WalkStop]:
    """A walk stop that replays `plan` (an unknown room: a wired stop at 300 Mbit/s)."""

    def stop(room: str, progress: ProgressCallback, cancel: CancelToken) -> WalkStop:
        fixture, down, up, ms = plan.get(room, ("", 300.0, 300.0, 2.0))
        result = WalkStop(
            room=room,
            measured_at="2026-12-01T10:00:00Z",
            link=recorded_link(fixture) if fixture else None,
            download_mbps=down,
            upload_mbps=up,
            latency_ms=ms,
            server="http://192.168.1.20:8080/speedtest/upload.php",
        )
        return replay(result, seconds, rate=lambda i: down * (i + 1) / 12)(progress, cancel)

    return stop


def recorded_engines(
    seconds: float = 0.6,
    scan_file: str = "scan.json",
    routers: Callable[[], list[Router]] | None = None,
) -> Engines:
    from router_advisor.services.catalog import (
        build_catalog,
        import_file,
        import_summary,
        load_routers,
        rebuild_summary,
    )
    from router_advisor.services.current import check_current_router, known_router_names

    speed = SpeedResult.from_dict(load_json("speed.json"))
    scan = ScanResult.from_dict(load_json(scan_file))
    return Engines(
        speed=replay(speed, seconds, rate=lambda i: 40.0 + 5 * i),
        scan=replay(scan, seconds),
        deeper_scan=replay(ScanResult.from_dict(load_json("scan2.json")), seconds),
        routers=routers or load_routers,
        import_catalog=lambda path: import_summary(path.name, import_file(path)),
        rebuild_catalog=lambda: rebuild_summary(*build_catalog(force=True)),
        name_router=lambda model, speed, scan: check_current_router(
            model=model, speed=speed, scan=scan
        ),
        router_names=known_router_names,
        walk_stop=walk_engine(seconds),
        nearby_servers=replay(NEARBY, seconds / 4, steps=2),
    )


# Older runs for the history's charts: (months ago, download, upload, busy delay, devices
# fewer than scan.json). The busy delay is the upload-loaded one; downloads load 70 % of it.
HISTORY_SEED = ((3, 48.2, 9.6, 310.0, 4), (2, 51.0, 9.9, 280.0, 2), (1, 97.5, 19.4, 150.0, 1))


def seed_history() -> None:
    """Save the HISTORY_SEED runs, a month apart, into the history of this data folder."""
    import datetime

    from router_advisor.history.records import NewRun
    from router_advisor.services.history import open_history

    speed, scan = load_json("speed.json"), load_json("scan.json")
    now = datetime.datetime.now(datetime.UTC)
    with open_history() as store:
        for months, down, up, busy, drop in HISTORY_SEED:
            older = measured_speed(
                speed,
                download_mbps=down,
                upload_mbps=up,
                loaded_latency_ms={"download": busy * 0.7, "upload": busy},
            )
            seen = scan | {"devices": scan["devices"][:-drop]}
            store.save_run(
                NewRun(
                    created_at=(now - datetime.timedelta(days=30 * months)).isoformat(),
                    app_version="0.1.0",
                    answers=load_json("answers.json"),
                    speed=older,
                    scan=ScanResult.from_dict(seen),
                )
            )


# An earlier walk, before anything changed: the walk window compares the rooms with it.
EARLIER_WALK: dict[str, tuple[str, float, float, float]] = {
    "Living room": ("netsh_strong.txt", 590.0, 520.0, 3.0),
    "Bedroom 2": ("netsh_dead.txt", 12.0, 6.0, 60.0),
}


def seed_earlier_walk() -> None:
    """Save EARLIER_WALK as a finished walk and start a new, empty one after it."""
    from router_advisor.core.progress import ignore_progress
    from router_advisor.services import walk
    from router_advisor.services.history import open_history

    engine = walk_engine(0.0, EARLIER_WALK)
    with open_history() as store:
        walk.new_walk(store)
        for room in EARLIER_WALK:
            walk.keep_stop(store, engine(room, ignore_progress, CancelToken()))
        walk.new_walk(store)
