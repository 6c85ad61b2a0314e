"""The few must-haves that can rule a system out, and how far a system misses each.

Only what truly cannot work is a must-have: a known price over the budget, or a wish the
household stated (no cloud account, a mesh or a single router, a router with the modem
its line needs: `[isp] handoff = "modem_needed"`). Everything else is a
weighed cost in scoring. When nothing meets every must-have, the closest systems are shown
with their misses: which must-have, by how much, and which answer to change.
"""

from dataclasses import dataclass
from typing import Any, Literal

from router_advisor.core.needs import Requirements
from router_advisor.core.system import System
from router_advisor.core.wording import AnswerFront, answer_name, plural, usd

MustHave = Literal["budget", "no_cloud_account", "mesh", "modem"]


@dataclass(frozen=True)
class Miss:
    """One must-have a system misses. `by` says by how much in plain words ("$49.01 over",
    "needs an online account"); `change` is the answer key to change ("budget.max_usd"),
    which each front end words its own way (see `miss_text`)."""

    must_have: MustHave
    by: str
    change: str

    def to_dict(self) -> dict[str, Any]:
        return {"must_have": self.must_have, "by": self.by, "change": self.change}


# What each must-have is called when a miss is explained.
MUST_HAVE_WORDS: dict[str, str] = {
    "budget": "your budget",
    "no_cloud_account": "no online account",
    "mesh": "the kind of system you asked for",
    "modem": "the modem your line needs",
}


def miss_text(miss: Miss, front: AnswerFront = "file") -> str:
    """ "Misses your budget ($49.01 over): change [budget] max_usd." in the front's words."""
    return (
        f"Misses {MUST_HAVE_WORDS[miss.must_have]} ({miss.by}): "
        f"change {answer_name(miss.change, front)}."
    )


def misses_of(s: System, q: Requirements) -> tuple[Miss, ...]:
    """The must-haves `s` misses for this household; () when it meets them all. A price
    that is unknown is not over the budget (it is flagged and asked instead), unless the
    parts of known price already are."""
    out: tuple[Miss, ...] = ()
    budget = q.budget_usd
    if budget is not None:
        known = s.known_price_usd
        if known > budget + 0.005:
            unknown = " before the parts of unknown price" if s.price_unknown_parts else ""
            out += (Miss("budget", f"{usd(known - budget)} over{unknown}", "budget.max_usd"),)
    if q.no_cloud_account and any(
        c.router is not None and c.router.management.cloud_account_required for c in s.components
    ):
        out += (
            Miss(
                "no_cloud_account",
                "needs an online account with the maker",
                "preferences.no_cloud_account",
            ),
        )
    if q.modem_needed and s.lead.kind != "modem_router":
        out += (Miss("modem", "has no modem for your line", "isp.handoff"),)
    if q.mesh_preference == "no" and s.nodes > 1:
        out += (
            Miss(
                "mesh", f"a system of {plural(s.nodes, 'unit')}, not one router", "preferences.mesh"
            ),
        )
    elif q.mesh_preference == "yes" and s.nodes < 2:
        out += (Miss("mesh", "a single router, not a mesh", "preferences.mesh"),)
    return out


def budget_overshoot(s: System, q: Requirements) -> float:
    """How far over the budget the known part of the price is (0 when within it)."""
    if q.budget_usd is None:
        return 0.0
    return max(0.0, s.known_price_usd - q.budget_usd)
