"""The rtnetlink neighbour dump: request layout and the replies a parser must refuse."""

import struct

import pytest
from router_advisor.net.neighbor_netlink import (
    NLM_F_DUMP_INTR,
    NLMSG_DONE,
    NLMSG_ERROR,
    RTM_GETNEIGH,
    RTM_NEWNEIGH,
    DumpInterrupted,
    dump_request,
    parse_dump,
)


def _message(kind: int, seq: int, body: bytes = b"", flags: int = 0) -> bytes:
    return struct.pack("=IHHII", 16 + len(body), kind, flags, seq, 0) + body


def test_dump_request_asks_for_every_ipv4_entry() -> None:
    length, kind, flags, seq, _ = struct.unpack_from("=IHHII", dump_request(7))
    assert (length, kind, flags, seq) == (28, RTM_GETNEIGH, 0x301, 7)
    assert dump_request(7)[16] == 2  # AF_INET


def test_a_netlink_error_is_an_os_error() -> None:
    with pytest.raises(OSError, match="Permission denied"):
        parse_dump(_message(NLMSG_ERROR, 3, struct.pack("=i", -13)), seq=3)


def test_an_interrupted_dump_is_not_taken_for_a_whole_table() -> None:
    with pytest.raises(DumpInterrupted):
        parse_dump(_message(NLMSG_DONE, 3, flags=NLM_F_DUMP_INTR), seq=3)


def test_messages_of_another_request_are_skipped_and_truncation_refused() -> None:
    assert parse_dump(_message(NLMSG_DONE, 2) + _message(NLMSG_DONE, 3), seq=3) == ([], True)
    assert parse_dump(_message(NLMSG_DONE, 2), seq=3) == ([], False)
    cut_short = struct.pack("=IHHII", 40, RTM_NEWNEIGH, 0, 3, 0)
    with pytest.raises(ValueError):
        parse_dump(cut_short, seq=3)
    bad_attribute = struct.pack("=BBHiHBB", 2, 0, 0, 2, 1, 0, 0) + struct.pack("=HH", 64, 1)
    with pytest.raises(ValueError):
        parse_dump(_message(RTM_NEWNEIGH, 3, bad_attribute), seq=3)
