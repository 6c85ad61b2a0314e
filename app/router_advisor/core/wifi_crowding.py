"""How crowded each Wi-Fi band is, from the networks a scan heard. Pure."""

from collections import Counter

from router_advisor.core.scan import BandCrowding, NearbyNetworks

# Networks whose signal is at least this strong (percent, as nmcli/netsh report it) compete
# for airtime; weaker ones barely matter. 40 % is about -80 dBm (nmcli's dBm->% mapping).
AUDIBLE_PERCENT = 40
# A band counts as fully crowded with this many audible networks: 2.4 GHz has only three
# non-overlapping channels, 5 GHz about twenty in most regions.
FULL_AT = {"2.4": 12, "5": 30, "6": 40}


def percent_to_dbm(percent: int) -> int:
    """nmcli's mapping back: 100 % = -20 dBm, 0 % = -120 dBm (linear in between)."""
    return -120 + percent


def crowding(networks: list[tuple[str, int, int]]) -> NearbyNetworks:
    """Per band: networks heard, the strongest, a 0-100 score and the busiest channels."""
    bands = []
    for band in ("2.4", "5", "6"):
        heard = [(ch, sig) for b, ch, sig in networks if b == band]
        if not heard:
            continue
        audible = [ch for ch, sig in heard if sig >= AUDIBLE_PERCENT]
        score = min(100, round(100 * len(audible) / FULL_AT[band]))
        busiest = tuple(ch for ch, _ in Counter(audible).most_common(3))
        bands.append(
            BandCrowding(
                band=band,
                networks=len(heard),
                strongest_dbm=percent_to_dbm(max(s for _, s in heard)),
                crowding=score,
                busiest_channels=busiest,
            )
        )
    return NearbyNetworks(bands=tuple(bands))
