"""A host that announces an mDNS name and one service, like a network printer.

`python -m tests.netlab.mdns_host --ip 10.77.0.30 --name office-printer --type _ipp._tcp`
registers "<name>._ipp._tcp.local." served by "<name>.local." on that address only, prints
"ready" and answers queries until killed.
"""

import argparse
import socket
import threading

from zeroconf import IPVersion, ServiceInfo, Zeroconf


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ip", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--type", default="_ipp._tcp")
    parser.add_argument("--port", type=int, default=631)
    args = parser.parse_args()
    service_type = f"{args.type}.local."
    info = ServiceInfo(
        service_type,
        f"{args.name}.{service_type}",
        addresses=[socket.inet_aton(args.ip)],
        port=args.port,
        server=f"{args.name}.local.",
        properties={"note": "router-advisor test bed"},
    )
    zc = Zeroconf(interfaces=[args.ip], ip_version=IPVersion.V4Only)
    zc.register_service(info)
    print("ready", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
