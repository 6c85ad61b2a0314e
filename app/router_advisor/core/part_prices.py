"""Prices of the generic parts the recommender adds to a system and prices itself: network
switches, PoE injectors and switches, powerline and MoCA adapters, SFP media converters.

They are not catalog models (any maker's will do), so their prices live in this one table,
labelled as the catalog labels a curator's fact: what the number rests on and when it was
seen. A guide, never a quote; every system that holds one says so beside its total.
"""

from typing import NamedTuple


class Part(NamedTuple):
    """A generic part: what a person reads, its price, and the ports it brings."""

    name: str
    price_usd: float
    ports: int = 0  # a switch's ports; a PoE switch's powered ports


# curator: US street prices at the big US retailers (Amazon, Best Buy, Newegg) of the common
# models named in each line, seen during 2025, not re-checked; entered as of 2026-12.
PARTS_PRICE_AS_OF = "2025"
PARTS_PRICE_KIND = "street"
PARTS_PRICE_REGION = "US"

# Unmanaged gigabit switches (TP-Link TL-SG105 ~$20, TL-SG108 ~$30, TL-SG116 ~$60): one
# router port in, the rest out.
SWITCHES: tuple[Part, ...] = (
    Part("5-port gigabit switch", 20.0, 5),
    Part("8-port gigabit switch", 30.0, 8),
    Part("16-port gigabit switch", 60.0, 16),
)
# A 2.5 Gbit/s switch (TP-Link TL-SG105-M2 ~$100), for a router whose one LAN port is the
# multi-gig port a NAS needs: a gigabit switch on it would hold the NAS to 1 Gbit/s.
MULTIGIG_SWITCH = Part("5-port 2.5 Gbit/s switch", 100.0, 5)
# PoE for access points the router cannot power (TL-PoE150S injector ~$20; TL-SG1005P,
# 5 ports of which 4 PoE, ~$50; TL-SG1008MP, 8 PoE ports of which one is the uplink, ~$90).
POE_INJECTOR = Part("PoE injector", 20.0)
POE_SWITCHES: tuple[Part, ...] = (
    Part("5-port PoE switch (4 PoE ports)", 50.0, 4),
    Part("8-port PoE switch (7 PoE ports)", 90.0, 7),
)
# One adapter beside the router and one beside each other unit. MoCA 2.5 adapters (goCoax
# WF-803M ~$60 each, Motorola MM1025 ~$75) cost about twice gigabit powerline ones (TP-Link
# TL-PA7017 KIT, two for ~$50): which one a home uses depends on its wiring, which we do not
# ask, so each is priced as MoCA, the dearer, so the total never understates it.
LINK_ADAPTER = Part("powerline or MoCA adapter (priced as MoCA 2.5)", 60.0)
POWERLINE_ADAPTER_USD = 25.0  # said beside the total: what powerline would cost instead
# For fibre that arrives as an SFP/SFP+ module and a router without an SFP cage: a media
# converter from the module to the router's Ethernet Internet port (keeping the provider's
# fibre box, ONT, instead is said on the card). Up to a gigabit plan the module is SFP
# (TP-Link MC220L, SFP to gigabit RJ45, ~$30). Above it the module is SFP+, and the converter
# must take SFP+ and speak 2.5G/5G on its RJ45 side too (a router's Internet port is often
# 2.5G, and not every 10GBASE-T converter steps down to it): seen at ~$100-150 across makes,
# no one model pinned down, so priced at the top of that range, the total never understating
# it. Ask the price.
SFP_CONVERTER_GIGABIT = Part("SFP to gigabit RJ45 media converter", 30.0)
SFP_CONVERTER_MULTIGIG = Part("10G SFP+ to multi-gig RJ45 media converter", 150.0)
