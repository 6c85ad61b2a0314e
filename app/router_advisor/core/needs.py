"""From answers (plus an optional speed test and scan) to what the router must do.

Each derived need keeps a plain sentence saying where it came from, so a person can see
why the shortlist looks the way it does.
"""

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

from router_advisor.core.answers import (
    DEFAULT_DEVICES_PER_PERSON,
    DEFAULT_DOWN_MBPS,
    DEFAULT_UP_MBPS,
    Answers,
    Home,
)
from router_advisor.core.coverage import BackhaulNeed, CoveragePlan, plan_coverage
from router_advisor.core.need_notes import (
    BAD_BUFFERBLOAT,
    MEDIOCRE_BUFFERBLOAT,
    clients_note,
    coverage_note,
    grade_note,
    household_notes,
    plan_note,
    plan_subject,
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
# Wi-Fi delivers roughly half its link rate as real throughput (802.11 MAC overhead;
# Wi-Fi Alliance and SmallNetBuilder test results), so a link ~2x the plan uses it fully.
WIFI_HEADROOM = 2.0
STREAM_4K_MBPS = 25  # Netflix and Amazon Prime Video: 15-25 Mbit/s per 4K stream
# Wi-Fi 6 (OFDMA, target wake time) is what copes with a crowd of devices; Wi-Fi Alliance
# positions it for "dense environments"; 15+ devices is where its gains show (Ookla, 2021).
MANY_CLIENTS = 15
MANY_SMART_HOME = 10  # many cheap 2.4 GHz gadgets: security updates and an IoT network matter
# Three people gaming at once, or two beside a 4K stream or a big upload, fill a queue that
# a plain router lets grow: QoS/SQM keeps each game's packets first (Bufferbloat project,
# "What can I do about bufferbloat?": several flows on one link is where it shows).
MANY_GAMERS = 3
# Satellite and 4G/5G links change capacity minute to minute, and their modems buffer
# deeply: bufferbloat is the rule there (Starlink and LTE measurements, Bufferbloat project
# "Starlink" and "cake-autorate"), so SQM is wanted for games and calls before any test.
VARIABLE_LINES = frozenset({"satellite", "lte_5g"})


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
    # Issue 11's answers, each used in scoring, questions or notes.
    home: Home = field(default_factory=Home)
    gamers: int = 0
    backhaul_need: BackhaulNeed = "none"
    coverage_reasons: tuple[str, ...] = ()
    wan_preferred_mbps: int = 1000  # a faster port is welcome (a 1 Gbit/s plan) if not needed
    latency_ms: float | None = None  # idle latency, measured or typed
    line: str = "unknown"
    handoff: str = "ethernet"
    handoff_mbps: int | None = None
    isp_box: str = "modem"
    vpn: str = "none"
    separate_networks: bool = False
    comfort: str = "app"
    region: str = "US"
    owned: tuple[str, ...] = ()
    nodes_measured: bool = False  # the node count comes from a walk test, not the home's area
    # One router asked for ("no mesh") where the home needs more nodes: its radios must
    # reach as far as a router's can.
    one_router_stretched: bool = False
    large_uploads: bool = False  # sends large files (backups, video): the upload queue matters

    @property
    def wants_mesh(self) -> bool:
        return self.mesh_preference == "yes" or (
            self.mesh_preference == "auto" and self.nodes_needed > 1
        )

    @property
    def plan_words(self) -> str:
        """The line's speed as a person reads it: "your 500 Mbit/s plan", but "the 96 Mbit/s
        your speed test measured" (a measured speed is not the plan)."""
        if self.plan_source == "speed test":
            return f"the {self.plan_down_mbps:.0f} Mbit/s your speed test measured"
        return f"your {self.plan_down_mbps:.0f} Mbit/s plan"

    @property
    def modem_needed(self) -> bool:
        return self.handoff == "modem_needed"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["notes"] = list(self.notes)
        data["coverage_reasons"] = list(self.coverage_reasons)
        data["owned"] = list(self.owned)
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


def _wan_needed(down_mbps: float) -> int:
    """The WAN port a plan needs: a gigabit one up to a 1 Gbit/s plan (it carries ~940
    Mbit/s of it, so a 2.5G port is only preferred there, see _wan_preferred)."""
    if down_mbps <= 1000:
        return 1000
    return MULTIGIG_WAN_MBPS if down_mbps <= MULTIGIG_WAN_MBPS * 0.94 else TEN_GIG_WAN_MBPS


def _wan_preferred(down_mbps: float, needed: int) -> int:
    """A plan of about a gigabit (over 90% of what a 1G port carries) is better served by a
    2.5G port: a 1G port carries ~940 Mbit/s of it. A preference, never a must-have."""
    if needed == 1000 and down_mbps > 0.9 * GIGABIT_GOODPUT_MBPS:
        return MULTIGIG_WAN_MBPS
    return needed


def _qos(grade: str | None, gamers: int, calls: bool, busy: bool) -> tuple[QosNeed, bool]:
    """`busy`: a 4K stream or large uploads share the line with the games."""
    latency_sensitive = gamers > 0 or calls
    crowd = gamers >= MANY_GAMERS or (gamers >= 2 and busy)
    if grade in BAD_BUFFERBLOAT:
        return ("important" if latency_sensitive else "helpful"), True
    if grade in MEDIOCRE_BUFFERBLOAT and latency_sensitive:
        return "important", gamers > 0
    if crowd:
        return "important", True
    if latency_sensitive:
        return "helpful", False
    return "none", False


# What the coverage note says when a walk test counted the nodes.
MEASURED_NODES_REASON = "measured room by room by your walk test, not guessed from the area"


def measured_coverage(plan: CoveragePlan, measured_nodes: int, mesh: str) -> CoveragePlan:
    """The plan with the node count a walk test measured in place of the area estimate; the
    person's own mesh preference still holds ("yes": at least two units)."""
    nodes = max(measured_nodes, 2 if mesh == "yes" else 1)
    return replace(plan, nodes=nodes, reasons=(MEASURED_NODES_REASON,))


def derive_requirements(
    answers: Answers,
    speed: SpeedResult | None = None,
    scan: ScanResult | None = None,
    measured_nodes: int | None = None,
) -> Requirements:
    """Turn what we know about a home into the needs a router is scored against.
    `measured_nodes`: the node count a walk test suggested, used instead of the estimate
    from area, walls and floors (unless the person wants a single router)."""
    down, up, plan_source = _plan(answers, speed)
    grade = speed.bufferbloat_grade if speed is not None else None
    clients, smart, consoles, clients_source = _clients(answers, scan)
    usage = answers.usage
    gamers = max(usage.gamers, 1 if consoles else 0)
    gaming = gamers > 0
    calls = usage.video_calls or usage.remote_work
    home, prefs, isp = answers.home, answers.preferences, answers.isp
    coverage: CoveragePlan = plan_coverage(home, prefs.mesh)
    measured = measured_nodes is not None and prefs.mesh != "no"
    if measured_nodes is not None and measured:
        coverage = measured_coverage(coverage, measured_nodes, prefs.mesh)
    nodes = coverage.nodes
    wan = _wan_needed(down)
    busy = usage.streaming_4k > 0 or usage.large_uploads
    qos_need, sqm = _qos(grade, gamers, calls, busy)
    if isp.line in VARIABLE_LINES and (gamers or calls) and grade is None:
        sqm = True  # their capacity swings: a queue that adapts (SQM) is what keeps calls smooth
    latency = speed.idle_latency_ms if speed is not None and speed.idle_latency_ms else None
    latency = latency if latency is not None else isp.latency_ms
    streams_mbps = answers.usage.streaming_4k * STREAM_4K_MBPS
    useful = int(max(down, streams_mbps) * WIFI_HEADROOM)
    if answers.wired.multigig:
        useful = max(useful, MULTIGIG_WAN_MBPS)
    security = "high" if smart >= MANY_SMART_HOME or answers.usage.remote_work else "normal"

    notes = [plan_note(down, up, plan_source, latency, isp.line)]
    if grade is not None:
        notes.append(grade_note(grade, sqm))
    found = scan_device_count(scan) if scan is not None else None
    notes.append(clients_note(clients, clients_source, smart, found, answers.household.devices))
    if consoles and not answers.usage.gaming:
        notes.append("The scan found a games console, so gaming counts as a need.")
    notes.append(coverage_note(area(home.size_m2, home.size_unit), coverage, home, prefs.mesh))
    notes.extend(household_notes(answers, coverage, gamers, latency, down))
    if wan == 1000 and _wan_preferred(down, wan) > 1000:
        notes.append(
            f"{plan_subject(down, plan_source)} is about what a 1 Gbit/s port carries "
            f"(~{GIGABIT_GOODPUT_MBPS} Mbit/s): a 2.5 Gbit/s WAN port is preferred, not needed."
        )
    if wan > 1000:
        notes.append(
            f"{plan_subject(down, plan_source)} is faster than a 1 Gbit/s port can carry "
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
        home=home,
        gamers=gamers,
        backhaul_need=coverage.backhaul,
        coverage_reasons=coverage.reasons,
        wan_preferred_mbps=_wan_preferred(down, wan),
        latency_ms=latency,
        line=isp.line,
        handoff=isp.handoff,
        handoff_mbps=isp.handoff_mbps,
        isp_box=isp.isp_box,
        vpn=usage.vpn,
        separate_networks=usage.separate_networks,
        comfort=prefs.comfort,
        region=prefs.region,
        owned=answers.equipment.owned,
        nodes_measured=measured,
        one_router_stretched=nodes == 1 and coverage.home_nodes > 1,
        large_uploads=usage.large_uploads,
    )
