"""Questions to ask a vendor (or the provider) before buying, each with why it matters for
this household.

Three sources, in the order that decides a purchase: what this home's answers and
measurements raise (core/question_needs.py), what the catalog does not know, or holds only
as an old or foreign price, about the shortlisted models (core/question_gaps.py, one
question per fact naming every model it concerns), and the few a buyer of this comfort
should ask that no catalog knows. Ask only what we don't know and what matters here
(issue 11); a short list gets used, a long one does not.
"""

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from router_advisor.core import question_needs as needs
from router_advisor.core.needs import MANY_SMART_HOME, Requirements
from router_advisor.core.question_gaps import GAP_FACTS, gap_questions
from router_advisor.core.scoring.score import Scored

__all__ = ["GAP_FACTS", "VendorQuestion", "need_questions", "seed_questions", "vendor_questions"]

# A dozen strong questions get asked; thirty weak ones do not. The household's own needs
# always stay; the least decisive model and seed questions (last in order) give way.
MOST_QUESTIONS = 12
# A crowd of devices is where "how many at once" becomes a real question (Wi-Fi 6's
# gains show from 15 devices, needs.MANY_CLIENTS; twice that strains older routers).
CROWDED_HOME = 30


@dataclass(frozen=True)
class VendorQuestion:
    question: str
    why: str
    topic: str  # "need" | "gap" | "seed"; the desktop app adds "user" and "checklist"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def seed_questions(q: Requirements, shortlist: Sequence[Scored] = ()) -> list[VendorQuestion]:
    """What no catalog knows and matters to this buyer: how the settings are reached for
    someone who wants a web page or fine control, support for someone who relies on the
    app, and the real device capacity of a crowded home. Warranty, support windows and
    subscriptions are facts of a model: asked about by name where unknown (gap questions)."""
    out: list[VendorQuestion] = []
    if q.comfort == "web":
        out.append(
            VendorQuestion(
                "Can every setting be changed on the router's own web page, without the phone app?",
                "You prefer a web page; on some systems the app is the only way to reach "
                "many settings.",
                "seed",
            )
        )
    elif q.comfort == "prosumer":
        out.append(
            VendorQuestion(
                "Which advanced settings can I change (VLANs, DNS, port forwarding, firewall "
                "rules), and does any of them need the maker's cloud?",
                "You want fine control; check the settings you rely on are there.",
                "seed",
            )
        )
    else:
        out.append(
            VendorQuestion(
                "How do I reach customer support (phone, chat), and is it free for the "
                "life of the product?",
                "You prefer a phone app to technical settings; when the Internet is down, "
                "you need help fast.",
                "seed",
            )
        )
    if q.clients >= CROWDED_HOME or q.smart_home_devices >= MANY_SMART_HOME:
        smart = (
            f", {q.smart_home_devices} of them smart-home gadgets" if q.smart_home_devices else ""
        )
        out.append(
            VendorQuestion(
                "How many devices has it been tested with at once before it slows down?",
                f"Your home has about {q.clients} devices{smart}, and that number tends to grow.",
                "seed",
            )
        )
    return out


def need_questions(
    q: Requirements, shortlist: Sequence[Scored] = (), radio_only: Sequence[str] = ()
) -> list[VendorQuestion]:
    """Questions this household's own needs raise, each only where it matters.
    `radio_only`: owned gear without an Ethernet port (never asked about a cable)."""
    pairs = [
        *needs.line_questions(q, shortlist),
        *needs.performance_questions(q, shortlist),
        *needs.backhaul_questions(q, shortlist),
        *needs.home_questions(q, shortlist),
        *needs.unit_questions(q, shortlist, radio_only),
    ]
    return [VendorQuestion(question, why, "need") for question, why in pairs]


def vendor_questions(
    q: Requirements,
    shortlist: Sequence[Scored],
    today: str | None = None,
    radio_only: Sequence[str] = (),
) -> list[VendorQuestion]:
    """The whole checklist: need-driven, gap-driven then seed questions, without repeats:
    what decides the purchase first, at most MOST_QUESTIONS unless the needs alone are more.
    `today` ("YYYY-MM-DD") lets years-old prices be asked about; the core never reads the
    clock. `radio_only` names owned gear without an Ethernet port (rank() finds it)."""
    needs_asked = need_questions(q, shortlist, radio_only)
    gaps = [VendorQuestion(qn, why, "gap") for qn, why in gap_questions(q, shortlist, today)]
    seen: set[str] = set()
    out: list[VendorQuestion] = []
    for vq in [*needs_asked, *gaps, *seed_questions(q, shortlist)]:
        if vq.question not in seen:
            seen.add(vq.question)
            out.append(vq)
    return out[: max(MOST_QUESTIONS, len(needs_asked))]
