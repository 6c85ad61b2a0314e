"""Build data/lookup/hardware.json.gz: a compact table of known routers for identifying the
router a household already has, from the OpenWrt Table of Hardware (CC BY-SA 4.0) and
TechInfoDepot (CC BY-SA 3.0) dumps in ../shared/reference (see its README for the traps).

Usage: python packaging/build_hardware_lookup.py [REFERENCE_DIR [OUT]]

Each row keeps only what judging a router needs, and where it came from:
{brand, model, revision, wifi_generation, wan_mbps, fastest_port_mbps, lan_ports, soc,
cpu_cores, ram_mb, year, openwrt, modem, source}. Unknown stays null.
"""

import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "lookup" / "hardware.json.gz"

# Brands as the catalog spells them; the dumps use several spellings.
BRANDS = {
    "tp-link": "TP-Link",
    "netgear": "Netgear",
    "asus": "ASUS",
    "linksys": "Linksys",
    "avm": "AVM",
    "d-link": "D-Link",
    "ubiquiti networks": "Ubiquiti",
    "ubiquiti": "Ubiquiti",
    "gl.inet": "GL.iNet",
    "gl-inet": "GL.iNet",
    "xiaomi": "Xiaomi",
    "zyxel": "Zyxel",
    "mikrotik": "MikroTik",
    "arris": "Arris",
    "technicolor": "Technicolor",
    "sagemcom": "Sagemcom",
    "huawei": "Huawei",
    "tenda": "Tenda",
    "buffalo": "Buffalo",
    "belkin": "Belkin",
    "mercusys": "Mercusys",
    "synology": "Synology",
    "google": "Google",
    "eero": "eero",
}
TID_TYPES = re.compile(r"router|modem", re.IGNORECASE)
TOH_TYPES = {"WiFi Router", "Router", "Modem", "Travel Router"}


def brand_name(raw: str) -> str:
    return BRANDS.get(raw.strip().lower(), raw.strip())


def generation_from_class(wifi_class: str | None, has_6ghz: bool = False) -> str | None:
    """Wi-Fi generation from a marketing class: AC1900 -> 5, AX3000 -> 6, AXE -> 6E, BE -> 7."""
    if not wifi_class:
        return None
    c = wifi_class.strip().upper()
    if c.startswith("BE"):
        return "7"
    if c.startswith("AXE") or (c.startswith("AX") and has_6ghz):
        return "6E"
    if c.startswith("AX"):
        return "6"
    if c.startswith("AC"):
        return "5"
    if c.startswith("N"):
        return "4"
    return None


def generation_from_toh(row: dict) -> str | None:
    bands = " ".join(str(row.get(k) or "") for k in ("wlan24ghz", "wlan50ghz", "wlan60ghz"))
    six = row.get("wlan60ghz") not in (None, "-", "¿")  # wlan60ghz is the 6 GHz band (README)
    if "be" in bands:
        return "7"
    if "ax" in bands:
        return "6E" if six else "6"
    if "ac" in bands:
        return "5"
    if re.search(r"\bn\b|/n", bands):
        return "4"
    return None


def _int(value: object) -> int | None:
    try:
        number = int(float(str(value)))
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _known(value: object) -> bool:
    """ToH writes "-" for none and null or "¿" for unknown."""
    return value not in (None, "", "-", "¿", [])


def _tid_model(row: dict) -> str:
    """The page title without the brand: "Netgear R7000P" -> "R7000P" (`model` drops the
    suffix that tells R7000P from R7000 and 7590 AX from 7590)."""
    title, brand = str(row.get("title") or ""), str(row.get("brand") or "")
    if title.lower().startswith(brand.lower() + " "):
        return title[len(brand) + 1 :].strip()
    return str(row["model"]).strip()


def _year(value: object) -> int | None:
    match = re.match(r"(\d{4})", str(value or ""))
    return int(match.group(1)) if match else None


def toh_rows(path: Path) -> list[dict]:
    dump = json.loads(path.read_text(encoding="utf-8"))
    rows = [dict(zip(dump["columns"], entry, strict=True)) for entry in dump["entries"]]
    out = []
    for row in rows:
        if row.get("devicetype") not in TOH_TYPES or not row.get("model"):
            continue
        speeds = [
            mbps
            for column, mbps in (
                ("ethernet10gports", 10000),
                ("ethernet5gports", 5000),
                ("ethernet2_5gports", 2500),
                ("ethernet1gports", 1000),
                ("ethernet100mports", 100),
            )
            if _int(row.get(column))
        ]
        cpu = str(row.get("cpu") or "").strip() or None
        out.append(
            {
                "brand": brand_name(str(row["brand"])),
                "model": str(row["model"]).strip(),
                "revision": (str(row["version"]).strip() or None) if row.get("version") else None,
                "wifi_generation": generation_from_toh(row),
                "wan_mbps": None,  # ToH port counts are totals: WAN and LAN are not split
                "fastest_port_mbps": max(speeds) if speeds else None,
                "lan_ports": None,
                "soc": cpu,
                "cpu_cores": _int(row.get("cpucores")),
                "ram_mb": _int(row.get("rammb")),
                "year": None,
                "openwrt": bool(row.get("supportedcurrentrel")),
                "modem": row.get("devicetype") == "Modem" or _known(row.get("modem")),
                "source": f"openwrt-toh:{row['deviceid']}",
            }
        )
    return out


def tid_rows(path: Path) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if not TID_TYPES.search(str(row.get("type") or "")) or not row.get("model"):
            continue
        ports = row.get("ports") or {}
        wan = (ports.get("wan") or {}).get("speed_mbps")
        lan = row.get("lan_ports_mbps_derived") or []
        speeds = [p.get("speed_mbps") for p in ports.values() if p.get("speed_mbps")]
        six = any(r.get("band_ghz") == "6" for r in row.get("radios") or [])
        soc = " ".join(x for x in (row.get("soc_vendor"), row.get("soc_model")) if x) or None
        support = str(row.get("openwrt_support") or "").lower()
        out.append(
            {
                "brand": brand_name(str(row["brand"])),
                "model": _tid_model(row),
                "revision": row.get("revision") or None,
                "wifi_generation": generation_from_class(row.get("wifi_class"), six),
                "wan_mbps": _int(wan),
                "fastest_port_mbps": max(speeds) if speeds else None,
                "lan_ports": len(lan) or None,
                "soc": soc,
                "cpu_cores": _int(row.get("cpu_cores")),
                "ram_mb": _int(row.get("ram_mb")),
                "year": _year(row.get("est_release_date") or row.get("fcc_approval_date")),
                "openwrt": (support.startswith("supported") or None) if support else None,
                "modem": "modem" in str(row.get("type") or "").lower(),
                "source": f"techinfodepot:{row['data_url']}",
            }
        )
    return out


def main(argv: list[str]) -> int:
    reference = Path(argv[0]) if argv else ROOT.parent / "shared" / "reference"
    out = Path(argv[1]) if len(argv) > 1 else OUT
    rows = tid_rows(reference / "techinfodepot-infobox-routers.jsonl")
    rows += toh_rows(reference / "openwrt-toh.json")
    rows.sort(key=lambda r: (r["brand"].lower(), r["model"].lower(), r["source"]))
    document = {
        "licence": "CC BY-SA 4.0 (derived from CC BY-SA 3.0 and CC BY-SA 4.0 data)",
        "credits": [
            "OpenWrt Table of Hardware, https://openwrt.org/toh (CC BY-SA 4.0)",
            "TechInfoDepot, https://techinfodepot.shoutwiki.com (CC BY-SA 3.0)",
        ],
        "rows": rows,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    # mtime=0 keeps the file byte-identical across rebuilds of the same data.
    out.write_bytes(gzip.compress(data, mtime=0))
    print(f"{len(rows)} rows -> {out} ({out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
