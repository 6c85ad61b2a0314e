"""The notes under "What your home needs": one plain sentence per need, saying where it
came from, and one per answer of issue 11 that changes the advice (so each is visibly used).
"""

from router_advisor.core.answers import Answers, Home
from router_advisor.core.coverage import CoveragePlan
from router_advisor.core.wording import LINE_WORDS, plural

# Bufferbloat grades on the DSLReports scale (issue 5): C adds 60-200 ms under load, which
# video calls feel; D and F (200 ms+) ruin games and calls.
BAD_BUFFERBLOAT = frozenset({"D", "F"})
MEDIOCRE_BUFFERBLOAT = frozenset({"C"})
# A typed idle latency this high is a satellite in geostationary orbit (~600 ms) or a
# congested radio link: no router fixes it, and real-time games will feel it (ITU-T G.114
# puts the limit for interactive use at 150 ms one way; games feel 100 ms).
HIGH_BASE_LATENCY_MS = 100.0


def plan_subject(down: float, source: str) -> str:
    """ "Your 2000 Mbit/s plan", or "The 2000 Mbit/s you measured": a measured speed is
    not the plan (issue 15)."""
    if source == "speed test":
        return f"The {down:.0f} Mbit/s your speed test measured"
    return f"Your {down:.0f} Mbit/s plan"


def plan_note(
    down: float, up: float, source: str, latency: float | None = None, line: str = "unknown"
) -> str:
    where = {
        "speed test": "as measured by the speed test",
        "entered": "as you entered it (not measured)",
        "answers": "from your answers",
        "assumed": "assumed (you did not give your plan; add [isp] down_mbps)",
    }[source]
    over = f" over {LINE_WORDS[line]}" if line in LINE_WORDS else ""
    idle = f", {latency:.0f} ms idle latency" if latency is not None else ""
    return f"Internet{over}: {down:.0f} Mbit/s down, {up:.0f} Mbit/s up{idle}, {where}."


def grade_note(grade: str, sqm: bool) -> str:
    if grade in BAD_BUFFERBLOAT:
        return (
            f"Bufferbloat grade {grade}: your connection lags badly when busy; a router "
            "with smart queue management (SQM) can fix that."
        )
    if grade in MEDIOCRE_BUFFERBLOAT:
        fix = "; smart queue management (SQM) would smooth your games" if sqm else ""
        return f"Bufferbloat grade {grade}: your connection lags noticeably when busy{fix}."
    return f"Bufferbloat grade {grade}: latency under load is acceptable."


def clients_note(
    clients: int, source: str, smart: int, found: int | None, counted: int | None
) -> str:
    """Where the device count came from; with a scan, which count won and why."""
    extra = f", {smart} of them smart-home devices" if smart else ""
    if found is None:
        where = {"answers": "your count", "estimate": "estimated from the number of people"}[source]
    else:
        scan = f"the network scan found {found}, not counting your router"
        if counted is None:
            where = scan
        elif source == "scan":
            where = f"{scan}, more than the {counted} you counted; the larger number is used"
        elif counted > found:
            where = (
                f"your count, the larger number: {scan}; devices that are off or asleep "
                "do not answer a scan"
            )
        else:
            where = f"your count; {scan} too"
    return f"About {plural(clients, 'connected device')} ({where}){extra}."


def coverage_note(size: str, plan: CoveragePlan, home: Home, preference: str) -> str:
    floors = plural(home.floors, "floor")
    slabs = " and concrete floors" if home.floor_slabs == "concrete" and home.floors > 1 else ""
    text = f"{size} on {floors} with {home.walls} walls{slabs}"
    if preference == "no":
        return f"{text}: you prefer a single router, so coverage may be weak at the far end."
    why = f" ({'; '.join(plan.reasons)})" if plan.reasons else ""
    if plan.nodes == 1:
        return f"{text}: one well-placed router should cover it{why}."
    return f"{text}: {plan.nodes} nodes or access points are needed to cover it well{why}."


_BACKHAUL_NOTES = {
    "wired": "Ethernet runs between your rooms: link the nodes by cable (wired backhaul), "
    "or use wired access points, for full speed everywhere.",
    "powerline_or_moca": "No Ethernet between rooms, but powerline or MoCA adapters can carry "
    "the link between nodes; a system with a radio reserved for that link is the fallback.",
    "dedicated_radio": "No cable can run between your rooms, so the nodes link by radio: "
    "a tri-band system with a radio reserved for that link keeps the full speed for your "
    "devices.",
}


def household_notes(
    answers: Answers, plan: CoveragePlan, gamers: int, latency: float | None, down: float
) -> list[str]:
    """One note per answer of issue 11 that changes the advice, so each is visibly used."""
    notes: list[str] = []
    if plan.backhaul in _BACKHAUL_NOTES:
        notes.append(_BACKHAUL_NOTES[plan.backhaul])
    home = answers.home
    # What makes more nodes necessary (a slab, thick walls) also weakens the radio link
    # between them: say where they go, and what would link them at full speed.
    slabs = home.floor_slabs == "concrete" and home.floors > 1
    if plan.backhaul == "dedicated_radio" and slabs:
        notes.append(
            "Concrete floors weaken the radio link between the nodes too: put each near the "
            "stairwell, straight above the one below; powerline adapters or a flat Ethernet "
            "cable up the stairs would link them at full speed."
        )
    elif plan.backhaul == "dedicated_radio" and home.walls in ("concrete", "stone"):
        notes.append(
            f"{home.walls.capitalize()} walls weaken the radio link between the nodes too: put "
            "each where it sees the last through a doorway or an open stairwell; powerline "
            "adapters would link them at full speed."
        )
    if gamers > 1:
        notes.append(
            f"{gamers} people game at once: traffic priority (QoS/SQM) keeps each game "
            "smooth while the others play, stream or download."
        )
    elif gamers == 1:
        notes.append(
            "You game online: traffic priority (QoS/SQM) keeps the game smooth while others "
            "stream or download."
        )
    if latency is not None and latency >= HIGH_BASE_LATENCY_MS:
        notes.append(
            f"Your line's idle latency is {latency:.0f} ms: no router can lower that, and "
            "real-time games will feel it."
        )
    isp, usage, prefs = answers.isp, answers.usage, answers.preferences
    if isp.handoff == "modem_needed":
        line = f"your {LINE_WORDS[isp.line]} line" if isp.line in LINE_WORDS else "your line"
        notes.append(f"The router must contain the modem for {line} (a modem-router).")
    elif isp.handoff == "sfp":
        notes.append(
            "Your fibre arrives as an SFP/SFP+ module: a router with an SFP cage takes it "
            "directly; otherwise the provider's fibre box (ONT) or a media converter is needed "
            "(priced into each system that needs one)."
        )
    elif isp.handoff_mbps is not None and isp.handoff_mbps < down:
        notes.append(
            f"The provider's box hands over at {isp.handoff_mbps} Mbit/s, below the "
            f"{down:.0f} Mbit/s plan: ask them for a faster port."
        )
    if isp.isp_box == "router" or isp.line == "satellite":
        notes.append(
            "Your provider's box is a router: put it in bridge (bypass) mode so your new "
            "router does the routing, or you get double NAT."
        )
    if usage.vpn == "server":
        notes.append("You want to reach home from outside: a VPN server on the router matters.")
    elif usage.vpn == "client":
        notes.append(
            "You want the router to run a VPN client (work or commercial VPN): it needs the "
            "CPU to encrypt at your line's speed."
        )
    if usage.separate_networks:
        notes.append("You want a separate network for smart-home devices or guests.")
    if prefs.comfort == "web":
        notes.append(
            "You prefer a web page to an app: systems you can manage in a browser count more."
        )
    elif prefs.comfort == "prosumer":
        notes.append(
            "You are happy with prosumer gear: a web interface and fine control count for more."
        )
    if prefs.region != "US":
        notes.append(
            f"Only models sold in the {prefs.region} are shortlisted; prices are US dollars "
            "as last seen and may differ where you buy."
        )
    return notes
