"""The router a household already has: what it says about itself, which model that is, and
whether to keep it, tune it or replace it. Pure: the clues and the facts come in.

Matching prefers what the router states about its model (UPnP/TR-064 modelName and
modelNumber) over what hints at it (page title, realm, MAC vendor); a brand alone never
names a model, so the person is asked instead of guessed for.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

Confidence = Literal["high", "medium", "low"]
VerdictWord = Literal["keep", "tune", "replace", "unknown"]


@dataclass(frozen=True)
class GatewayClues:
    """What the gateway offers the LAN unasked. None: it did not say."""

    gateway_ip: str | None
    mac: str | None = None
    mac_vendor: str | None = None
    ssdp_server: str | None = None
    upnp_manufacturer: str | None = None
    upnp_model_name: str | None = None
    upnp_model_number: str | None = None
    upnp_model_description: str | None = None
    upnp_friendly_name: str | None = None
    upnp_firmware: str | None = None
    tr064_manufacturer: str | None = None
    tr064_model: str | None = None
    http_title: str | None = None
    http_realm: str | None = None
    http_server: str | None = None
    names: tuple[str, ...] = ()  # DNS/mDNS/DHCP names of the gateway
    mdns_services: tuple[str, ...] = ()  # service types it announces ("_http._tcp", ...)
    problems: tuple[str, ...] = ()  # replies that were refused (too big, malformed, ...)


@dataclass(frozen=True)
class KnownRouter:
    """The facts about one model that judging it needs. None means unknown."""

    brand: str
    model: str
    source: str  # "catalog:<key>", "openwrt-toh:<id>", "techinfodepot:<id>", "isp-box:<id>"
    revision: str | None = None
    wifi_generation: str | None = None  # "4", "5", "6", "6E", "7"
    wan_mbps: int | None = None
    fastest_port_mbps: int | None = None
    lan_ports: int | None = None
    soc: str | None = None
    cpu_cores: int | None = None
    ram_mb: int | None = None
    year: int | None = None
    openwrt: bool | None = None
    sqm: bool | None = None  # smart queue management (fights bufferbloat)
    adaptive_qos: bool | None = None
    end_of_support: str | None = None  # ISO date
    # On the maker's end-of-life list as of this ISO date, which gives no end date.
    eol_listed_as_of: str | None = None
    discontinued: bool | None = None
    mesh_system: str | None = None  # can take nodes of this system ("AiMesh", "Deco", ...)
    isp: str | None = None  # an ISP-branded box: the ISP's name
    bridge_mode: str | None = None  # what the ISP box calls its bridge mode, "" for none
    aliases: tuple[str, ...] = ()  # other names the box answers to ("Hub 5", "F3896")

    @property
    def name(self) -> str:
        return f"{self.brand} {self.model}" + (f" {self.revision}" if self.revision else "")


@dataclass(frozen=True)
class Identified:
    known: KnownRouter
    confidence: Confidence
    evidence: tuple[str, ...]


# Brand spellings the clues use -> the catalog's brand.
BRAND_ALIASES: dict[str, str] = {
    "netgear": "Netgear",
    "tp-link": "TP-Link",
    "tplink": "TP-Link",
    "asustek": "ASUS",
    "asus": "ASUS",
    "avm": "AVM",
    "fritz": "AVM",
    "linksys": "Linksys",
    "belkin": "Linksys",
    "ubiquiti": "Ubiquiti",
    "unifi": "Ubiquiti",
    "gl.inet": "GL.iNet",
    "gl-inet": "GL.iNet",
    "xiaomi": "Xiaomi",
    "synology": "Synology",
    "eero": "eero",
    "google": "Google",
    "d-link": "D-Link",
    "zyxel": "Zyxel",
    "mikrotik": "MikroTik",
    "arris": "Arris",
    "commscope": "Arris",
    "technicolor": "Technicolor",
    "vantiva": "Technicolor",
    "sagemcom": "Sagemcom",
    "mercusys": "Mercusys",
    "huawei": "Huawei",
    "openwrt": "OpenWrt",
}


def normalized(text: str) -> str:
    """Lower case, letters and digits only: "Archer AX-55" -> "archerax55"."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[^0-9a-z]+", "", folded)


def brand_of(text: str | None) -> str | None:
    """The catalog brand a clue names, if any ("NETGEAR, Inc." -> "Netgear")."""
    if not text:
        return None
    lowered = text.lower()
    for alias, brand in BRAND_ALIASES.items():
        if re.search(rf"(?<![a-z]){re.escape(alias)}", lowered):
            return brand
    return None


def _model_keys(known: KnownRouter) -> list[str]:
    """The normalised names a model answers to, without a trailing hardware version."""
    names = [known.model, *known.aliases]
    keys = []
    for name in names:
        bare = re.sub(r"\s+v\d+(\.\w+)*$", "", name.strip(), flags=re.IGNORECASE)
        for candidate in (name, bare):
            key = normalized(candidate)
            if len(key) >= 3 and key not in keys:
                keys.append(key)
    return keys


# How much each clue is worth when it names a model: stated model fields beat hints.
STATED = ("upnp_model_name", "upnp_model_number", "tr064_model")
HINTED = ("upnp_model_description", "upnp_friendly_name", "http_title", "http_realm")
CLUE_LABELS = {
    "upnp_model_name": "UPnP modelName",
    "upnp_model_number": "UPnP modelNumber",
    "tr064_model": "TR-064 description",
    "upnp_model_description": "UPnP modelDescription",
    "upnp_friendly_name": "UPnP friendlyName",
    "http_title": "admin page title",
    "http_realm": "admin page login realm",
    "upnp_manufacturer": "UPnP manufacturer",
    "tr064_manufacturer": "TR-064 manufacturer",
    "http_server": "admin page Server header",
    "ssdp_server": "SSDP SERVER header",
    "mac_vendor": "MAC address vendor",
    "names": "network name",
}


def clue_lines(clues: GatewayClues) -> list[str]:
    """Every clue the gateway gave, as "label 'value'" lines for the evidence list."""
    lines = []
    for name, label in CLUE_LABELS.items():
        value = getattr(clues, name)
        if value:
            lines.append(f"{label} '{value}'")
    lines += [f"{CLUE_LABELS['names']} '{n}'" for n in clues.names]
    lines += [f"mDNS service '{s}'" for s in clues.mdns_services]
    return lines


def clue_brands(clues: GatewayClues) -> set[str]:
    fields = ("upnp_manufacturer", "tr064_manufacturer", "mac_vendor", "http_server", *HINTED)
    found = {brand_of(getattr(clues, name)) for name in fields}
    found |= {brand_of(n) for n in clues.names}
    return {b for b in found if b}


def _match_score(text: str, keys: list[str], exact_only: bool) -> int:
    """Length of the model key this text names (0: none). Longer keys win (R7000P > R7000)."""
    said = normalized(text)
    best = 0
    for key in keys:
        if said == key or (not exact_only and re.search(rf"{key}(?![0-9])", said)):
            best = max(best, len(key))
    return best


def _name_score(name: str, keys: list[str]) -> int:
    """Length of the model key a host name spells in whole parts: "RT-AX86U-5C10.local"
    names the RT-AX86U (a suffix such as a serial may follow, unlike in a model field)."""
    parts = [normalized(p) for p in re.split(r"[-._ ]+", name) if p]
    spans = {"".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)}
    return max((len(key) for key in keys if key in spans), default=0)


def identify(clues: GatewayClues, candidates: Sequence[KnownRouter]) -> Identified | None:
    """The best-matching model and how sure we are, or None when no clue names a model."""
    brands = clue_brands(clues)
    # (tier, clue, text): what the gateway stated (tier 2) and what only hints (tier 1).
    said = [(2, name, getattr(clues, name)) for name in STATED]
    said += [(1, name, getattr(clues, name)) for name in HINTED]
    said += [(1, "names", name) for name in clues.names]
    said = [(tier, name, value) for tier, name, value in said if value]
    best: tuple[int, int, KnownRouter, str, str] | None = None
    for rank, known in enumerate(candidates):
        keys = _model_keys(known)
        brand_agrees = known.brand in brands or (known.isp is not None and bool(brands))
        for tier, name, value in said:
            # A hint (title, description, name) may mention the model inside longer text;
            # a stated model field must be the model (or contain it after the brand).
            length = (
                _name_score(value, keys) if name == "names" else _match_score(value, keys, False)
            )
            if not length:
                continue
            score = tier * 1000 + (500 if brand_agrees else 0) + length * 10
            candidate = (score, -rank, known, name, value)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    if best is None:
        return None
    score, _, known, name, value = best
    tier = score // 1000
    brand_agrees = (score % 1000) >= 500
    if tier == 2 and brand_agrees:
        confidence: Confidence = "high"
    elif tier == 2 or brand_agrees:
        confidence = "medium"
    else:
        confidence = "low"
    evidence = [f"{CLUE_LABELS[name]} '{value}' -> {known.name} ({known.source})"]
    known = merged(known, candidates)
    evidence += [line for line in clue_lines(clues) if not line.startswith(CLUE_LABELS[name])]
    return Identified(known, confidence, tuple(evidence))


def merged(known: KnownRouter, candidates: Iterable[KnownRouter]) -> KnownRouter:
    """`known` with its unknown facts filled from other rows of the same model (the ToH and
    TechInfoDepot each know different things about one router)."""
    key = (known.brand, normalized(known.model), known.revision)
    filled = known
    for other in candidates:
        if other is known or (other.brand, normalized(other.model), other.revision) != key:
            continue
        gaps = {
            name: getattr(other, name)
            for name in KnownRouter.__dataclass_fields__
            if getattr(filled, name) is None and getattr(other, name) is not None
        }
        if gaps:
            filled = replace(filled, **gaps)
    return filled


def find_by_name(text: str, candidates: Sequence[KnownRouter]) -> KnownRouter | None:
    """The model a person typed ("Netgear R7000", "archer ax55"), or None."""
    typed = normalized(text)
    brand = brand_of(text)
    best: tuple[int, KnownRouter] | None = None
    for known in candidates:
        if brand and known.brand != brand and known.isp is None:
            continue
        for key in _model_keys(known):
            brand_key = normalized(known.brand) + key
            # A name with extra words ("Netgear Nighthawk R7000") counts only when it names
            # the brand: "toaster 3000" is not an Actiontec R3000.
            if typed in (key, brand_key) or (brand and len(key) >= 4 and typed.endswith(key)):
                score = len(key) + (100 if typed in (key, brand_key) else 0)
                if best is None or score > best[0]:
                    best = (score, known)
    return merged(best[1], candidates) if best else None


@dataclass(frozen=True)
class CurrentVerdict:
    verdict: VerdictWord
    reasons: tuple[str, ...]
    tuning: tuple[str, ...] = ()
    gain: str | None = None  # what replacing would bring, in one sentence
    reuse: str | None = None  # how the old router can still serve
    questions: tuple[str, ...] = field(default=())


# The facts of a KnownRouter a report shows (and history keeps), in this order.
SPEC_FIELDS = (
    "wifi_generation",
    "wan_mbps",
    "fastest_port_mbps",
    "lan_ports",
    "soc",
    "cpu_cores",
    "ram_mb",
    "year",
    "openwrt",
    "sqm",
    "adaptive_qos",
    "end_of_support",
    "eol_listed_as_of",
    "discontinued",
    "mesh_system",
    "isp",
    "bridge_mode",
    "source",
)


@dataclass(frozen=True)
class CurrentRouterReport:
    """The router in use: where it is, what it is (or None), and the verdict on it."""

    gateway_ip: str | None
    identified: Identified | None
    verdict: CurrentVerdict
    clues: tuple[str, ...] = ()  # everything the router said, as evidence lines
    problems: tuple[str, ...] = ()  # replies that were refused

    @property
    def name(self) -> str | None:
        return self.identified.known.name if self.identified else None

    def to_dict(self) -> dict[str, Any]:
        known = self.identified.known if self.identified else None
        return {
            "gateway_ip": self.gateway_ip,
            "identified": None
            if self.identified is None or known is None
            else {
                "brand": known.brand,
                "model": known.model,
                "hardware_revision": known.revision,
                "confidence": self.identified.confidence,
                "evidence": list(self.identified.evidence),
            },
            "specs": None if known is None else {k: getattr(known, k) for k in SPEC_FIELDS},
            "verdict": self.verdict.verdict,
            "reasons": list(self.verdict.reasons),
            "tuning": list(self.verdict.tuning),
            "gain": self.verdict.gain,
            "reuse": self.verdict.reuse,
            "questions": list(self.verdict.questions),
            "clues": list(self.clues),
            "problems": list(self.problems),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "CurrentRouterReport":
        """Back from `to_dict` (a stored run); unknown keys are ignored."""
        found, specs = data.get("identified"), data.get("specs") or {}
        identified = None
        if found:
            facts: dict[str, Any] = {k: specs.get(k) for k in SPEC_FIELDS if k != "source"}
            known = KnownRouter(
                brand=str(found["brand"]),
                model=str(found["model"]),
                revision=found.get("hardware_revision"),
                source=str(specs.get("source") or ""),
                **facts,
            )
            identified = Identified(
                known, found.get("confidence", "low"), tuple(found.get("evidence") or ())
            )
        verdict = CurrentVerdict(
            data.get("verdict", "unknown"),
            tuple(data.get("reasons") or ()),
            tuple(data.get("tuning") or ()),
            data.get("gain"),
            data.get("reuse"),
            tuple(data.get("questions") or ()),
        )
        return cls(
            data.get("gateway_ip"),
            identified,
            verdict,
            tuple(data.get("clues") or ()),
            tuple(data.get("problems") or ()),
        )
