"""The whole recommendation: requirements, a ranked shortlist of systems and the checklist.

Never empty while anything is for sale: when no system meets every must-have, the closest
ones are shown with what they miss, by how much, and which answer to change.
"""

import heapq
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from router_advisor.core.answers import Answers
from router_advisor.core.current_router import CurrentRouterReport
from router_advisor.core.current_verdict import rejudge
from router_advisor.core.must_haves import budget_overshoot, misses_of
from router_advisor.core.needs import Requirements, derive_requirements
from router_advisor.core.questions import VendorQuestion, vendor_questions
from router_advisor.core.router import Router
from router_advisor.core.scan import ScanResult
from router_advisor.core.scoring import thresholds as t
from router_advisor.core.scoring.criteria import Market
from router_advisor.core.scoring.score import (
    INF,
    Scored,
    explain_scored,
    quick_score,
    rank_score,
)
from router_advisor.core.scoring.weights import weights_for
from router_advisor.core.speed import SpeedResult
from router_advisor.core.system import System
from router_advisor.core.system_builder import CatalogIndex, build_system, index_catalog
from router_advisor.core.system_wording import LEFT_OUT_WORDS, system_name
from router_advisor.errors import UserInputError

DEFAULT_TOP = 5
MAX_TOP = 50
# When nothing of known price meets the must-haves, this many fits of unknown price (which
# may or may not be within the budget) follow the closest systems of known price.
UNKNOWN_PRICE_SLOTS = 2


def shortlist_entry(rank: int, item: Scored) -> dict[str, Any]:
    """One shortlisted system in the `recommend --json` shape: the lead unit's facts, the
    whole system (`nodes`, `components`, `price_usd` = the total) and any `misses`."""
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
        "price_as_of": r.price_as_of,
        "price_kind": r.price_kind,
        "price_region": r.price_region,
        "score": item.score,
        "reasons": list(item.reasons),
        "caveats": list(item.caveats),
        "overkill": list(item.overkill),
        "unknown_facts": list(item.unknowns),
        "system_name": system_name(item.system),
        **item.system.to_dict(),
        "misses": [m.to_dict() for m in item.misses],
    }


@dataclass(frozen=True)
class Recommendation:
    """What `recommend` prints and every export renders. `excluded` counts the catalog
    models left out before ranking, per LEFT_OUT_WORDS reason; `fits` how many systems
    meet every must-have; `closest_fits` is True when none of known price does: the
    shortlist then shows the closest ones, each with its misses, and last a few fits whose
    price is unknown (to ask)."""

    requirements: Requirements
    shortlist: tuple[Scored, ...]
    vendor_questions: tuple[VendorQuestion, ...]
    considered: int
    excluded: dict[str, int] = field(default_factory=dict)
    fits: int = 0
    systems: int = 0
    closest_fits: bool = False
    # The router the household has now, judged on this home (from the scan, if it asked).
    current_router: CurrentRouterReport | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "requirements": self.requirements.to_dict(),
            "shortlist": [shortlist_entry(i, s) for i, s in enumerate(self.shortlist, 1)],
            "vendor_questions": [
                {"question": vq.question, "why": vq.why} for vq in self.vendor_questions
            ],
            "closest_fits": self.closest_fits,
            "considered": self.considered,
            "systems": self.systems,
            "fits": self.fits,
            "left_out": dict(self.excluded),
            "current_router": self.current_router.to_dict() if self.current_router else None,
        }


@dataclass(frozen=True)
class Ranking:
    """The ranked shortlist and the counts behind it."""

    shortlist: list[Scored]
    excluded: dict[str, int]
    systems: int
    fits: int
    closest_fits: bool
    notes: tuple[str, ...] = ()  # what ranking found out about the home (owned gear)
    owned_without_ethernet: tuple[str, ...] = ()  # owned gear that links by radio only


def market_of(fitting: Sequence[System], systems: Sequence[System], q: Requirements) -> Market:
    """What a system that does this home's job costs here: the median known price of the
    systems that meet the must-haves and cover the home; when none of them covers it (a
    tight budget), of every system that covers it, so a system that covers the home is not
    called dear next to single routers that do not; failing that, of those that meet the
    must-haves, or of all."""
    for group, covering in ((fitting, True), (systems, True), (fitting, False), (systems, False)):
        prices = [
            s.price_usd
            for s in group
            if s.price_usd is not None and (not covering or s.nodes >= q.nodes_needed)
        ]
        if prices:
            return Market(statistics.median(prices), len(prices), covering)
    return Market(None, 0)


def rank(routers: Sequence[Router], q: Requirements, top: int, today: str | None = None) -> Ranking:
    """The best `top` systems that meet every must-have, explained; when none does, the
    `top` closest (fewest misses, least over budget, best score)."""
    index = index_catalog(routers, q, today)
    systems = [build_system(lead, q, index) for lead in index.leads]
    stated = (
        q.budget_usd is not None
        or q.no_cloud_account
        or q.mesh_preference != "auto"
        or q.modem_needed
    )
    fitting = [s for s in systems if not misses_of(s, q)] if stated else systems
    market = market_of(fitting, systems, q)
    weights = weights_for(q)
    chosen, closest = _choose(systems, fitting, q, weights, market, today, top)
    shortlist = [
        explain_scored(
            quick_score(s, q, weights, market, today), q, weights, market, misses_of(s, q)
        )
        for s in chosen
    ]
    return Ranking(
        shortlist,
        index.excluded,
        len(systems),
        len(fitting),
        closest,
        _owned_notes(index),
        tuple(index.owned_without_ethernet),
    )


def _owned_notes(index: CatalogIndex) -> tuple[str, ...]:
    """What became of the gear the household owns, when it is not reused."""
    notes = []
    if index.owned_retired:
        many = len(index.owned_retired) > 1
        notes.append(
            f"Your {' and '.join(index.owned_retired)} no longer "
            f"{'get' if many else 'gets'} security updates: retire "
            f"{'them' if many else 'it'} rather than reuse {'them' if many else 'it'}."
        )
    if index.owned_alone:
        notes.append(
            f"Your {' and '.join(index.owned_alone)} cannot join another maker's system as a "
            "node; keep it as a spare."
        )
    if index.owned_unknown:
        notes.append(
            f"We do not know {' or '.join(index.owned_unknown)}, so it is not counted; "
            "write it as the catalog names it (router-advisor catalog list)."
        )
    return tuple(notes)


def _choose(
    systems: Sequence[System],
    fitting: Sequence[System],
    q: Requirements,
    weights: tuple[float, ...],
    market: Market,
    today: str | None,
    top: int,
) -> tuple[list[System], bool]:
    """The systems to show, and whether they are closest fits. Without a budget, the best
    fits. With one, the fits of known price that cover the home come first (sure to be
    within it), then a few fits of unknown price that may be within it and cover it,
    flagged and asked, then fits that leave rooms weak. When no fit of known price covers
    the home, the best of them comes first and the cheapest system that covers it second,
    with how far over the budget it is (what it would take). When no fit has a known
    price, the closest systems of known price lead; when nothing fits at all, the closest
    systems are all there is."""
    if not fitting:
        return _closest(systems, q, weights, market, today, top), True
    if q.budget_usd is None:
        return _best(fitting, q, weights, market, today, top), False
    known = [s for s in fitting if s.price_usd is not None]
    priced = [s for s in systems if s.price_usd is not None]
    unknown = _may_be_within([s for s in fitting if s.price_usd is None], priced, q.budget_usd)
    if not known and priced:
        shown = _best(unknown, q, weights, market, today, min(UNKNOWN_PRICE_SLOTS, top - 1))
        return _closest(priced, q, weights, market, today, top - len(shown)) + shown, True
    needed = q.nodes_needed
    covering = [s for s in unknown if s.nodes >= needed]
    asked = _best(covering or unknown, q, weights, market, today, UNKNOWN_PRICE_SLOTS)
    # Fits of unknown price that cover the home come before single units that leave rooms
    # weak (score-0 routers of known price were shown before a covering mesh of unknown
    # price); those that do not cover it come last.
    ahead, behind = (asked, []) if covering else ([], asked)
    if any(s.nodes >= needed for s in known):
        main = _best(known, q, weights, market, today, top)
        first = [s for s in main if s.nodes >= needed]
        rest = [s for s in main if s.nodes < needed]
        return (first + ahead + rest + behind)[:top], False
    stretch: list[System] = []
    if top > 1:
        over_budget = [
            s
            for s in priced
            if s.nodes >= needed and [m.must_have for m in misses_of(s, q)] == ["budget"]
        ]
        stretch = _closest(over_budget, q, weights, market, today, 1)[:1]
    main = _best(known, q, weights, market, today, top - len(stretch))
    # What covering the home would take comes second, right after the best fit of the
    # budget: below four routers that each leave rooms weak, nobody reads it.
    return (main[:1] + stretch + ahead + main[1:] + behind)[:top], False


def _may_be_within(
    unknown: Sequence[System], priced: Sequence[System], budget: float
) -> list[System]:
    """The systems of unknown price that may be within the budget: not one whose units
    would cost more than the budget even at the lowest price per unit of any system of
    known price with the same Wi-Fi generation (the cheapest Wi-Fi 7 unit of known price
    costs $130: a Wi-Fi 7 router of unknown price was offered to a $60 budget)."""
    per_unit: dict[str, float] = {}
    for s in priced:
        if s.price_usd is not None:
            unit = s.price_usd / max(1, s.nodes)
            gen = s.lead.wifi_generation
            per_unit[gen] = min(per_unit.get(gen, unit), unit)
    return [s for s in unknown if per_unit.get(s.lead.wifi_generation, 0) * s.nodes <= budget]


def _best(
    systems: Sequence[System],
    q: Requirements,
    weights: tuple[float, ...],
    market: Market,
    today: str | None,
    top: int,
) -> list[System]:
    """The `top` best systems: best score first, then the cheaper, then by the lead's key
    (the same order every run). While choosing, a system of a family and Wi-Fi generation
    already chosen counts REPEAT_FAMILY_POINTS less for each (four eero within 5 points
    filled a top 4, which is two choices, Wi-Fi 7 or a cheaper Wi-Fi 6, not four); the
    chosen are shown by their own scores."""
    if top <= 0:
        return []
    # A heap of (minus the score as counted, price, position, repeats counted): each pick
    # pops the best instead of rescanning every system. A system whose family was chosen
    # since it was pushed goes back with its lowered score; scores only fall, so the first
    # one popped that is up to date is the best. Keys are made only for exact ties.
    raw = [rank_score(s, q, weights, market, today) for s in systems]
    price = [s.price_usd if s.price_usd is not None else INF for s in systems]
    heap = [(-raw[i], price[i], i, 0) for i in range(len(systems))]
    heapq.heapify(heap)
    picks: dict[tuple[str, str], int] = {}
    chosen: list[int] = []
    while heap and len(chosen) < top:
        tied = [heapq.heappop(heap)]
        while heap and heap[0][:2] == tied[0][:2]:
            tied.append(heapq.heappop(heap))
        tied.sort(key=lambda x: systems[x[2]].lead.key)
        head = tied[0]
        for other in tied[1:]:
            heapq.heappush(heap, other)
        i, counted = head[2], head[3]
        family = _family(systems[i])
        repeats = picks.get(family, 0)
        if repeats != counted:
            heapq.heappush(
                heap, (-(raw[i] - t.REPEAT_FAMILY_POINTS * repeats), price[i], i, repeats)
            )
            continue
        chosen.append(i)
        picks[family] = repeats + 1
    # Shown best first, as the scores read.
    chosen.sort(key=lambda i: (-raw[i], price[i], systems[i].lead.key))
    return [systems[i] for i in chosen]


def _family(s: System) -> tuple[str, str]:
    """What makes two systems one choice on a shortlist: family and Wi-Fi generation."""
    return (s.lead.system or s.lead.brand, s.lead.wifi_generation)


def _closest(
    systems: Sequence[System],
    q: Requirements,
    weights: tuple[float, ...],
    market: Market,
    today: str | None,
    top: int,
) -> list[System]:
    """Fewest misses first; then the systems that cover the home, least over budget first
    (what it would take to do the job), then the cheaper ones that do not; the best score
    breaks ties."""
    keyed = []
    for s in systems:
        score = rank_score(s, q, weights, market, today)
        is_short = s.nodes < q.nodes_needed
        over = round(budget_overshoot(s, q), 2)
        keyed.append(((len(misses_of(s, q)), is_short, over, -score, s.lead.key), s))
    keyed.sort(key=lambda ks: ks[0])
    covering = [s for k, s in keyed if not k[1]]
    short = [s for k, s in keyed if k[1]]
    first = max(1, (top + 1) // 2)
    return [*covering[:first], *short, *covering[first:]][:top]


def _nothing_for_sale(considered: int, excluded: dict[str, int]) -> UserInputError:
    parts = [f"{count} {LEFT_OUT_WORDS[why]}" for why, count in sorted(excluded.items())]
    detail = f" ({', '.join(parts)})" if parts else ""
    return UserInputError(
        f"none of the {considered} catalog models can head a home network for you{detail}: "
        "check [preferences] region and [isp] handoff, or add models to the catalog"
    )


def recommend(
    answers: Answers,
    routers: Sequence[Router],
    speed: SpeedResult | None = None,
    scan: ScanResult | None = None,
    top: int = DEFAULT_TOP,
    today: str | None = None,
    measured_nodes: int | None = None,
) -> Recommendation:
    """Rank systems from `routers` for this household and build the checklist. Pure and
    deterministic.

    `today` ("YYYY-MM-DD") lets models whose support has ended be left out; the caller
    supplies it because the core never reads the clock. Raises UserInputError when the
    catalog is empty or nothing in it is for sale to this household.
    """
    if not 1 <= top <= MAX_TOP:
        raise UserInputError(
            f"The shortlist holds from 1 to {MAX_TOP} systems, not {top}", cli_hint="--top sets it"
        )
    if not routers:
        raise UserInputError(
            "the router catalog is empty: the catalog that comes with the app is missing; "
            "reinstall Router Advisor",
            cli_hint="or add models with `router-advisor catalog import FILE`",
        )
    q = derive_requirements(answers, speed, scan, measured_nodes)
    ranking = rank(routers, q, top, today)
    if not ranking.shortlist:
        raise _nothing_for_sale(len(routers), ranking.excluded)
    shortlist = tuple(ranking.shortlist)
    if ranking.notes:
        q = replace(q, notes=q.notes + ranking.notes)
    current = scan.current_router if scan is not None else None
    if current is not None and today is not None:
        current = rejudge(current, answers, speed, scan, today)
    return Recommendation(
        requirements=q,
        shortlist=shortlist,
        vendor_questions=tuple(
            vendor_questions(q, shortlist, today, ranking.owned_without_ethernet)
        ),
        considered=len(routers),
        excluded=ranking.excluded,
        fits=ranking.fits,
        systems=ranking.systems,
        closest_fits=ranking.closest_fits,
        current_router=current,
    )
