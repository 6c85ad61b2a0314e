"""A measured line the core tests share: fast enough, but it chokes when busy (grade F)."""

from router_advisor.core.speed import SpeedResult


def bufferbloated_line(down: float) -> SpeedResult:
    """`down` Mbit/s with a delay that jumps by several hundred ms under load."""
    return SpeedResult(
        server=None,
        download_mbps=down,
        upload_mbps=20.0,
        idle_latency_ms=15.0,
        jitter_ms=3.0,
        loaded_latency_download_ms=480.0,
        loaded_latency_upload_ms=350.0,
        bufferbloat_grade="F",
    )
