"""Rates from a running byte count, and when a rate estimate has settled.

A direction of the speed test ends once back-to-back windows agree (a stable estimate) or
at its time cap. Samples are `(seconds, cumulative bytes)` pairs in time order.
"""

from collections.abc import Sequence
from itertools import pairwise

Sample = tuple[float, int]


def bytes_at(samples: Sequence[Sample], when: float) -> float:
    """The cumulative byte count at time `when`, linearly interpolated between samples."""
    if not samples:
        raise ValueError("no samples")
    if when <= samples[0][0]:
        return float(samples[0][1])
    for (t0, b0), (t1, b1) in pairwise(samples):
        if t0 <= when <= t1:
            return b0 + (b1 - b0) * ((when - t0) / (t1 - t0) if t1 > t0 else 1.0)
    return float(samples[-1][1])


def window_rates(samples: Sequence[Sample], window_s: float, count: int) -> list[float]:
    """Rates in bytes/s over the last `count` back-to-back windows, oldest first."""
    end = samples[-1][0]
    edges = [end - window_s * k for k in range(count, -1, -1)]
    counts = [bytes_at(samples, t) for t in edges]
    return [(b - a) / window_s for a, b in pairwise(counts)]


def is_stable(rates: Sequence[float], tolerance: float) -> bool:
    """True when every rate lies within `tolerance` (a fraction) of their mean."""
    if not rates:
        return False
    mean = sum(rates) / len(rates)
    return mean > 0 and all(abs(rate - mean) <= tolerance * mean for rate in rates)


def rate_since(samples: Sequence[Sample], start: float) -> float:
    """Mean rate in bytes/s from `start` to the last sample (0 when no time has passed)."""
    end = samples[-1][0]
    if end <= start:
        return 0.0
    return (samples[-1][1] - bytes_at(samples, start)) / (end - start)
