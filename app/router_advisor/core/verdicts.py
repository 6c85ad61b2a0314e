"""How gaming, video calls, 4K streaming and large uploads will feel on a measured line.

Scoring follows Cloudflare's Aggregated Internet Measurement (AIM) model, whose point tables
are published in github.com/cloudflare/speedtest (src/config/internalConfig.ts): each metric
earns points from a threshold table, an activity sums the points of its metrics and the sum
falls into a band. Packet loss is not measured here; it is scored as AIM's best band (under
1 %), so a lossy line can score better here than on speed.cloudflare.com.
"""

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from router_advisor.core.speed import Verdict

# AIM metric point tables: value < bounds[0] -> points[0], ... (d3 scaleThreshold semantics).
LATENCY_POINTS = ((10.0, 20.0, 50.0, 100.0, 500.0), (20, 10, 5, 0, -10, -20))  # ms
LOADED_INCREASE_POINTS = ((10.0, 20.0, 50.0, 100.0, 500.0), (20, 10, 5, 0, -10, -20))  # ms
JITTER_POINTS = ((10.0, 20.0, 100.0, 500.0), (10, 5, 0, -10, -20))  # ms
BANDWIDTH_POINTS = ((1.0, 10.0, 50.0, 100.0), (0, 5, 10, 20, 30))  # Mbit/s
PACKET_LOSS_POINTS_ASSUMED = 10  # AIM: loss < 1 % -> 10 points; loss is not measured here

# AIM experience bands: point sums below bounds[0] are "bad", ... at or above the last "great".
AIM_CLASSES = ("bad", "poor", "average", "good", "great")
STREAMING_BANDS = (15, 20, 40, 60)
GAMING_BANDS = (5, 15, 25, 30)
RTC_BANDS = (5, 15, 25, 40)
RATING_OF_CLASS = {
    "bad": "poor",
    "poor": "poor",
    "average": "okay",
    "good": "good",
    "great": "great",
}

# Netflix's recommendation for Ultra HD (4K): 15 Mbit/s (help.netflix.com/node/306).
UHD_STREAM_MBPS = 15.0
# Zoom's requirement for 1080p video calls: 3.8 Mbit/s up (support.zoom.com, system
# requirements, "bandwidth used by Zoom").
HD_CALL_UPLOAD_MBPS = 3.8
# AIM gives zero loaded-latency points from 100 ms up: beyond it others feel the upload.
UPLOAD_BLOAT_HURTS_MS = 100.0
LARGE_UPLOAD_GB = 10.0
# AIM is lenient with a busy line: +323 ms still scores gaming "average". ITU-T G.114 puts
# the limit for interactive use at 150 ms of one-way delay, so from a 150 ms rise under load
# (the line's own queue, before any distance) games are rated poor and calls at best okay.
INTERACTIVE_RISE_LIMIT_MS = 150.0
RATING_ORDER = ("poor", "okay", "good", "great")
# What the verdicts are about: the keys of `speed_verdicts` and of SpeedResult.verdicts.
Activity = Literal["gaming", "video_calls", "streaming_4k", "large_uploads"]


@dataclass(frozen=True)
class LineFacts:
    """The measured numbers the verdicts read; latency fields are None for manual entries."""

    download_mbps: float
    upload_mbps: float
    idle_latency_ms: float | None = None
    jitter_ms: float | None = None
    loaded_increase_ms: float | None = None
    upload_increase_ms: float | None = None


def min_rating(a: str, b: str) -> str:
    """The worse of two ratings."""
    return a if RATING_ORDER.index(a) <= RATING_ORDER.index(b) else b


def step_down(rating: str) -> str:
    """One rating worse, never below poor."""
    return RATING_ORDER[max(0, RATING_ORDER.index(rating) - 1)]


def _points(table: tuple[tuple[float, ...], tuple[int, ...]], value: float) -> int:
    bounds, points = table
    return points[bisect_right(bounds, value)]


def _aim_class(total: int, bands: Sequence[int]) -> str:
    return AIM_CLASSES[bisect_right(list(bands), total)]


def _upload_time_text(upload_mbps: float) -> str:
    minutes = LARGE_UPLOAD_GB * 8000.0 / max(upload_mbps, 0.001) / 60.0
    if minutes < 90:
        return f"{minutes:.0f} min"
    return f"{minutes / 60:.1f} h"


def gaming_verdict(facts: LineFacts) -> Verdict | None:
    """AIM gaming: idle latency, packet loss and the latency increase under load."""
    if facts.idle_latency_ms is None or facts.loaded_increase_ms is None:
        return None
    total = (
        _points(LATENCY_POINTS, facts.idle_latency_ms)
        + PACKET_LOSS_POINTS_ASSUMED
        + _points(LOADED_INCREASE_POINTS, facts.loaded_increase_ms)
    )
    rating = RATING_OF_CLASS[_aim_class(total, GAMING_BANDS)]
    reason = (
        f"{facts.idle_latency_ms:.0f} ms latency, rising by "
        f"{facts.loaded_increase_ms:.0f} ms when the line is busy"
    )
    if facts.loaded_increase_ms >= INTERACTIVE_RISE_LIMIT_MS:
        rating = "poor"
        reason += ": games lag whenever someone else downloads or uploads"
    return Verdict(rating, reason)


def video_calls_verdict(facts: LineFacts) -> Verdict | None:
    """AIM real-time communication (latency, jitter, loss, increase) and Zoom's HD upload."""
    if facts.idle_latency_ms is None or facts.jitter_ms is None or facts.loaded_increase_ms is None:
        return None
    total = (
        _points(LATENCY_POINTS, facts.idle_latency_ms)
        + _points(JITTER_POINTS, facts.jitter_ms)
        + PACKET_LOSS_POINTS_ASSUMED
        + _points(LOADED_INCREASE_POINTS, facts.loaded_increase_ms)
    )
    rating = RATING_OF_CLASS[_aim_class(total, RTC_BANDS)]
    reason = (
        f"{facts.jitter_ms:.0f} ms jitter, latency +{facts.loaded_increase_ms:.0f} ms under load"
    )
    if facts.loaded_increase_ms >= INTERACTIVE_RISE_LIMIT_MS:
        rating = min_rating(rating, "okay")
        reason += "; the picture may freeze while someone else uses the line"
    if facts.upload_mbps < HD_CALL_UPLOAD_MBPS:
        rating = "poor" if facts.upload_mbps < 1.0 else min_rating(rating, "okay")
        reason += f"; upload {facts.upload_mbps:.1f} Mbit/s is below {HD_CALL_UPLOAD_MBPS} for HD"
    return Verdict(rating, reason)


def streaming_4k_verdict(facts: LineFacts) -> Verdict:
    """Netflix's 15 Mbit/s for 4K first; then AIM streaming when latency was measured."""
    if facts.download_mbps < UHD_STREAM_MBPS:
        return Verdict(
            "poor",
            f"download {facts.download_mbps:.0f} Mbit/s is below the "
            f"{UHD_STREAM_MBPS:.0f} Mbit/s a 4K stream needs",
        )
    if facts.idle_latency_ms is None or facts.loaded_increase_ms is None:
        return Verdict(
            "good",
            f"download {facts.download_mbps:.0f} Mbit/s is enough for 4K (latency not measured)",
        )
    total = (
        _points(LATENCY_POINTS, facts.idle_latency_ms)
        + PACKET_LOSS_POINTS_ASSUMED
        + _points(BANDWIDTH_POINTS, facts.download_mbps)
        + _points(LOADED_INCREASE_POINTS, facts.loaded_increase_ms)
    )
    rating = RATING_OF_CLASS[_aim_class(total, STREAMING_BANDS)]
    streams = int(facts.download_mbps // UHD_STREAM_MBPS)
    reason = f"room for {streams} 4K stream{'s' if streams != 1 else ''} at once"
    if RATING_ORDER.index(rating) < RATING_ORDER.index("good"):
        reason += (
            f", but the delay rises by {facts.loaded_increase_ms:.0f} ms when the line is "
            "busy, so a stream may pause to buffer"
        )
    return Verdict(rating, reason)


def large_uploads_verdict(facts: LineFacts) -> Verdict:
    """AIM's upload bandwidth bands; one step worse when uploading bloats everyone's latency."""
    points = _points(BANDWIDTH_POINTS, facts.upload_mbps)
    rating = {30: "great", 20: "good", 10: "okay"}.get(points, "poor")
    reason = f"{LARGE_UPLOAD_GB:.0f} GB takes about {_upload_time_text(facts.upload_mbps)}"
    if facts.upload_increase_ms is not None and facts.upload_increase_ms >= UPLOAD_BLOAT_HURTS_MS:
        rating = step_down(rating)
        reason += (
            f"; while it runs, latency rises by {facts.upload_increase_ms:.0f} ms for everyone"
        )
    return Verdict(rating, reason)


def speed_verdicts(facts: LineFacts) -> dict[str, Verdict]:
    """Every verdict the facts allow; gaming and video calls need measured latency."""
    verdicts: dict[str, Verdict] = {}
    gaming, calls = gaming_verdict(facts), video_calls_verdict(facts)
    if gaming is not None:
        verdicts["gaming"] = gaming
    if calls is not None:
        verdicts["video_calls"] = calls
    verdicts["streaming_4k"] = streaming_4k_verdict(facts)
    verdicts["large_uploads"] = large_uploads_verdict(facts)
    return verdicts
