"""Pure parsers for Wi-Fi tool outputs: `iw dev IF link` / `iw dev IF scan dump`, `nmcli -t`
network lists (Linux), `netsh wlan show interfaces|networks` (Windows) and `system_profiler
SPAirPortDataType` (macOS). Tested on recorded real outputs under tests/fixtures/wifi."""

import re

from router_advisor.core.scan import WifiLink
from router_advisor.core.wifi_crowding import AUDIBLE_PERCENT, percent_to_dbm

_IW_RATE = re.compile(r"(?P<dir>tx|rx) bitrate:\s*(?P<rate>[\d.]+) MBit/s(?P<rest>.*)")
_IW_BSSID = re.compile(r"Connected to (?P<bssid>(?:[0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2})")
_MAC = re.compile(r"^(?:[0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$")


def _bssid(text: str | None) -> str | None:
    """A BSSID as lower-case aa:bb:cc:dd:ee:ff; None for anything else (iw's masked xx:...)."""
    value = (text or "").strip()
    return value.lower().replace("-", ":") if _MAC.match(value) else None


def band_of(freq_mhz: int) -> str:
    if freq_mhz < 3000:
        return "2.4"
    return "6" if freq_mhz >= 5925 else "5"


def channel_of(freq_mhz: int) -> int:
    """IEEE channel number for a 2.4, 5 or 6 GHz centre frequency."""
    if freq_mhz == 2484:
        return 14
    if freq_mhz < 3000:
        return (freq_mhz - 2407) // 5
    if freq_mhz >= 5955:
        return (freq_mhz - 5950) // 5
    return (freq_mhz - 5000) // 5


def _standard(rest: str, band: str | None) -> str | None:
    if "EHT-" in rest:
        return "Wi-Fi 7"
    if "HE-" in rest:
        return "Wi-Fi 6E" if band == "6" else "Wi-Fi 6"
    if "VHT-" in rest:
        return "Wi-Fi 5"
    if "MCS" in rest:
        return "Wi-Fi 4"
    return None


def parse_iw_link(text: str, iface: str | None = None) -> WifiLink | None:
    """`iw dev IF link`; None when it says 'Not connected.'."""
    if "Connected to" not in text:
        return None
    fields: dict[str, str] = {}
    rates: dict[str, tuple[float, str]] = {}
    for line in text.splitlines():
        rate = _IW_RATE.search(line)
        if rate:
            rates[rate["dir"]] = (float(rate["rate"]), rate["rest"])
        elif ":" in line:
            key, _, value = line.strip().partition(":")
            fields.setdefault(key.strip(), value.strip())
    freq = int(float(fields["freq"])) if "freq" in fields else None
    band = band_of(freq) if freq else None
    signal = re.match(r"-?\d+", fields.get("signal", ""))
    rest = " ".join(r for _, r in rates.values())
    width = re.search(r"(\d+)MHz", rest)
    bssid = _IW_BSSID.search(text)
    return WifiLink(
        standard=_standard(rest, band),
        band=band,
        channel=channel_of(freq) if freq else None,
        channel_width_mhz=int(width[1]) if width else None,
        signal_dbm=int(signal[0]) if signal else None,
        tx_rate_mbps=rates["tx"][0] if "tx" in rates else None,
        rx_rate_mbps=rates["rx"][0] if "rx" in rates else None,
        ssid=fields.get("SSID"),
        interface=iface,
        bssid=_bssid(bssid["bssid"]) if bssid else None,
    )


def _split_terse(line: str) -> list[str]:
    """nmcli -t fields: ':' separates, '\\:' is a literal colon."""
    return [f.replace("\x00", ":") for f in line.replace("\\:", "\x00").split(":")]


def parse_nmcli_wifi_list(text: str) -> list[tuple[str, int, int]]:
    """`nmcli -t -f SSID,CHAN,FREQ,SIGNAL dev wifi list` -> (band, channel, signal 0-100)."""
    networks = []
    for line in text.splitlines():
        fields = _split_terse(line)
        if len(fields) < 4 or not fields[1].isdigit():
            continue
        freq = int(fields[2].split()[0])
        networks.append((band_of(freq), int(fields[1]), int(fields[3])))
    return networks


def parse_nmcli_active_link(text: str, iface: str | None = None) -> WifiLink | None:
    """`nmcli -t -f ACTIVE,BSSID,SSID,CHAN,FREQ,RATE,SIGNAL dev wifi list`: the network this
    computer is on (ACTIVE yes), for where `iw` is not installed. nmcli gives the signal as
    0-100 %, turned back into dBm on its own scale (core.wifi_crowding.percent_to_dbm)."""
    for line in text.splitlines():
        fields = _split_terse(line)
        if len(fields) < 7 or fields[0] != "yes" or not fields[3].isdigit():
            continue
        freq = int(fields[4].split()[0])
        band = band_of(freq)
        rate = _number(fields[5])
        signal = _number(fields[6])
        return WifiLink(
            band=band,
            channel=int(fields[3]),
            signal_dbm=percent_to_dbm(int(signal)) if signal is not None else None,
            tx_rate_mbps=rate,
            ssid=fields[2] or None,
            interface=iface,
            bssid=_bssid(fields[1]),
        )
    return None


def parse_netsh_networks(text: str) -> list[tuple[str, int, int]]:
    """`netsh wlan show networks mode=bssid` -> (band, channel, signal 0-100) per BSSID."""
    networks = []
    signal: int | None = None
    for line in text.splitlines():
        key, _, value = line.strip().partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "signal":
            signal = int(value.rstrip("%"))
        elif key == "channel" and signal is not None and value.isdigit():
            channel = int(value)
            band = "2.4" if channel <= 14 else "5"
            networks.append((band, channel, signal))
            signal = None
    return networks


def _standard_of(radio: str, band: str | None) -> str | None:
    """'802.11ax' (netsh radio type, macOS PHY mode) -> 'Wi-Fi 6'; 6E on the 6 GHz band."""
    radio = radio.replace(" ", "").lower()
    if radio.endswith("be"):
        return "Wi-Fi 7"
    if radio.endswith("ax"):
        return "Wi-Fi 6E" if band == "6" else "Wi-Fi 6"
    if radio.endswith("ac"):
        return "Wi-Fi 5"
    if radio.endswith("n"):
        return "Wi-Fi 4"
    return None


def dbm_to_percent(dbm: float) -> int:
    """The inverse of router_advisor.core.wifi_crowding.percent_to_dbm (nmcli's scale), 0-100."""
    return max(0, min(100, round(dbm) + 120))


def parse_iw_scan(text: str) -> list[tuple[str, int, int]]:
    """`iw dev IF scan dump` (the kernel's cached scan) -> (band, channel, signal 0-100)."""
    networks = []
    freq: int | None = None
    for line in text.splitlines():
        if line.startswith("BSS "):
            freq = None
            continue
        key, _, value = line.strip().partition(":")
        if key == "freq":
            freq = int(float(value))
        elif key == "signal" and freq is not None:
            dbm = float(value.split()[0])
            networks.append((band_of(freq), channel_of(freq), dbm_to_percent(dbm)))
            freq = None
    return networks


def _netsh_blocks(text: str) -> list[dict[str, str]]:
    """`netsh wlan show interfaces`: one dict of lower-cased keys per interface block."""
    blocks: list[dict[str, str]] = []
    for line in text.splitlines():
        key, sep, value = line.partition(" : ")
        if not sep:
            continue
        key = key.strip().lower()
        if key == "name" or not blocks:
            blocks.append({})
        blocks[-1].setdefault(key, value.strip())
    return blocks


def _number(text: str | None) -> float | None:
    match = re.search(r"-?\d+(?:\.\d+)?", text or "")
    return float(match[0]) if match else None


def parse_netsh_interfaces(text: str, iface: str | None = None) -> WifiLink | None:
    """`netsh wlan show interfaces` (English): the block named `iface`, else the first
    connected one; None when no interface is connected."""
    blocks = [b for b in _netsh_blocks(text) if b.get("state") == "connected"]
    chosen = next((b for b in blocks if b.get("name") == iface), blocks[0] if blocks else None)
    if chosen is None:
        return None
    band_value = _number(chosen.get("band"))
    band = {2.4: "2.4", 5.0: "5", 6.0: "6"}.get(band_value) if band_value else None
    channel = _number(chosen.get("channel"))
    if band is None and channel is not None:
        band = "2.4" if channel <= 14 else "5"
    rssi = _number(chosen.get("rssi"))
    percent = _number(chosen.get("signal"))
    # Windows maps 0 % to -100 dBm and 100 % to -50 dBm (WLAN_REALTIME_CONNECTION_QUALITY).
    signal = rssi if rssi is not None else (percent / 2 - 100 if percent is not None else None)
    return WifiLink(
        standard=_standard_of(chosen.get("radio type", ""), band),
        band=band,
        channel=int(channel) if channel is not None else None,
        channel_width_mhz=None,
        signal_dbm=int(signal) if signal is not None else None,
        tx_rate_mbps=_number(chosen.get("transmit rate (mbps)")),
        rx_rate_mbps=_number(chosen.get("receive rate (mbps)")),
        ssid=chosen.get("ssid"),
        interface=chosen.get("name"),
        bssid=_bssid(chosen.get("ap bssid") or chosen.get("bssid")),
    )


_PROFILER_CHANNEL = re.compile(r"(?P<ch>\d+)(?:\s*\((?P<band>[\d.]+)GHz(?:,\s*(?P<w>\d+)MHz)?)?")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _profiler_section(lines: list[str], header: str) -> list[tuple[str, dict[str, str]]]:
    """The networks listed under `header` ('Current Network Information'): (name, fields)."""
    found: list[tuple[str, dict[str, str]]] = []
    for i, line in enumerate(lines):
        if line.strip() == f"{header}:":
            depth = _indent(line)
            for entry in lines[i + 1 :]:
                if not entry.strip():
                    continue
                if _indent(entry) <= depth:
                    break
                key, _, value = entry.strip().partition(":")
                if not value.strip():
                    found.append((key, {}))
                elif found:
                    found[-1][1][key.strip()] = value.strip()
            break
    return found


def _profiler_lines(text: str, iface: str | None) -> list[str]:
    """The lines of `iface`'s block (every line when it is not named), without the lines a
    wrapped value puts at column 0."""
    lines = [line for line in text.splitlines() if line.startswith(" ")]
    start = next((i for i, line in enumerate(lines) if line.strip() == f"{iface}:"), None)
    if start is None:
        return lines
    depth = _indent(lines[start])
    end = next((j for j in range(start + 1, len(lines)) if _indent(lines[j]) <= depth), len(lines))
    return lines[start + 1 : end]


def _profiler_channel(value: str) -> tuple[int | None, str | None, int | None]:
    """'128 (5GHz, 80MHz)' -> (128, '5', 80); '6 (2GHz, 20MHz)' -> (6, '2.4', 20)."""
    match = _PROFILER_CHANNEL.match(value)
    if not match:
        return None, None, None
    channel = int(match["ch"])
    band = {"2": "2.4", "2.4": "2.4", "5": "5", "6": "6"}.get(match["band"] or "")
    if band is None:
        band = "2.4" if channel <= 14 else "5"
    return channel, band, int(match["w"]) if match["w"] else None


def parse_system_profiler_link(text: str, iface: str | None = None) -> WifiLink | None:
    """`system_profiler SPAirPortDataType`: the current network of `iface` (en0 ...)."""
    current = _profiler_section(_profiler_lines(text, iface), "Current Network Information")
    if not current:
        return None
    name, fields = current[0]
    channel, band, width = _profiler_channel(fields.get("Channel", ""))
    signal = re.match(r"(-?\d+) dBm(?: / (-?\d+) dBm)?", fields.get("Signal / Noise", ""))
    return WifiLink(
        standard=_standard_of(fields.get("PHY Mode", ""), band),
        band=band,
        channel=channel,
        channel_width_mhz=width,
        signal_dbm=int(signal[1]) if signal else None,
        tx_rate_mbps=_number(fields.get("Transmit Rate")),
        rx_rate_mbps=None,
        ssid=None if name == "<redacted>" else name,
        interface=iface,
        bssid=_bssid(fields.get("BSSID")),
        noise_dbm=int(signal[2]) if signal and signal[2] else None,
    )


def parse_system_profiler_networks(
    text: str, iface: str | None = None
) -> list[tuple[str, int, int]]:
    """'Other Local Wi-Fi Networks' of `iface` -> (band, channel, signal 0-100). macOS prints
    no signal for some networks it heard in its last scan; they count as just audible."""
    networks = []
    for _, fields in _profiler_section(_profiler_lines(text, iface), "Other Local Wi-Fi Networks"):
        channel, band, _ = _profiler_channel(fields.get("Channel", ""))
        if channel is None or band is None:
            continue
        signal = re.match(r"(-?\d+) dBm", fields.get("Signal / Noise", ""))
        networks.append(
            (band, channel, dbm_to_percent(int(signal[1])) if signal else AUDIBLE_PERCENT)
        )
    return networks
