"""What a speed test measured. Serialises to the `speed --json` shape."""

from dataclasses import asdict, dataclass, field
from typing import Any

# The environment variable that replaces www.speedtest.net as the directory (configuration
# and server list), for the CLI and the app alike.
DIRECTORY_ENV = "ROUTER_ADVISOR_SPEEDTEST_DIRECTORY"


@dataclass(frozen=True)
class ServerInfo:
    url: str
    id: str | None = None
    name: str | None = None
    sponsor: str | None = None
    country: str | None = None
    distance_km: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ServerInfo":
        values: dict[str, Any] = {k: data.get(k) for k in cls.__dataclass_fields__}
        return cls(**values)


@dataclass(frozen=True)
class Verdict:
    """How one activity will feel on this connection: a grade word and the reason."""

    rating: str  # "great" | "good" | "okay" | "poor"
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SpeedResult:
    """One measurement, or the plan's speeds typed in by hand (`manual`, no latency)."""

    server: ServerInfo | None
    download_mbps: float
    upload_mbps: float
    idle_latency_ms: float | None
    jitter_ms: float | None
    loaded_latency_download_ms: float | None
    loaded_latency_upload_ms: float | None
    bufferbloat_grade: str | None
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    duration_s: float = 0.0
    manual: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "server": self.server.to_dict() if self.server else None,
            "download_mbps": round(self.download_mbps, 2),
            "upload_mbps": round(self.upload_mbps, 2),
            "idle_latency_ms": self.idle_latency_ms,
            "jitter_ms": self.jitter_ms,
            "loaded_latency_ms": {
                "download": self.loaded_latency_download_ms,
                "upload": self.loaded_latency_upload_ms,
            },
            "bufferbloat_grade": self.bufferbloat_grade,
            "verdicts": {name: v.to_dict() for name, v in self.verdicts.items()},
            "duration_s": round(self.duration_s, 3),
            "manual": self.manual,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "SpeedResult":
        loaded = data.get("loaded_latency_ms") or {}
        server = data.get("server")
        return cls(
            server=ServerInfo.from_dict(server) if server else None,
            download_mbps=float(data["download_mbps"]),
            upload_mbps=float(data["upload_mbps"]),
            idle_latency_ms=data.get("idle_latency_ms"),
            jitter_ms=data.get("jitter_ms"),
            loaded_latency_download_ms=loaded.get("download"),
            loaded_latency_upload_ms=loaded.get("upload"),
            bufferbloat_grade=data.get("bufferbloat_grade"),
            verdicts={
                name: Verdict(rating=str(v["rating"]), reason=str(v["reason"]))
                for name, v in (data.get("verdicts") or {}).items()
            },
            duration_s=float(data.get("duration_s", 0.0)),
            manual=bool(data.get("manual", False)),
        )
