"""Every reviewer household's checklist on the shipped catalog, read as a reviewer would:
short enough to use, what decides the purchase first, one question per fact, never a
question about what the catalog already knows of a model it names, and every technical
word explained where it is used."""

import re
from pathlib import Path

import pytest
from router_advisor.core.recommend import Recommendation
from router_advisor.core.router import Router, support_end
from router_advisor.services.catalog import load_routers

from tests.core.households import HOUSEHOLDS, Household, advise

# A dozen strong questions beat thirty weak ones.
MOST_QUESTIONS = 12
# Each technical word a question uses, and the plain words that must explain it in the
# question or its why (lower case).
JARGON: dict[str, tuple[str, ...]] = {
    "SQM": ("smart queue management",),
    "fq_codel": ("smart queue management",),
    "hardware acceleration": ("fast path",),
    "backhaul": ("link between", "links by radio"),
    "WAN": ("internet",),
    "LAN port": ("ethernet socket", "wired"),
    "QoS": ("traffic priority", "smart queue management"),
    "SFP": ("slot",),
    "DOCSIS": ("cable-modem standard",),
    "VDSL2": ("dsl standards",),
    "NAT": ("two routers in a row", "share one", "shared one"),
    "SSID": ("network name",),
    "IoT": ("smart-home",),
    "Thread": ("smart-home standards",),
    "tri-band": ("radio reserved",),
    "VPN": ("encrypt", "reach home"),
    "point-to-point": ("outdoor radios",),
    "CGNAT": ("share one", "shared one"),
    "MoCA": ("coax",),
}
# A question kind that must appear at most once: its opening words.
ONCE = ("Until when will", "Which features need a paid subscription", "How long is the warranty")


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> list[Router]:
    return load_routers(db_path=Path(tmp_path_factory.mktemp("catalog")) / "catalog.db")


def _named(question: str, r: Router) -> bool:
    """Whether `question` names `r` itself (not a longer name it begins, "UniFi Express 7",
    or another pack size of its kit)."""
    return (
        re.search(re.escape(r.display_name) + r"(?! \(\d-pack\))(?! ?[\w(])", question) is not None
    )


# A question kind about one fact, and whether the catalog knows that fact of a model.
KNOWN: dict[str, object] = {
    "get security updates?": lambda r: support_end(r) is not None,
    "install security updates by": lambda r: r.firmware.automatic_updates is not None,
    "How long is the warranty": lambda r: r.warranty_years is not None,
    "and as of when?": lambda r: r.price_usd is not None,
    "What speed is the Internet (WAN) port": lambda r: r.wan_mbps is not None,
    "have a radio reserved": lambda r: r.dedicated_backhaul is not None,
}


def _check(h: Household, rec: Recommendation) -> None:
    questions = rec.vendor_questions
    assert len(questions) <= MOST_QUESTIONS, f"{h.name}: {len(questions)} questions"
    texts = [vq.question for vq in questions]
    assert len(set(texts)) == len(texts), f"{h.name}: a question repeats"
    for opening in ONCE:
        assert sum(t.startswith(opening) for t in texts) <= 1, f"{h.name}: {opening}"
    order = {"need": 0, "gap": 1, "seed": 2}
    topics = [order[vq.topic] for vq in questions]
    assert topics == sorted(topics), f"{h.name}: what decides the purchase comes first"
    routers = [c.router for item in rec.shortlist for c in item.system.components if c.router]
    for vq in questions:
        said = (vq.question + " " + vq.why).lower()
        for word, plain in JARGON.items():
            if word in vq.question:
                assert any(p in said for p in plain), f"{h.name}: {word!r} unexplained: {vq}"
        for kind, known in KNOWN.items():
            if kind in vq.question:
                for r in routers:
                    assert not (_named(vq.question, r) and known(r)), (  # type: ignore[operator]
                        f"{h.name}: asks what the catalog knows of {r.display_name}: {vq}"
                    )


@pytest.mark.parametrize("h", HOUSEHOLDS, ids=lambda h: h.name)
def test_every_households_checklist_is_one_a_reviewer_signs(
    h: Household, shipped: list[Router]
) -> None:
    _check(h, advise(h, shipped))


def test_a_measured_bufferbloat_is_asked_about_by_name_on_the_shipped_catalog(
    shipped: list[Router],
) -> None:
    rec = advise("gamer-bufferbloat", shipped)
    first = rec.vendor_questions[0]
    assert "SQM" in first.question and "fq_codel or CAKE" in first.question
    assert "480 Mbit/s down and 20 up" in first.question and "grade F" in first.why


def test_a_price_seen_abroad_is_confirmed_before_the_support_questions(
    shipped: list[Router],
) -> None:
    """What decides the purchase first: the price in the buyer's region before warranty."""
    texts = [vq.question for vq in advise("uk-buyer", shipped).vendor_questions]
    confirm = next(i for i, t in enumerate(texts) if "cost in the UK today?" in t)
    assert all(confirm < i for i, t in enumerate(texts) if "security updates" in t)
