"""Short summaries of a shortlisted model and the requirements, shared by every format."""

from typing import Any

from router_advisor.core.wording import area, plural, router_kind, usd

# Where the plan speed and the device count came from, in words.
PLAN_SOURCES = {
    "speed test": "measured",
    "entered": "as you entered it",
    "answers": "from your answers",
    "assumed": "assumed",
}
CLIENT_SOURCES = {"scan": "network scan", "answers": "your count", "estimate": "estimated"}


def money(value: float | None) -> str:
    """A price as every answer, report and card shows it: "$99.99"."""
    return "price unknown" if value is None else usd(value)


def score_text(score: float) -> str:
    """ "score 79/100": the scale is always shown."""
    return f"score {score:.0f}/100"


def key_facts(entry: dict[str, Any]) -> str:
    """One line a person can scan: kind, Wi-Fi, ports. Unknowns say "unknown"."""
    kind = router_kind(entry["kind"], entry["pack_size"], entry.get("line"))
    wifi = f"Wi-Fi {entry['wifi_generation']}"
    if entry.get("wifi_class"):
        wifi += f" {entry['wifi_class']}"
    wan = entry.get("wan_mbps")
    wan_text = "WAN unknown" if wan is None else f"{wan / 1000:g}G WAN"
    lan = entry.get("lan_ports_mbps")
    lan_text = "LAN ports unknown" if lan is None else plural(len(lan), "LAN port")
    return f"{kind} · {wifi} · {wan_text} · {lan_text}"


def display_name(entry: dict[str, Any]) -> str:
    """Brand and model, without repeating a brand the model name already starts with."""
    brand, model = entry["brand"], entry["model"]
    name = model if model.lower().startswith(brand.lower() + " ") else f"{brand} {model}"
    if entry.get("hardware_revision"):
        name += f" ({entry['hardware_revision']})"
    return name


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
            f"{plural(req['floors'], 'floor')}, {req['walls']} walls",
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
