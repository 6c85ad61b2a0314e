"""The package's speedtest-protocol server on loopback: it answers the protocol, and a
client that sends nonsense gets a plain HTTP error, never a crash of the server."""

import http.client
import threading
from collections.abc import Iterator

import pytest
from router_advisor.net.speed_server import ServerState, SpeedServer, server_url


@pytest.fixture(scope="module")
def server() -> Iterator[SpeedServer]:
    state = ServerState()
    srv = SpeedServer(("127.0.0.1", 0), state)
    thread = threading.Thread(target=srv.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        state.close()


def _ask(
    srv: SpeedServer,
    method: str,
    path: str,
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=5)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        for key, value in (headers or {}).items():
            conn.putheader(key, value)
        conn.endheaders(body)
        reply = conn.getresponse()
        return reply.status, reply.read()
    finally:
        conn.close()


def test_it_answers_the_protocol(server: SpeedServer) -> None:
    assert _ask(server, "GET", "/speedtest/latency.txt") == (200, b"test=test\n")
    status, body = _ask(server, "GET", "/speedtest/random350x350.jpg")
    assert status == 200 and len(body) == 350 * 350 * 2
    status, body = _ask(server, "GET", "/speedtest-servers-static.php")
    assert status == 200 and server_url("127.0.0.1", server.port).encode() in body
    assert _ask(server, "POST", "/speedtest/upload.php", {"Content-Length": "5"}, b"12345") == (
        200,
        b"size=5",
    )


@pytest.mark.parametrize("length", ["abc", "-5", "1e9"])
def test_a_bad_content_length_is_a_plain_400(server: SpeedServer, length: str) -> None:
    status, _ = _ask(server, "POST", "/speedtest/upload.php", {"Content-Length": length})
    assert status == 400
    assert _ask(server, "GET", "/speedtest/latency.txt")[0] == 200  # still serving


def test_unknown_paths_are_404_and_huge_images_are_capped(server: SpeedServer) -> None:
    assert _ask(server, "GET", "/etc/passwd")[0] == 404
    assert _ask(server, "GET", "/speedtest/other.txt")[0] == 404
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    conn.request("GET", "/speedtest/random99999x99999.jpg")
    reply = conn.getresponse()
    assert int(reply.getheader("Content-Length")) == 4000 * 4000 * 2  # the blob, not more
    conn.close()


def test_server_url_brackets_ipv6() -> None:
    assert server_url("fd00::2", 8080) == "http://[fd00::2]:8080/speedtest/upload.php"
