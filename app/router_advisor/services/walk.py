"""Use cases of the walk test: measure a stop in a room, keep it in the current walk, undo
it, start a new walk, and read a walk's report (compared with the walk before).

A stop takes about ten seconds: the Wi-Fi link from the OS, then a short speed test to a
serve-speed server in the home when one is announced (or given), else to an internet speed
server. A failed stop (the server vanished, a cancel) saves nothing; the earlier stops stay.
"""

import ipaddress
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from router_advisor.core.progress import (
    CancelToken,
    ProgressCallback,
    ProgressUpdate,
    ignore_progress,
)
from router_advisor.core.scan import WifiLink
from router_advisor.core.walk import MAX_ROOM_CHARS, Walk, WalkStop
from router_advisor.core.walk_report import WalkReport, walk_report
from router_advisor.errors import RuntimeFailure, UserInputError
from router_advisor.history.store import HistoryStore
from router_advisor.history.walks import WalkNotFound, WalkStore
from router_advisor.services.history import now_iso

STOP_SPEED_SECONDS = 6.0  # with the link reading and finding a server: a stop within ~10 s
FIND_SERVER_SECONDS = 1.0

WifiReader = Callable[[], WifiLink | None]
ServerFinder = Callable[[CancelToken], str | None]


def read_link() -> WifiLink | None:
    """This computer's Wi-Fi link now, from the OS (net.wifi_link)."""
    from router_advisor.net.wifi_link import current_link

    return current_link()


def find_lan_server(cancel: CancelToken) -> str | None:
    """The URL of a serve-speed server announced in the home, if one answers in a second."""
    from router_advisor.net.speed_announce import find_servers

    found = find_servers(FIND_SERVER_SECONDS, cancel)
    return found[0].url if found else None


@dataclass(frozen=True)
class StopTools:
    """Where a stop's readings come from; tests inject a recorded Wi-Fi reading, since a
    namespace has no radio."""

    wifi: WifiReader = read_link
    find_server: ServerFinder = find_lan_server


def clean_room(room: str) -> str:
    name = " ".join((room or "").split())
    if not all(ch.isprintable() for ch in name):
        raise UserInputError(
            "The room name holds control characters; type it as plain text, e.g. 'Bedroom 2'."
        )
    if not name:
        raise UserInputError("Name the room, e.g. --room 'Bedroom 2'.")
    if len(name) > MAX_ROOM_CHARS:
        raise UserInputError(
            f"The room name is {len(name)} characters long; keep it to {MAX_ROOM_CHARS}."
        )
    return name


def _target(url: str) -> Literal["lan", "internet"]:
    host = urlsplit(url).hostname or ""
    try:
        return "lan" if ipaddress.ip_address(host).is_private else "internet"
    except ValueError:
        return "lan" if host.endswith(".local") or "." not in host else "internet"


def measure_stop(
    room: str,
    server_url: str | None = None,
    *,
    tools: StopTools | None = None,
    progress: ProgressCallback = ignore_progress,
    cancel: CancelToken | None = None,
    max_seconds: float = STOP_SPEED_SECONDS,
) -> WalkStop:
    """Measure one room: the link, then throughput and latency to `server_url`, else to a
    serve-speed server found in the home, else to the nearest internet speed server."""
    from router_advisor.services.speed import measure

    room = clean_room(room)
    tools = tools or StopTools()
    cancel = cancel or CancelToken()
    progress(ProgressUpdate(0.0, f"Reading the Wi-Fi link in {room}"))
    link = tools.wifi()
    cancel.raise_if_cancelled()
    if server_url is None:
        progress(ProgressUpdate(0.05, "Looking for a speed server in your home"))
        server_url = tools.find_server(cancel)
    target: Literal["lan", "internet"] = "internet" if server_url is None else _target(server_url)
    try:
        result = measure(
            server_url=server_url, max_seconds=max_seconds, progress=progress, cancel=cancel
        )
    except RuntimeFailure as exc:
        where = server_url or "the internet speed server"
        raise RuntimeFailure(
            f"The test in {room} did not finish ({exc}); nothing was saved for {room}, the "
            f"rooms measured before are kept. Check that {where} is running, then measure "
            f"{room} again."
        ) from exc
    return WalkStop(
        room=room,
        measured_at=now_iso(),
        link=link,
        download_mbps=result.download_mbps,
        upload_mbps=result.upload_mbps,
        latency_ms=result.idle_latency_ms,
        target=target,
        server=result.server.url if result.server else server_url,
    )


def current_walk(store: HistoryStore) -> Walk:
    """The walk new stops go to; the first one is made when there is none."""
    walks = WalkStore(store.db)
    walk_id = walks.current_id()
    if walk_id is None:
        walk_id = walks.new_walk(now_iso())
    return walks.get(walk_id)


def new_walk(store: HistoryStore) -> Walk:
    walks = WalkStore(store.db)
    return walks.get(walks.new_walk(now_iso()))


def keep_stop(store: HistoryStore, stop: WalkStop) -> Walk:
    """Add a measured stop to the current walk; return the walk as it is now."""
    walk = current_walk(store)
    walks = WalkStore(store.db)
    walks.add_stop(walk.id, stop)
    return walks.get(walk.id)


def undo_last(store: HistoryStore) -> WalkStop | None:
    walks = WalkStore(store.db)
    walk_id = walks.current_id()
    return None if walk_id is None else walks.undo_last(walk_id)


def report(store: HistoryStore, walk_id: int | None = None) -> WalkReport:
    """The report of walk `walk_id` (default: the current one), compared with the walk
    before it."""
    walks = WalkStore(store.db)
    if walk_id is None:
        current = walks.current_id()
        if current is None:
            return walk_report(Walk(0, now_iso()))
        walk_id = current
    try:
        walk = walks.get(walk_id)
    except WalkNotFound:
        raise UserInputError(
            f"There is no walk {walk_id}; `router-advisor walk list` shows the saved walks."
        ) from None
    return walk_report(walk, walks.before(walk_id))


def list_walks(store: HistoryStore) -> list[tuple[int, str, int, int | None]]:
    return WalkStore(store.db).list_walks()


def measured_nodes(store: HistoryStore) -> int | None:
    """The node count the current walk suggests (None: no walk with stops yet)."""
    walks = WalkStore(store.db)
    walk_id = walks.current_id()
    if walk_id is None:
        return None
    return walk_report(walks.get(walk_id)).nodes_suggested
