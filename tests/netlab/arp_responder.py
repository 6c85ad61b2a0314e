"""A host that answers ARP like a sleepy phone: only a repeated request, or only late.

Run inside a lab namespace whose kernel ARP replies are off (arp_ignore=8):
`python -m tests.netlab.arp_responder --iface eth0 --ip 10.77.0.20 --mode second|late|sleepy`.
`second` ignores a request unless the same asker sent one in the last `--window` seconds
(Wi-Fi power save: the first request wakes the radio); `late` answers every request after
`--delay` seconds; `sleepy` does both, like a phone that wakes on the first request and
answers a repeated one only at its next DTIM wake-up. Prints "ready" once it listens.
"""

import argparse
import socket
import threading
import time

from scapy.arch.linux import L2Socket
from scapy.layers.l2 import ARP, Ether

ETH_P_ARP = 0x0806
RCVBUF_BYTES = 4 << 20
SO_RCVBUFFORCE = 33  # linux/socket.h; Python does not export it


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--iface", required=True)
    parser.add_argument("--ip", required=True)
    parser.add_argument("--mode", choices=("second", "late", "sleepy"), required=True)
    parser.add_argument("--delay", type=float, default=0.4)
    parser.add_argument("--window", type=float, default=3.0)
    args = parser.parse_args()
    sock = L2Socket(iface=args.iface, type=ETH_P_ARP, nofilter=1)
    # scapy's 64 KiB buffer overflows on a sweep's burst of broadcasts (the kernel's own
    # neighbour requests come 254 at a time), which silently turned "ignores the first
    # request" into "ignores the first two"; 4 MiB holds several /22 bursts.
    sock.ins.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, RCVBUF_BYTES)
    with open(f"/sys/class/net/{args.iface}/address") as f:
        my_mac = f.read().strip()
    last_seen: dict[str, float] = {}
    lock = threading.Lock()

    def reply(asker_mac: str, asker_ip: str) -> None:
        frame = Ether(dst=asker_mac, src=my_mac) / ARP(
            op=2, hwsrc=my_mac, psrc=args.ip, hwdst=asker_mac, pdst=asker_ip
        )
        with lock:
            sock.send(frame)

    my_ip = socket.inet_aton(args.ip)
    print("ready", flush=True)
    while True:
        frame = sock.recv_raw(2048)[1] or b""
        # Check the raw bytes first (ARP request for our address) so that the sweep's
        # hundreds of other broadcasts cost no parsing.
        if len(frame) < 42 or frame[20:22] != b"\x00\x01" or frame[38:42] != my_ip:
            continue
        arp = Ether(frame)[ARP]
        now = time.monotonic()
        if args.mode != "late":
            previous = last_seen.get(arp.psrc)
            last_seen[arp.psrc] = now
            if previous is None or now - previous > args.window:
                continue
        if args.mode == "second":
            reply(arp.hwsrc, arp.psrc)
        else:
            threading.Timer(args.delay, reply, (arp.hwsrc, arp.psrc)).start()


if __name__ == "__main__":
    main()
