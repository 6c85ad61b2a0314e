"""MAC address facts: the maker from netaddr's bundled IEEE registry, and whether the address
is randomised (locally administered), as phones do for privacy."""

from netaddr import EUI, AddrFormatError, NotRegisteredError


def is_randomized(mac: str) -> bool:
    """True for a locally administered address (second-lowest bit of the first octet)."""
    return bool(int(mac.split(":")[0], 16) & 0x02)


def vendor_of(mac: str) -> str | None:
    """The organisation that registered the MAC's OUI, or None (randomised or unknown)."""
    if is_randomized(mac):
        return None
    try:
        return str(EUI(mac).oui.registration().org).strip() or None
    except (NotRegisteredError, AddrFormatError, IndexError):
        return None
