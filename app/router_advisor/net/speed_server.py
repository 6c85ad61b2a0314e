"""A speedtest-protocol server: config, server list, latency.txt, downloads and uploads.

`router-advisor serve-speed` runs it on a wired computer in the home, so the walk test (and
the normal speed test, with --server-url) can measure the Wi-Fi without the internet line
in the way; the test lab (tests/netlab/speed_server.py) runs the same server with failure
modes added. Downloads are sent with sendfile from one pre-built random file and uploads
are discarded through one large buffer, so a single Python process keeps up with a gigabit
link.
"""

import os
import re
import socket
import tempfile
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

SERVER_ID = 4242
BLOB_SIZE = 4000 * 4000 * 2  # the largest image, random4000x4000.jpg
SEND_SLICE = 1024 * 1024
UPLOAD_PATH = "/speedtest/upload.php"

CONFIG_XML = """<?xml version="1.0" encoding="UTF-8"?>
<settings>
<client ip="{host}" lat="52.37" lon="4.89" isp="{isp}" isprating="3.7" rating="0"
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
<server url="http://{host}:{port}/speedtest/upload.php" lat="52.37" lon="4.89" name="{name}"
 country="{country}" cc="NL" sponsor="{sponsor}" id="{id}" host="{host}:{port}"/>
</servers></settings>
"""


def server_url(host: str, port: int) -> str:
    """The URL `speed --server-url` and `walk measure --server-url` take for this server."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{UPLOAD_PATH}"


class ServerState:
    """What every listener of one server shares: the download blob and the accounting."""

    def __init__(
        self,
        name: str = "Router Advisor",
        sponsor: str = "serve-speed",
        country: str = "Home",
        isp: str = "Home network",
    ) -> None:
        """`name`, `sponsor`, `country` and `isp` are what the server list and the
        configuration say about it."""
        self.name, self.sponsor, self.country, self.isp = name, sponsor, country, isp
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

    def close(self) -> None:
        self.blob.close()


class SpeedServer(ThreadingHTTPServer):
    """One listener. Subclasses may override `count`, `config_xml` and `admit` (the lab's
    failure modes)."""

    daemon_threads = True
    request_queue_size = 128
    scheme = "http"

    def __init__(self, address: tuple[str, int], state: ServerState) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, SpeedHandler)
        self.state = state

    @property
    def host(self) -> str:
        return str(self.server_address[0])

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def count(self, n: int) -> None:
        """Account for `n` bytes sent or received."""
        with self.state.lock:
            self.state.served += n
            self.state.bytes[self.scheme] += n

    def config_xml(self) -> str:
        return CONFIG_XML.format(host=self.host, isp=self.state.isp)

    def servers_xml(self) -> str:
        return SERVERS_XML.format(
            host=self.host,
            port=self.port,
            id=SERVER_ID,
            name=self.state.name,
            sponsor=self.state.sponsor,
            country=self.state.country,
        )

    def admit(self, handler: "SpeedHandler") -> bool:
        """Count the request; False when it was answered already (refused)."""
        with self.state.lock:
            self.state.requests[self.scheme] += 1
        return True

    def wrap(self, handler: "SpeedHandler") -> None:
        """Called on the request's thread before it is read (the lab's TLS handshake)."""


class SpeedHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # one small reply must not wait for a delayed ACK
    timeout = 60
    server: SpeedServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def setup(self) -> None:
        self.server.wrap(self)
        super().setup()
        with self.server.state.lock:
            self.server.state.connections.add(self.connection)

    def finish(self) -> None:
        with self.server.state.lock:
            self.server.state.connections.discard(self.connection)
        super().finish()

    def reply(self, body: bytes, status: int = 200, kind: str = "text/plain") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if not self.server.admit(self):
            return
        if path.endswith("/speedtest-config.php"):
            self.reply(self.server.config_xml().encode(), kind="text/xml")
        elif "/speedtest-servers" in path:
            self.reply(self.server.servers_xml().encode(), kind="text/xml")
        elif not path.startswith("/speedtest/"):
            self.reply(b"not found", 404)
        elif path.endswith("/latency.txt"):
            self.reply(b"test=test\n")
        elif match := re.search(r"/random(\d+)x(\d+)\.jpg$", path):
            self._send_image(min(BLOB_SIZE, int(match[1]) * int(match[2]) * 2))
        else:
            self.reply(b"not found", 404)

    def _send_image(self, size: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        blob = self.server.state.blob
        offset = 0
        while offset < size:
            count = min(SEND_SLICE, size - offset)
            if self.server.scheme == "http":
                sent = self.connection.sendfile(blob, offset, count)
            else:  # TLS has no sendfile; SSLSocket's fallback would seek the shared file
                self.connection.sendall(os.pread(blob.fileno(), count, offset))
                sent = count
            if not sent:
                return
            offset += sent
            self.server.count(sent)

    def do_POST(self) -> None:
        if not self.server.admit(self):
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            self.reply(b"bad Content-Length", 400)
            return
        if not urlsplit(self.path).path.startswith("/speedtest/"):
            self.close_connection = True
            self.reply(b"not found", 404)
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
        self.reply(f"size={length}".encode())
