"""The threads of a speed test: download and upload streams and a latency probe.

Each stream keeps one keep-alive speedtest-cli connection busy with the speedtest protocol
(GET random*.jpg, POST upload.php) and publishes a running byte count the engine samples.
Uploads count bytes the server has acknowledged (Linux TCP_INFO) rather than bytes handed
to the kernel, so a deep send buffer does not inflate the rate. All threads are daemons
with socket timeouts: a dead server ends them with an error, never a hang.
"""

import contextlib
import http.client
import socket
import struct
import threading
import time

from router_advisor.net.speedtest_adapter import Endpoint, open_connection, request_target

READ_SIZE = 256 * 1024
# Offset of tcpi_bytes_acked (u64) in Linux's struct tcp_info (kernel >= 4.1).
TCP_INFO_BYTES_ACKED = 120
UPLOAD_CHUNK = 256 * 1024
MAX_FAILURES = 2  # a stream gives up after this many failed requests in a row


class Forbidden(Exception):
    """The server answered 403: speedtest.net servers do that to plain HTTP at times."""


class NotSpeedtestServer(Exception):
    """The server answered, but not as a speedtest-protocol server."""


def bytes_acked(sock: socket.socket | None) -> int | None:
    """Bytes the peer acknowledged on this socket, where the OS tells (Linux)."""
    if sock is None or not hasattr(socket, "TCP_INFO"):
        return None
    try:
        raw = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 192)
    except OSError:
        return None
    if len(raw) < TCP_INFO_BYTES_ACKED + 8:
        return None
    return int(struct.unpack_from("Q", raw, TCP_INFO_BYTES_ACKED)[0])


class Stream(threading.Thread):
    """A daemon thread that repeats one kind of request until `stop` is set."""

    def __init__(self, endpoint: Endpoint, timeout: float, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.endpoint, self.timeout, self.stop_event = endpoint, timeout, stop
        self._count = 0
        self.error: BaseException | None = None
        self._conn: http.client.HTTPConnection | None = None
        self._bump = 0

    @property
    def counted(self) -> int:
        """Bytes moved so far; read by the engine while the thread runs."""
        return self._count

    def run(self) -> None:
        failures = 0
        while not self.stop_event.is_set():
            try:
                if self._conn is None:
                    self._conn = open_connection(self.endpoint, self.timeout)
                    self._connection_started()
                self._one_request(self._conn)
                failures = 0
            except Exception as exc:  # every failure is reported through `error`
                self._close()
                if self.stop_event.is_set():
                    break
                failures += 1
                if failures >= MAX_FAILURES or isinstance(exc, Forbidden):
                    self.error = exc
                    break
        self._close()

    def abort(self) -> None:
        """Wake a thread blocked on its socket so it notices `stop` at once."""
        conn = self._conn
        if conn is not None and conn.sock is not None:
            with contextlib.suppress(OSError):
                conn.sock.shutdown(socket.SHUT_RDWR)

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            self._connection_ending()
            conn.close()

    def _connection_started(self) -> None:
        """Hook for streams that count per connection."""

    def _connection_ending(self) -> None:
        """Hook for streams that count per connection."""

    def _one_request(self, conn: http.client.HTTPConnection) -> None:
        raise NotImplementedError


class DownloadStream(Stream):
    """GETs the largest random*.jpg again and again, counting bytes as they arrive."""

    def __init__(
        self, endpoint: Endpoint, name: str, timeout: float, stop: threading.Event
    ) -> None:
        super().__init__(endpoint, timeout, stop)
        self.name = name

    def _one_request(self, conn: http.client.HTTPConnection) -> None:
        self._bump += 1
        target, headers = request_target(self.endpoint, self.name, self._bump)
        conn.request("GET", target, headers=headers)
        response = conn.getresponse()
        if response.status == 403:
            raise Forbidden()
        if response.status != 200:
            raise NotSpeedtestServer(f"HTTP {response.status} for {self.name}")
        while not self.stop_event.is_set():
            chunk = response.read1(READ_SIZE)
            if not chunk:
                break
            self._count += len(chunk)
        if self.stop_event.is_set():
            return
        if response.length:
            raise ConnectionResetError("the download ended early")
        response.read()  # completes the response so the connection can carry the next one
        if response.will_close:
            self._close()


class UploadStream(Stream):
    """POSTs speedtest-cli's upload body again and again, counting acknowledged bytes.

    The count is read live from the socket (TCP_INFO) whenever the engine asks, so it is
    fresh however long one `sendall` blocks; elsewhere it falls back to bytes handed over.
    """

    def __init__(
        self, endpoint: Endpoint, payload: bytes, timeout: float, stop: threading.Event
    ) -> None:
        super().__init__(endpoint, timeout, stop)
        self.payload = memoryview(payload)
        # (bytes counted on earlier connections, the live socket): replaced in one step.
        self._live: tuple[int, socket.socket | None] = (0, None)
        self._handed = 0  # bytes handed to the kernel on the live connection

    @property
    def counted(self) -> int:
        base, sock = self._live
        acked = bytes_acked(sock)
        return base + (acked if acked is not None else self._handed)

    def _connection_started(self) -> None:
        self._handed = 0
        self._live = (self._live[0], self._conn.sock if self._conn else None)

    def _connection_ending(self) -> None:
        self._live = (self.counted, None)
        self._handed = 0

    def _one_request(self, conn: http.client.HTTPConnection) -> None:
        self._bump += 1
        target, headers = request_target(self.endpoint, self.endpoint.upload_name, self._bump)
        conn.putrequest("POST", target, skip_accept_encoding=True)
        for key, value in {
            **headers,
            "Content-Length": str(len(self.payload)),
            "Content-Type": "application/x-www-form-urlencoded",
        }.items():
            conn.putheader(key, value)
        conn.endheaders()
        sock = conn.sock
        for offset in range(0, len(self.payload), UPLOAD_CHUNK):
            if self.stop_event.is_set():
                return
            piece = self.payload[offset : offset + UPLOAD_CHUNK]
            sock.sendall(piece)
            self._handed += len(piece)
        response = conn.getresponse()
        body = response.read()
        if response.status == 403:
            raise Forbidden()
        if response.status != 200 or not body.startswith(b"size="):
            raise NotSpeedtestServer(f"HTTP {response.status} from {self.endpoint.upload_name}")
        if response.will_close:
            self._close()


class LatencyProbe(threading.Thread):
    """Times GET latency.txt on its own keep-alive connection, every `interval` seconds."""

    def __init__(
        self,
        endpoint: Endpoint,
        timeout: float,
        stop: threading.Event,
        interval: float,
        limit: int | None = None,
    ) -> None:
        super().__init__(daemon=True)
        self.endpoint, self.timeout, self.stop_event = endpoint, timeout, stop
        self.interval, self.limit = interval, limit
        self.samples: list[tuple[float, float]] = []  # (started, round trip in ms)
        self.in_flight_since: float | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        conn: http.client.HTTPConnection | None = None
        failures = 0
        bump = 0
        while not self.stop_event.is_set() and (
            self.limit is None or len(self.samples) < self.limit
        ):
            try:
                if conn is None:
                    conn = open_connection(self.endpoint, self.timeout)
                bump += 1
                target, headers = request_target(self.endpoint, "latency.txt", bump)
                self.in_flight_since = started = time.monotonic()
                conn.request("GET", target, headers=headers)
                response = conn.getresponse()
                body = response.read()
                elapsed_ms = (time.monotonic() - started) * 1000.0
                self.in_flight_since = None
                if response.status == 403:
                    raise Forbidden()
                if response.status != 200 or not body.startswith(b"test=test"):
                    raise NotSpeedtestServer(f"HTTP {response.status} for latency.txt")
                self.samples.append((started, elapsed_ms))
                failures = 0
                if response.will_close:
                    conn.close()
                    conn = None
            except Exception as exc:  # reported through `error`
                self.in_flight_since = None
                if conn is not None:
                    conn.close()
                    conn = None
                failures += 1
                if (
                    self.stop_event.is_set()
                    or failures >= MAX_FAILURES
                    or isinstance(exc, Forbidden | NotSpeedtestServer)
                ):
                    self.error = exc
                    break
                continue
            self.stop_event.wait(self.interval)
        if conn is not None:
            conn.close()
