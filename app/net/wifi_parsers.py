"""Pure parsers for Wi-Fi tool outputs: `iw dev IF link` and `nmcli -t` network lists
(Linux), `netsh wlan show networks mode=bssid` (Windows). Tested on recorded outputs."""

import re

from app.core.scan import WifiLink

_IW_RATE = re.compile(r"(?P<dir>tx|rx) bitrate:\s*(?P<rate>[\d.]+) MBit/s(?P<rest>.*)")


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
    return WifiLink(
        standard=_standard(rest, band), band=band, channel=channel_of(freq) if freq else None,
        channel_width_mhz=int(width[1]) if width else None,
        signal_dbm=int(signal[0]) if signal else None,
        tx_rate_mbps=rates["tx"][0] if "tx" in rates else None,
        rx_rate_mbps=rates["rx"][0] if "rx" in rates else None,
        ssid=fields.get("SSID"), interface=iface)


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
