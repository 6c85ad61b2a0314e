"""What a walk says: the rooms and their ratings, which rooms are weak, how many nodes the home
needs, where to put them, and how a later walk compares room by room. Pure.

Without a floor plan, the order of the stops stands in for the layout: a person walks from a
room to the next one, so neighbouring stops are neighbouring rooms. That is how an installer
reads a walk too: coverage fades along the way, and a node goes between the last good room
and the first weak one.
"""

import math
from dataclasses import dataclass, field
from typing import Any

from router_advisor.core.walk import GOOD_SIGNAL_DBM, Walk, WalkStop
from router_advisor.core.wording import measured

# Rooms in a row that one new node can serve: a node covers its own room and about one room
# on either side through interior walls (the 140 m2 per node of core/needs.py is 3-4 rooms).
ROOMS_PER_NEW_NODE = 3
# A change smaller than this (in Mbit/s and as a share) is noise between two short tests.
CHANGE_MIN_MBPS = 5.0
CHANGE_MIN_SHARE = 0.15
SHORT_BANDS = ("5", "6")


def node_key(bssid: str | None) -> str | None:
    """One key per physical access point or node. A node has a BSSID per radio and network,
    which vendors derive from one base address by changing the last octet or setting the
    locally-administered bit of the first: octets 2 to 5 stay the same."""
    if not bssid:
        return None
    parts = bssid.lower().replace("-", ":").split(":")
    return ":".join(parts[1:5]) if len(parts) == 6 else bssid.lower()


def latest_per_room(stops: tuple[WalkStop, ...]) -> list[WalkStop]:
    """One stop per room (names compared without case): a room measured again keeps its
    latest numbers at the place in the walk where it was first measured."""
    order: list[str] = []
    latest: dict[str, WalkStop] = {}
    for stop in stops:
        key = stop.room.casefold()
        if key not in latest:
            order.append(key)
        latest[key] = stop
    return [latest[key] for key in order]


@dataclass(frozen=True)
class RoomChange:
    """One room measured in an earlier walk and in this one."""

    room: str
    before: WalkStop
    after: WalkStop
    new_node: bool  # served by a node the earlier walk never saw

    @property
    def text(self) -> str:
        b, a = self.before, self.after
        line = f"{self.room}: {b.download_mbps:.0f} -> {a.download_mbps:.0f} Mbit/s"
        if b.rating != a.rating:
            line += f" ({b.rating} -> {a.rating})"
        if self.new_node and a.download_mbps > b.download_mbps:
            line += " after the new node"
        return line

    def to_dict(self) -> dict[str, Any]:
        return {
            "room": self.room,
            "download_mbps_before": round(self.before.download_mbps, 1),
            "download_mbps_after": round(self.after.download_mbps, 1),
            "rating_before": self.before.rating,
            "rating_after": self.after.rating,
            "text": self.text,
        }


@dataclass(frozen=True)
class WalkReport:
    """A walk read as an installer would; `nodes_suggested` is None before the first stop."""

    walk: Walk
    rooms: tuple[WalkStop, ...]
    weak_rooms: tuple[str, ...]
    nodes_seen: int
    nodes_suggested: int | None
    advice: tuple[str, ...]
    changes: tuple[RoomChange, ...] = field(default=())
    compared_with: int | None = None  # the earlier walk's id

    def to_dict(self) -> dict[str, Any]:
        """The `walk report --json` shape: the agreed keys first."""
        return {
            "rooms": [s.to_dict() for s in self.rooms],
            "weak_rooms": list(self.weak_rooms),
            "nodes_suggested": self.nodes_suggested,
            "advice": list(self.advice),
            "walk_id": self.walk.id,
            "started_at": self.walk.started_at,
            "nodes_seen": self.nodes_seen,
            "compared_with": self.compared_with,
            "changes": [c.to_dict() for c in self.changes],
        }


def _bad(stop: WalkStop) -> bool:
    return stop.rating in ("weak", "dead")


def _groups(rooms: list[WalkStop]) -> list[tuple[int, int]]:
    """(first, last) index of each run of neighbouring rooms the signal does not reach."""
    runs: list[tuple[int, int]] = []
    for i, stop in enumerate(rooms):
        if not stop.needs_coverage:
            continue
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _describe(stop: WalkStop) -> str:
    parts: list[str] = [stop.rating]
    if stop.signal_dbm is not None:
        parts.append(f"{stop.signal_dbm} dBm")
    parts.append(f"{stop.throughput_mbps:.0f} Mbit/s")
    return f"{stop.room} ({', '.join(parts)})"


def _names(stops: list[WalkStop]) -> str:
    described = [_describe(s) for s in stops]
    return (
        described[0]
        if len(described) == 1
        else ", ".join(described[:-1]) + " and " + (described[-1])
    )


def _group_advice(rooms: list[WalkStop], first: int, last: int) -> str:
    group = rooms[first : last + 1]
    before = rooms[first - 1] if first > 0 else None
    after = rooms[last + 1] if last + 1 < len(rooms) else None
    fast_bands = {s.link.band for s in rooms if not s.needs_coverage and s.link and s.link.band}
    only = group[0]
    if (
        len(group) == 1
        and only.link is not None
        and only.link.band == "2.4"
        and fast_bands & set(SHORT_BANDS)
    ):
        return (
            f"2.4 GHz fallback in {_describe(only)}: the faster 5 GHz signal does not reach "
            "it. A wired access point there, or an outdoor node if it is a separate "
            "building, fixes it."
        )
    if len(group) == 1 and before is not None and after is not None:
        return (
            f"{_describe(only)} is behind walls from the router: {before.room} and "
            f"{after.room} on either side are fine. A node in {before.room}, near "
            f"{only.room}, fixes it."
        )
    count = math.ceil(len(group) / ROOMS_PER_NEW_NODE)
    nodes = "a node" if count == 1 else f"{count} nodes"
    if before is not None:
        return f"Add {nodes} between {before.room} and {group[0].room}: {_names(group)}."
    if after is not None:
        return f"Add {nodes} between {after.room} and {group[-1].room}: {_names(group)}."
    return (
        f"No room has a usable signal ({_names(group)}): check that the router is on and "
        "in the middle of the home, not in a cupboard or at one end, then walk again."
    )


def _backhaul_advice(stop: WalkStop) -> str | None:
    """Good signal yet little throughput: the node's own link back, or a busy channel."""
    if stop.signal_dbm is None or not _bad(stop) or stop.needs_coverage:
        return None
    strength = "good" if stop.signal_dbm >= GOOD_SIGNAL_DBM else "fair"
    return (
        f"The signal in {stop.room} is {strength} ({stop.signal_dbm} dBm) but only "
        f"{stop.throughput_mbps:.0f} Mbit/s got through: the node serving it has a weak link "
        "back to the router (connect it by cable, or move it closer), or the channel is busy."
    )


def _changes(rooms: list[WalkStop], earlier: Walk | None) -> tuple[RoomChange, ...]:
    if earlier is None:
        return ()
    before = {s.room.casefold(): s for s in latest_per_room(earlier.stops)}
    known_nodes = {node_key(s.link.bssid) for s in earlier.stops if s.link}
    changes = []
    for stop in rooms:
        old = before.get(stop.room.casefold())
        if old is None:
            continue
        delta = stop.download_mbps - old.download_mbps
        moved = abs(delta) >= max(CHANGE_MIN_MBPS, CHANGE_MIN_SHARE * old.download_mbps)
        if not moved and old.rating == stop.rating:
            continue
        node = node_key(stop.link.bssid) if stop.link else None
        changes.append(
            RoomChange(stop.room, old, stop, node is not None and node not in known_nodes)
        )
    return tuple(changes)


def walk_report(walk: Walk, earlier: Walk | None = None) -> WalkReport:
    """Rate, count nodes and advise; compare with `earlier` (the walk before) room by room."""
    rooms = latest_per_room(walk.stops)
    if not rooms:
        return WalkReport(
            walk,
            (),
            (),
            0,
            None,
            (
                "No rooms measured yet: press Measure here (or run `walk measure --room NAME`) in "
                "each room, starting next to the router.",
            ),
        )
    nodes = {node_key(s.link.bssid) for s in rooms if s.link is not None and s.link.bssid}
    seen = len(nodes)
    # A node that serves only rooms it does not reach is in the wrong place: the new nodes
    # replace it.
    covering = {
        node_key(s.link.bssid) for s in rooms if s.link and s.link.bssid and not s.needs_coverage
    }
    groups = _groups(rooms)
    extra = sum(math.ceil((last - first + 1) / ROOMS_PER_NEW_NODE) for first, last in groups)
    advice = [_group_advice(rooms, first, last) for first, last in groups]
    advice += [a for a in (_backhaul_advice(s) for s in rooms) if a is not None]
    if not groups:
        who = f"Your {seen} nodes cover" if seen > 1 else "One router covers"
        if any(_bad(s) for s in rooms):
            advice.insert(0, f"{who} your home: the signal reaches every room you measured.")
        else:
            advice.insert(0, f"{who} your home: every room you measured is good or fair.")
    if any(s.target == "internet" for s in rooms):
        advice.append(
            "Some rooms were measured to an internet speed server, so their numbers include "
            "your internet line; run `router-advisor serve-speed` on a wired computer to "
            "measure the Wi-Fi alone."
        )
    changes = _changes(rooms, earlier)
    return WalkReport(
        walk=walk,
        rooms=tuple(rooms),
        weak_rooms=tuple(s.room for s in rooms if _bad(s)),
        nodes_seen=seen,
        nodes_suggested=max(1, len(covering)) + extra,
        advice=tuple(advice),
        changes=changes,
        compared_with=earlier.id if earlier is not None else None,
    )


def room_cells(stop: WalkStop) -> tuple[str, ...]:
    """One room of a walk as the walk window and every report show it: room, rating,
    signal, band, download, upload, delay, node (BSSID)."""
    link = stop.link
    return (
        stop.room,
        stop.rating,
        "wired / no Wi-Fi" if link is None else measured(stop.signal_dbm, "dBm"),
        f"{link.band} GHz" if link and link.band else "",
        measured(stop.download_mbps, "Mbit/s"),
        measured(stop.upload_mbps, "Mbit/s"),
        measured(stop.latency_ms, "ms"),
        (link.bssid or "") if link else "",
    )
