"""A speedtest-protocol server for tests: config, server list, latency.txt, downloads, uploads.

Run it inside a namespace: `python -m tests.netlab.speed_server --host IP --port N`. It
prints "ready" once listening. Downloads are sent with sendfile from one pre-built random
file and uploads are discarded through one large buffer, so a single Python process keeps
up with a gigabit link. Failure modes for tests: --die-after-bytes (it resets every
connection and exits, as a crashed server would; a plain exit would let the kernel deliver
megabytes of buffered data first), --malformed-config, --forbid (403 to everything over
plain HTTP).

With --tls-port, --cert and --key it also serves HTTPS on a second port, as a speedtest.net
server that refuses plain HTTP does; on SIGTERM it prints the requests and bytes it served
over each scheme as one JSON line, so a test can tell which one the client really used.
"""

import argparse
import json
import os
import re
import signal
import socket
import ssl
import struct
import sys
import tempfile
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

SERVER_ID = 4242
BLOB_SIZE = 4000 * 4000 * 2  # the largest image, random4000x4000.jpg
SEND_SLICE = 1024 * 1024

CONFIG_XML = """<?xml version="1.0" encoding="UTF-8"?>
<settings>
<client ip="{host}" lat="52.37" lon="4.89" isp="Test Lab ISP" isprating="3.7" rating="0"
 ispdlavg="0" ispulavg="0" loggedin="0" country="NL" />
<server-config threadcount="4" ignoreids="" notonmap="" forcepingid="" preferredserverid=""/>
<download testlength="10" initialtest="250K" mintestsize="250K" threadsperurl="4"/>
<upload testlength="10" ratio="5" initialtests="0" mintestsize="32K" threads="2"
 maxchunksize="512K" maxchunkcount="50" threadsperurl="4"/>
<latency testlength="10" waittime="50" timeout="20"/>
</settings>
"""

SERVERS_XML = """<?xml version="1.0" encoding="UTF-8"?>
<settings><servers>
<server url="http://{host}:{port}/speedtest/upload.php" lat="52.37" lon="4.89" name="Lab"
 country="Netherlands" cc="NL" sponsor="Router Advisor test lab" id="{id}" host="{host}:{port}"/>
</servers></settings>
"""


class Shared:
    """What the HTTP and the HTTPS listener share: the download blob and the accounting."""

    def __init__(self, options: argparse.Namespace) -> None:
        self.options = options
        self.served = 0
        self.requests: Counter[str] = Counter()  # per scheme
        self.bytes: Counter[str] = Counter()  # per scheme
        self.lock = threading.Lock()
        self.connections: set[socket.socket] = set()
        # An unlinked temporary file: nothing is left behind even when the server is killed.
        # It is only read at explicit offsets (sendfile, pread), so threads may share it.
        folder = "/dev/shm" if os.path.isdir("/dev/shm") else None
        self.blob = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 - lives as long as we do
        for _ in range(BLOB_SIZE // (1 << 20) + 1):
            self.blob.write(os.urandom(1 << 20))
        self.blob.flush()

    def traffic(self) -> str:
        with self.lock:
            return json.dumps({"requests": self.requests, "bytes": self.bytes})


class LabServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(
        self, address: tuple[str, int], shared: Shared, tls: ssl.SSLContext | None = None
    ) -> None:
        super().__init__(address, Handler)
        self.options, self.shared, self.tls = shared.options, shared, tls
        self.scheme = "https" if tls else "http"

    def count(self, n: int) -> None:
        """Account for traffic and play dead once told to."""
        shared = self.shared
        with shared.lock:
            shared.served += n
            shared.bytes[self.scheme] += n
            served = shared.served
        if self.options.die_after_bytes and served >= self.options.die_after_bytes:
            with shared.lock:
                for conn in shared.connections:
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    conn.close()  # with linger 0: a reset, and buffered data is dropped
            os._exit(3)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # one small reply must not wait for a delayed ACK
    timeout = 60
    server: LabServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def setup(self) -> None:
        if self.server.tls is not None:
            # The handshake runs here, on the request's thread, not in the accept loop.
            self.request.settimeout(self.timeout)
            self.request = self.server.tls.wrap_socket(self.request, server_side=True)
        super().setup()
        with self.server.shared.lock:
            self.server.shared.connections.add(self.connection)

    def finish(self) -> None:
        with self.server.shared.lock:
            self.server.shared.connections.discard(self.connection)
        super().finish()

    def _admit(self) -> bool:
        """Count the request; with --forbid, refuse it (403, False) if it came over plain HTTP."""
        with self.server.shared.lock:
            self.server.shared.requests[self.server.scheme] += 1
        if self.server.options.forbid and self.server.tls is None:
            self._reply(b"Forbidden", 403)
            return False
        return True

    def _reply(self, body: bytes, status: int = 200, kind: str = "text/plain") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        opts = self.server.options
        path = urlsplit(self.path).path
        if not self._admit():
            return
        if path.endswith("/speedtest-config.php"):
            body = CONFIG_XML.format(host=opts.host)
            if opts.malformed_config:
                body = body[: len(body) // 2]
            self._reply(body.encode(), kind="text/xml")
        elif "/speedtest-servers" in path:
            body = SERVERS_XML.format(host=opts.host, port=opts.port, id=SERVER_ID)
            self._reply(body.encode(), kind="text/xml")
        elif not path.startswith("/speedtest/"):
            self._reply(b"not found", 404)
        elif path.endswith("/latency.txt"):
            self._reply(b"test=test\n")
        elif match := re.search(r"/random(\d+)x(\d+)\.jpg$", path):
            self._send_image(min(BLOB_SIZE, int(match[1]) * int(match[2]) * 2))
        else:
            self._reply(b"not found", 404)

    def _send_image(self, size: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        blob = self.server.shared.blob
        offset = 0
        while offset < size:
            count = min(SEND_SLICE, size - offset)
            if self.server.tls is None:
                sent = self.connection.sendfile(blob, offset, count)
            else:  # TLS has no sendfile; SSLSocket's fallback would seek the shared file
                self.connection.sendall(os.pread(blob.fileno(), count, offset))
                sent = count
            if not sent:
                return
            offset += sent
            self.server.count(sent)

    def do_POST(self) -> None:
        if not self._admit():
            return
        length = int(self.headers.get("Content-Length") or 0)
        if not urlsplit(self.path).path.startswith("/speedtest/"):
            self.close_connection = True
            self._reply(b"not found", 404)
            return
        buffer = memoryview(bytearray(1 << 20))
        left = length
        while left > 0:
            got = self.rfile.readinto(buffer[: min(left, len(buffer))])
            if not got:
                self.close_connection = True
                return
            left -= got
            self.server.count(got)
        self._reply(f"size={length}".encode())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--die-after-bytes", type=int, default=0)
    parser.add_argument("--malformed-config", action="store_true")
    parser.add_argument("--forbid", action="store_true")
    parser.add_argument("--tls-port", type=int, default=0)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    options = parser.parse_args()
    shared = Shared(options)
    server = LabServer((options.host, options.port), shared)
    if options.tls_port:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(options.cert, options.key)
        secure = LabServer((options.host, options.tls_port), shared, context)
        threading.Thread(target=secure.serve_forever, args=(0.2,), daemon=True).start()

    def report_and_exit(signum: int, frame: object) -> None:
        print(shared.traffic(), flush=True)
        os._exit(0)

    signal.signal(signal.SIGTERM, report_and_exit)
    print("ready", flush=True)
    server.serve_forever(poll_interval=0.2)


if __name__ == "__main__":
    sys.exit(main())
