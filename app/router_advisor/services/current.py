"""The "your router today" use case: find the gateway, identify it (or take the model the
person names), and judge it against this home's measurements and answers.
"""

import datetime
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from router_advisor.catalog.known_routers import known_routers
from router_advisor.core.answers import Answers
from router_advisor.core.current_router import (
    CurrentRouterReport,
    Identified,
    KnownRouter,
    clue_lines,
    find_by_name,
    identify,
)
from router_advisor.core.current_verdict import HomeFacts, home_facts, judge
from router_advisor.core.scan import ScanResult
from router_advisor.core.speed import SpeedResult
from router_advisor.errors import RuntimeFailure, UserInputError
from router_advisor.net.gateway_probe import probe_gateway
from router_advisor.net.interfaces import ScanTarget, resolve_target
from router_advisor.services.catalog import load_routers

log = logging.getLogger(__name__)


def _named(model: str, candidates: list[KnownRouter]) -> Identified:
    known = find_by_name(model, candidates)
    if known is None:
        raise UserInputError(
            f"No router called '{model[:60]}' is in the catalog or the hardware tables; "
            "give the brand and model as printed on its label, e.g. 'Netgear R7000'"
        )
    return Identified(known, "high", (f"you said '{model[:60]}' -> {known.name} ({known.source})",))


def check_current_router(
    *,
    iface: str | None = None,
    model: str | None = None,
    answers: Answers | None = None,
    speed: SpeedResult | None = None,
    scan: ScanResult | None = None,
    catalog_db: Path | None = None,
    today: str | None = None,
) -> CurrentRouterReport:
    """Identify the router in use and judge it. `model` skips identification."""
    facts = home_facts(today or datetime.date.today().isoformat(), answers, speed, scan)
    if model is not None:
        named = _named(model, known_routers(load_routers(db_path=catalog_db)))
        return CurrentRouterReport(None, named, judge(named, facts))
    target = resolve_target(iface, None)
    gateway = target.gateway or (scan.gateway if scan else None)
    if gateway is None:
        raise RuntimeFailure(
            f"There is no gateway (default route) on '{target.iface}', so there is no router "
            "to ask; connect to your home network or name the router yourself"
        )
    return ask_gateway(target, gateway, facts, catalog_db)


def ask_gateway(
    target: ScanTarget,
    gateway: str,
    facts: HomeFacts,
    catalog_db: Path | None = None,
    announced: tuple[str | None, tuple[str, ...]] = (None, ()),
) -> CurrentRouterReport:
    """Probe the gateway, identify it and judge it on `facts`; `announced` is what a scan's
    mDNS listening heard from it (host name, service types)."""
    log.info("asking gateway %s on %s what it is", gateway, target.iface)
    with ThreadPoolExecutor(max_workers=1) as pool:
        # The known models load while the gateway is asked: both take a few hundred ms.
        loading = pool.submit(lambda: known_routers(load_routers(db_path=catalog_db)))
        clues = probe_gateway(gateway, target.iface, target.local_ip, announced=announced)
        identified = identify(clues, loading.result())
    clue_text = tuple(clue_lines(clues))
    return CurrentRouterReport(
        gateway, identified, judge(identified, facts), clue_text, clues.problems
    )


def router_in_use(
    target: ScanTarget, announced: tuple[str | None, tuple[str, ...]] = (None, ())
) -> CurrentRouterReport | None:
    """What a scan reports about the gateway: identified, judged on what is known so far
    (no speed or answers yet; the recommendation judges it again with them)."""
    if target.gateway is None:
        return None
    facts = HomeFacts(today=datetime.date.today().isoformat())
    return ask_gateway(target, target.gateway, facts, announced=announced)


def known_router_names(catalog_db: Path | None = None) -> list[str]:
    """Every model name `model=` understands, for the GUI's suggestions."""
    names = {known.name for known in known_routers(load_routers(db_path=catalog_db))}
    return sorted(names, key=str.lower)
