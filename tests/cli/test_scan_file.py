"""A `--scan` file is checked field by field: MAC, IP in the CIDR, the CIDR itself, and
duplicates merged (issue 15). Each check is the test that would have caught the gap."""

import json
from pathlib import Path

import pytest

from tests.cli.test_recommend_cmd import EXAMPLE, one_plain_line


def scan_document(*devices: dict, **fields: object) -> dict:
    return {
        "interface": "wlan0",
        "cidr": "192.168.1.0/24",
        "gateway": "192.168.1.1",
        "method": "arp",
        "duration_s": 0.8,
        "devices": list(devices),
        **fields,
    }


def device(ip: str, mac: str, **fields: object) -> dict:
    return {"ip": ip, "mac": mac, "kind": "phone", **fields}


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            scan_document(device("192.168.1.20", "not-a-mac")),
            'field devices[1].mac must be a MAC address like 3c:22:fb:0a:00:01, not "not-a-mac"',
        ),
        (
            scan_document(device("192.168.1.20", "3c:22:fb:0a:00:0")),
            "field devices[1].mac must be a MAC address",
        ),
        (
            scan_document(device("192.168.1.300", "3c:22:fb:0a:00:01")),
            'field devices[1].ip must be an IPv4 address like 192.168.1.20, not "192.168.1.300"',
        ),
        (
            scan_document(device("10.0.0.7", "3c:22:fb:0a:00:01")),
            "field devices[1].ip is 10.0.0.7, outside the scanned subnet 192.168.1.0/24",
        ),
        (
            scan_document(cidr="192.168.1.0/33"),
            'field cidr must be an IPv4 subnet like 192.168.1.0/24, not "192.168.1.0/33"',
        ),
        (scan_document(gateway="10.9.9.9"), "field gateway is 10.9.9.9, outside the scanned"),
        (
            scan_document(
                device("192.168.1.20", "3c:22:fb:0a:00:01"),
                device("192.168.1.20", "3c:22:fb:0a:00:02"),
            ),
            "field devices: 192.168.1.20 is listed with two MAC addresses",
        ),
    ],
)
def test_a_wrong_scan_field_is_named_in_one_line(
    cli, tmp_path: Path, document: dict, expected: str
) -> None:
    scan = tmp_path / "scan.json"
    scan.write_text(json.dumps(document))
    result = cli("recommend", "--answers", EXAMPLE, "--scan", str(scan), "--top", "1")
    assert result.returncode == 2
    line = one_plain_line(result)
    assert str(scan) in line and expected in line, line
    assert "scan --json > scan.json` again" in line


def test_a_device_listed_twice_counts_once(cli, tmp_path: Path) -> None:
    phones = [device(f"192.168.1.{20 + n}", f"3c:22:fb:0a:00:{n:02x}") for n in range(12)]
    once, twice = tmp_path / "once.json", tmp_path / "twice.json"
    once.write_text(json.dumps(scan_document(*phones)))
    twice.write_text(
        json.dumps(scan_document(*phones, *[dict(p, mac=p["mac"].upper()) for p in phones]))
    )
    answers = tmp_path / "answers.toml"
    answers.write_text("[household]\ndevices = 3\n")
    results = [
        cli("recommend", "--answers", str(answers), "--scan", str(path), "--json", "--top", "1")
        for path in (once, twice)
    ]
    assert all(r.returncode == 0 for r in results), results[1].stderr
    needs = [json.loads(r.stdout)["requirements"] for r in results]
    assert needs[0] == needs[1]
    assert "12" in json.dumps(needs[1]) and "24" not in json.dumps(needs[1])
