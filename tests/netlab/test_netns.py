"""The test bed itself: namespaces link up, talk, and leave nothing behind."""

import pytest

from tests.netlab.netns import NetLab, require_root, run

pytestmark = pytest.mark.netns


def test_two_namespaces_talk_and_are_removed() -> None:
    require_root()
    lab = NetLab()
    try:
        a, b = lab.add_namespace("a"), lab.add_namespace("b")
        lab.link(a, "eth0", b, "eth0")
        a.run("ip", "addr", "add", "10.99.0.1/24", "dev", "eth0")
        b.run("ip", "addr", "add", "10.99.0.2/24", "dev", "eth0")
        reply = a.run(
            "python3",
            "-c",
            "import socket;s=socket.socket();s.settimeout(3);print(s.connect_ex(('10.99.0.2', 9)))",
        )
        assert reply.stdout.strip() == "111"  # connection refused: b answered with a RST
    finally:
        lab.close()
    left = run(["ip", "netns", "list"]).stdout
    assert lab.prefix not in left
