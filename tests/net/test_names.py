"""Reverse DNS and NetBIOS lookups against tiny servers on loopback (real UDP packets)."""

import ipaddress
import socket
import struct
import threading
from collections.abc import Callable, Iterator

import pytest
from router_advisor.net.names import netbios_names, reverse_dns


def _serve(answer: Callable[[bytes], bytes | None]) -> Iterator[int]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(0.1)
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                data, peer = sock.recvfrom(2048)
            except TimeoutError:
                continue
            reply = answer(data)
            if reply:
                sock.sendto(reply, peer)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    yield sock.getsockname()[1]
    stop.set()
    thread.join()
    sock.close()


def _ptr_reply(query: bytes) -> bytes | None:
    end = query.index(b"\0", 12) + 5
    question = query[12:end]
    if b"\x0299\x01" not in question:  # only 127.0.0.99 has a name
        return None
    name = b"\x07printer\x04home\x00"
    answer = b"\xc0\x0c" + struct.pack(">HHIH", 12, 1, 60, len(name)) + name
    return query[:2] + b"\x81\x80" + struct.pack(">HHHH", 1, 1, 0, 0) + question + answer


@pytest.fixture
def dns_port() -> Iterator[int]:
    yield from _serve(_ptr_reply)


def test_reverse_dns_reads_compressed_ptr_answers(dns_port: int) -> None:
    names = reverse_dns(["127.0.0.99", "127.0.0.98"], "127.0.0.1", timeout_s=0.5, port=dns_port)
    assert names == {"127.0.0.99": "printer.home"}


def test_reverse_dns_without_a_server_returns_nothing_quickly() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    assert reverse_dns(["127.0.0.99"], "127.0.0.1", timeout_s=0.5, port=closed_port) == {}


def _nbstat_reply(query: bytes) -> bytes:
    names = [(b"WORKGROUP".ljust(15), 0x00, 0x8400), (b"KIDS-PC".ljust(15), 0x00, 0x0400)]
    rdata = (
        bytes([len(names)])
        + b"".join(n + bytes([s]) + struct.pack(">H", f) for n, s, f in names)
        + b"\0" * 46
    )
    return (
        query[:2]
        + b"\x84\x00"
        + struct.pack(">HHHH", 0, 1, 0, 0)
        + query[12 : 12 + 34]
        + struct.pack(">HHIH", 0x21, 1, 0, len(rdata))
        + rdata
    )


@pytest.fixture
def netbios_port() -> Iterator[int]:
    yield from _serve(_nbstat_reply)


def test_netbios_takes_the_unique_workstation_name(netbios_port: int) -> None:
    names = netbios_names(["127.0.0.1"], ipaddress.IPv4Network("127.0.0.0/8"), port=netbios_port)
    assert names == {"127.0.0.1": "KIDS-PC"}


def test_netbios_never_asks_outside_the_subnet(netbios_port: int) -> None:
    assert (
        netbios_names(["127.0.0.1"], ipaddress.IPv4Network("10.0.0.0/8"), port=netbios_port) == {}
    )
