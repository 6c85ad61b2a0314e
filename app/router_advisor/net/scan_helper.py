"""The minimal privileged helper: only the ARP sweep of one interface and subnet, as JSON.

`pkexec /usr/lib/router-advisor/router-advisor-scan-helper --iface IF --cidr CIDR` (polkit
policy in packaging/org.routeradvisor.scan-helper.policy), or from a checkout
`pkexec python app/router_advisor/net/scan_helper.py ...` (pkexec clears PYTHONPATH and the working
directory, so the file finds its package itself). It checks its inputs like the app does,
sends nothing but ARP requests on that interface, and prints
{"interface", "cidr", "devices": [{"ip", "mac"}]} so the unprivileged app can enrich them.
"""

import argparse
import json
import sys
from pathlib import Path

if __name__ == "__main__" and not __package__:
    # Run as a file: put the directory holding the `router_advisor` package first, not its net/.
    sys.path[0] = str(Path(__file__).resolve().parents[2])

from router_advisor.errors import RouterAdvisorError, UserInputError
from router_advisor.net.arp_sweep import arp_sweep
from router_advisor.net.interfaces import resolve_target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="router-advisor-scan-helper", description="ARP sweep of one subnet; prints JSON."
    )
    parser.add_argument("--iface", required=True)
    parser.add_argument("--cidr", required=True)
    parser.add_argument("--allow-large", action="store_true")
    args = parser.parse_args(argv)
    try:
        target = resolve_target(args.iface, args.cidr, args.allow_large)
        found = arp_sweep(
            target.iface,
            target.local_ip,
            target.local_mac or "00:00:00:00:00:00",
            target.addresses(),
        )
    except RouterAdvisorError as exc:
        print(f"router-advisor-scan-helper: error: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, UserInputError) else 1
    print(
        json.dumps(
            {
                "interface": target.iface,
                "cidr": str(target.network),
                "devices": [{"ip": ip, "mac": mac} for ip, mac in found.items()],
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
