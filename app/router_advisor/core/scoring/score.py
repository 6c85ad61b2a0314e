"""Score systems: weighted criteria, minus overkill and unknown-fact penalties (what matters
here and the spec-sheet basics).

Ranking runs in two steps so that ten thousand systems rank in milliseconds: every system
gets a number (`rank_score`), and only the shortlist gets its findings (`quick_score`) and
words (`explain_scored`).
"""

from dataclasses import dataclass
from typing import NamedTuple

from router_advisor.core.must_haves import Miss
from router_advisor.core.needs import Requirements
from router_advisor.core.router import Router
from router_advisor.core.scoring import criteria as c
from router_advisor.core.scoring import router_criteria as rc
from router_advisor.core.scoring import thresholds as t
from router_advisor.core.scoring.overkill import overkill
from router_advisor.core.system import System

INF = float("inf")

# The criteria in the order their findings are kept; weights_for() names the same keys.
CRITERIA: tuple[str, ...] = (
    "coverage",
    "backhaul",
    "wifi",
    "wan",
    "line",
    "ports",
    "qos",
    "security",
    "management",
    "features",
    "value",
)


@dataclass(frozen=True)
class Scored:
    """A system's score (0-100) and everything a person needs to trust it. `router` is the
    lead unit (the one the Internet plugs into); `overkill` holds the notes on paying for
    what this home cannot use; `caveats` the other catches; `misses` the must-haves it
    misses (only for closest fits, when nothing meets every must-have)."""

    router: Router
    score: float
    reasons: tuple[str, ...]
    caveats: tuple[str, ...]
    unknowns: tuple[str, ...]
    overkill: tuple[str, ...]
    system: System
    misses: tuple[Miss, ...] = ()


class Quick(NamedTuple):
    """A system's number and the unfilled findings behind it (a tuple: ranking makes many)."""

    score: float
    price: float  # infinity when unknown, so unknown prices sort last among equals
    system: System
    findings: tuple[c.Finding, ...]
    overkill: tuple[c.Overkill, ...]


def findings_of(
    s: System,
    q: Requirements,
    weights: tuple[float, ...],
    market: c.Market,
    today: str | None = None,
) -> tuple[c.Finding, ...]:
    """Every criterion's finding for `s`, in CRITERIA order. A criterion of weight 0 (the
    backhaul of a one-unit home, the line when it needs nothing) is not asked."""
    r = s.lead
    nothing = c.NOTHING_TO_SAY
    return (
        c.coverage(s, q),
        c.backhaul(s, q) if weights[1] else nothing,
        rc.wifi(r, q),
        rc.wan(r, q),
        rc.line(r, q) if weights[4] else nothing,
        c.ports(s, q),
        rc.qos(r, q),
        rc.security(r, q, today),
        rc.management(r, q),
        rc.features(r, q) if weights[9] else nothing,
        c.value(s, q, market),
    )


def score_of(
    s: System,
    q: Requirements,
    weights: tuple[float, ...],
    findings: tuple[c.Finding, ...],
    extra: tuple[c.Overkill, ...],
) -> float:
    """The 0-100 score: weighted findings, less unknown-fact, comfort, short-coverage and
    overkill points. Written out rather than looped: it runs for every system of the catalog."""
    w = weights
    f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10 = findings
    total = (
        w[0] * f0[0]
        + w[1] * f1[0]
        + w[2] * f2[0]
        + w[3] * f3[0]
        + w[4] * f4[0]
        + w[5] * f5[0]
        + w[6] * f6[0]
        + w[7] * f7[0]
        + w[8] * f8[0]
        + w[9] * f9[0]
        + w[10] * f10[0]
    )
    unknown = (
        (f0[3] != "")
        + (f1[3] != "")
        + (f2[3] != "")
        + (f3[3] != "")
        + (f4[3] != "")
        + (f5[3] != "")
        + (f6[3] != "")
        + (f7[3] != "")
        + (f8[3] != "")
        + (f9[3] != "")
        + (f10[3] != "")
    )
    penalty = t.UNKNOWN_FACT_POINTS * unknown + t.UNKNOWN_BASIC_POINTS * c.basic_unknowns(s.lead)
    penalty += rc.comfort_points(s.lead, q)
    if s.nodes < q.nodes_needed:
        penalty += t.SHORT_NODE_POINTS * (q.nodes_needed - s.nodes)
    for points, _ in extra:
        penalty += points
    score = 100.0 * total - penalty  # weights are shares of 1 (weights_for)
    return round(min(100.0, max(0.0, score)), 1)


def rank_score(
    s: System,
    q: Requirements,
    weights: tuple[float, ...],
    market: c.Market,
    today: str | None = None,
) -> float:
    """Only the number, for ranking every system (quick_score keeps the findings too)."""
    findings = findings_of(s, q, weights, market, today)
    return score_of(s, q, weights, findings, overkill(s, q, market))


def quick_score(
    s: System,
    q: Requirements,
    weights: tuple[float, ...],
    market: c.Market,
    today: str | None = None,
) -> Quick:
    """Score a system and keep the findings behind the number, for explain_scored."""
    findings = findings_of(s, q, weights, market, today)
    extra = overkill(s, q, market)
    price = s.price_usd
    return Quick(
        score_of(s, q, weights, findings, extra),
        price if price is not None else INF,
        s,
        findings,
        extra,
    )


def explain_scored(
    item: Quick,
    q: Requirements,
    weights: tuple[float, ...],
    market: c.Market,
    misses: tuple[Miss, ...] = (),
) -> Scored:
    """Put words to a ranked system: strongest reasons first; overkill notes on their own."""
    s = item.system
    x = c.Derived(s, q, market)
    ranked = sorted(zip(weights, item.findings, strict=True), key=lambda wf: -wf[0] * wf[1][0])
    reasons = tuple(c.explain(f.reason, s, q, x) for _, f in ranked if f.reason)
    caveats = tuple(c.explain(f.caveat, s, q, x) for _, f in ranked if f.caveat)
    extra = tuple(c.explain(o.text, s, q, x) for o in item.overkill)
    unknowns = tuple(
        f.unknown for w, f in zip(weights, item.findings, strict=True) if f.unknown and w
    )
    return Scored(s.lead, item.score, reasons, caveats, unknowns, extra, s, misses)
