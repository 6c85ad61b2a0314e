"""When the neighbor sweep stops listening: after the kernel's actual repeat, not a guess."""

import pytest
from router_advisor.net.neighbor_sweep import NeighborTiming, StopRule
from router_advisor.net.neighbor_table import NeighbourSnapshot

TIMING = NeighborTiming(answer_s=0.55, timer_slack_s=0.07)


def _table(resolving: dict[str, int], resolved: dict[str, str] | None = None) -> NeighbourSnapshot:
    return NeighbourSnapshot(resolved or {}, resolving)


def test_the_end_follows_the_kernels_last_repeat_even_when_its_timer_runs_late() -> None:
    # Prompted by 0.25 s; the kernel re-asked "b" only at ~1.45 s (a loaded machine's timer).
    # The old rule stopped at 0.25 + 1.0 + 0.55 = 1.80 s, before b's answer could come.
    rule = StopRule({"a", "b", "c"}, prompted_at=0.25, retrans_s=1.0, timing=TIMING)
    assert rule.deadline(_table({"a": 4, "b": 4, "c": 4}), now=0.27) == pytest.approx(2.80)
    assert rule.deadline(_table({"a": 5, "b": 4}, {"c": "02:00:00:00:00:03"}), now=1.3) == (
        pytest.approx(2.80)
    )
    assert rule.deadline(_table({"a": 5, "b": 5}), now=1.45) == pytest.approx(2.00)
    # Once known, the end stays put whatever the kernel does next.
    assert rule.deadline(_table({"a": 6, "b": 6}), now=1.9) == pytest.approx(2.00)


def test_addresses_never_asked_are_not_waited_for_but_one_gone_missing_is() -> None:
    rule = StopRule({"a", "b", "c"}, prompted_at=0.25, retrans_s=1.0, timing=TIMING)
    # b's prompt was refused: no entry at the first look.
    assert rule.deadline(_table({"a": 4, "c": 4}), now=0.3) == pytest.approx(2.80)
    # c goes missing from one read (a dump is not atomic): still waited for.
    assert rule.deadline(_table({"a": 5}), now=1.28) == pytest.approx(2.80)
    assert rule.deadline(_table({"a": 5, "c": 5}), now=1.30) == pytest.approx(1.85)
    assert StopRule(set(), 0.25, 1.0, TIMING).deadline(_table({}), now=0.3) == pytest.approx(0.85)


def test_where_the_os_does_not_report_its_requests_the_repeat_is_estimated() -> None:
    rule = StopRule({"a"}, prompted_at=0.25, retrans_s=1.5, timing=TIMING)
    assert rule.deadline(NeighbourSnapshot({}), now=0.3) == pytest.approx(0.25 + 1.5 + 0.07 + 0.55)
