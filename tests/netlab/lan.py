"""A home LAN in network namespaces: a bridge, a gateway, a "laptop" that scans, and hosts.

Every host lives in its own namespace, plugged into one bridge (itself in a namespace) by a
veth pair. Some hosts behave like phones in Wi-Fi power save: their kernel ARP replies are
off (arp_ignore=8) and a scapy responder answers only a repeated request ("second"), only
after a delay ("late"), or only a repeated request and then 250-500 ms late ("sleepy": the
first request wakes the radio, the answer waits for the next DTIM wake-up). One host
announces an mDNS name and service. Hosts can be added and removed while the lab runs
(`Lan.add_host` / `Lan.remove_host`), for rescan tests.

    with running_lan(hosts=20) as lan:
        cmd = lan.laptop_cmd(sys.executable, "-m", "router_advisor", "scan", *lan.scan_args())
        subprocess.run(cmd)
"""

import ipaddress
import os
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.netlab.netns import Namespace, NetLab, run

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
IFACE = "eth0"
GATEWAY_MAC = "50:c7:bf:0a:00:01"  # TP-Link OUI: a typical home router
LAPTOP_MAC = "ac:bc:32:0a:00:02"
# Real vendor OUIs (netaddr knows them) plus locally administered ("randomised") ones.
HOST_OUIS = (
    "3c:22:fb",
    "b8:27:eb",
    "00:0e:58",
    "f4:f5:d8",
    "fc:65:de",
    "8c:77:12",
    "00:17:88",
    "00:d9:d1",
    "98:b6:e9",
    "00:1d:d8",
    "da:a1:19",
    "3e:22:fb",
)
READY_TIMEOUT_S = 20.0
LATE_DELAY_S = 0.4
# Sleepy hosts answer this late, in turn: the range phones in power save show (beacon
# interval x DTIM period, 100-300 ms, some up to ~500 ms). With four, the slowest is the
# last, at the highest address: the one a sweep in address order asks last.
SLEEPY_DELAYS_S = (0.3, 0.25, 0.4, 0.5, 0.45)


@dataclass
class Host:
    """One device on the lab LAN."""

    name: str
    ns: Namespace
    ip: str
    mac: str
    behaviour: str  # "normal", "second", "late", "sleepy" or "mdns"
    mdns_name: str | None = None
    delay_s: float = 0.0  # how late a "late" or "sleepy" host answers
    processes: list[subprocess.Popen] = field(default_factory=list)


def _python_env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(REPO_ROOT))


def _wait_ready(procs: list[subprocess.Popen]) -> None:
    """Wait until each helper process has printed its "ready" line."""
    deadline = time.monotonic() + READY_TIMEOUT_S
    for proc in procs:
        assert proc.stdout is not None
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or proc.poll() is not None:
                raise RuntimeError(f"lab helper {proc.args} did not start")
            readable, _, _ = select.select([proc.stdout], [], [], min(left, 0.5))
            if readable and proc.stdout.readline().strip() == "ready":
                break


class Lan:
    """A running lab LAN. `close()` removes every namespace and process it made."""

    def __init__(self, network: str) -> None:
        self.lab = NetLab()
        self.network = ipaddress.IPv4Network(network)
        self.hosts: list[Host] = []
        self._retired: set[str] = set()  # IPs of removed hosts, not handed out again
        self._serial = 0
        self._sleepy = 0
        try:
            self.bridge = self.lab.add_namespace("br")
            self._ip(
                self.bridge,
                "link",
                "add",
                "br0",
                "type",
                "bridge",
                "stp_state",
                "0",
                "forward_delay",
                "0",
                "mcast_snooping",
                "0",
            )
            self._ip(self.bridge, "link", "set", "br0", "up")
            self.gateway_ip = str(self.network.network_address + 1)
            self.laptop_ip = str(self.network.network_address + 100)
            self.gateway = self._plug("gw", self.gateway_ip, GATEWAY_MAC)
            self.laptop = self._plug("laptop", self.laptop_ip, LAPTOP_MAC)
        except BaseException:
            self.lab.close()
            raise

    @property
    def iface(self) -> str:
        return IFACE

    @property
    def cidr(self) -> str:
        return str(self.network)

    def scan_args(self) -> list[str]:
        return ["--iface", IFACE, "--cidr", self.cidr]

    def laptop_cmd(self, *args: str) -> list[str]:
        """The argv to run `args` on the laptop, the machine where scans run."""
        return self.laptop.cmd(*args)

    def run_on_laptop(
        self, *args: str, timeout: float = 60, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.laptop_cmd(*args),
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=REPO_ROOT,
            env=env or _python_env(),
        )

    def expected(self) -> dict[str, str]:
        """IP -> MAC of every live host a scan from the laptop must find (gateway included)."""
        found = {h.ip: h.mac for h in self.hosts}
        found[self.gateway_ip] = GATEWAY_MAC
        return found

    def _ip(self, ns: Namespace, *args: str) -> None:
        run(["ip", "-n", ns.name, *args])

    def _plug(self, role: str, ip: str, mac: str) -> Namespace:
        """A namespace with eth0 (given IP and MAC) plugged into the bridge."""
        ns = self.lab.add_namespace(role)
        port = f"p{role}"[:15]
        self.lab.link(ns, IFACE, self.bridge, port)
        self._ip(self.bridge, "link", "set", port, "master", "br0")
        self._ip(ns, "link", "set", IFACE, "address", mac)
        self._ip(ns, "addr", "add", f"{ip}/{self.network.prefixlen}", "dev", IFACE)
        if role != "gw":
            self._ip(ns, "route", "add", "default", "via", str(self.network.network_address + 1))
        return ns

    def free_ip(self) -> str:
        """The next address never used in this lab, spread over the whole subnet."""
        used = {h.ip for h in self.hosts} | {self.gateway_ip, self.laptop_ip} | self._retired
        size = self.network.num_addresses - 2
        step = 37 if size > 300 else 11
        for i in range(size):
            candidate = str(self.network.network_address + 1 + (10 + i * step) % size)
            if candidate not in used:
                return candidate
        raise RuntimeError("the lab subnet is full")

    def add_host(
        self,
        behaviour: str = "normal",
        ip: str | None = None,
        mac: str | None = None,
        mdns_name: str | None = None,
        wait: bool = True,
    ) -> Host:
        """Plug a new host in. behaviour: normal, second (answers only a repeated ARP
        request), late (answers ARP after 0.4 s), sleepy (answers only a repeated request,
        after the next of SLEEPY_DELAYS_S) or mdns (announces `mdns_name`)."""
        self._serial += 1
        n = self._serial
        ip = ip or self.free_ip()
        if behaviour == "mdns" and mac is None:
            mac = f"3c:d9:2b:0b:00:{n % 256:02x}"  # Hewlett Packard OUI: a printer
        mac = mac or f"{HOST_OUIS[n % len(HOST_OUIS)]}:{n // 256:02x}:{n % 256:02x}:{n % 97:02x}"
        ns = self._plug(f"h{n}", ip, mac)
        host = Host(name=f"h{n}", ns=ns, ip=ip, mac=mac, behaviour=behaviour)
        if behaviour == "late":
            host.delay_s = LATE_DELAY_S
        elif behaviour == "sleepy":
            host.delay_s = SLEEPY_DELAYS_S[self._sleepy % len(SLEEPY_DELAYS_S)]
            self._sleepy += 1
        py = [sys.executable, "-m"]
        kwargs = {"stdout": subprocess.PIPE, "text": True, "cwd": REPO_ROOT, "env": _python_env()}
        if behaviour in ("second", "late", "sleepy"):
            ns.run("sysctl", "-qw", f"net.ipv4.conf.{IFACE}.arp_ignore=8")
            host.processes.append(
                self.lab.start(
                    ns,
                    *py,
                    "tests.netlab.arp_responder",
                    "--iface",
                    IFACE,
                    "--ip",
                    ip,
                    "--mode",
                    behaviour,
                    "--delay",
                    str(host.delay_s),
                    **kwargs,
                )
            )
        elif behaviour == "mdns":
            host.mdns_name = mdns_name or "office-printer"
            host.processes.append(
                self.lab.start(
                    ns,
                    *py,
                    "tests.netlab.mdns_host",
                    "--ip",
                    ip,
                    "--name",
                    host.mdns_name,
                    **kwargs,
                )
            )
        elif behaviour != "normal":
            raise ValueError(f"unknown host behaviour {behaviour!r}")
        self.hosts.append(host)
        if wait:
            _wait_ready(host.processes)
        return host

    def wait_ready(self) -> None:
        """Wait for the helper processes of hosts added with wait=False."""
        _wait_ready([p for h in self.hosts for p in h.processes])

    def remove_host(self, host: Host) -> None:
        """Unplug a host: stop its processes and delete its namespace (and veth pair)."""
        for proc in host.processes:
            proc.kill()
            proc.wait(timeout=5)
            self.lab.processes.remove(proc)
        run(["ip", "netns", "del", host.ns.name], check=False)
        self.lab.namespaces.remove(host.ns)
        self.hosts.remove(host)
        self._retired.add(host.ip)

    def close(self) -> None:
        self.lab.close()


def build_lan(
    hosts: int = 20,
    second: int = 2,
    late: int = 2,
    mdns: bool = True,
    network: str = "10.77.0.0/24",
    sleepy: int = 0,
) -> Lan:
    """A running LAN: gateway, laptop, and `hosts` hosts of which `second` answer only a
    repeated ARP request, `late` answer late, `sleepy` answer only a repeated request and
    late, and one (if `mdns`) announces itself."""
    lan = Lan(network)
    try:
        kinds = ["second"] * second + ["late"] * late + ["mdns"] * int(mdns)
        kinds += ["normal"] * (hosts - sleepy - len(kinds))
        # Sleepy hosts spread over the subnet, the last at its highest address: the one a
        # sweep in address order asks last.
        for i in range(sleepy):
            kinds.insert((i + 1) * len(kinds) // sleepy + i, "sleepy")
        for kind in kinds:
            lan.add_host(kind, wait=False)
        lan.wait_ready()
    except BaseException:
        lan.close()
        raise
    return lan


@contextmanager
def running_lan(**kwargs: object) -> Iterator[Lan]:
    """`build_lan(**kwargs)`, always torn down afterwards, even when the body fails."""
    lan = build_lan(**kwargs)  # type: ignore[arg-type]
    try:
        yield lan
    finally:
        lan.close()
