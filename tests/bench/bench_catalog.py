"""How long `load_routers()` takes on a built catalog of 100 models (the GUI and recommend call it).

Run: /work/venv/bin/python -m pytest tests/bench -o python_files='bench_*.py' -s
"""

import statistics
import time
from pathlib import Path

from router_advisor.services.catalog import load_routers

BUDGET_MS = 50.0
_VENDOR_FIELDS = (
    '["wifi_class", "bands", "streams", "wan_mbps", "lan_ports_mbps", "usb", "qos", '
    '"management", "price_usd", "price_as_of"]'
)


def _write_source(folder: Path, count: int) -> None:
    blocks = []
    for n in range(count):
        blocks.append(f"""
[[router]]
brand = "Bench"
model = "R{n}"
kind = "mesh"
pack_size = 3
wifi_generation = "7"
wifi_class = "BE9300"
bands = ["2.4", "5", "6"]
streams = {{ "2.4" = 2, "5" = 4, "6" = 4 }}
wan_mbps = 2500
lan_ports_mbps = [2500, 1000, 1000]
usb = ["3.0"]
cpu_cores = 4
ram_mb = 1024
qos = {{ device_priority = true, adaptive = true, sqm = false }}
management = {{ app = true, local_web_ui = true, cloud_account_required = false }}
price_usd = {100 + n}.99
price_as_of = "2025-06"
sources = [
  {{ ref = "https://bench.example/r{n}", fields = {_VENDOR_FIELDS} }},
  {{ ref = "openwrt-toh:bench:r{n}", fields = ["cpu_cores", "ram_mb"] }},
]
""")
    (folder / "bench.toml").write_text("".join(blocks), encoding="utf-8")


def test_load_routers_on_a_built_catalog_of_100_models(tmp_path: Path) -> None:
    source, db = tmp_path / "source", tmp_path / "catalog.db"
    source.mkdir()
    _write_source(source, 100)
    started = time.perf_counter()
    assert len(load_routers(db_path=db, source_dir=source)) == 100
    build_ms = (time.perf_counter() - started) * 1000
    timings = []
    for _ in range(30):
        started = time.perf_counter()
        load_routers(db_path=db, source_dir=source)
        timings.append((time.perf_counter() - started) * 1000)
    median, worst = statistics.median(timings), max(timings)
    print(
        f"\ncatalog of 100: first build {build_ms:.1f} ms; load_routers median {median:.1f} ms,"
        f" worst {worst:.1f} ms of 30"
    )
    assert median < BUDGET_MS
