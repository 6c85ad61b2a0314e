"""Hard limits: a model that breaks one is left out, whatever else it does well."""

from router_advisor.core.needs import Requirements
from router_advisor.core.router import Router
from router_advisor.core.scoring.criteria import node_count
from router_advisor.core.wording import usd

# Names of the limits, in the order they are checked; used to explain an empty shortlist.
LIMITS: tuple[str, ...] = ("budget", "mesh_preference", "coverage", "ports", "wan", "cloud")


def broken_limit(r: Router, q: Requirements) -> str | None:
    """The name of the first hard limit this model breaks, or None when it passes them all."""
    if q.budget_usd is not None and (r.price_usd is None or r.price_usd > q.budget_usd):
        return "budget"
    if (q.mesh_preference == "no" and r.kind == "mesh") or (
        q.mesh_preference == "yes" and r.kind != "mesh"
    ):
        return "mesh_preference"
    if node_count(r) < q.nodes_needed:
        return "coverage"
    count = r.lan_port_count
    if count is not None and count < q.lan_ports_needed:
        return "ports"
    if q.wan_mbps_needed > 1000 and r.wan_mbps is not None and r.wan_mbps < q.wan_mbps_needed:
        return "wan"
    if q.no_cloud_account and r.management.cloud_account_required:
        return "cloud"
    return None


def limit_advice(limit: str, q: Requirements, count: int) -> str:
    """One plain sentence: how many models a limit left out and what to change."""
    advice = {
        "budget": f"cost more than {usd(q.budget_usd or 0)} or have no known price "
        "(raise [budget] max_usd)",
        "mesh_preference": 'are not the kind you asked for (set [preferences] mesh = "auto")',
        "coverage": f"have fewer than the {q.nodes_needed} nodes your home needs "
        '(check [home] size and floors, or set [preferences] mesh = "no")',
        "ports": f"have fewer than {q.lan_ports_needed} LAN ports "
        "(lower [wired] devices; a cheap switch adds ports)",
        "wan": f"have an Internet port slower than your {q.plan_down_mbps:.0f} Mbit/s plan "
        "(check [isp] down_mbps)",
        "cloud": "need a cloud account (set [preferences] no_cloud_account = false)",
    }[limit]
    return f"{count} {'model' if count == 1 else 'models'} {advice}"
