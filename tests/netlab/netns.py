"""Build namespaces, veth pairs and bridges with iproute2, and remove them all afterwards.

Every name carries a per-process prefix so that concurrent test runs never collide, and a
`NetLab` removes what it made even when the test fails. Nothing here touches the host's own
interfaces: every link is created inside or moved into a namespace the lab owns.
"""

import contextlib
import itertools
import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field

import pytest

_counter = itertools.count()


def require_root() -> None:
    """Skip without root (with the reason); in CI, where they must run, fail instead."""
    missing = [tool for tool in ("ip", "tc") if shutil.which(tool) is None]
    if os.geteuid() != 0 or missing:
        why = "needs root" if os.geteuid() != 0 else f"needs {', '.join(missing)} (iproute2)"
        reason = f"network-namespace test bed {why}: run the tests as root (CI does)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


def unique_prefix() -> str:
    """A short prefix (<= 8 chars) so names stay within the 15-character interface limit."""
    return f"r{os.getpid() % 10000:04d}{next(_counter) % 100:02d}"


def run(cmd: Sequence[str], check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(cmd), capture_output=True, text=True, check=check, timeout=30)


@dataclass
class Namespace:
    name: str

    def cmd(self, *args: str) -> list[str]:
        """The argv to run `args` inside this namespace."""
        return ["ip", "netns", "exec", self.name, *args]

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return run(self.cmd(*args), check=check)

    def popen(self, *args: str, **kwargs) -> subprocess.Popen:
        return subprocess.Popen(self.cmd(*args), **kwargs)


@dataclass
class NetLab:
    """A set of namespaces plus the processes started in them; `close()` removes it all."""

    prefix: str = field(default_factory=unique_prefix)
    namespaces: list[Namespace] = field(default_factory=list)
    processes: list[subprocess.Popen] = field(default_factory=list)

    def add_namespace(self, role: str) -> Namespace:
        ns = Namespace(f"{self.prefix}-{role}")
        run(["ip", "netns", "add", ns.name])
        self.namespaces.append(ns)
        ns.run("ip", "link", "set", "lo", "up")
        return ns

    def link(self, a: Namespace, a_if: str, b: Namespace, b_if: str) -> None:
        """A veth pair with one end in each namespace, both up. Names are per-namespace."""
        n = next(_counter) % 1000
        tmp_a, tmp_b = f"{self.prefix}a{n}", f"{self.prefix}b{n}"
        run(
            [
                "ip",
                "link",
                "add",
                tmp_a,
                "netns",
                a.name,
                "type",
                "veth",
                "peer",
                "name",
                tmp_b,
                "netns",
                b.name,
            ]
        )
        a.run("ip", "link", "set", tmp_a, "name", a_if)
        b.run("ip", "link", "set", tmp_b, "name", b_if)
        a.run("ip", "link", "set", a_if, "up")
        b.run("ip", "link", "set", b_if, "up")

    def start(self, ns: Namespace, *args: str, **kwargs) -> subprocess.Popen:
        """Start a long-running process in `ns`; it is killed on close."""
        kwargs.setdefault("stdout", subprocess.DEVNULL)
        kwargs.setdefault("stderr", subprocess.DEVNULL)
        proc = ns.popen(*args, **kwargs)
        self.processes.append(proc)
        return proc

    def close(self) -> None:
        for proc in self.processes:
            if proc.poll() is None:
                proc.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=5)
        for ns in reversed(self.namespaces):
            # Deleting a namespace removes the veth ends inside it, and with them their peers.
            run(["ip", "netns", "del", ns.name], check=False)
        self.namespaces.clear()
        self.processes.clear()
