"""Use case: measure the internet connection, or take the plan's speeds typed in by hand."""

import logging
import os
import threading
import time
from urllib.parse import urlsplit

from router_advisor.core.bufferbloat import bufferbloat_grade, latency_increase
from router_advisor.core.progress import (
    CancelToken,
    ProgressCallback,
    ProgressUpdate,
    ignore_progress,
)
from router_advisor.core.speed import DIRECTORY_ENV, ServerInfo, SpeedResult
from router_advisor.core.verdicts import LineFacts, speed_verdicts
from router_advisor.errors import UserInputError
from router_advisor.net.speed_engine import EngineSettings, SpeedEngine, run_cancellable
from router_advisor.net.speedtest_adapter import (
    check_server_id,
    nearby_servers,
    parse_server_url,
    select_server,
    self_hosted,
)

log = logging.getLogger(__name__)
MIN_SECONDS, MAX_SECONDS = 4.0, 60.0
MAX_PLAN_MBPS = 100_000.0
NEARBY_LIMIT = 10


def resolve_directory(given: str | None) -> str | None:
    """The directory to use: `given` when set (even blank: it is then refused), else the
    environment's ROUTER_ADVISOR_SPEEDTEST_DIRECTORY (blank counts as unset), for every
    caller alike: `speed`, `run`, the walk test and the app."""
    return given if given is not None else (os.environ.get(DIRECTORY_ENV) or None)


def list_nearby_servers(
    directory: str | None = None,
    progress: ProgressCallback = ignore_progress,
    cancel: CancelToken | None = None,
    settings: EngineSettings | None = None,
) -> list[ServerInfo]:
    """The nearest speedtest.net (or `directory`) servers, nearest first, to pick from."""
    cancel = cancel or CancelToken()
    settings = settings or EngineSettings()
    directory = resolve_directory(directory)
    progress(ProgressUpdate(None, "Fetching the list of nearby servers"))
    shutdown = threading.Event()
    servers: list[ServerInfo] = run_cancellable(
        lambda: nearby_servers(directory, NEARBY_LIMIT, settings.io_timeout_s, shutdown),
        cancel,
        on_cancel=shutdown.set,
    )
    log.info("nearby servers from %s: %d", directory or "www.speedtest.net", len(servers))
    return servers


def measure(
    server_url: str | None = None,
    server_id: str | None = None,
    max_seconds: float = 12.0,
    progress: ProgressCallback = ignore_progress,
    cancel: CancelToken | None = None,
    directory_url: str | None = None,
    settings: EngineSettings | None = None,
) -> SpeedResult:
    """Run a speed test: `server_url` (self-hosted, nothing from speedtest.net), `server_id`,
    or the lowest-latency nearby speedtest.net server. `directory_url` (else the
    ROUTER_ADVISOR_SPEEDTEST_DIRECTORY variable) replaces www.speedtest.net as the source of
    the configuration and server list.

    A given but blank `server_url` or `directory_url` is refused: falling back to
    speedtest.net would send traffic out when the person asked for their own server."""
    if server_url is not None and server_id is not None:
        raise UserInputError(
            "A speed-test server was given both by URL and by id; give one of them.",
            cli_hint="--server-url or --server-id, not both",
        )
    directory_url = resolve_directory(directory_url)
    if directory_url is not None:
        check_directory_url(directory_url)
    check_max_seconds(max_seconds)
    log.info(
        "speed test: server %s, directory %s, at most %.0f s",
        server_url or (f"id {server_id}" if server_id else "nearest"),
        directory_url or "www.speedtest.net",
        max_seconds,
    )
    cancel = cancel or CancelToken()
    settings = settings or EngineSettings()
    started = time.monotonic()
    if server_url is not None:
        endpoint, plan = self_hosted(server_url)
    else:
        progress(ProgressUpdate(0.0, "Choosing the nearest speed-test server"))
        shutdown = threading.Event()
        endpoint, plan = run_cancellable(
            lambda: select_server(server_id, directory_url, settings.io_timeout_s, shutdown),
            cancel,
            on_cancel=shutdown.set,
        )
    remaining = max(MIN_SECONDS / 2, max_seconds - (time.monotonic() - started))
    result = SpeedEngine(endpoint, plan, remaining, progress, cancel, settings).run()
    increase = latency_increase(
        result.idle_latency_ms, result.download.loaded_latency_ms, result.upload.loaded_latency_ms
    )
    upload_increase = latency_increase(result.idle_latency_ms, result.upload.loaded_latency_ms)
    facts = LineFacts(
        result.download.mbps,
        result.upload.mbps,
        result.idle_latency_ms,
        result.jitter_ms,
        increase,
        upload_increase,
    )
    progress(ProgressUpdate(1.0, "Done"))
    log.info(
        "speed test against %s: down %.1f, up %.1f Mbit/s, idle %.1f ms, took %.1f s",
        result.endpoint.info.url if result.endpoint.info else endpoint.label,
        result.download.mbps,
        result.upload.mbps,
        result.idle_latency_ms,
        time.monotonic() - started,
    )
    return SpeedResult(
        server=result.endpoint.info,
        download_mbps=result.download.mbps,
        upload_mbps=result.upload.mbps,
        idle_latency_ms=round(result.idle_latency_ms, 2),
        jitter_ms=round(result.jitter_ms, 2),
        loaded_latency_download_ms=_round(result.download.loaded_latency_ms),
        loaded_latency_upload_ms=_round(result.upload.loaded_latency_ms),
        bufferbloat_grade=bufferbloat_grade(increase) if increase is not None else None,
        verdicts=speed_verdicts(facts),
        duration_s=time.monotonic() - started,
    )


def check_server_choice(server_url: str | None, server_id: str | None) -> None:
    """Refuse a self-hosted URL or a speedtest.net server id that cannot be one, before any
    network: the app checks a server the person types as the CLI checks its options."""
    if server_url is not None:
        parse_server_url(server_url)
    if server_id is not None:
        check_server_id(server_id)


def check_max_seconds(max_seconds: float) -> None:
    if not MIN_SECONDS <= max_seconds <= MAX_SECONDS:
        raise UserInputError(
            f"The speed test's time limit must be between {MIN_SECONDS:.0f} and "
            f"{MAX_SECONDS:.0f} seconds, not {max_seconds:g}.",
            cli_hint="--max-seconds sets it",
        )


def check_directory_url(url: str) -> None:
    """Refuse a directory URL that is not http(s)://HOST[:PORT][/PATH]."""
    try:
        parts = urlsplit(url.strip())
        valid = parts.scheme in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018  (raises ValueError for a port that is not one)
    except ValueError:
        valid = False
    if not valid:
        raise UserInputError(
            f"The directory URL {url!r} is not valid: give it as http://HOST[:PORT]/",
            cli_hint="or leave --directory-url out",
        )


# The same limit as the answers file's [isp] latency_ms: a geostationary satellite is ~600.
MAX_TYPED_LATENCY_MS = 5000.0


def manual_speed(
    download_mbps: float, upload_mbps: float, idle_latency_ms: float | None = None
) -> SpeedResult:
    """The plan's speeds (and, when known, its idle latency) typed in by hand, for when the
    test is blocked or offline. Nothing under load is known, so no bufferbloat grade."""
    for label, value in (("download", download_mbps), ("upload", upload_mbps)):
        if not 0 < value <= MAX_PLAN_MBPS:
            raise UserInputError(
                f"The {label} speed must be a number of Mbit/s above 0 and at "
                f"most {MAX_PLAN_MBPS:.0f}, e.g. 300."
            )
    if idle_latency_ms is not None and not 0 < idle_latency_ms <= MAX_TYPED_LATENCY_MS:
        raise UserInputError(
            f"The idle latency must be a number of ms above 0 and at most "
            f"{MAX_TYPED_LATENCY_MS:.0f}, e.g. 12 (fibre) or 600 (satellite)."
        )
    return SpeedResult(
        server=None,
        download_mbps=download_mbps,
        upload_mbps=upload_mbps,
        idle_latency_ms=idle_latency_ms,
        jitter_ms=None,
        loaded_latency_download_ms=None,
        loaded_latency_upload_ms=None,
        bufferbloat_grade=None,
        verdicts=speed_verdicts(LineFacts(download_mbps, upload_mbps, idle_latency_ms)),
        manual=True,
    )


def _round(value: float | None) -> float | None:
    return round(value, 2) if value is not None else None
