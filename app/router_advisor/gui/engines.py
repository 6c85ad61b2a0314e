"""The engines the wizard drives, as plain callables bound to `Settings`.

The window only sees `Engines`; `real_engines` binds the router_advisor.services use cases to the
settings (interface, subnet, speed server), and tests bind the same fields to a namespace
lab or to recorded results. Imports of the services happen on first use, so the window
appears before the engines' own imports (scapy, speedtest-cli) are paid for.
"""

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from router_advisor.core.current_router import CurrentRouterReport
from router_advisor.core.progress import CancelToken, ProgressCallback
from router_advisor.core.router import Router
from router_advisor.core.scan import ScanResult
from router_advisor.core.speed import ServerInfo, SpeedResult
from router_advisor.core.walk import WalkStop
from router_advisor.gui.settings import Settings

Measure = Callable[[ProgressCallback, CancelToken], Any]


NameRouter = Callable[[str, SpeedResult | None, ScanResult | None], CurrentRouterReport]


@dataclass(frozen=True)
class Engines:
    """What the GUI can run. `deeper_scan` is None where no privileged helper exists. The
    speed test and the server list take the settings as they are when started, so a server
    picked in the window is used at once. `settings_problem` says why settings.toml could
    not be read (the window shows it); None when it was fine."""

    speed: Callable[[ProgressCallback, CancelToken, Settings], SpeedResult]
    scan: Callable[[ProgressCallback, CancelToken], ScanResult]
    deeper_scan: Callable[[ProgressCallback, CancelToken], ScanResult] | None
    routers: Callable[[], list[Router]]
    nearby_servers: Callable[[ProgressCallback, CancelToken, Settings], list[ServerInfo]]
    settings: Settings = field(default_factory=Settings)
    # Imports a price list or catalog file and returns the summary line; None: no import.
    import_catalog: Callable[[Path], str] | None = None
    # Sets a damaged catalog aside, builds it anew and says what it did; None: not offered.
    rebuild_catalog: Callable[[], str] | None = None
    # The router a person names (brand and model), judged on the line and scan so far;
    # and every model name it understands. None: the Devices page offers no naming.
    name_router: (
        Callable[[str, SpeedResult | None, ScanResult | None], CurrentRouterReport] | None
    ) = None
    router_names: Callable[[], list[str]] | None = None
    # The walk test: one stop in the named room (the link from the OS and a short speed
    # test); and the speed server run on this computer until cancelled, telling the URL
    # clients use. None: the walk window is not offered.
    walk_stop: Callable[[str, ProgressCallback, CancelToken], WalkStop] | None = None
    serve_speed: Callable[[Callable[[str], None], CancelToken], None] | None = None
    settings_problem: str | None = None


def real_engines(settings: Settings, settings_problem: str | None = None) -> Engines:
    """The engines of router_advisor.services, pointed where `settings` says."""

    def speed(progress: ProgressCallback, cancel: CancelToken, chosen: Settings) -> SpeedResult:
        from router_advisor.services.speed import measure

        return measure(
            server_url=chosen.server_url,
            server_id=chosen.server_id,
            max_seconds=chosen.speed_max_seconds,
            progress=progress,
            cancel=cancel,
            directory_url=chosen.directory_url,
        )

    def nearby_servers(
        progress: ProgressCallback, cancel: CancelToken, chosen: Settings
    ) -> list[ServerInfo]:
        from router_advisor.services.speed import list_nearby_servers

        return list_nearby_servers(chosen.directory_url, progress, cancel)

    def scan(progress: ProgressCallback, cancel: CancelToken) -> ScanResult:
        from router_advisor.services.scan import scan as run_scan

        return run_scan(
            settings.iface,
            settings.cidr,
            method=settings.scan_method,
            allow_large=settings.allow_large,
            progress=progress,
            cancel=cancel,
        )

    def routers() -> list[Router]:
        from router_advisor.services.catalog import load_routers

        return load_routers()

    def import_catalog(path: Path) -> str:
        from router_advisor.services.catalog import import_file, import_summary

        return import_summary(path.name, import_file(path))

    def rebuild_catalog() -> str:
        from router_advisor.services.catalog import build_catalog, rebuild_summary

        return rebuild_summary(*build_catalog(force=True))

    def deeper_scan(progress: ProgressCallback, cancel: CancelToken) -> ScanResult:
        from router_advisor.services.scan import privileged_scan

        return privileged_scan(
            settings.iface,
            settings.cidr,
            allow_large=settings.allow_large,
            progress=progress,
            cancel=cancel,
        )

    def name_router(
        model: str, speed: SpeedResult | None, scan: ScanResult | None
    ) -> CurrentRouterReport:
        from router_advisor.services.current import check_current_router

        return check_current_router(model=model, speed=speed, scan=scan)

    def router_names() -> list[str]:
        from router_advisor.services.current import known_router_names

        return known_router_names()

    def walk_stop(room: str, progress: ProgressCallback, cancel: CancelToken) -> WalkStop:
        from router_advisor.services.walk import measure_stop

        return measure_stop(room, settings.server_url, progress=progress, cancel=cancel)

    def serve_speed(ready: Callable[[str], None], cancel: CancelToken) -> None:
        from router_advisor.services.serve_speed import DEFAULT_PORT, serve

        serve(None, DEFAULT_PORT, from_gui=True, ready=ready, cancel=cancel)

    # The helper runs through pkexec, which only Linux has; elsewhere the Devices page shows
    # the scan's own note instead of the button.
    return Engines(
        speed=speed,
        scan=scan,
        deeper_scan=deeper_scan if sys.platform.startswith("linux") else None,
        routers=routers,
        nearby_servers=nearby_servers,
        settings=settings,
        import_catalog=import_catalog,
        rebuild_catalog=rebuild_catalog,
        name_router=name_router,
        router_names=router_names,
        walk_stop=walk_stop,
        serve_speed=serve_speed,
        settings_problem=settings_problem,
    )
