"""Build the runs the history tests save: real ScanResult/SpeedResult objects, no I/O."""

from router_advisor.core.scan import Device, ScanResult
from router_advisor.core.speed import ServerInfo, SpeedResult, Verdict
from router_advisor.history.records import NewRun

ANSWERS = {"home_size_m2": 90, "floors": 2, "people": 3, "budget_eur": 200}


def device(
    n: int,
    *,
    mac: str | None = None,
    hostname: str | None = None,
    kind: str = "unknown",
    ip: str | None = None,
) -> Device:
    return Device(
        ip=ip or f"10.0.{n // 250}.{n % 250 + 2}",
        mac=mac or f"00:1b:21:00:{n // 256:02x}:{n % 256:02x}",
        vendor="Intel Corporate",
        hostname=hostname if hostname is not None else f"host-{n}",
        kind=kind,
        kind_evidence=("vendor is Intel",),
    )


def scan(devices: list[Device] | tuple[Device, ...]) -> ScanResult:
    return ScanResult(
        interface="eth0",
        cidr="10.0.0.0/22",
        gateway="10.0.0.1",
        method="arp",
        duration_s=1.5,
        devices=tuple(devices),
        notes=("test scan",),
    )


def speed(download: float = 100.0, grade: str = "B") -> SpeedResult:
    return SpeedResult(
        server=ServerInfo(url="http://127.0.0.1:8080/speedtest/upload.php", name="lab"),
        download_mbps=download,
        upload_mbps=download / 5,
        idle_latency_ms=12.0,
        jitter_ms=1.5,
        loaded_latency_download_ms=80.0,
        loaded_latency_upload_ms=140.0,
        bufferbloat_grade=grade,
        verdicts={"video_calls": Verdict("good", "latency stays under 150 ms")},
        duration_s=20.0,
    )


def run(
    devices: list[Device] | tuple[Device, ...] | None = None,
    *,
    download: float = 100.0,
    created_at: str = "2025-01-01T10:00:00Z",
    grade: str = "B",
) -> NewRun:
    return NewRun(
        created_at=created_at,
        app_version="0.1.0",
        answers=ANSWERS,
        speed=speed(download, grade),
        scan=scan(devices) if devices is not None else None,
        recommendation={"top": {"key": "acme/ax3000/v1", "score": 81}},
        top_pick="acme/ax3000/v1",
    )
