"""Criteria of the lead unit (the one the Internet plugs into), one function each: Wi-Fi,
WAN port, the line, QoS, security updates, management and the features asked for.

Same Finding contract as criteria.py; the numbers live in thresholds.py. Findings that do
not depend on the model are made once here: ranking ten thousand models stays fast.
"""

from functools import lru_cache

from router_advisor.core.needs import Requirements
from router_advisor.core.router import Router
from router_advisor.core.scoring import thresholds as t
from router_advisor.core.scoring.criteria import NOTHING_TO_SAY, Finding, class_rating

_WIFI5_CROWDED = Finding(
    t.WIFI5_CROWDED_SCORE,
    caveat="Wi-Fi 5 copes poorly with {q.clients} devices at once; Wi-Fi 6 or newer handles "
    "crowds far better.",
)
_WIFI5 = Finding(
    t.GENERATION_SCORE["5"],
    caveat="Wi-Fi 5 is an older standard; newer phones and laptops will not reach their best "
    "speed.",
)
_LOW_RAM = {
    gen: Finding(
        score * t.LOW_RAM_FACTOR, caveat="Only {r.ram_mb} MB of memory for {q.clients} devices."
    )
    for gen, score in t.GENERATION_SCORE.items()
}
_ENTRY_CLASS = {
    gen: Finding(
        score * t.ENTRY_CLASS_FACTOR,
        caveat="An entry-level {r.wifi_class} model for about {q.clients} devices: a "
        "stronger one holds more connections at once.",
    )
    for gen, score in t.GENERATION_SCORE.items()
}
_CROWD_READY = {
    gen: Finding(
        score,
        "Wi-Fi {r.wifi_generation}, the standard built for many devices at once "
        "(yours: about {q.clients}).",
    )
    for gen, score in t.GENERATION_SCORE.items()
}
# A plan a Wi-Fi 6 link carries with room to spare, and a handful of devices: the newer
# generation is no harm, but nothing to pay for.
_NEWER_THAN_NEEDED = {
    gen: Finding(
        t.GENERATION_SCORE["6"],
        "Wi-Fi {r.wifi_generation}: more than {x.plan} needs (Wi-Fi 6 carries it), but "
        "ready for a faster one.",
    )
    for gen in ("6E", "7")
}
_CURRENT = {
    gen: Finding(score, "Wi-Fi {r.wifi_generation}, a current standard.")
    for gen, score in t.GENERATION_SCORE.items()
}


_WEAK_FOR_ONE_ROUTER = {
    gen: Finding(
        score * t.WEAK_SINGLE_ROUTER_FACTOR,
        caveat="As the only router in a home that would need more units, its {r.wifi_class} "
        "radios fall short at the far end: one with stronger radios (AX5400 or more) "
        "reaches further.",
    )
    for gen, score in t.GENERATION_SCORE.items()
}


def wifi(r: Router, q: Requirements) -> Finding:
    gen = r.wifi_generation
    if gen == "5":
        return _WIFI5_CROWDED if q.clients >= t.CROWDED_CLIENTS_WIFI5 else _WIFI5
    if q.one_router_stretched:
        rating = class_rating(r.wifi_class)
        if rating is not None and rating < t.STRONG_SINGLE_ROUTER_RATING:
            return _WEAK_FOR_ONE_ROUTER[gen]
    ram = r.ram_mb
    if q.clients >= t.HEAVY_CLIENTS and ram is not None and ram < t.HEAVY_CLIENTS_RAM_MB:
        return _LOW_RAM[gen]
    if q.clients >= t.HEAVY_CLIENTS:
        rating = class_rating(r.wifi_class)
        if rating is not None and rating < t.ENTRY_CLASS_RATING:
            return _ENTRY_CLASS[gen]
    if q.clients >= t.CROWDED_CLIENTS_WIFI5:
        return _CROWD_READY[gen]
    if q.useful_wifi_mbps < t.NEWEST_WIFI_USEFUL_FROM_MBPS and gen in ("6E", "7"):
        return _NEWER_THAN_NEEDED[gen]
    return _CURRENT[gen]


_WAN_UNKNOWN_MULTIGIG = Finding(
    t.WAN_SCORE["unknown_multigig_needed"],
    caveat="Its Internet (WAN) port speed is unknown, and {x.plan} needs more than 1 Gbit/s.",
    unknown="wan_mbps",
)
_WAN_UNKNOWN = Finding(t.WAN_SCORE["unknown_gigabit_enough"])
_WAN_FULL = Finding(1.0, "Its {x.wan_gbps:g} Gbit/s Internet port carries {x.plan} in full.")
_WAN_MOST = Finding(
    t.WAN_SCORE["gigabit_for_a_gigabit_plan"],
    caveat="Its 1 Gbit/s Internet port carries about 940 Mbit/s of {x.plan}; a 2.5 Gbit/s "
    "port would carry all of it.",
)
_WAN_SLOW = Finding(
    t.WAN_SCORE["too_slow"], caveat="Its {r.wan_mbps} Mbit/s Internet port caps {x.plan}."
)


def wan(r: Router, q: Requirements) -> Finding:
    if r.kind == "modem_router" and q.modem_needed:
        return NOTHING_TO_SAY  # the line plugs into its modem: no WAN port in between
    speed = r.wan_mbps
    if speed is None:
        return _WAN_UNKNOWN_MULTIGIG if q.wan_mbps_needed > 1000 else _WAN_UNKNOWN
    if speed >= q.wan_preferred_mbps:
        return _WAN_FULL
    return _WAN_MOST if speed >= q.wan_mbps_needed else _WAN_SLOW


_MODEM_BUILT_IN = Finding(1.0, "Has the modem for your line built in.")
_NO_MODEM = Finding(
    t.LINE_SCORE["needs_separate_modem"],
    caveat="Has no modem: your line needs one, so keep the provider's modem (in bridge mode) "
    "or add one.",
)
_SFP = Finding(1.0, "Its SFP cage takes your fibre module directly.")
_NO_SFP = Finding(
    t.LINE_SCORE["needs_sfp_converter"],
    # system_builder adds the converter to every system whose lead has no cage
    caveat="No SFP cage for your fibre module: the price includes a media converter from "
    "the module to its Ethernet port (or keep the provider's fibre box, ONT, instead).",
)
_SFP_UNKNOWN = Finding(
    t.LINE_SCORE["needs_sfp_converter"],
    caveat="Unknown whether it has an SFP cage for your fibre module: without one, keep the "
    "provider's fibre box (ONT) or add an SFP-to-Ethernet converter (not in the price).",
    unknown="sfp_ports",
)


def line(r: Router, q: Requirements) -> Finding:
    """The modem a line needs, and an SFP hand-off."""
    if q.modem_needed:
        return _MODEM_BUILT_IN if r.kind == "modem_router" else _NO_MODEM
    if q.handoff == "sfp":
        if r.sfp_ports:
            return _SFP
        return _SFP_UNKNOWN if r.sfp_ports is None else _NO_SFP
    return NOTHING_TO_SAY


_SQM = Finding(
    t.QOS_SCORE["sqm"],
    "Has smart queue management (SQM), which keeps games and calls smooth while someone downloads.",
)
_PRIORITY = "Can prioritise devices or apps."


@lru_cache(maxsize=64)
def _qos_finding(sqm: bool | None, other: bool, cares: bool, sqm_wanted: bool) -> Finding:
    if sqm:
        return _SQM
    if sqm is None:
        unknown = "qos.sqm" if cares else ""
        if other:
            caveat = (
                "Unknown whether it has SQM, the feature that fixes lag under load."
                if sqm_wanted
                else ""
            )
            return Finding(t.QOS_SCORE["priority_sqm_unknown"], _PRIORITY, caveat, unknown)
        caveat = "Its traffic-priority features are unknown." if cares else ""
        return Finding(t.QOS_SCORE["unknown"], caveat=caveat, unknown=unknown)
    if other:
        caveat = "No SQM: prioritising cannot fully stop lag when the line is full."
        return Finding(t.QOS_SCORE["priority_no_sqm"], _PRIORITY, caveat if sqm_wanted else "")
    caveat = "No traffic-priority features at all." if cares else ""
    return Finding(t.QOS_SCORE["none"], caveat=caveat)


def qos(r: Router, q: Requirements) -> Finding:
    x = r.qos
    other = bool(x.adaptive or x.device_priority)
    return _qos_finding(x.sqm, other, q.qos_need != "none", q.sqm_wanted)


def security(r: Router, q: Requirements, today: str | None) -> Finding:
    """Known dates and promises become reasons with the date; "unknown" only when it is."""
    fw = r.firmware
    end = fw.end_of_support
    soon = (
        end is not None
        and today is not None
        and end < _years_after(today, t.SUPPORT_ENDS_SOON_YEARS)
    )
    return _security_finding(
        r.wpa3,
        fw.automatic_updates,
        fw.support_years_promised,
        fw.support_counts_from,
        end is not None,
        fw.supported_as_of is not None,
        soon,
        end is None and fw.eol_listed_as_of is not None,
    )


def _years_after(day: str, years: int) -> str:
    """ "2026-12-01" and 2 -> "2028-12-01" (ISO dates compare as text)."""
    return f"{int(day[:4]) + years:04d}{day[4:]}"


@lru_cache(maxsize=512)
def _security_finding(
    wpa3: bool | None,
    auto: bool | None,
    years: int | None,
    basis: str | None,
    has_end: bool,
    checked: bool,
    ends_soon: bool = False,
    eol_listed: bool = False,
) -> Finding:
    if eol_listed:  # on the vendor's end-of-life list: support has ended, whatever was promised
        score = (t.WPA3_SCORE[wpa3] + t.AUTO_UPDATE_SCORE[auto] + t.SUPPORT_ENDED) / 3
        return Finding(
            score * t.SUPPORT_ENDS_SOON_FACTOR,
            caveat="It is {x.eol_listed}: no more security updates.",
        )
    if years is not None:
        support = min(1.0, years / t.GOOD_SUPPORT_YEARS)
    elif has_end or checked:
        support = t.SUPPORT_DATE_KNOWN
    else:
        support = t.SUPPORT_UNKNOWN
    score = (t.WPA3_SCORE[wpa3] + t.AUTO_UPDATE_SCORE[auto] + support) / 3  # a third each
    window = _support_window(years, basis, has_end, checked)
    if ends_soon:
        return Finding(
            score * t.SUPPORT_ENDS_SOON_FACTOR,
            caveat="Security updates end on {x.fw.end_of_support}, within two years: a "
            "router bought now should be supported for longer.",
        )
    if wpa3 is False:
        return Finding(score, window, "No WPA3, the current Wi-Fi security standard.")
    if auto is None and not window:
        return Finding(
            score,
            caveat="Its firmware update policy is unknown to us: ask the vendor.",
            unknown="firmware",
        )
    if auto is None:
        return Finding(score, window, unknown="automatic_updates")
    if auto:
        both = (window + " ") if window else ""
        return Finding(score, both + "Installs security updates automatically.")
    caveat = "Does not update itself: you must install updates by hand."
    return Finding(score, window, caveat, "" if window else "firmware")


def _support_window(years: int | None, basis: str | None, has_end: bool, checked: bool) -> str:
    """The support facts we know, as one sentence template with their dates."""
    if has_end:
        return "Security updates until {x.fw.end_of_support} (the vendor's date)."
    if years is not None:
        after = {"launch": " from launch", "end_of_sale": " after it stops being sold"}
        return (
            "The vendor promises {x.fw.support_years_promised} years of updates"
            + after.get(basis or "", "")
            + "."
        )
    if checked:
        return "On the vendor's list of supported models as of {x.fw.supported_as_of}."
    return ""


_SUBSCRIPTION = "Some features need a paid subscription: {x.subscriptions}."


def management(r: Router, q: Requirements) -> Finding:
    m = r.management
    return _management_finding(
        m.cloud_account_required,
        m.local_web_ui,
        m.app,
        bool(r.subscription_features),
        q.no_cloud_account,
        q.comfort,
        r.firmware.automatic_updates,
    )


def comfort_points(r: Router, q: Requirements) -> float:
    """Points off for a system this household would struggle with (thresholds.COMFORT_POINTS):
    for an app household no phone app, and worse, updates to install by hand too; for a
    prosumer, an app-only system without the fine control of a web interface."""
    if q.comfort == "prosumer":
        return (
            t.COMFORT_POINTS["app_only_for_prosumer"] if r.management.local_web_ui is False else 0.0
        )
    if q.comfort != "app":
        return 0.0
    manual = r.firmware.automatic_updates is False
    if r.management.app is False:
        return t.COMFORT_POINTS["no_app_manual_updates" if manual else "no_app"]
    return t.COMFORT_POINTS["manual_updates"] if manual else 0.0


@lru_cache(maxsize=512)
def _management_finding(
    account: bool | None,
    web: bool | None,
    app: bool | None,
    subscription: bool,
    no_account_wanted: bool,
    comfort: str,
    auto_updates: bool | None = None,
) -> Finding:
    caveat = _SUBSCRIPTION if subscription else ""
    if account:
        f = Finding(
            t.MANAGEMENT_SCORE["account_required"],
            caveat=caveat or "Needs an online account with the maker to set up.",
        )
    elif account is None:
        unknown = "cloud_account" if no_account_wanted else ""
        f = Finding(t.MANAGEMENT_SCORE["account_unknown"], caveat=caveat, unknown=unknown)
    elif web:
        f = Finding(
            t.MANAGEMENT_SCORE["local"],
            "Can be managed from a browser on your own network, no account needed.",
            caveat,
        )
    else:
        f = Finding(t.MANAGEMENT_SCORE["no_account"], caveat=caveat)
    # Comfort: an app person and a web-only system, or a prosumer and an app-only one.
    if comfort == "app" and app is False:
        note = (
            "No phone app: it is set up and run from a web page, and you must install its "
            "updates yourself. It suits someone who likes to tinker, not a household that "
            "wants an app."
            if auto_updates is False
            else "No phone app: it is set up from a web page, which takes more know-how."
        )
        return Finding(
            f.score * t.COMFORT_MISMATCH_FACTOR, f.reason, _join(f.caveat, note), f.unknown
        )
    if comfort == "prosumer" and web is False:
        note = "App only: no web interface for the fine control you like."
        return Finding(
            f.score * t.COMFORT_MISMATCH_FACTOR, f.reason, _join(f.caveat, note), f.unknown
        )
    if comfort == "app" and app:
        reason = _join("Set up and managed with a phone app.", f.reason)
        return Finding(f.score, reason, f.caveat, f.unknown)
    return f


def _join(first: str, second: str) -> str:
    return f"{first} {second}".strip()


_VPN = Finding(1.0, "Runs a VPN server ({x.vpn}) so you can reach home from outside.")
_NO_VPN = Finding(
    t.FEATURE_SCORE[False], caveat="No built-in VPN server to reach home from outside."
)
_VPN_UNKNOWN = Finding(t.FEATURE_SCORE[None], unknown="vpn_server")


_VPN_CLIENT_LIKELY = Finding(
    t.VPN_CLIENT_SCORE["runs_vpn_software"],
    "Runs {x.vpn} VPN software, which firmware that serves a VPN usually also runs as a "
    "client for your work VPN: check it does (asked below).",
)
_NO_VPN_CLIENT = Finding(
    t.VPN_CLIENT_SCORE["no_vpn_software"],
    caveat="No VPN software built in: it cannot run your work or paid VPN for the home; "
    "each device needs its own VPN app.",
)
_VPN_CLIENT_UNKNOWN = Finding(t.VPN_CLIENT_SCORE["unknown"])


def features(r: Router, q: Requirements) -> Finding:
    """A VPN server to reach home, or VPN software to run a work VPN as a client for the
    whole home, when the household wants one."""
    if q.vpn == "none":
        return NOTHING_TO_SAY
    if q.vpn == "client":
        if r.vpn_server is None:
            return _VPN_CLIENT_UNKNOWN
        return _VPN_CLIENT_LIKELY if r.vpn_server else _NO_VPN_CLIENT
    if r.vpn_server is None:
        return _VPN_UNKNOWN
    return _VPN if r.vpn_server else _NO_VPN
