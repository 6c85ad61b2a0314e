"""The speedtest-protocol server of the package (router_advisor.net.speed_server) with the
failure modes tests need.

Run it inside a namespace: `python -m tests.netlab.speed_server --host IP --port N`. It
prints "ready" once listening. Failure modes: --die-after-bytes (it resets every connection
and exits, as a crashed server would; a plain exit would let the kernel deliver megabytes of
buffered data first), --malformed-config, --forbid (403 to everything over plain HTTP).

With --tls-port, --cert and --key it also serves HTTPS on a second port, as a speedtest.net
server that refuses plain HTTP does; on SIGTERM it prints the requests and bytes it served
over each scheme as one JSON line, so a test can tell which one the client really used.
"""

import argparse
import json
import os
import signal
import socket
import ssl
import struct
import sys
import threading

from router_advisor.net.speed_server import ServerState, SpeedHandler, SpeedServer


class LabServer(SpeedServer):
    def __init__(
        self,
        address: tuple[str, int],
        state: ServerState,
        options: argparse.Namespace,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        super().__init__(address, state)
        self.options, self.tls = options, tls
        self.scheme = "https" if tls else "http"

    def count(self, n: int) -> None:
        """Account for traffic and play dead once told to."""
        super().count(n)
        state = self.state
        with state.lock:
            served = state.served
        if self.options.die_after_bytes and served >= self.options.die_after_bytes:
            with state.lock:
                for conn in state.connections:
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    conn.close()  # with linger 0: a reset, and buffered data is dropped
            os._exit(3)

    def config_xml(self) -> str:
        body = super().config_xml()
        return body[: len(body) // 2] if self.options.malformed_config else body

    def admit(self, handler: SpeedHandler) -> bool:
        """With --forbid, refuse (403) whatever came over plain HTTP."""
        super().admit(handler)
        if self.options.forbid and self.tls is None:
            handler.reply(b"Forbidden", 403)
            return False
        return True

    def wrap(self, handler: SpeedHandler) -> None:
        if self.tls is not None:
            # The handshake runs here, on the request's thread, not in the accept loop.
            handler.request.settimeout(handler.timeout)
            handler.request = self.tls.wrap_socket(handler.request, server_side=True)


def traffic(state: ServerState) -> str:
    with state.lock:
        return json.dumps({"requests": state.requests, "bytes": state.bytes})


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
    state = ServerState("Lab", "Router Advisor test lab", "Netherlands", "Test Lab ISP")
    server = LabServer((options.host, options.port), state, options)
    if options.tls_port:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(options.cert, options.key)
        secure = LabServer((options.host, options.tls_port), state, options, context)
        threading.Thread(target=secure.serve_forever, args=(0.2,), daemon=True).start()

    def report_and_exit(signum: int, frame: object) -> None:
        print(traffic(state), flush=True)
        os._exit(0)

    signal.signal(signal.SIGTERM, report_and_exit)
    print("ready", flush=True)
    server.serve_forever(poll_interval=0.2)


if __name__ == "__main__":
    sys.exit(main())
