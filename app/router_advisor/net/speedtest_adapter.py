"""The one door to speedtest-cli: server choice, its HTTP connections, and its quirks.

speedtest-cli (archived upstream) always fetches speedtest.net's configuration, answers
plain HTTP with 403s at times, and raises its own exceptions or chokes on malformed XML.
Everything it does is wrapped here: with a self-hosted `server_url` nothing is fetched from
speedtest.net (built-in config defaults), a 403 over HTTP is retried over HTTPS, and every
failure becomes a one-line `UserInputError` or `RuntimeFailure`.
"""

import errno
import http.client
import os
import socket
import ssl
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, replace
from functools import cache
from typing import Any
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

import speedtest

from router_advisor.core.speed import ServerInfo
from router_advisor.errors import RouterAdvisorError, RuntimeFailure, UserInputError

SPEEDTEST_HOSTS = ("www.speedtest.net", "c.speedtest.net")

# What speedtest.net's speedtest-config.php says today (threadcount 4, threadsperurl 4,
# upload ratio 5, maxchunkcount 50, 10 s per direction), as speedtest-cli would parse it.
# Used for self-hosted servers, where nothing may be fetched from speedtest.net.
DEFAULT_CONFIG: dict[str, Any] = {
    "client": {"ip": "", "lat": "0", "lon": "0", "isp": "self-hosted server", "country": ""},
    "ignore_servers": [],
    "sizes": {
        "upload": [524288, 1048576, 7340032],
        "download": [350, 500, 750, 1000, 1500, 2000, 2500, 3000, 3500, 4000],
    },
    "counts": {"upload": 17, "download": 4},
    "threads": {"upload": 2, "download": 8},
    "length": {"upload": 10, "download": 10},
    "upload_max": 51,
}

_MALFORMED = (
    speedtest.SpeedtestConfigError,
    speedtest.SpeedtestServersError,
    ParseError,
    ExpatError,
    KeyError,
    ValueError,
    IndexError,
    AttributeError,
    TypeError,
)


@dataclass(frozen=True)
class Endpoint:
    """Where one speedtest-protocol server answers: latency.txt, random*.jpg, upload.php."""

    scheme: str
    host: str
    port: int
    directory: str  # path of the folder holding latency.txt, without a trailing slash
    upload_name: str
    info: ServerInfo

    def url(self, name: str) -> str:
        return f"{self.scheme}://{self.host}:{self.port}{self.directory}/{name}"

    @property
    def label(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass(frozen=True)
class TransferPlan:
    """What to fetch and send, taken from the speedtest configuration."""

    download_name: str
    upload_size: int


def parse_server_url(url: str) -> Endpoint:
    """A self-hosted server from its upload URL or folder URL; a bad URL is the user's to fix."""
    parts = urlsplit(url.strip())
    try:
        port = parts.port
    except ValueError as exc:
        raise UserInputError(f"The server URL {url!r} has a bad port: {exc}.") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UserInputError(
            f"The server URL {url!r} is not valid: give it as "
            "http://HOST[:PORT]/speedtest/upload.php or http://HOST[:PORT]/speedtest/"
        )
    path = parts.path.rstrip("/")
    last = path.rsplit("/", 1)[-1]
    if "." in last:
        directory, upload_name = path.rsplit("/", 1)[0], last
    else:
        directory, upload_name = path, "upload.php"
    port = port or (443 if parts.scheme == "https" else 80)
    info = ServerInfo(
        url=f"{parts.scheme}://{parts.netloc}{directory}/{upload_name}",
        name=parts.hostname,
        sponsor="self-hosted",
    )
    return Endpoint(parts.scheme, parts.hostname, port, directory, upload_name, info)


def plan_from_config(config: dict[str, Any]) -> TransferPlan:
    """The largest download image and upload body the configuration lists."""
    size = max(config["sizes"]["download"])
    return TransferPlan(f"random{size}x{size}.jpg", max(config["sizes"]["upload"]))


class _DirectoryRewrite(urllib.request.BaseHandler):
    """Sends speedtest-cli's speedtest.net directory requests to another directory URL."""

    handler_order = 100

    def __init__(self, directory_url: str) -> None:
        self._base = urlsplit(directory_url.rstrip("/"))

    def http_request(self, req: urllib.request.Request) -> urllib.request.Request:
        parts = urlsplit(req.full_url)
        if parts.hostname in SPEEDTEST_HOSTS:
            scheme = "https" if parts.scheme == "https" else self._base.scheme
            query = f"?{parts.query}" if parts.query else ""
            req.full_url = f"{scheme}://{self._base.netloc}{self._base.path}{parts.path}{query}"
        return req

    https_request = http_request


class AdvisorSpeedtest(speedtest.Speedtest):
    """speedtest.Speedtest with built-in config for self-hosted servers and HTTPS on 403."""

    def __init__(
        self,
        *,
        offline: bool,
        directory_url: str | None = None,
        timeout: float = 10.0,
        shutdown_event: threading.Event | None = None,
    ) -> None:
        self._offline = offline
        self._directory_url = directory_url
        super().__init__(timeout=timeout, shutdown_event=shutdown_event)

    def get_config(self) -> dict[str, Any]:
        if self._offline:
            self.config.update({key: _copy(value) for key, value in DEFAULT_CONFIG.items()})
            self.lat_lon = (0.0, 0.0)
            return dict(self.config)
        if self._directory_url and not any(
            isinstance(h, _DirectoryRewrite) for h in self._opener.handlers
        ):
            self._opener.add_handler(_DirectoryRewrite(self._directory_url))
        try:
            config = super().get_config()
        except speedtest.ConfigRetrievalError as exc:
            if not getattr(self, "_secure", True) and _is_forbidden(exc):
                self._secure = True  # speedtest.net answers plain HTTP with 403 at times
                config = super().get_config()
            else:
                raise
        if config is None:
            raise RuntimeFailure(
                "The speed-test directory did not send its configuration. Try again later.",
                cli_hint="or use --server-url",
            )
        return dict(config)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return list(value)
    return value


def _is_forbidden(exc: BaseException) -> bool:
    cause = exc.args[0] if exc.args else None
    return isinstance(cause, urllib.error.HTTPError) and cause.code == 403


def select_server(
    server_id: str | None,
    directory_url: str | None,
    timeout: float,
    shutdown_event: threading.Event,
) -> tuple[Endpoint, TransferPlan]:
    """The lowest-latency nearby speedtest.net server, or the one with `server_id`."""
    where = directory_url or "www.speedtest.net"
    if server_id is not None:
        check_server_id(server_id)
    try:
        client = AdvisorSpeedtest(
            offline=False,
            directory_url=directory_url,
            timeout=timeout,
            shutdown_event=shutdown_event,
        )
        client.get_servers([int(server_id)] if server_id is not None else None)
        best = client.get_best_server()
    except speedtest.NoMatchedServers as exc:
        raise UserInputError(
            f"No speed-test server has the id {server_id}; pick another id, or none to use "
            "the nearest server.",
            cli_hint="--server-id left out uses the nearest server",
        ) from exc
    except speedtest.SpeedtestBestServerFailure as exc:
        raise RuntimeFailure(
            f"No speed-test server from {where} answered. Check your internet connection.",
            cli_hint="or use --server-url",
        ) from exc
    except RouterAdvisorError:
        raise
    except _MALFORMED as exc:
        raise RuntimeFailure(
            f"{where} sent a speed-test configuration or server list that "
            f"cannot be read ({_short(exc)}). Try again later.",
            cli_hint="or use --server-url",
        ) from exc
    except (speedtest.SpeedtestException, OSError, http.client.HTTPException) as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
        raise connection_error(cause, where, "fetching the server list") from exc
    endpoint = parse_server_url(best["url"])
    return replace(endpoint, info=_server_info(best)), plan_from_config(client.config)


def check_server_id(server_id: str) -> None:
    """Refuse a speedtest.net server id that cannot be one (they are numbers)."""
    if not server_id.strip().isdigit():
        raise UserInputError(
            f"The server id {server_id!r} is not a number; "
            "speedtest.net server ids are numbers such as 12345."
        )


def _server_info(server: dict[str, Any]) -> ServerInfo:
    return ServerInfo(
        url=server["url"],
        id=str(server.get("id")),
        name=server.get("name"),
        sponsor=server.get("sponsor"),
        country=server.get("country"),
        distance_km=round(float(server.get("d", 0.0)), 1),
    )


def nearby_servers(
    directory_url: str | None, limit: int, timeout: float, shutdown_event: threading.Event
) -> list[ServerInfo]:
    """The `limit` speedtest.net servers nearest to this connection, nearest first, from
    `directory_url` (else www.speedtest.net); for a person to pick one."""
    where = directory_url or "www.speedtest.net"
    try:
        client = AdvisorSpeedtest(
            offline=False,
            directory_url=directory_url,
            timeout=timeout,
            shutdown_event=shutdown_event,
        )
        client.get_servers()
        closest = client.get_closest_servers(limit)
        return [_server_info(server) for server in closest]
    except RouterAdvisorError:
        raise
    except _MALFORMED as exc:
        raise RuntimeFailure(
            f"{where} sent a server list that cannot be read ({_short(exc)}). Try again "
            "later, or give a server id or your own server's URL."
        ) from exc
    except (speedtest.SpeedtestException, OSError, http.client.HTTPException) as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
        raise connection_error(cause, where, "fetching the server list") from exc


def self_hosted(server_url: str) -> tuple[Endpoint, TransferPlan]:
    """A self-hosted server with speedtest-cli's default configuration; no network at all."""
    return parse_server_url(server_url), plan_from_config(DEFAULT_CONFIG)


@cache
def user_agent() -> str:
    return str(speedtest.build_user_agent())


def request_target(endpoint: Endpoint, name: str, bump: int) -> tuple[str, dict[str, str]]:
    """Path (with speedtest-cli's cache buster) and headers for one request."""
    request = speedtest.build_request(endpoint.url(name), bump=str(bump))
    return request.selector, {"User-Agent": user_agent(), "Cache-Control": "no-cache"}


def open_connection(endpoint: Endpoint, timeout: float) -> http.client.HTTPConnection:
    """A connected speedtest-cli HTTP(S) connection with an explicit socket timeout."""
    cls = (
        speedtest.SpeedtestHTTPSConnection
        if endpoint.scheme == "https"
        else speedtest.SpeedtestHTTPConnection
    )
    conn: http.client.HTTPConnection = cls(endpoint.host, port=endpoint.port, timeout=timeout)
    conn.connect()
    return conn


def upload_payload(size: int) -> bytes:
    """speedtest-cli's upload body ("content1=0123...") of `size` bytes."""
    data = speedtest.HTTPUploaderData(size, 0, 0)
    data.pre_allocate()
    return bytes(data.data.getvalue())


def https_fallback(endpoint: Endpoint) -> Endpoint | None:
    """The HTTPS twin of an HTTP endpoint (for servers that answer plain HTTP with 403).

    Ookla servers speak TLS on their test port (8080, 5060), so that port is kept; but a
    server on HTTP's port 80 cannot speak TLS there too: its HTTPS twin is on port 443."""
    if endpoint.scheme != "http":
        return None
    port = 443 if endpoint.port == 80 else endpoint.port
    info = replace(endpoint.info, url=_with_scheme(endpoint.info.url, "https", port))
    return replace(endpoint, scheme="https", port=port, info=info)


def _with_scheme(url: str, scheme: str, port: int) -> str:
    """`url` with another scheme, and `port` written out unless it is the scheme's own."""
    parts = urlsplit(url)
    host = f"[{parts.hostname}]" if parts.hostname and ":" in parts.hostname else parts.hostname
    default = {"http": 80, "https": 443}[scheme]
    netloc = f"{host}:{port}" if port != default else f"{host}"
    return parts._replace(scheme=scheme, netloc=netloc).geturl()


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:120]


def connection_error(exc: BaseException, where: str, doing: str) -> RuntimeFailure:
    """One plain line for a network failure while `doing` something with server `where`."""
    if isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, BaseException):
        exc = exc.reason
    if isinstance(exc, ConnectionRefusedError):
        return RuntimeFailure(
            f"{where} refused the connection while {doing}: check the "
            "address and port, and that the speed-test server is running."
        )
    if isinstance(exc, socket.gaierror):
        return RuntimeFailure(
            f"Cannot find {where} while {doing}: check the server address "
            "and your internet connection."
        )
    if isinstance(exc, TimeoutError | socket.timeout):
        return RuntimeFailure(
            f"{where} stopped answering while {doing} (timed out). Try "
            "again, or choose another server."
        )
    if isinstance(exc, OSError) and exc.errno in (
        errno.EHOSTUNREACH,
        errno.ENETUNREACH,
        errno.EHOSTDOWN,
    ):
        return RuntimeFailure(
            f"{where} is unreachable ({os.strerror(exc.errno)}) while "
            f"{doing}: check your connection and the server address."
        )
    if isinstance(exc, ssl.SSLError):
        return RuntimeFailure(
            f"The secure connection to {where} failed while {doing} ({_short(exc)})."
        )
    if isinstance(exc, urllib.error.HTTPError):
        return RuntimeFailure(
            f"{where} answered HTTP {exc.code} while {doing}; it may not be "
            "a speed-test server. Check the address."
        )
    if isinstance(exc, ConnectionError | http.client.HTTPException):
        return RuntimeFailure(
            f"{where} dropped the connection while {doing} "
            f"({_short(exc)}). Try again, or choose another server."
        )
    return RuntimeFailure(f"The speed test failed while {doing} with {where}: {_short(exc)}.")
