"""The room-by-room walk test: one stop per room, each rated good / fair / weak / dead. Pure.

A stop holds what the laptop saw in that room: its Wi-Fi link (None when it was wired or
not on Wi-Fi) and a short throughput and latency test. The rating is the worse of what the
signal and the throughput say; each threshold below names where its number comes from.
"""

from dataclasses import dataclass
from typing import Any, Literal, get_args

from router_advisor.core.scan import WifiLink

Rating = Literal["good", "fair", "weak", "dead"]
RATINGS: tuple[Rating, ...] = get_args(Rating)  # best first

# -- signal (dBm, as the OS reports the received signal strength) --------------------------
# -67 dBm is the minimum that enterprise Wi-Fi design guides ask for voice and video at the
# cell edge (Cisco "Voice over Wireless LAN Design Guide": -67 dBm or better).
GOOD_SIGNAL_DBM = -67
# Below -75 dBm clients drop to low data rates and calls break up; common enterprise design
# guides put the edge of data-only coverage at -70 to -75 dBm.
FAIR_SIGNAL_DBM = -75
# Around -85 dBm a link holds only the lowest rates (the IEEE 802.11 OFDM PHY asks a
# receiver for -82 dBm sensitivity at its slowest rate, 6 Mbit/s): unusable in practice.
WEAK_SIGNAL_DBM = -85

# -- throughput to the speed server (Mbit/s, the lower of download and upload) -------------
# Several 4K streams at once: Netflix asks 15-25 Mbit/s per 4K stream.
GOOD_MBPS = 100.0
# One 4K stream or a few HD ones (Netflix: 25 Mbit/s for 4K).
FAIR_MBPS = 25.0
# A 1080p video call: Zoom asks 3.8 Mbit/s up and 3.0 down for 1080p group calls.
WEAK_MBPS = 3.0
# Interactive use suffers past this many ms to a server inside the home (a LAN round trip is
# a few ms; Wi-Fi retries at the edge of coverage push it into the tens).
SLOW_LAN_LATENCY_MS = 50.0

WIRED_NOTE = "Wired or not on Wi-Fi here: no signal to read; the throughput is the cable's."


def signal_rating(dbm: int) -> Rating:
    """What the received signal alone says about a room."""
    if dbm >= GOOD_SIGNAL_DBM:
        return "good"
    if dbm >= FAIR_SIGNAL_DBM:
        return "fair"
    if dbm >= WEAK_SIGNAL_DBM:
        return "weak"
    return "dead"


def throughput_rating(mbps: float) -> Rating:
    """What the measured throughput alone says about a room."""
    if mbps >= GOOD_MBPS:
        return "good"
    if mbps >= FAIR_MBPS:
        return "fair"
    if mbps >= WEAK_MBPS:
        return "weak"
    return "dead"


def worse(a: Rating, b: Rating) -> Rating:
    return a if RATINGS.index(a) >= RATINGS.index(b) else b


@dataclass(frozen=True)
class WalkStop:
    """One room of a walk. `link` is None when the laptop was wired or not on Wi-Fi there;
    `target` says what the throughput was measured to: "lan" (a serve-speed server in the
    home, which shows the Wi-Fi) or "internet" (which also shows the internet line)."""

    room: str
    measured_at: str  # ISO 8601, UTC
    link: WifiLink | None
    download_mbps: float
    upload_mbps: float
    latency_ms: float | None
    target: Literal["lan", "internet"] = "lan"
    server: str | None = None

    @property
    def throughput_mbps(self) -> float:
        """The lower direction: a room is only as good as its slower way."""
        return min(self.download_mbps, self.upload_mbps)

    @property
    def signal_dbm(self) -> int | None:
        return self.link.signal_dbm if self.link is not None else None

    @property
    def link_mbps(self) -> float | None:
        if self.link is None:
            return None
        return self.link.tx_rate_mbps or self.link.rx_rate_mbps

    @property
    def rating(self) -> Rating:
        """The worse of signal and throughput. Measured to an internet server, the
        throughput is the internet line's as much as the Wi-Fi's, so the signal alone rates
        the room when the OS gave one."""
        if self.target == "internet" and self.signal_dbm is not None:
            return signal_rating(self.signal_dbm)
        rating = throughput_rating(self.throughput_mbps)
        if self.signal_dbm is not None:
            rating = worse(rating, signal_rating(self.signal_dbm))
        return rating

    @property
    def needs_coverage(self) -> bool:
        """Weak or dead because the signal does not reach: a good or fair signal with little
        throughput is the serving node's own link or a busy channel, which a new node does
        not fix."""
        if self.rating not in ("weak", "dead"):
            return False
        return self.signal_dbm is None or signal_rating(self.signal_dbm) in ("weak", "dead")

    @property
    def note(self) -> str | None:
        return WIRED_NOTE if self.link is None else None

    def to_dict(self) -> dict[str, Any]:
        """The `walk measure --json` shape: the agreed keys first, then the details."""
        link = self.link
        return {
            "room": self.room,
            "signal_dbm": self.signal_dbm,
            "link_mbps": self.link_mbps,
            "band": link.band if link else None,
            "bssid": link.bssid if link else None,
            "download_mbps": round(self.download_mbps, 1),
            "upload_mbps": round(self.upload_mbps, 1),
            "latency_ms": None if self.latency_ms is None else round(self.latency_ms, 1),
            "rating": self.rating,
            "noise_dbm": link.noise_dbm if link else None,
            "channel": link.channel if link else None,
            "channel_width_mhz": link.channel_width_mhz if link else None,
            "standard": link.standard if link else None,
            "target": self.target,
            "server": self.server,
            "measured_at": self.measured_at,
            "note": self.note,
        }

    def to_record(self) -> dict[str, Any]:
        """What the history keeps: the whole link, so nothing the OS said is lost."""
        return {
            "room": self.room,
            "measured_at": self.measured_at,
            "link": self.link.to_dict() if self.link else None,
            "download_mbps": self.download_mbps,
            "upload_mbps": self.upload_mbps,
            "latency_ms": self.latency_ms,
            "target": self.target,
            "server": self.server,
        }

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> "WalkStop":
        link = data.get("link")
        target = data.get("target")
        return cls(
            room=str(data["room"]),
            measured_at=str(data["measured_at"]),
            link=WifiLink.from_dict(link) if isinstance(link, dict) else None,
            download_mbps=float(data["download_mbps"]),
            upload_mbps=float(data["upload_mbps"]),
            latency_ms=None if data.get("latency_ms") is None else float(data["latency_ms"]),
            target="internet" if target == "internet" else "lan",
            server=data.get("server"),
        )


@dataclass(frozen=True)
class Walk:
    """A walk through the home: its stops in the order they were measured."""

    id: int
    started_at: str
    stops: tuple[WalkStop, ...] = ()
    run_id: int | None = None  # the wizard run it was saved with, if any


# Rooms the GUI offers as you type; any other name works as well.
ROOM_SUGGESTIONS: tuple[str, ...] = (
    "Living room",
    "Kitchen",
    "Hall",
    "Landing",
    "Bedroom 1",
    "Bedroom 2",
    "Bedroom 3",
    "Office",
    "Bathroom",
    "Dining room",
    "Basement",
    "Attic",
    "Garage",
    "Garden",
    "Garden office",
)
MAX_ROOM_CHARS = 40
