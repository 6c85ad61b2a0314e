"""From answers (plus an optional speed test and scan) to what the router must do.

Each derived need keeps a plain sentence saying where it came from, so a person can see
why the shortlist looks the way it does.
"""

import math
from dataclasses import asdict, dataclass
from typing import Any, Literal

from router_advisor.core.answers import (
    DEFAULT_DEVICES_PER_PERSON,
    DEFAULT_DOWN_MBPS,
    DEFAULT_UP_MBPS,
    Answers,
    Home,
)
from router_advisor.core.scan import ScanResult
from router_advisor.core.speed import SpeedResult
from router_advisor.core.wording import SizeUnit, area, plural

QosNeed = Literal["none", "helpful", "important"]

# Gigabit Ethernet carries at most ~940 Mbit/s of TCP payload (1000 Mbit/s line rate minus
# Ethernet/IP/TCP framing, 1460/1538 of the wire); a faster plan needs a 2.5G+ WAN port.
GIGABIT_GOODPUT_MBPS = 940
MULTIGIG_WAN_MBPS = 2500  # the next common WAN speed after 1G (IEEE 802.3bz 2.5GBASE-T)
TEN_GIG_WAN_MBPS = 10000
# One node covers about 1,500 sq ft (~140 m2) through drywall: eero 6 and Deco X20 product
# pages both claim "up to 1,500 sq ft" per unit; vendors quote open-plan best cases.
NODE_COVERAGE_M2 = 140.0
# Walls cut range: ~3 dB per drywall wall, ~8 dB brick, ~15 dB concrete (Cisco, "Wireless
# LAN Design Guide for High Density Client Environments", attenuation table); every
# ~6 dB halves the range, so we shrink the area one node covers accordingly.
WALL_COVERAGE_FACTOR: dict[str, float] = {"drywall": 1.0, "brick": 0.7, "concrete": 0.5}
FLOORS_PER_NODE = 2  # a central router reaches the floor above or below, rarely two away
# Wi-Fi delivers roughly half its link rate as real throughput (802.11 MAC overhead;
# Wi-Fi Alliance and SmallNetBuilder test results), so a link ~2x the plan uses it fully.
WIFI_HEADROOM = 2.0
STREAM_4K_MBPS = 25  # Netflix and Amazon Prime Video: 15-25 Mbit/s per 4K stream
# Bufferbloat grades on the DSLReports scale (issue 5): C adds 60-200 ms under load, which
# video calls feel; D and F (200 ms+) ruin games and calls.
BAD_BUFFERBLOAT = frozenset({"D", "F"})
MEDIOCRE_BUFFERBLOAT = frozenset({"C"})
# Wi-Fi 6 (OFDMA, target wake time) is what copes with a crowd of devices; Wi-Fi Alliance
# positions it for "dense environments"; 15+ devices is where its gains show (Ookla, 2021).
MANY_CLIENTS = 15
MANY_SMART_HOME = 10  # many cheap 2.4 GHz gadgets: security updates and an IoT network matter


@dataclass(frozen=True)
class Requirements:
    """What this household needs from a router, with where each number came from."""

    plan_down_mbps: float
    plan_up_mbps: float
    plan_source: str  # "speed test" | "entered" (speed --manual) | "answers" | "assumed"
    bufferbloat_grade: str | None
    clients: int
    clients_source: str  # "scan" | "answers" | "estimate": whose count `clients` is
    smart_home_devices: int
    useful_wifi_mbps: int
    area_m2: float
    floors: int
    walls: str
    nodes_needed: int
    mesh_preference: str
    lan_ports_needed: int
    multigig_lan: bool
    wan_mbps_needed: int
    qos_need: QosNeed
    sqm_wanted: bool
    gaming: bool
    video_calls: bool
    security_priority: str  # "normal" | "high"
    budget_usd: float | None
    no_cloud_account: bool
    notes: tuple[str, ...]
    scan_devices: int | None = None  # what a scan found, not counting the router; None: no scan
    area_unit: SizeUnit = "m2"  # the unit the home's size was given in

    @property
    def wants_mesh(self) -> bool:
        return self.mesh_preference == "yes" or (
            self.mesh_preference == "auto" and self.nodes_needed > 1
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["notes"] = list(self.notes)
        data["plan_down_mbps"] = round(self.plan_down_mbps, 1)
        data["plan_up_mbps"] = round(self.plan_up_mbps, 1)
        data["area_m2"] = round(self.area_m2, 1)
        data["wants_mesh"] = self.wants_mesh
        return data


def _plan(answers: Answers, speed: SpeedResult | None) -> tuple[float, float, str]:
    if speed is not None:
        return speed.download_mbps, speed.upload_mbps, "entered" if speed.manual else "speed test"
    if answers.isp.down_mbps is not None:
        return answers.isp.down_mbps, answers.isp.up_mbps or DEFAULT_UP_MBPS, "answers"
    return DEFAULT_DOWN_MBPS, answers.isp.up_mbps or DEFAULT_UP_MBPS, "assumed"


def scan_device_count(scan: ScanResult) -> int:
    """Devices a scan found, not counting the router (gateway): the one count shown everywhere."""
    return sum(1 for d in scan.devices if not d.is_gateway)


def _clients(answers: Answers, scan: ScanResult | None) -> tuple[int, int, bool, str]:
    """Clients, smart-home devices, consoles seen, and whose count `clients` is.

    A scan misses devices that are off or asleep, and a person forgets some: the larger of
    the two counts wins. Without either, the count is estimated from the number of people.
    """
    smart = answers.household.smart_home_devices
    counted = answers.household.devices
    if scan is not None:
        found = [d for d in scan.devices if not d.is_gateway]
        iot = sum(1 for d in found if d.kind == "iot")
        consoles = any(d.kind == "console" for d in found)
        if counted is not None and counted >= len(found):
            return max(counted, 1), max(smart, iot), consoles, "answers"
        return max(len(found), 1), max(smart, iot), consoles, "scan"
    if counted is not None:
        return counted, smart, False, "answers"
    estimate = answers.household.people * DEFAULT_DEVICES_PER_PERSON
    return max(estimate, smart), smart, False, "estimate"


def _nodes(area_m2: float, floors: int, walls: str, preference: str) -> int:
    if preference == "no":
        return 1
    per_node = NODE_COVERAGE_M2 * WALL_COVERAGE_FACTOR[walls]
    by_area = math.ceil(area_m2 / per_node - 0.05)  # 5% slack: a 147 m2 flat is one node
    by_floors = math.ceil(floors / FLOORS_PER_NODE)
    nodes = max(1, by_area, by_floors)
    return max(nodes, 2) if preference == "yes" else nodes


def _wan_needed(down_mbps: float) -> int:
    if down_mbps <= GIGABIT_GOODPUT_MBPS:
        return 1000
    return MULTIGIG_WAN_MBPS if down_mbps <= MULTIGIG_WAN_MBPS * 0.94 else TEN_GIG_WAN_MBPS


def _qos(grade: str | None, gaming: bool, calls: bool) -> tuple[QosNeed, bool]:
    latency_sensitive = gaming or calls
    if grade in BAD_BUFFERBLOAT:
        return ("important" if latency_sensitive else "helpful"), True
    if grade in MEDIOCRE_BUFFERBLOAT and latency_sensitive:
        return "important", gaming
    if latency_sensitive:
        return "helpful", False
    return "none", False


def derive_requirements(
    answers: Answers, speed: SpeedResult | None = None, scan: ScanResult | None = None
) -> Requirements:
    """Turn what we know about a home into the needs a router is scored against."""
    down, up, plan_source = _plan(answers, speed)
    grade = speed.bufferbloat_grade if speed is not None else None
    clients, smart, consoles, clients_source = _clients(answers, scan)
    gaming = answers.usage.gaming or consoles
    calls = answers.usage.video_calls or answers.usage.remote_work
    home, prefs = answers.home, answers.preferences
    nodes = _nodes(home.size_m2, home.floors, home.walls, prefs.mesh)
    wan = _wan_needed(down)
    qos_need, sqm = _qos(grade, gaming, calls)
    streams_mbps = answers.usage.streaming_4k * STREAM_4K_MBPS
    useful = int(max(down, streams_mbps) * WIFI_HEADROOM)
    if answers.wired.multigig:
        useful = max(useful, MULTIGIG_WAN_MBPS)
    security = "high" if smart >= MANY_SMART_HOME or answers.usage.remote_work else "normal"

    notes = [_plan_note(down, up, plan_source)]
    if grade is not None:
        notes.append(_grade_note(grade, sqm))
    found = scan_device_count(scan) if scan is not None else None
    notes.append(_clients_note(clients, clients_source, smart, found, answers.household.devices))
    if consoles and not answers.usage.gaming:
        notes.append("The scan found a games console, so gaming counts as a need.")
    notes.append(_coverage_note(area(home.size_m2, home.size_unit), home, nodes, prefs.mesh))
    if wan > 1000:
        notes.append(
            f"Your {down:.0f} Mbit/s plan is faster than a 1 Gbit/s port can carry "
            f"(about {GIGABIT_GOODPUT_MBPS} Mbit/s), so the router needs a WAN port of at "
            f"least {wan / 1000:g} Gbit/s."
        )
    if answers.wired.devices:
        wired = plural(answers.wired.devices, "wired device")
        notes.append(f"{wired} need{'s' if answers.wired.devices == 1 else ''} LAN ports.")
    if answers.wired.multigig:
        notes.append("You want a 2.5 Gbit/s or faster LAN port for a NAS or a PC.")
    if streams_mbps > down:
        notes.append(
            f"{answers.usage.streaming_4k} 4K streams need about {streams_mbps} Mbit/s, more "
            f"than your {down:.0f} Mbit/s plan: no router can fix that, only a faster plan."
        )
    if security == "high":
        notes.append(
            "Automatic security updates matter more here (many smart-home "
            "devices or work from home)."
        )
    return Requirements(
        plan_down_mbps=down,
        plan_up_mbps=up,
        plan_source=plan_source,
        bufferbloat_grade=grade,
        clients=clients,
        clients_source=clients_source,
        smart_home_devices=smart,
        useful_wifi_mbps=useful,
        area_m2=home.size_m2,
        floors=home.floors,
        walls=home.walls,
        nodes_needed=nodes,
        mesh_preference=prefs.mesh,
        lan_ports_needed=answers.wired.devices,
        multigig_lan=answers.wired.multigig,
        wan_mbps_needed=wan,
        qos_need=qos_need,
        sqm_wanted=sqm,
        gaming=gaming,
        video_calls=calls,
        security_priority=security,
        budget_usd=answers.budget_usd,
        no_cloud_account=prefs.no_cloud_account,
        notes=tuple(notes),
        scan_devices=found,
        area_unit=home.size_unit,
    )


def _plan_note(down: float, up: float, source: str) -> str:
    where = {
        "speed test": "as measured by the speed test",
        "entered": "as you entered it (not measured)",
        "answers": "from your answers",
        "assumed": "assumed (you did not give your plan; add [isp] down_mbps)",
    }[source]
    return f"Internet: {down:.0f} Mbit/s down, {up:.0f} Mbit/s up, {where}."


def _grade_note(grade: str, sqm: bool) -> str:
    if grade in BAD_BUFFERBLOAT:
        return (
            f"Bufferbloat grade {grade}: your connection lags badly when busy; a router "
            "with smart queue management (SQM) can fix that."
        )
    if grade in MEDIOCRE_BUFFERBLOAT:
        fix = "; smart queue management (SQM) would smooth your games" if sqm else ""
        return f"Bufferbloat grade {grade}: your connection lags noticeably when busy{fix}."
    return f"Bufferbloat grade {grade}: latency under load is acceptable."


def _clients_note(
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


def _coverage_note(size: str, home: Home, nodes: int, preference: str) -> str:
    floors = plural(home.floors, "floor")
    text = f"{size} on {floors} with {home.walls} walls"
    if preference == "no":
        return f"{text}: you prefer a single router, so coverage may be weak at the far end."
    if nodes == 1:
        return f"{text}: one well-placed router should cover it."
    return f"{text}: a mesh of {nodes} nodes is needed to cover it well."
