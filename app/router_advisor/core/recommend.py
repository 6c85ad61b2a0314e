"""The whole recommendation: requirements, a ranked shortlist and the vendor checklist."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from router_advisor.core.answers import Answers
from router_advisor.core.needs import Requirements, derive_requirements
from router_advisor.core.questions import VendorQuestion, vendor_questions
from router_advisor.core.router import Router
from router_advisor.core.scan import ScanResult
from router_advisor.core.scoring.limits import LIMITS, broken_limit, limit_advice
from router_advisor.core.scoring.score import Ranked, Scored, best, explain_scored, quick_score
from router_advisor.core.scoring.weights import weights_for
from router_advisor.core.speed import SpeedResult
from router_advisor.errors import UserInputError

DEFAULT_TOP = 5
MAX_TOP = 50
# Kinds a household can buy on their own as its network. An access point or an add-on mesh
# node needs a router of its own system, and a travel router is never a whole-home pick;
# until systems are built from parts (issue 11) they are not shortlisted on their own.
STANDALONE_KINDS = frozenset({"router", "mesh", "modem_router"})


def shortlist_entry(rank: int, item: Scored) -> dict[str, Any]:
    """One shortlisted model in the `recommend --json` shape."""
    r = item.router
    return {
        "rank": rank,
        "key": r.key,
        "brand": r.brand,
        "model": r.model,
        "hardware_revision": r.hardware_revision,
        "kind": r.kind,
        "pack_size": r.pack_size,
        "wifi_generation": r.wifi_generation,
        "wifi_class": r.wifi_class,
        "wan_mbps": r.wan_mbps,
        "lan_ports_mbps": list(r.lan_ports_mbps) if r.lan_ports_mbps is not None else None,
        "price_usd": r.price_usd,
        "price_as_of": r.price_as_of,
        "price_kind": r.price_kind,
        "price_region": r.price_region,
        "score": item.score,
        "reasons": list(item.reasons),
        "caveats": list(item.caveats),
        "overkill": list(item.overkill),
        "unknown_facts": list(item.unknowns),
    }


@dataclass(frozen=True)
class Recommendation:
    """What `recommend` prints and every export renders. `excluded` counts models per limit."""

    requirements: Requirements
    shortlist: tuple[Scored, ...]
    vendor_questions: tuple[VendorQuestion, ...]
    considered: int
    excluded: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "requirements": self.requirements.to_dict(),
            "shortlist": [shortlist_entry(i, s) for i, s in enumerate(self.shortlist, 1)],
            "vendor_questions": [
                {"question": vq.question, "why": vq.why} for vq in self.vendor_questions
            ],
        }


def _nothing_fits(q: Requirements, excluded: dict[str, int]) -> UserInputError:
    parts = [limit_advice(name, q, excluded[name]) for name in LIMITS if excluded.get(name)]
    return UserInputError("no router in the catalog meets all your needs: " + "; ".join(parts))


def rank(
    routers: Sequence[Router], q: Requirements, top: int, today: str | None = None
) -> tuple[list[Scored], dict[str, int]]:
    """The best `top` models that pass the hard limits, explained, and how many each limit
    left out."""
    weights = weights_for(q)
    excluded: dict[str, int] = {}
    passed: list[Ranked] = []
    for r in routers:
        if r.kind not in STANDALONE_KINDS:
            continue
        limit = broken_limit(r, q)
        if limit is None:
            item = quick_score(r, q, weights, today)
            passed.append(Ranked(item.score, item.price, r))
        else:
            excluded[limit] = excluded.get(limit, 0) + 1
    shortlist = [quick_score(x.router, q, weights, today) for x in best(passed, top)]
    return [explain_scored(item, q, weights) for item in shortlist], excluded


def recommend(
    answers: Answers,
    routers: Sequence[Router],
    speed: SpeedResult | None = None,
    scan: ScanResult | None = None,
    top: int = DEFAULT_TOP,
    today: str | None = None,
) -> Recommendation:
    """Rank `routers` for this household and build the checklist. Pure and deterministic.

    `today` ("YYYY-MM-DD") lets models whose support has ended be flagged; the caller
    supplies it because the core never reads the clock. Raises UserInputError when the
    catalog is empty or no model passes the hard limits, saying what to change.
    """
    if not 1 <= top <= MAX_TOP:
        raise UserInputError(f"--top must be from 1 to {MAX_TOP}, not {top}")
    if not routers:
        raise UserInputError(
            "the router catalog is empty: build it with `router-advisor catalog build` "
            "or import models with `router-advisor catalog import FILE`"
        )
    q = derive_requirements(answers, speed, scan)
    scored, excluded = rank(routers, q, top, today)
    if not scored:
        raise _nothing_fits(q, excluded)
    shortlist = tuple(scored)
    return Recommendation(
        requirements=q,
        shortlist=shortlist,
        vendor_questions=tuple(vendor_questions(q, shortlist)),
        considered=sum(r.kind in STANDALONE_KINDS for r in routers),
        excluded=excluded,
    )
