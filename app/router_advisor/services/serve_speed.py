"""Use case: run the speedtest-protocol server on this computer (`router-advisor serve-speed`).

It listens only on a private address (a home LAN, loopback, link-local, IPv6 ULA) unless
the person says otherwise: a speed server on a public address lets anyone on the internet
use this computer's bandwidth. Started from the desktop app it never runs as root, since a
root process that answers the network is more than a speed test needs.
"""

import contextlib
import errno
import ipaddress
import logging
import os
import threading
from collections.abc import Callable

from router_advisor.core.progress import CancelToken
from router_advisor.errors import RuntimeFailure, UserInputError
from router_advisor.net.speed_server import ServerState, SpeedServer, server_url

log = logging.getLogger(__name__)
DEFAULT_PORT = 8080
WILDCARDS = ("0.0.0.0", "::")


def is_private(address: str) -> bool:
    """A LAN, loopback, link-local or unique-local address; the wildcard is not (it listens
    on every address, public ones too)."""
    if address in WILDCARDS:
        return False
    return ipaddress.ip_address(address).is_private


def _default_bind() -> str:
    """The IPv4 address of the interface the default route leaves through."""
    from router_advisor.net.interfaces import _ipv4_networks, default_route

    _, iface = default_route()
    addresses = [ip for ip, _ in _ipv4_networks(iface)] if iface else []
    if not addresses:
        raise UserInputError(
            "This computer has no network with a default route; give the address to listen "
            "on with --bind ADDR (e.g. --bind 192.168.1.20)."
        )
    return addresses[0]


def resolve_bind(bind: str | None, allow_public: bool) -> str:
    """The address to listen on; a public one (or the wildcard) only with `allow_public`."""
    address = (bind or "").strip() or _default_bind()
    try:
        ipaddress.ip_address(address)
    except ValueError:
        if address not in WILDCARDS:
            raise UserInputError(
                f"--bind takes an IP address of this computer, e.g. 192.168.1.20, not {bind!r}."
            ) from None
    if not allow_public and not is_private(address):
        raise UserInputError(
            f"{address} is not a private (home network) address: anyone who can reach it "
            "could use this computer's bandwidth. Give a LAN address with --bind, or add "
            "--allow-public if you mean it."
        )
    return address


def refuse_root_from_gui(from_gui: bool) -> None:
    if from_gui and hasattr(os, "geteuid") and os.geteuid() == 0:
        raise UserInputError(
            "The speed server does not run as root from the desktop app; start the app as "
            "your own user, or run `router-advisor serve-speed` from a terminal."
        )


def serve(
    bind: str | None,
    port: int = DEFAULT_PORT,
    *,
    allow_public: bool = False,
    announce: bool = True,
    from_gui: bool = False,
    ready: Callable[[str], None] = lambda url: None,
    cancel: CancelToken | None = None,
    notes: Callable[[str], None] = lambda note: None,
) -> None:
    """Serve until `cancel` is set (or the process is interrupted); `ready` gets the URL
    clients use once the server listens and is announced, `notes` what the person should
    know (it could not be announced)."""
    refuse_root_from_gui(from_gui)
    if not 0 <= port < 65536:  # 0: any free port (tests)
        raise UserInputError(f"--port must be from 1 to 65535, not {port}.")
    address = resolve_bind(bind, allow_public)
    cancel = cancel or CancelToken()
    state = ServerState()
    try:
        server = SpeedServer((address, port), state)
    except OSError as exc:
        state.close()
        raise _listen_error(address, port, exc) from exc
    thread = threading.Thread(target=server.serve_forever, args=(0.2,), daemon=True)
    thread.start()
    try:
        with contextlib.ExitStack() as announced:
            if announce and address not in WILDCARDS:
                from router_advisor.net.speed_announce import Announcement

                try:
                    announced.enter_context(Announcement(address, server.port))
                except (OSError, ValueError) as exc:  # no multicast here: serve all the same
                    log.warning("not announced on mDNS: %s", exc)
                    notes("Not announced on the network (mDNS failed): give the walk the URL.")
            ready(server_url(address, server.port))
            _until_cancelled(cancel)
    finally:
        server.shutdown()
        server.server_close()
        state.close()


def _until_cancelled(cancel: CancelToken) -> None:
    """Wait in short steps, so Ctrl-C (KeyboardInterrupt) gets through on every OS."""
    while not cancel.wait(0.5):
        pass


def _listen_error(address: str, port: int, exc: OSError) -> RuntimeFailure | UserInputError:
    if exc.errno == errno.EADDRINUSE:
        return RuntimeFailure(
            f"Port {port} on {address} is already in use; choose another with --port."
        )
    if exc.errno == errno.EADDRNOTAVAIL:
        return UserInputError(f"{address} is not an address of this computer; check --bind.")
    if exc.errno == errno.EACCES:
        return UserInputError(f"Port {port} needs administrator rights; use 1024 or above.")
    return RuntimeFailure(f"Cannot listen on {address}:{port}: {exc.strerror}.")
