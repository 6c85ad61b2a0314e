"""Write the AppStream metainfo with the app's screenshots, hosted under BASE_URL.

AppStream only accepts web addresses for screenshots, so the published metainfo is made at
release time from the one in this folder and the address where assets/screenshots/ is
served:  python packaging/linux/add_screenshots.py https://example.org/shots > out.xml
"""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
METAINFO = HERE / "org.routeradvisor.RouterAdvisor.metainfo.xml"
SCREENSHOTS = (
    ("1-welcome", "Welcome: what the app measures and what leaves your network"),
    ("2-speed", "Internet speed, latency under load and the bufferbloat grade"),
    ("3-devices", "The devices on the home network and this computer's Wi-Fi link"),
    ("5-recommendations", "Ranked routers with reasons, caveats and overkill notes"),
    ("6-questions", "Questions to ask vendors, tailored to this home"),
    ("8-history", "Past runs: what changed on the network, speed and delay over time"),
)


def with_screenshots(base_url: str) -> str:
    """The metainfo text with a <screenshots> element pointing under `base_url`."""
    if not base_url.startswith("https://"):
        raise ValueError("the screenshots' base address must start with https://")
    tree = ET.parse(METAINFO)
    root = tree.getroot()
    shots = ET.Element("screenshots")
    for index, (name, caption) in enumerate(SCREENSHOTS):
        shot = ET.SubElement(shots, "screenshot", {"type": "default"} if index == 0 else {})
        ET.SubElement(shot, "caption").text = caption
        ET.SubElement(shot, "image").text = f"{base_url.rstrip('/')}/{name}.png"
    root.insert(list(root).index(root.find("content_rating")), shots)
    ET.indent(tree)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: add_screenshots.py https://where.the/screenshots/are")
    sys.stdout.write(with_screenshots(sys.argv[1]))
