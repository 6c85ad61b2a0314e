"""The HTTPS retry's target: where a server that refuses plain HTTP speaks TLS."""

import pytest
from router_advisor.net.speedtest_adapter import https_fallback, parse_server_url


@pytest.mark.parametrize(
    ("url", "port", "reported"),
    [
        # Ookla servers speak TLS on their test port, so the port stays.
        ("http://lab.example:8080/speedtest/upload.php", 8080, "https://lab.example:8080/"),
        # Port 80 is HTTP's: its HTTPS twin is on 443 (it was kept at 80 and always failed).
        ("http://lab.example/speedtest/upload.php", 443, "https://lab.example/"),
        ("http://10.77.2.2:80/speedtest/upload.php", 443, "https://10.77.2.2/"),
    ],
)
def test_the_https_twin_of_an_http_server(url: str, port: int, reported: str) -> None:
    twin = https_fallback(parse_server_url(url))
    assert twin is not None
    assert twin.url("latency.txt") == f"https://{twin.host}:{port}/speedtest/latency.txt"
    assert twin.info.url == f"{reported}speedtest/upload.php"


def test_an_https_server_has_no_fallback() -> None:
    assert https_fallback(parse_server_url("https://lab.example/speedtest/")) is None
