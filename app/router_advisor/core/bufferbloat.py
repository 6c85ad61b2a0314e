"""Latency summaries and the bufferbloat grade: how much latency grows when the line is busy.

The grade uses the DSLReports speed test scale (https://www.dslreports.com/faq/17930): the
increase of latency under load over idle latency, A+ below 5 ms up to F at 400 ms or more.
"""

from collections.abc import Sequence
from itertools import pairwise

# (upper bound in ms, exclusive; grade): DSLReports bufferbloat grading, faq/17930.
GRADE_THRESHOLDS_MS: tuple[tuple[float, str], ...] = (
    (5.0, "A+"),
    (30.0, "A"),
    (60.0, "B"),
    (200.0, "C"),
    (400.0, "D"),
)
WORST_GRADE = "F"


def median(samples: Sequence[float]) -> float:
    """The middle sample (mean of the two middle ones for an even count)."""
    if not samples:
        raise ValueError("median of no samples")
    ordered = sorted(samples)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


def jitter(samples: Sequence[float]) -> float:
    """Mean absolute difference of successive samples (as speedtest.net and Cloudflare do)."""
    if len(samples) < 2:
        raise ValueError("jitter needs at least two samples")
    steps = [abs(b - a) for a, b in pairwise(samples)]
    return sum(steps) / len(steps)


def latency_increase(idle_ms: float, *loaded_ms: float | None) -> float | None:
    """The worst increase of loaded over idle latency; None when nothing was measured loaded.

    The worse direction decides, as in Cloudflare's AIM "loaded latency increase" (idle
    latency against the larger of download- and upload-loaded latency).
    """
    measured = [value for value in loaded_ms if value is not None]
    if not measured:
        return None
    return max(0.0, max(measured) - idle_ms)


def bufferbloat_grade(increase_ms: float) -> str:
    """The DSLReports letter grade for a latency increase under load in milliseconds."""
    for upper, grade in GRADE_THRESHOLDS_MS:
        if increase_ms < upper:
            return grade
    return WORST_GRADE
