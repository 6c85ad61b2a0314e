"""Guess what kind of device a host is, from its vendor, name, services and MAC, with the
evidence in words. Pure: small rule tables, first strong clue wins (services, then name,
then vendor), as Picard's matcher weighs its factors."""

from dataclasses import dataclass

# mDNS/DNS-SD service types that say what a device is (IANA service names registry).
SERVICE_KINDS: tuple[tuple[str, str], ...] = (
    ("_ipp._tcp", "printer"),
    ("_ipps._tcp", "printer"),
    ("_printer._tcp", "printer"),
    ("_pdl-datastream._tcp", "printer"),
    ("_scanner._tcp", "printer"),
    ("_googlecast._tcp", "tv"),
    ("_androidtvremote2._tcp", "tv"),
    ("_airplay._tcp", "tv"),
    ("_amzn-wplay._tcp", "tv"),
    ("_roku-rcp._tcp", "tv"),
    ("_nvstream._tcp", "console"),
    ("_xbox._tcp", "console"),
    ("_psn._tcp", "console"),
    ("_hap._tcp", "iot"),
    ("_homekit._tcp", "iot"),
    ("_matter._tcp", "iot"),
    ("_sonos._tcp", "iot"),
    ("_spotify-connect._tcp", "iot"),
    ("_companion-link._tcp", "phone"),
    ("_smb._tcp", "computer"),
    ("_workstation._tcp", "computer"),
    ("_ssh._tcp", "computer"),
)

# Words in a host name (lower-case). Order matters: "tv" before "pc".
NAME_KINDS: tuple[tuple[str, str], ...] = (
    ("iphone", "phone"),
    ("android", "phone"),
    ("galaxy", "phone"),
    ("pixel", "phone"),
    ("phone", "phone"),
    ("ipad", "phone"),
    ("printer", "printer"),
    ("officejet", "printer"),
    ("laserjet", "printer"),
    ("deskjet", "printer"),
    ("epson", "printer"),
    ("brother", "printer"),
    ("chromecast", "tv"),
    ("appletv", "tv"),
    ("apple-tv", "tv"),
    ("roku", "tv"),
    ("firetv", "tv"),
    ("fire-tv", "tv"),
    ("bravia", "tv"),
    ("tv", "tv"),
    ("playstation", "console"),
    ("ps4", "console"),
    ("ps5", "console"),
    ("xbox", "console"),
    ("nintendo", "console"),
    ("switch", "console"),
    ("macbook", "computer"),
    ("imac", "computer"),
    ("laptop", "computer"),
    ("desktop", "computer"),
    ("thinkpad", "computer"),
    ("pc", "computer"),
    ("echo", "iot"),
    ("alexa", "iot"),
    ("nest", "iot"),
    ("hue", "iot"),
    ("sonos", "iot"),
    ("plug", "iot"),
    ("camera", "iot"),
    ("thermostat", "iot"),
    ("router", "network"),
    ("repeater", "network"),
    ("extender", "network"),
    ("access-point", "network"),
)

# Vendor substrings (lower-case) whose products are nearly all of one kind.
VENDOR_KINDS: tuple[tuple[str, str], ...] = (
    ("sony interactive", "console"),
    ("nintendo", "console"),
    ("roku", "tv"),
    ("lg electronics", "tv"),
    ("vizio", "tv"),
    ("tcl", "tv"),
    ("hewlett packard", "printer"),
    ("hp inc", "printer"),
    ("seiko epson", "printer"),
    ("brother industries", "printer"),
    ("canon", "printer"),
    ("lexmark", "printer"),
    ("sonos", "iot"),
    ("philips lighting", "iot"),
    ("signify", "iot"),
    ("espressif", "iot"),
    ("tuya", "iot"),
    ("shelly", "iot"),
    ("ecobee", "iot"),
    ("ring llc", "iot"),
    ("amazon technologies", "iot"),
    ("nest labs", "iot"),
    ("raspberry pi", "computer"),
    ("intel corporate", "computer"),
    ("dell", "computer"),
    ("lenovo", "computer"),
    ("micro-star", "computer"),
    ("asustek", "computer"),
    ("tp-link", "network"),
    ("netgear", "network"),
    ("ubiquiti", "network"),
    ("avm", "network"),
    ("eero", "network"),
    ("arris", "network"),
    ("sagemcom", "network"),
    ("zyxel", "network"),
    ("mikrotik", "network"),
    ("cisco", "network"),
    ("oneplus", "phone"),
    ("xiaomi", "phone"),
    ("huawei", "phone"),
    ("motorola", "phone"),
)


@dataclass(frozen=True)
class KindGuess:
    kind: str
    evidence: tuple[str, ...]


def _first(table: tuple[tuple[str, str], ...], text: str) -> tuple[str, str] | None:
    for needle, kind in table:
        if needle in text:
            return needle, kind
    return None


def guess_kind(
    vendor: str | None,
    hostname: str | None,
    services: tuple[str, ...],
    randomized_mac: bool,
    is_gateway: bool = False,
) -> KindGuess:
    """The most likely kind and every clue that was used, in plain words."""
    evidence: list[str] = []
    kind = "unknown"
    if is_gateway:
        kind = "network"
        evidence.append("it is the default gateway (your router)")
    for service in services:
        match = _first(SERVICE_KINDS, service)
        if match:
            evidence.append(f"announces the {service} service")
            kind = kind if kind != "unknown" else match[1]
    name_match = _first(NAME_KINDS, (hostname or "").lower())
    if name_match:
        evidence.append(f"its name '{hostname}' contains '{name_match[0]}'")
        kind = kind if kind != "unknown" else name_match[1]
    vendor_match = _first(VENDOR_KINDS, (vendor or "").lower())
    if vendor_match:
        evidence.append(f"made by {vendor}")
        kind = kind if kind != "unknown" else vendor_match[1]
    if randomized_mac:
        evidence.append("uses a private (randomised) MAC address, as phones and tablets do")
        kind = kind if kind != "unknown" else "phone"
    return KindGuess(kind=kind, evidence=tuple(evidence))
