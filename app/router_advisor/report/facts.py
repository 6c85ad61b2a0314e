"""The requirements in plain words, and a shortlisted model's name from its stored entry,
shared by every format (the words themselves are core/wording.py's)."""

from typing import Any

from router_advisor.core.wording import area, plural, router_name, usd

# Where the plan speed and the device count came from, in words.
PLAN_SOURCES = {
    "speed test": "measured",
    "entered": "as you entered it",
    "answers": "from your answers",
    "assumed": "assumed",
}
CLIENT_SOURCES = {"scan": "network scan", "answers": "your count", "estimate": "estimated"}


def display_name(entry: dict[str, Any]) -> str:
    """A shortlist entry as stored (`recommend --json`) named as its Router would be; a
    system of several parts by all of them, as `recommend` printed it."""
    if len(entry.get("components") or ()) > 1 and entry.get("system_name"):
        return str(entry["system_name"])
    return router_name(
        entry["brand"], entry["model"], entry.get("hardware_revision"), entry["pack_size"]
    )


def requirement_rows(req: dict[str, Any]) -> list[tuple[str, str]]:
    """The requirements as (need, value) rows in plain words."""
    qos = {"none": "not needed", "helpful": "helpful", "important": "important"}[req["qos_need"]]
    if req["sqm_wanted"]:
        qos += " (SQM wanted)"
    budget = "no limit" if req["budget_usd"] is None else usd(req["budget_usd"])
    plan = PLAN_SOURCES.get(req["plan_source"], req["plan_source"])
    found = req.get("scan_devices")
    clients = CLIENT_SOURCES.get(req["clients_source"], req["clients_source"])
    if found is not None and req["clients_source"] != "scan":
        clients += f"; the scan found {found}, not counting your router"
    return [
        (
            "Internet plan",
            f"{req['plan_down_mbps']:g} / {req['plan_up_mbps']:g} Mbit/s ({plan})",
        ),
        ("Bufferbloat grade", req["bufferbloat_grade"] or "not measured"),
        ("Connected devices", f"{req['clients']} ({clients})"),
        (
            "Coverage",
            f"{plural(req['nodes_needed'], 'node')} for "
            f"{area(req['area_m2'], req.get('area_unit', 'm2'))} on "
            f"{plural(req['floors'], 'floor')}, {req['walls']} walls"
            + (", measured by your walk test" if req.get("nodes_measured") else ""),
        ),
        ("Internet (WAN) port", f"at least {req['wan_mbps_needed'] / 1000:g} Gbit/s"),
        (
            "Wired devices",
            str(req["lan_ports_needed"])
            + (" (wants a 2.5G+ LAN port)" if req["multigig_lan"] else ""),
        ),
        ("QoS / traffic priority", qos),
        ("Security updates", req["security_priority"]),
        ("Budget", budget),
        ("Cloud account", "must not be required" if req["no_cloud_account"] else "acceptable"),
    ]
