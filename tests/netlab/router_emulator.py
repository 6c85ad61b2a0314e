"""A home router's unasked-for answers, run inside the lab's gateway namespace: SSDP replies
to M-SEARCH, the UPnP description, the admin page, and AVM's TR-064 description. A profile
picks what it says; `hostile` sends what a broken or malicious box might.

    python -m tests.netlab.router_emulator --ip 10.77.0.1 --profile netgear-r7000

Prints "ready" once every socket listens.
"""

import argparse
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "gateways"
DESC_PORT = 5000
OFF_LAN = "203.0.113.9"  # TEST-NET-3: never reachable, must never be fetched

# profile -> what the box says. description: fixture served at /rootDesc.xml via SSDP;
# admin: (status, headers, body) of GET /; tr064: fixture served on port 49000.
PROFILES: dict[str, dict] = {
    "netgear-r7000": {
        "description": "netgear-r7000.xml",
        "server": "Linux/2.6.36.4brcmarm, UPnP/1.0, Portable SDK for UPnP devices/1.6.18",
        "admin": (401, {"WWW-Authenticate": 'Basic realm="NETGEAR R7000"'}, b""),
    },
    "tp-link-archer-ax55": {
        "description": "tp-link-archer-ax55.xml",
        "server": "Linux/4.19 UPnP/1.0 miniupnpd/2.2",
        "admin": (200, {}, b"<html><head><title>Opening...</title></head></html>"),
    },
    "asus-rt-ax86u": {
        "description": "asus-rt-ax86u.xml",
        "server": "AsusWRT/386 UPnP/1.1 MiniUPnPd/2.2.0",
        "admin": (200, {"Server": "httpd/2.0"}, b"<title>ASUS Login</title>"),
    },
    "linksys-ea7500": {
        "description": "linksys-ea7500.xml",
        "server": "Linux, UPnP/1.0, Linksys EA7500 UPnP",
        "admin": (200, {}, b"<title>Linksys Smart Wi-Fi</title>"),
    },
    "fritzbox-7590": {
        "description": "avm-fritzbox-7590.xml",
        "server": "FRITZ!Box 7590 UPnP/1.0 AVM FRITZ!Box 7590 154.07.57",
        "admin": (200, {}, b"<html><head><title>FRITZ!Box</title></head></html>"),
        "tr064": "avm-tr64desc.xml",
    },
    "xfinity-xb7": {
        "description": "xfinity-xb7.xml",
        "server": "Linux/4.9 UPnP/1.0 MiniUPnPd/2.0",
        "admin": (200, {}, b"<title>Login - Xfinity</title>"),
    },
    "virgin-hub3": {
        "description": "virgin-hub3.xml",
        "server": "Linux/2.6 UPnP/1.0 Arris",
        "admin": (200, {}, b"<title>Hub 3.0</title>"),
    },
    "admin-only": {
        "admin": (401, {"WWW-Authenticate": 'Basic realm="NETGEAR R6220"'}, b""),
    },
    "silent": {},
    "hostile": {
        # An off-LAN description first, then an XML bomb on the gateway itself.
        "locations": [f"http://{OFF_LAN}/rootDesc.xml", "http://{ip}:5000/bomb.xml"],
        "server": "X" * 5000,
        "admin": (302, {"Location": f"http://{OFF_LAN}/login"}, b""),
        "tr064": "malformed.xml",
        "huge": True,
    },
}


def _handler(profile: dict, ip: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            port = self.server.server_address[1]
            if port == 80:
                self._send(*profile.get("admin", (404, {}, b"")))
            elif port == 49000 and profile.get("tr064"):
                self._send(200, {}, (FIXTURES / profile["tr064"]).read_bytes())
            elif port == DESC_PORT and self.path == "/rootDesc.xml" and "description" in profile:
                self._send(200, {}, (FIXTURES / profile["description"]).read_bytes())
            elif port == DESC_PORT and self.path == "/bomb.xml":
                body = (FIXTURES / "bomb.xml").read_bytes()
                if profile.get("huge"):  # and then megabytes of padding after it
                    body += b"<!-- " + b"A" * 4_000_000 + b" -->"
                self._send(200, {}, body)
            else:
                self._send(404, {}, b"")

    return Handler


def _ssdp(profile: dict, ip: str, sock: socket.socket) -> None:
    locations = profile.get("locations") or (
        [f"http://{ip}:{DESC_PORT}/rootDesc.xml"] if "description" in profile else []
    )
    while True:
        data, peer = sock.recvfrom(4096)
        if not data.startswith(b"M-SEARCH"):
            continue
        for location in locations:
            reply = (
                "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=120\r\nEXT:\r\n"
                f"LOCATION: {location.format(ip=ip)}\r\n"
                f"SERVER: {profile.get('server', 'Linux UPnP/1.0')}\r\n"
                "ST: upnp:rootdevice\r\n"
                "USN: uuid:824ff22b-8c7d-41c5-a131-000000000000::upnp:rootdevice\r\n\r\n"
            )
            sock.sendto(reply.encode(), peer)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ip", required=True)
    parser.add_argument("--profile", required=True, choices=sorted(PROFILES))
    args = parser.parse_args()
    profile = PROFILES[args.profile]
    if profile:
        ports = [80, DESC_PORT] + ([49000] if profile.get("tr064") else [])
        for port in ports:
            server = ThreadingHTTPServer((args.ip, port), _handler(profile, args.ip))
            threading.Thread(target=server.serve_forever, daemon=True).start()
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        udp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        udp.bind(("0.0.0.0", 1900))
        threading.Thread(target=_ssdp, args=(profile, args.ip, udp), daemon=True).start()
    print("ready", flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
