"""Named thresholds of the scoring, each with where its number comes from."""

# Marketing classes (AX3000, BE19000) add up the link rates of every band. From AX11000 /
# BE19000 up are the vendors' flagship tiers (TP-Link, ASUS and Netgear line-ups 2020-2025).
FLAGSHIP_CLASS_RATING = 10000
# A flagship pays off only when the plan or the LAN can feed it: below a gigabit plan the
# Internet, not the Wi-Fi, sets the speed (see needs.GIGABIT_GOODPUT_MBPS).
FLAGSHIP_USEFUL_BELOW_MBPS = 2000
# A 2.5G/10G WAN port is wasted on a plan a gigabit port already carries.
MULTIGIG_WAN_MBPS = 2500
# Value: the price at which a model scores half on value, per node the home needs. ~$150
# buys a good Wi-Fi 6 router or one mesh node (street prices of Archer AX55, Deco X55
# per node, 2025).
VALUE_PIVOT_USD_PER_NODE = 150.0
# Vendors that promise 5+ years of updates (Google/Nest, eero, Ubiquiti) are the good end
# (UK PSTI Act 2024 asks vendors to publish a support period; 5 years is a common promise).
GOOD_SUPPORT_YEARS = 5
# Above this, clients (Wi-Fi 5 gear) start to crowd one another (see needs.MANY_CLIENTS).
CROWDED_CLIENTS_WIFI5 = 15
# Heavy homes (40+ devices) want more RAM for the connection table: 512 MB is the
# current midrange (TechInfoDepot specs of AX3000-class routers).
HEAVY_CLIENTS = 40
HEAVY_CLIENTS_RAM_MB = 512

# Points taken off a 0-100 score.
OVERKILL_FLAGSHIP_POINTS = 12.0
OVERKILL_EXTRA_NODES_POINTS = 8.0
OVERKILL_MULTIGIG_WAN_POINTS = 2.0
# Unknowns: a fact this home's needs hinge on (a vendor question) costs as much as a
# mid-sized caveat; each basic spec sheet fact missing (Wi-Fi class, ports, WPA3, QoS,
# price) a little, so a model we know little about cannot outrank a documented one on
# the benefit of the doubt.
UNKNOWN_FACT_POINTS = 6.0
UNKNOWN_BASIC_POINTS = 2.0
