"""Keep, tune or replace the router a household has, from its facts and this home's
measurements. Each rule is one small function returning plain sentences; thresholds are
named with their source.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

from router_advisor.core.answers import Answers
from router_advisor.core.current_router import (
    CurrentRouterReport,
    CurrentVerdict,
    Identified,
    KnownRouter,
)
from router_advisor.core.scan import ScanResult
from router_advisor.core.speed import SpeedResult
from router_advisor.core.wording import eol_listed, plural, verdict_heading

# TCP over 1000BASE-T carries ~940 Mbit/s of payload (1500-byte frames: Ethernet, IP and
# TCP headers take ~6%), so a 1 Gbit/s port caps any faster plan there.
GIGABIT_GOODPUT_MBPS = 940.0
# A measured download in this band on a faster plan is the tell of a 1 Gbit/s bottleneck.
STUCK_AT_GIGABIT = (880.0, 960.0)
# What one laptop gets over Wi-Fi, roughly 60-70% of a 2x2 link's PHY rate: Wi-Fi 4 2x2
# 40 MHz = 300 Mbit/s PHY, Wi-Fi 5 2x2 80 MHz = 867 Mbit/s PHY (IEEE 802.11n/ac rate tables).
PRACTICAL_WIFI_MBPS = {"4": 180.0, "5": 550.0}
# Wi-Fi 6 added OFDMA and uplink MU-MIMO for many simultaneous clients (IEEE 802.11ax);
# our rule of thumb: past this many devices a Wi-Fi 5 router is the bottleneck.
MANY_DEVICES_FOR_WIFI5 = 35
# DSLReports' bufferbloat grades: C and worse is a delay rise of 60 ms or more under load,
# enough to make calls and games stutter.
BAD_BUFFERBLOAT = ("C", "D", "F")
# From D on (a rise of 200 ms or more) calls break up and games lag: a router that cannot
# manage its queue is then the problem, not a detail.
UNFIXABLE_BUFFERBLOAT = ("D", "F")
# One router covers about this much in one storey with light walls; beyond, a node helps
# (the same rule of thumb as the recommender's coverage, see core/needs.py).
ONE_ROUTER_M2 = 150.0


@dataclass(frozen=True)
class HomeFacts:
    """What we know about this home's line and Wi-Fi. None: not measured or not given."""

    today: str  # ISO date, for end-of-support checks
    plan_down_mbps: float | None = None  # the plan the person typed
    measured_down_mbps: float | None = None
    bufferbloat_grade: str | None = None
    devices: int | None = None
    size_m2: float | None = None
    floors: int | None = None
    laptop_band: str | None = None  # "2.4", "5", "6"
    laptop_channel: int | None = None
    busiest_channels: tuple[int, ...] = ()  # on the laptop's band, busiest first
    band_crowding: int | None = None  # 0..100 on the laptop's band


def _mbps(value: float) -> str:
    return f"{value / 1000:g} Gbit/s" if value >= 1000 else f"{value:.0f} Mbit/s"


def _wan_limit(known: KnownRouter, home: HomeFacts) -> tuple[str, str] | None:
    port = known.wan_mbps or (known.fastest_port_mbps if known.fastest_port_mbps == 1000 else None)
    plan = home.plan_down_mbps
    if port is None or port > 1000:
        return None
    stuck = home.measured_down_mbps is not None and (
        STUCK_AT_GIGABIT[0] <= home.measured_down_mbps <= STUCK_AT_GIGABIT[1]
    )
    if plan is not None and plan > GIGABIT_GOODPUT_MBPS * 1.05:
        reason = (
            f"Its internet (WAN) port is {_mbps(port)}: it carries at most about "
            f"{GIGABIT_GOODPUT_MBPS:.0f} Mbit/s of your {_mbps(plan)} plan"
        )
        if stuck and home.measured_down_mbps is not None:
            reason += f" (the test measured {home.measured_down_mbps:.0f} Mbit/s: that limit)"
        gain = f"the plan's {_mbps(plan)} instead of about {GIGABIT_GOODPUT_MBPS:.0f} Mbit/s"
        return reason + ".", gain
    return None


def _wifi_too_old(known: KnownRouter, home: HomeFacts) -> tuple[str, str] | None:
    gen = known.wifi_generation
    if gen not in PRACTICAL_WIFI_MBPS:
        return None
    practical = PRACTICAL_WIFI_MBPS[gen]
    speed = home.plan_down_mbps or home.measured_down_mbps
    if gen == "4":
        return (
            f"It is Wi-Fi 4 (802.11n, 2009): about {practical:.0f} Mbit/s to a laptop at best, "
            "no 5 GHz speed to speak of and no WPA3.",
            "several times the Wi-Fi speed and current security",
        )
    if speed is not None and speed > practical:
        return (
            f"It is Wi-Fi 5: a laptop gets about {practical:.0f} Mbit/s from it, less than your "
            f"{_mbps(speed)} line.",
            f"Wi-Fi that carries your whole {_mbps(speed)} line",
        )
    if home.devices is not None and home.devices >= MANY_DEVICES_FOR_WIFI5:
        return (
            f"It is Wi-Fi 5 with {plural(home.devices, 'device')} to serve; Wi-Fi 6 shares the "
            "air between many devices far better (OFDMA).",
            "smoother Wi-Fi with many devices at once",
        )
    return None


def _past_support(known: KnownRouter, home: HomeFacts) -> tuple[str, str] | None:
    if known.end_of_support and known.end_of_support <= home.today:
        return (
            f"Its maker ended support on {known.end_of_support}: no more security updates.",
            "security updates again",
        )
    if known.eol_listed_as_of and known.eol_listed_as_of <= home.today:
        return (
            f"It is {eol_listed(known.brand, known.eol_listed_as_of)}: no more security updates.",
            "security updates again",
        )
    return None


REPLACE_RULES: tuple[Callable[[KnownRouter, HomeFacts], tuple[str, str] | None], ...] = (
    _wan_limit,
    _wifi_too_old,
    _past_support,
)


def _queue_tuning(known: KnownRouter, home: HomeFacts) -> tuple[list[str], str | None]:
    """Tuning for bufferbloat, or a replace reason when the router cannot fix it."""
    grade = home.bufferbloat_grade
    if grade not in BAD_BUFFERBLOAT:
        return [], None
    if known.sqm or known.adaptive_qos:
        what = "Smart Queue Management (SQM)" if known.sqm else "adaptive QoS"
        return [
            f"Turn on {what} in its settings, with the limits set a little below your measured "
            f"speeds: the delay under load (grade {grade}) should drop to grade A or B."
        ], None
    if known.openwrt:
        return [
            f"It can run OpenWrt, whose SQM (cake) fixes the delay under load (grade {grade}). "
            "Risk: flashing it voids the maker's support and a mistake can brick it."
        ], None
    if known.sqm is False and known.adaptive_qos is False:
        if grade in UNFIXABLE_BUFFERBLOAT:
            return [], (
                f"The delay under load is grade {grade} and it has no queue management to fix it."
            )
        return [
            f"The delay rises noticeably under load (grade {grade}) and it has no queue "
            "management to fix that: if calls or games stutter while someone downloads, a "
            "router with SQM is the fix."
        ], None
    return [
        f"The delay under load is grade {grade}: look in its settings for 'Smart Queue', "
        "'SQM' or 'adaptive QoS' and turn it on if it has one."
    ], None


def _free_changes(known: KnownRouter, home: HomeFacts) -> list[str]:
    tips = []
    if known.isp:
        bridge = known.bridge_mode or "bridge mode"
        if known.bridge_mode == "":
            tips.append(
                f"It is your ISP's box ({known.isp}). If you add a router of your own, this box "
                "has no bridge mode: put your router in its DMZ to avoid double NAT."
            )
        else:
            tips.append(
                f"It is your ISP's box ({known.isp}). If you add a router of your own, switch "
                f"this box to {bridge} so the two do not both translate addresses (double NAT)."
            )
    if home.laptop_band == "2.4" and known.wifi_generation not in (None, "4"):
        tips.append(
            "This computer is on the 2.4 GHz band: join the 5 GHz network (or enable band "
            "steering) for several times the speed nearby."
        )
    crowded = home.band_crowding is not None and home.band_crowding >= 60
    if crowded and home.laptop_channel in home.busiest_channels[:1]:
        tips.append(
            f"Channel {home.laptop_channel} is the busiest one around: set the router to a "
            "quieter channel or to automatic channel selection."
        )
    big = home.size_m2 is not None and home.size_m2 > ONE_ROUTER_M2 * (home.floors or 1)
    if big and known.mesh_system and known.mesh_system != "none":
        tips.append(
            f"For the far rooms, add one node of its own system ({known.mesh_system}) "
            "instead of replacing it."
        )
    return tips


def judge(identified: Identified | None, home: HomeFacts) -> CurrentVerdict:
    """Keep, tune or replace, with the reasons a network-savvy friend would give."""
    if identified is None:
        return CurrentVerdict(
            "unknown",
            ("We could not tell which router this is, so we cannot judge it.",),
            questions=("Which router do you have? The model is on a label underneath it.",),
        )
    known = identified.known
    replace = [found for rule in REPLACE_RULES if (found := rule(known, home))]
    queue_tips, queue_replace = _queue_tuning(known, home)
    reasons = [reason for reason, _ in replace]
    if queue_replace:
        reasons.append(queue_replace)
    tuning = queue_tips + _free_changes(known, home)
    if reasons:
        gains = [gain for _, gain in replace] or ["a delay under load that stays low"]
        reuse = None
        if known.wifi_generation in ("5", "6", "6E", "7") and not known.isp:
            reuse = "It can stay on as a wired access point for a far room or the garage."
        return CurrentVerdict(
            "replace",
            tuple(reasons),
            tuple(tuning),
            "A new router brings " + "; ".join(gains) + ".",
            reuse,
        )
    if tuning:
        return CurrentVerdict(
            "tune",
            (f"The {known.name} can serve this home; these free changes help it.",),
            tuple(tuning),
        )
    facts = []
    if known.wifi_generation:
        facts.append(f"Wi-Fi {known.wifi_generation}")
    if known.wan_mbps and home.plan_down_mbps:
        facts.append(f"a {_mbps(known.wan_mbps)} port for your {_mbps(home.plan_down_mbps)} plan")
    if home.devices:
        facts.append(plural(home.devices, "device"))
    said = ", ".join(facts) or "nothing we know of holds it back"
    questions: tuple[str, ...] = ()
    if home.plan_down_mbps is None and home.measured_down_mbps is None:
        questions = (
            "How fast is your internet plan? Measure your line or type in your plan: a plan "
            "faster than this router's ports would change the verdict.",
        )
    return CurrentVerdict(
        "keep",
        (
            f"Keep the {known.name}: {said}. A new router would not make this home faster; "
            "the money stays in your pocket.",
        ),
        questions=questions,
    )


def home_facts(
    today: str,
    answers: Answers | None,
    speed: SpeedResult | None,
    scan: ScanResult | None,
) -> HomeFacts:
    """What judging a router needs from the answers and the measurements."""
    plan = answers.isp.down_mbps if answers else None
    if speed is not None and speed.manual:
        plan = plan or speed.download_mbps
    measured = speed.download_mbps if speed is not None and not speed.manual else None
    devices = answers.household.devices if answers else None
    if scan is not None:
        scanned = sum(1 for d in scan.devices if not d.is_gateway)
        devices = max(devices or 0, scanned) or None
    link = scan.wifi_link if scan else None
    crowd = None
    if scan and scan.nearby_networks and link and link.band:
        crowd = next((b for b in scan.nearby_networks.bands if b.band == link.band), None)
    return HomeFacts(
        today=today,
        plan_down_mbps=plan,
        measured_down_mbps=measured,
        bufferbloat_grade=speed.bufferbloat_grade if speed else None,
        devices=devices,
        size_m2=answers.home.size_m2 if answers else None,
        floors=answers.home.floors if answers else None,
        laptop_band=link.band if link else None,
        laptop_channel=link.channel if link else None,
        busiest_channels=crowd.busiest_channels if crowd else (),
        band_crowding=crowd.crowding if crowd else None,
    )


def rejudge(
    report: CurrentRouterReport,
    answers: Answers | None,
    speed: SpeedResult | None,
    scan: ScanResult | None,
    today: str,
) -> CurrentRouterReport:
    """The same router judged again with what is known now (the line, the answers)."""
    return replace(
        report, verdict=judge(report.identified, home_facts(today, answers, speed, scan))
    )


def report_title(report: CurrentRouterReport) -> str:
    """ "Your router now: AVM FRITZ!Box 7590: Keep it" (or "not identified")."""
    name = report.name or "not identified"
    return f"Your router now: {name}: {verdict_heading(report.verdict.verdict)}"


def report_lines(report: CurrentRouterReport) -> list[str]:
    """The verdict's reasons, gain, reuse, free changes and questions as plain lines, for the
    CLI and the text exports (the GUI card draws the same parts)."""
    v = report.verdict
    lines = list(v.reasons)
    lines += [text for text in (v.gain, v.reuse) if text]
    lines += [f"Free change: {tip}" for tip in v.tuning]
    lines += list(v.questions)
    return lines
