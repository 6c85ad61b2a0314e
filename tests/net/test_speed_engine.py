"""The speed engine on a real shaped link: rates, bufferbloat grades, dying servers, cancel.

The engine runs inside the laptop namespace
(`python -m router_advisor speed --server-url ...`) against
tests/netlab/speed_server.py in the isp namespace, through tbf shapers on the gateway.
"""

import json
import subprocess
import sys
import time

import pytest

from tests.netlab.netns import require_root
from tests.netlab.tls import make_lab_certificates
from tests.netlab.wan import SERVER_IP, goodput_mbps, running_wan

pytestmark = pytest.mark.netns

CANCEL_SCRIPT = """
import json, sys, threading, time
from router_advisor.core.progress import CancelToken, Cancelled
from router_advisor.services.speed import measure
token, rates, cancelled_at = CancelToken(), [], []
def cancel():
    cancelled_at.append(time.monotonic())
    token.cancel()
threading.Timer(float(sys.argv[2]), cancel).start()
try:
    measure(server_url=sys.argv[1], progress=lambda u: rates.append(u.rate_mbps), cancel=token)
    print(json.dumps({"finished": True}))
except Cancelled:
    print(json.dumps({"after": time.monotonic() - cancelled_at[0],
                      "rates": [r for r in rates if r is not None]}))
"""


def _speed(wan, *extra: str) -> dict:
    proc = wan.run_app("speed", "--server-url", wan.server_url, "--json", *extra)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("rate", [20, 100])
def test_both_directions_within_ten_percent_of_goodput(rate: int) -> None:
    require_root()
    with running_wan(down_mbit=rate, up_mbit=rate, queue_ms=5) as wan:
        result = _speed(wan)
    expected = goodput_mbps(rate)
    assert result["download_mbps"] == pytest.approx(expected, rel=0.10)
    assert result["upload_mbps"] == pytest.approx(expected, rel=0.10)
    assert result["duration_s"] <= 12.0
    assert result["idle_latency_ms"] < 10 and result["jitter_ms"] is not None
    assert set(result["loaded_latency_ms"]) == {"download", "upload"}
    assert set(result["verdicts"]) == {"gaming", "video_calls", "streaming_4k", "large_uploads"}


def test_a_server_that_refuses_plain_http_is_measured_over_https(tmp_path) -> None:
    """speedtest.net servers answer plain HTTP with 403 at times: the engine switches to
    HTTPS (port 80's twin is 443) and measures as usual, trusting the lab CA through
    OpenSSL's standard SSL_CERT_FILE."""
    require_root()
    certs = make_lab_certificates(tmp_path, SERVER_IP)
    tls = ("--tls-port", "443", "--cert", str(certs.cert), "--key", str(certs.key))
    with running_wan(20, 20, 5, server_args=("--forbid", *tls), server_port=80) as wan:
        untrusted = wan.run_app("speed", "--server-url", wan.server_url)
        proc = wan.run_app(
            "speed", "--server-url", wan.server_url, "--json", env={"SSL_CERT_FILE": str(certs.ca)}
        )
        traffic = wan.server_traffic()
    # The certificate is really checked: without the lab CA the switch to HTTPS fails.
    assert untrusted.returncode == 1 and "CERTIFICATE_VERIFY_FAILED" in untrusted.stderr
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["server"]["url"] == f"https://{SERVER_IP}/speedtest/upload.php"
    assert result["download_mbps"] == pytest.approx(goodput_mbps(20), rel=0.10)
    assert result["upload_mbps"] == pytest.approx(goodput_mbps(20), rel=0.10)
    # Plain HTTP got only refused requests; every measured byte went over TLS.
    assert traffic["requests"].get("http", 0) >= 1, traffic
    assert traffic["bytes"].get("http", 0) == 0, traffic
    assert traffic["requests"]["https"] > 20, traffic
    assert traffic["bytes"]["https"] > 2e6, traffic  # the downloads and uploads


def test_asymmetric_line_measures_each_direction() -> None:
    require_root()
    with running_wan(down_mbit=50, up_mbit=10, queue_ms=5) as wan:
        result = _speed(wan)
    assert result["download_mbps"] == pytest.approx(goodput_mbps(50), rel=0.10)
    assert result["upload_mbps"] == pytest.approx(goodput_mbps(10), rel=0.10)


def test_short_queue_grades_well_and_bloated_queue_badly() -> None:
    require_root()
    with running_wan(down_mbit=20, up_mbit=20, queue_ms=5) as wan:
        short = _speed(wan)
        wan.shape(20, 20, 400)
        bloated = _speed(wan)
    assert short["bufferbloat_grade"] in ("A+", "A", "B"), short["loaded_latency_ms"]
    assert bloated["bufferbloat_grade"] in ("D", "F"), bloated["loaded_latency_ms"]
    assert max(bloated["loaded_latency_ms"].values()) > 200
    assert bloated["verdicts"]["gaming"]["rating"] in ("okay", "poor")


def test_a_server_that_crashes_mid_test_gives_a_clear_error() -> None:
    require_root()
    with running_wan(
        down_mbit=20, up_mbit=20, queue_ms=5, server_args=("--die-after-bytes", "500000")
    ) as wan:
        started = time.monotonic()
        proc = wan.run_app("speed", "--server-url", wan.server_url, "--json", timeout=30)
        took = time.monotonic() - started
    assert proc.returncode == 1, proc.stdout
    assert proc.stderr.startswith("router-advisor: error: 10.77.2.2:8080 ")
    assert "while measuring download" in proc.stderr and "Traceback" not in proc.stderr
    assert took < 8, f"took {took:.1f} s"


def test_a_server_that_vanishes_mid_test_times_out_never_hangs() -> None:
    require_root()
    with running_wan(down_mbit=20, up_mbit=20, queue_ms=5) as wan:
        proc = wan.popen_laptop(
            [
                sys.executable,
                "-m",
                "router_advisor",
                "speed",
                "--server-url",
                wan.server_url,
                "--json",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(2.0)  # start-up and idle latency done, download running
        wan.isp.run("ip", "link", "set", "eth0", "down")
        gone = time.monotonic()
        _, stderr = proc.communicate(timeout=30)
        took = time.monotonic() - gone
    assert proc.returncode == 1
    assert "stopped answering while measuring" in stderr, stderr
    assert took < 5.0 + 2.5, f"took {took:.1f} s after the link died: {stderr}"  # 5 s I/O timeout


def test_cancel_stops_within_half_a_second_and_progress_shows_the_rate() -> None:
    require_root()
    with running_wan(down_mbit=20, up_mbit=20, queue_ms=5) as wan:
        proc = wan.run_python(CANCEL_SCRIPT, wan.server_url, "1.5")
    assert proc.returncode == 0, proc.stderr
    outcome = json.loads(proc.stdout)
    assert outcome["after"] < 0.5
    assert outcome["rates"] and max(outcome["rates"]) > 5  # mid-download, in Mbit/s
