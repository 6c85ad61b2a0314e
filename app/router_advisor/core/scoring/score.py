"""Score models: weighted criteria, minus overkill and unknown-fact penalties (what matters
here and the spec-sheet basics).

Ranking runs in two steps so that ten thousand models rank in milliseconds: every model
gets a number (`quick_score`), and only the shortlist gets its words (`explain_scored`).
"""

import heapq
from dataclasses import dataclass
from typing import NamedTuple

from router_advisor.core.needs import Requirements
from router_advisor.core.router import Router
from router_advisor.core.scoring import criteria as c
from router_advisor.core.scoring import thresholds as t

# The criteria in the order their findings are kept; weights_for() names the same keys.
INF = float("inf")

CRITERIA: tuple[str, ...] = (
    "coverage",
    "wifi",
    "wan",
    "ports",
    "qos",
    "security",
    "management",
    "value",
)


@dataclass(frozen=True)
class Scored:
    """A model's score (0-100) and everything a person needs to trust it. `overkill` holds
    the notes on paying for what this home cannot use; `caveats` the other catches."""

    router: Router
    score: float
    reasons: tuple[str, ...]
    caveats: tuple[str, ...]
    unknowns: tuple[str, ...]
    overkill: tuple[str, ...]


class Quick(NamedTuple):
    """A model's number and the unfilled findings behind it (a tuple: ranking makes many)."""

    score: float
    price: float  # infinity when unknown, so unknown prices sort last among equals
    router: Router
    findings: tuple[c.Finding, ...]
    overkill: tuple[c.Overkill, ...]


class Ranked(NamedTuple):
    """What ranking keeps of every model: its number and price. Keeping only these (the
    findings are made again for the shortlist) spares the garbage collector ten thousand
    long-lived tuples, which made a ranking up to twice as slow."""

    score: float
    price: float
    router: Router


def coarse_key(item: Ranked) -> tuple[float, float]:
    """Best score first, then the cheaper."""
    return (-item.score, item.price)


def full_key(item: Ranked) -> tuple[float, float, str]:
    """coarse_key, then the model's key: the same order every run."""
    return (-item.score, item.price, item.router.key)


def quick_score(
    r: Router, q: Requirements, weights: tuple[float, ...], today: str | None = None
) -> Quick:
    """Score a model that passed the hard limits; `weights` follow CRITERIA's order."""
    findings = (
        c.coverage(r, q),
        c.wifi(r, q),
        c.wan(r, q),
        c.ports(r, q),
        c.qos(r, q),
        c.security(r, q, today),
        c.management(r, q),
        c.value(r, q),
    )
    total = 0.0
    penalty = 0.0
    for w, f in zip(weights, findings):  # noqa: B905 - both have len(CRITERIA) items
        total += w * f[0]
        if f[3]:
            penalty += t.UNKNOWN_FACT_POINTS
    penalty += t.UNKNOWN_BASIC_POINTS * c.basic_unknowns(r)
    overkill = c.overkill(r, q)
    for points, _ in overkill:
        penalty += points
    score = 100.0 * total / sum(weights) - penalty
    price = r.price_usd if r.price_usd is not None else INF
    return Quick(round(min(100.0, max(0.0, score)), 1), price, r, findings, overkill)


def best(items: list[Ranked], top: int) -> list[Ranked]:
    """The `top` best items in full_key order, computing model keys only near the cut."""
    coarse = heapq.nsmallest(top, items, key=coarse_key)
    if len(coarse) == top:
        cutoff = coarse_key(coarse[-1])
        items = [i for i in items if coarse_key(i) <= cutoff]
    return sorted(items, key=full_key)[:top]


def explain_scored(item: Quick, q: Requirements, weights: tuple[float, ...]) -> Scored:
    """Put words to a ranked model: strongest reasons first; overkill notes on their own."""
    r = item.router
    x = c.Derived(r, q)
    ranked = sorted(zip(weights, item.findings, strict=True), key=lambda wf: -wf[0] * wf[1][0])
    reasons = tuple(c.explain(f[1], r, q, x) for _, f in ranked if f[1])
    caveats = tuple(c.explain(f[2], r, q, x) for _, f in ranked if f[2])
    overkill = tuple(c.explain(text, r, q, x) for _, text in item.overkill)
    unknowns = tuple(f[3] for f in item.findings if f[3])
    return Scored(r, item.score, reasons, caveats, unknowns, overkill)
