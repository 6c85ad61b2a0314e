"""One walk stop measured inside the lab's laptop namespace, with a recorded Wi-Fi reading
injected (a namespace has no radio): `python -m tests.netlab.walk_stop ROOM FIXTURE URL DB`.

FIXTURE is a file of tests/fixtures/wifi/walk; its name says which OS parser reads it. The
speed test is real: to URL, through the lab's shaped link. Prints the stop's JSON."""

import json
import sys
from pathlib import Path

from router_advisor.net.wifi_parsers import (
    parse_iw_link,
    parse_netsh_interfaces,
    parse_nmcli_active_link,
    parse_system_profiler_link,
)
from router_advisor.services import walk
from router_advisor.services.history import open_history

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "wifi" / "walk"
PARSERS = {
    "iw": parse_iw_link,
    "nmcli": parse_nmcli_active_link,
    "netsh": parse_netsh_interfaces,
    "macos": parse_system_profiler_link,
}


def main() -> None:
    room, fixture, url, db = sys.argv[1:5]
    text = "\n".join(
        line
        for line in (FIXTURES / fixture).read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    )
    link = PARSERS[fixture.split("_")[0]](text)
    tools = walk.StopTools(wifi=lambda: link, find_server=lambda cancel: None)
    stop = walk.measure_stop(room, url, tools=tools)
    with open_history(Path(db)) as store:
        walk.keep_stop(store, stop)
    print(json.dumps(stop.to_dict()))


if __name__ == "__main__":
    main()
