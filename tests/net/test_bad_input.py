"""Bad scan input gives one clear line and the right exit code, checked inside a namespace."""

import sys

import pytest

from tests.netlab.lan import Lan

pytestmark = pytest.mark.netns


@pytest.fixture(scope="module")
def lan_with_bare_iface(lan: Lan) -> Lan:
    """The laptop gets a second interface that is up but has no IPv4 address."""
    lan.laptop.run("ip", "link", "add", "bare0", "type", "veth", "peer", "name", "bare1")
    lan.laptop.run("ip", "link", "set", "bare0", "up")
    return lan


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--iface", "nosuch0", "--cidr", "10.77.0.0/24"], "no network interface called 'nosuch0'"),
        (["--iface", "bare0"], "has no IPv4 address"),
        (["--iface", "eth0", "--cidr", "10.99.0.0/24"], "is not on interface 'eth0'"),
        (["--iface", "eth0", "--cidr", "10.77.0.0"], "is not a subnet"),
        (["--iface", "eth0", "--cidr", "10.77.0.300/24"], "is not an IPv4 subnet"),
        (["--iface", "eth0", "--cidr", "10.0.0.0/8"], "largest subnet Router Advisor scans"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    lan_with_bare_iface: Lan, args: list[str], needle: str
) -> None:
    done = lan_with_bare_iface.run_on_laptop(sys.executable, "-m", "router_advisor", "scan", *args)
    assert done.returncode == 2
    assert needle in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_too_large_a_subnet_needs_allow_large(lan: Lan) -> None:
    lan.laptop.run("ip", "addr", "add", "10.80.0.100/20", "dev", "eth0")
    try:
        refused = lan.run_on_laptop(
            sys.executable,
            "-m",
            "router_advisor",
            "scan",
            "--iface",
            "eth0",
            "--cidr",
            "10.80.0.0/20",
        )
        assert refused.returncode == 2
        assert "--allow-large" in refused.stderr
    finally:
        lan.laptop.run("ip", "addr", "del", "10.80.0.100/20", "dev", "eth0")
