"""Ask the gateway, unasked-for-data only, what it is: SSDP and its UPnP description, the
admin page's title, realm and Server header, the FRITZ!Box TR-064 description, its MAC
vendor and DNS name. Nothing is sent anywhere but the gateway; nothing logs in or writes.

Every reply is untrusted: reads stop at MAX_REPLY_BYTES, each request has a timeout, XML is
parsed by defusedxml (no entities, no DTDs: an XML bomb is refused), and redirects are
followed only to the gateway itself, once.
"""

import asyncio
import http.client
import logging
import re
import ssl
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from router_advisor.core.current_router import GatewayClues
from router_advisor.errors import RuntimeFailure
from router_advisor.net.names import reverse_dns
from router_advisor.net.neighbor_sweep import table_reader
from router_advisor.net.vendors import vendor_of

log = logging.getLogger(__name__)

MAX_REPLY_BYTES = 64 * 1024  # a real UPnP description is 2-20 KiB
MAX_TEXT_CHARS = 120  # longer model strings are cut: they are shown to people
SSDP_PORT = 1900
TR064_PORT = 49000  # AVM's TR-064 description, public without login
SSDP_WAIT_S = 1  # seconds to wait for the gateway's first SSDP answer
SSDP_GRACE_S = 0.15  # and for any further answers after it


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


class ProbeRefused(Exception):
    """A reply that was too big, malformed, or pointed away from the gateway."""


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    flat = " ".join(text.split())
    flat = "".join(ch for ch in flat if ch.isprintable())
    return flat[:MAX_TEXT_CHARS] or None


def http_get(host: str, port: int, path: str, timeout_s: float, tls: bool = False) -> Reply:
    """GET one path from the gateway, reading at most MAX_REPLY_BYTES; no redirects."""
    if tls:
        # The admin page's certificate is self-signed on almost every router; we only read
        # its title, and send nothing secret.
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            host, port, timeout=timeout_s, context=context
        )
    else:
        conn = http.client.HTTPConnection(host, port, timeout=timeout_s)
    try:
        conn.request("GET", path, headers={"User-Agent": "router-advisor", "Connection": "close"})
        response = conn.getresponse()
        body = response.read(MAX_REPLY_BYTES + 1)
        if len(body) > MAX_REPLY_BYTES:
            raise ProbeRefused(f"{path} on port {port} sent more than {MAX_REPLY_BYTES} bytes")
        headers = {k.lower(): v[:1000] for k, v in response.getheaders()}
        return Reply(response.status, headers, body)
    finally:
        conn.close()


def same_host_path(location: str, gateway_ip: str) -> tuple[int, str] | None:
    """(port, path) of a URL on the gateway itself; None for any other host."""
    try:
        url = urlsplit(location)
        port = url.port or (443 if url.scheme == "https" else 80)
    except ValueError:
        return None
    if url.scheme not in ("http", "https") or url.hostname != gateway_ip:
        return None
    return port, (url.path or "/") + (f"?{url.query}" if url.query else "")


def parse_description(xml: bytes) -> dict[str, str | None]:
    """The root device's manufacturer and model fields of a UPnP/TR-064 description."""
    try:
        root = ElementTree.fromstring(xml, forbid_dtd=True)
    except (DefusedXmlException, ElementTree.ParseError) as error:
        raise ProbeRefused(f"description refused: {type(error).__name__}") from error
    device = next((el for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "device"), None)
    if device is None:
        raise ProbeRefused("description has no device element")
    fields: dict[str, str | None] = {}
    for child in device:
        name = child.tag.rsplit("}", 1)[-1]
        if name in (
            "manufacturer",
            "modelName",
            "modelNumber",
            "modelDescription",
            "friendlyName",
            "firmwareVersion",
            "softwareVersion",
        ):
            fields[name] = _clean(child.text)
    return fields


_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)
_REALM = re.compile(r'realm="([^"]*)"', re.IGNORECASE)


def admin_page(gateway_ip: str, timeout_s: float) -> dict[str, str | None]:
    """Title, login realm and Server header of the admin page (http, then https)."""
    for port, tls in ((80, False), (443, True)):
        try:
            reply = http_get(gateway_ip, port, "/", timeout_s, tls)
            if 300 <= reply.status < 400 and (target := reply.headers.get("location")):
                # One redirect, and only to the gateway itself (relative or absolute).
                if target.startswith("/"):
                    target = f"{'https' if tls else 'http'}://{gateway_ip}:{port}{target}"
                hop = same_host_path(target, gateway_ip)
                if hop is None:
                    return {"http_server": _clean(reply.headers.get("server"))}
                reply = http_get(gateway_ip, hop[0], hop[1], timeout_s, target.startswith("https"))
        except (OSError, http.client.HTTPException, ProbeRefused) as error:
            log.debug("admin page on port %d: %s", port, error)
            continue
        title = _TITLE.search(reply.body)
        realm = _REALM.search(reply.headers.get("www-authenticate", ""))
        return {
            "http_title": _clean(title.group(1).decode("utf-8", "replace")) if title else None,
            "http_realm": _clean(realm.group(1)) if realm else None,
            "http_server": _clean(reply.headers.get("server")),
        }
    return {}


def ssdp_locations(gateway_ip: str, local_ip: str | None) -> tuple[str | None, list[str]]:
    """(SERVER header, LOCATION URLs) of the gateway's answers to a unicast M-SEARCH. Stops
    SSDP_GRACE_S after the gateway's first answer instead of waiting out the whole window."""
    from async_upnp_client.search import SsdpSearchListener

    servers: list[str] = []
    locations: list[str] = []

    async def search() -> None:
        answered = asyncio.Event()

        async def collect(headers: object) -> None:
            get = getattr(headers, "get", None)
            if get is None or get("_host") not in (gateway_ip, None):
                return
            if (location := get("location")) and location not in locations:
                locations.append(str(location)[:500])
            if server := get("server"):
                servers.append(str(server))
            answered.set()

        async def connected() -> None:
            listener.async_search()

        listener = SsdpSearchListener(
            async_callback=collect,
            source=(local_ip, 0) if local_ip else None,
            target=(gateway_ip, SSDP_PORT),
            timeout=SSDP_WAIT_S,
            search_target="upnp:rootdevice",
            async_connect_callback=connected,
        )
        await listener.async_start()
        try:
            await asyncio.wait_for(answered.wait(), SSDP_WAIT_S)
            await asyncio.sleep(SSDP_GRACE_S)  # a box may answer with several locations
        except TimeoutError:
            pass
        finally:
            listener.async_stop()

    try:
        asyncio.run(search())
    except (OSError, ValueError) as error:
        log.debug("SSDP search: %s", error)
    return (_clean(servers[0]) if servers else None), locations[:4]


def upnp_description(gateway_ip: str, local_ip: str | None, timeout_s: float) -> dict:
    server, locations = ssdp_locations(gateway_ip, local_ip)
    found: dict[str, str | None] = {"ssdp_server": server}
    problems: list[str] = []
    for location in locations:
        hop = same_host_path(location, gateway_ip)
        if hop is None:
            problems.append("SSDP pointed to a description away from the gateway: not fetched")
            continue
        try:
            reply = http_get(gateway_ip, hop[0], hop[1], timeout_s, location.startswith("https"))
            fields = parse_description(reply.body)
        except ProbeRefused as error:
            problems.append(str(error))
            continue
        except (OSError, http.client.HTTPException) as error:
            log.debug("UPnP description %s: %s", location, error)
            continue
        found |= {
            "upnp_manufacturer": fields.get("manufacturer"),
            "upnp_model_name": fields.get("modelName"),
            "upnp_model_number": fields.get("modelNumber"),
            "upnp_model_description": fields.get("modelDescription"),
            "upnp_friendly_name": fields.get("friendlyName"),
            "upnp_firmware": fields.get("firmwareVersion") or fields.get("softwareVersion"),
        }
        break
    return found | {"problems": problems}


def tr064_description(gateway_ip: str, timeout_s: float) -> dict:
    try:
        reply = http_get(gateway_ip, TR064_PORT, "/tr64desc.xml", timeout_s)
        if reply.status != 200:
            return {}
        fields = parse_description(reply.body)
    except ProbeRefused as error:
        return {"problems": [str(error)]}
    except (OSError, http.client.HTTPException):
        return {}
    return {
        "tr064_manufacturer": fields.get("manufacturer"),
        "tr064_model": fields.get("modelName"),
    }


def _mac_and_name(gateway_ip: str, iface: str | None, local_ip: str | None) -> dict:
    found: dict = {}
    if iface and local_ip:
        try:
            mac = table_reader(iface, local_ip)().resolved.get(gateway_ip)
        except (OSError, RuntimeFailure):
            mac = None
        if mac:
            found |= {"mac": mac, "mac_vendor": vendor_of(mac)}
    try:
        name = reverse_dns([gateway_ip], server=gateway_ip, timeout_s=0.4).get(gateway_ip)
    except OSError:
        name = None
    if name:
        found["names"] = (name[:MAX_TEXT_CHARS],)
    return found


def probe_gateway(
    gateway_ip: str,
    iface: str | None = None,
    local_ip: str | None = None,
    timeout_s: float = 1.2,
    announced: tuple[str | None, tuple[str, ...]] = (None, ()),
) -> GatewayClues:
    """Everything the gateway says about itself, gathered in parallel within ~2 s.
    `announced` is the (mDNS host name, service types) a scan heard from it."""
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=4) as pool:
        jobs = [
            pool.submit(upnp_description, gateway_ip, local_ip, timeout_s),
            pool.submit(admin_page, gateway_ip, timeout_s),
            pool.submit(tr064_description, gateway_ip, timeout_s),
            pool.submit(_mac_and_name, gateway_ip, iface, local_ip),
        ]
        parts = [job.result() for job in jobs]
    mdns_name, mdns_services = announced
    clues = GatewayClues(
        gateway_ip=gateway_ip,
        names=(mdns_name[:MAX_TEXT_CHARS],) if mdns_name else (),
        mdns_services=tuple(s[:MAX_TEXT_CHARS] for s in mdns_services[:10]),
    )
    problems: list[str] = []
    for part in parts:
        problems += part.pop("problems", [])
        if "names" in part:  # the DNS name joins the mDNS one
            part["names"] = tuple(dict.fromkeys(clues.names + part["names"]))
        clues = replace(clues, **{k: v for k, v in part.items() if v})
    log.info("probed gateway %s in %.2f s: %s", gateway_ip, time.monotonic() - started, clues)
    return replace(clues, problems=tuple(problems))
