"""Short summaries of a shortlisted model and the requirements, shared by every format."""

from typing import Any


def money(value: float | None) -> str:
    return "price unknown" if value is None else f"${value:,.2f}"


def key_facts(entry: dict[str, Any]) -> str:
    """One line a person can scan: kind, Wi-Fi, ports. Unknowns say "unknown"."""
    kind = "router" if entry["kind"] == "router" else f"mesh, {entry['pack_size']} nodes"
    wifi = f"Wi-Fi {entry['wifi_generation']}"
    if entry.get("wifi_class"):
        wifi += f" {entry['wifi_class']}"
    wan = entry.get("wan_mbps")
    wan_text = "WAN unknown" if wan is None else f"{wan / 1000:g}G WAN"
    lan = entry.get("lan_ports_mbps")
    lan_text = (
        "LAN ports unknown"
        if lan is None
        else f"{len(lan)} LAN port" + ("" if len(lan) == 1 else "s")
    )
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
    budget = "no limit" if req["budget_usd"] is None else f"${req['budget_usd']:,.0f}"
    return [
        (
            "Internet plan",
            f"{req['plan_down_mbps']:g} / {req['plan_up_mbps']:g} Mbit/s ({req['plan_source']})",
        ),
        ("Bufferbloat grade", req["bufferbloat_grade"] or "not measured"),
        ("Connected devices", f"{req['clients']} ({req['clients_source']})"),
        (
            "Coverage",
            f"{req['nodes_needed']} node(s) for {req['area_m2']:g} m2 on "
            f"{req['floors']} floor(s), {req['walls']} walls",
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
