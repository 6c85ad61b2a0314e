"""The DSLReports grade scale, latency summaries and the stability rule of the speed test."""

import pytest
from router_advisor.core.bufferbloat import bufferbloat_grade, jitter, latency_increase, median
from router_advisor.core.throughput import bytes_at, is_stable, rate_since, window_rates


@pytest.mark.parametrize(
    ("increase", "grade"),
    [
        (0, "A+"),
        (4.9, "A+"),
        (5, "A"),
        (29.9, "A"),
        (30, "B"),
        (59.9, "B"),
        (60, "C"),
        (199.9, "C"),
        (200, "D"),
        (399.9, "D"),
        (400, "F"),
        (2000, "F"),
    ],
)
def test_grades_follow_the_dslreports_scale(increase: float, grade: str) -> None:
    assert bufferbloat_grade(increase) == grade


def test_the_worse_direction_decides_the_increase() -> None:
    assert latency_increase(20.0, 45.0, 320.0) == 300.0
    assert latency_increase(20.0, None, 45.0) == 25.0
    assert latency_increase(20.0, None, None) is None
    assert latency_increase(20.0, 18.0) == 0.0  # noise below idle is no improvement


def test_median_and_jitter() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 2.0, 3.0]) == 2.5
    assert jitter([10.0, 12.0, 11.0, 15.0]) == pytest.approx((2 + 1 + 4) / 3)
    with pytest.raises(ValueError):
        jitter([1.0])


def test_window_rates_and_stability() -> None:
    steady = [(t / 10, int(t * 1000)) for t in range(0, 31)]  # 10 000 bytes/s
    assert window_rates(steady, 0.5, 3) == pytest.approx([10_000.0] * 3)
    assert is_stable(window_rates(steady, 0.5, 3), 0.04)
    ramping = [(t / 10, int((t / 10) ** 2 * 10_000)) for t in range(0, 31)]
    assert not is_stable(window_rates(ramping, 0.5, 3), 0.04)
    assert bytes_at(steady, 0.25) == pytest.approx(2500.0)
    assert rate_since(steady, 1.0) == pytest.approx(10_000.0)
    assert not is_stable([0.0, 0.0, 0.0], 0.04)
