"""A shaped internet link in namespaces: laptop -> gateway -> isp, and a speed-test server.

The gateway forwards between the laptop (10.77.1.0/24) and the "isp" (10.77.2.0/24) and
shapes each direction on its egress with `tc ... tbf` (netem, fq_codel and cake are not
available here). tbf's `latency` bounds its queue: a few ms make a short queue, a few
hundred ms a bloated one, which is what bufferbloat is. The speed-test server runs in the
isp namespace; the code under test runs in the laptop namespace.

    with running_wan(down_mbit=20, up_mbit=20, queue_ms=5) as wan:
        proc = wan.run_app("speed", "--server-url", wan.server_url, "--json")
"""

import json
import os
import select
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.netlab.netns import Namespace, NetLab

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
LAPTOP_IP, GATEWAY_LAN_IP = "10.77.1.2", "10.77.1.1"
GATEWAY_WAN_IP, SERVER_IP = "10.77.2.1", "10.77.2.2"
SERVER_PORT = 8080
MTU = 1500
# Per full-size packet tbf counts the Ethernet header (14 bytes) plus the IP packet; the
# TCP payload is the MTU less IPv4 (20) and TCP with timestamps (32): 1448 of 1514 bytes.
GOODPUT_FRACTION = (MTU - 20 - 32) / (MTU + 14)


def goodput_mbps(rate_mbit: float) -> float:
    """The most a TCP transfer can carry over a tbf shaped at `rate_mbit` (95.6 %)."""
    return rate_mbit * GOODPUT_FRACTION


def _python_env(home: str | None = None, extra: Mapping[str, str] = {}) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), **extra)
    if home is not None:
        env["ROUTER_ADVISOR_HOME"] = home
    return env


@dataclass
class Wan:
    lab: NetLab
    laptop: Namespace
    gateway: Namespace
    isp: Namespace
    server: subprocess.Popen | None = None
    server_port: int = SERVER_PORT
    shaped: dict[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def server_url(self) -> str:
        return f"http://{SERVER_IP}:{self.server_port}/speedtest/upload.php"

    @property
    def directory_url(self) -> str:
        return f"http://{SERVER_IP}:{self.server_port}"

    def shape(self, down_mbit: float, up_mbit: float, queue_ms: float) -> None:
        """tbf on the gateway: `lan0` egress is the download, `wan0` egress the upload."""
        for dev, rate in (("lan0", down_mbit), ("wan0", up_mbit)):
            # The bucket must hold a full TSO/GSO burst (64 KB) to avoid slowing below rate;
            # bigger lines get ~1 ms of rate so timer granularity does not cost throughput.
            burst = max(64 * 1024, int(rate * 1e6 / 8 / 1000))
            self.gateway.run(
                "tc",
                "qdisc",
                "replace",
                "dev",
                dev,
                "root",
                "tbf",
                "rate",
                f"{rate}mbit",
                "burst",
                str(burst),
                "latency",
                f"{queue_ms}ms",
            )
            self.shaped[dev] = (rate, queue_ms)

    def start_server(self, *extra: str, port: int = SERVER_PORT) -> subprocess.Popen:
        """Start (or restart) the speed-test server in the isp namespace; wait until ready."""
        self.stop_server()
        self.server_port = port
        proc = self.lab.start(
            self.isp,
            sys.executable,
            "-m",
            "tests.netlab.speed_server",
            "--host",
            SERVER_IP,
            "--port",
            str(port),
            *extra,
            stdout=subprocess.PIPE,
            cwd=REPO_ROOT,
            env=_python_env(),
        )
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        line = proc.stdout.readline() if ready else b""
        if line.strip() != b"ready":
            raise RuntimeError(f"speed server did not start: {line!r}")
        self.server = proc
        return proc

    def server_traffic(self) -> dict[str, dict[str, int]]:
        """Stop the server and return what it served: {"requests"|"bytes": {scheme: n}}."""
        assert self.server is not None and self.server.stdout is not None
        self.server.terminate()
        line = self.server.stdout.readline()
        self.server.wait(timeout=5)
        self.server = None
        return json.loads(line)

    def stop_server(self) -> None:
        if self.server is not None and self.server.poll() is None:
            self.server.kill()
            self.server.wait(timeout=5)
        self.server = None

    def laptop_cmd(self, *args: str) -> list[str]:
        return self.laptop.cmd(*args)

    def run_app(
        self,
        *args: str,
        home: str | None = None,
        timeout: float = 60,
        env: Mapping[str, str] = {},
    ) -> subprocess.CompletedProcess[str]:
        """`python -m router_advisor ARGS` inside the laptop namespace, with `env` added to ours."""
        return subprocess.run(
            self.laptop.cmd(sys.executable, "-m", "router_advisor", *args),
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=REPO_ROOT,
            env=_python_env(home, env),
        )

    def run_python(
        self,
        code: str,
        *args: str,
        home: str | None = None,
        timeout: float = 60,
    ) -> subprocess.CompletedProcess[str]:
        """`python -c CODE ARGS` inside the laptop namespace."""
        return subprocess.run(
            self.laptop.cmd(sys.executable, "-c", code, *args),
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=REPO_ROOT,
            env=_python_env(home),
        )

    def popen_laptop(self, args: Sequence[str], **kwargs) -> subprocess.Popen:
        kwargs.setdefault("cwd", REPO_ROOT)
        kwargs.setdefault("env", _python_env())
        return self.laptop.popen(*args, **kwargs)


def build_wan(lab: NetLab) -> Wan:
    laptop, gateway, isp = (lab.add_namespace(role) for role in ("lap", "gw", "isp"))
    lab.link(laptop, "eth0", gateway, "lan0")
    lab.link(gateway, "wan0", isp, "eth0")
    laptop.run("ip", "addr", "add", f"{LAPTOP_IP}/24", "dev", "eth0")
    gateway.run("ip", "addr", "add", f"{GATEWAY_LAN_IP}/24", "dev", "lan0")
    gateway.run("ip", "addr", "add", f"{GATEWAY_WAN_IP}/24", "dev", "wan0")
    isp.run("ip", "addr", "add", f"{SERVER_IP}/24", "dev", "eth0")
    laptop.run("ip", "route", "add", "default", "via", GATEWAY_LAN_IP)
    isp.run("ip", "route", "add", "default", "via", GATEWAY_WAN_IP)
    gateway.run("sysctl", "-qw", "net.ipv4.ip_forward=1")
    return Wan(lab, laptop, gateway, isp)


@contextmanager
def running_wan(
    down_mbit: float,
    up_mbit: float,
    queue_ms: float = 5,
    server_args: Sequence[str] = (),
    server_port: int = SERVER_PORT,
) -> Iterator[Wan]:
    """A shaped WAN with a speed-test server running; everything is removed afterwards."""
    lab = NetLab()
    try:
        wan = build_wan(lab)
        wan.shape(down_mbit, up_mbit, queue_ms)
        wan.start_server(*server_args, port=server_port)
        yield wan
    finally:
        lab.close()


def wait_for(predicate, timeout: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()
