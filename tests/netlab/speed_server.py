"""A speedtest-protocol server for tests: config, server list, latency.txt, downloads, uploads.

Run it inside a namespace: `python -m tests.netlab.speed_server --host IP --port N`. It
prints "ready" once listening. Downloads are sent with sendfile from one pre-built random
file and uploads are discarded through one large buffer, so a single Python process keeps
up with a gigabit link. Failure modes for tests: --die-after-bytes (it resets every
connection and exits, as a crashed server would; a plain exit would let the kernel deliver
megabytes of buffered data first), --malformed-config, --forbid (403 to everything).
"""

import argparse
import os
import re
import socket
import struct
import sys
import tempfile
import threading
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


class LabServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], options: argparse.Namespace) -> None:
        super().__init__(address, Handler)
        self.options = options
        self.served = 0
        self.lock = threading.Lock()
        self.connections: set[socket.socket] = set()
        # An unlinked temporary file: nothing is left behind even when the server is killed.
        # sendfile is always given an explicit offset, so threads may share it.
        folder = "/dev/shm" if os.path.isdir("/dev/shm") else None
        self.blob = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 - lives as long as we do
        for _ in range(BLOB_SIZE // (1 << 20) + 1):
            self.blob.write(os.urandom(1 << 20))
        self.blob.flush()

    def count(self, n: int) -> None:
        """Account for traffic and play dead once told to."""
        with self.lock:
            self.served += n
            served = self.served
        if self.options.die_after_bytes and served >= self.options.die_after_bytes:
            with self.lock:
                for conn in self.connections:
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
        super().setup()
        with self.server.lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        with self.server.lock:
            self.server.connections.discard(self.connection)
        super().finish()

    def _reply(self, body: bytes, status: int = 200, kind: str = "text/plain") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        opts = self.server.options
        path = urlsplit(self.path).path
        if opts.forbid:
            self._reply(b"Forbidden", 403)
        elif path.endswith("/speedtest-config.php"):
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
        offset = 0
        while offset < size:
            count = min(SEND_SLICE, size - offset)
            sent = self.connection.sendfile(self.server.blob, offset, count)
            if not sent:
                return
            offset += sent
            self.server.count(sent)

    def do_POST(self) -> None:
        if self.server.options.forbid:
            self._reply(b"Forbidden", 403)
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
    options = parser.parse_args()
    server = LabServer((options.host, options.port), options)
    print("ready", flush=True)
    server.serve_forever(poll_interval=0.2)


if __name__ == "__main__":
    sys.exit(main())
