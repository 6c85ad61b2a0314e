"""What the history store takes in and gives back."""

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from app.core.device_diff import DeviceDiff, SeenDevice
from app.core.scan import ScanResult
from app.core.speed import SpeedResult


@dataclass(frozen=True)
class NewRun:
    """One finished wizard run to save. Parts that were skipped are None."""

    created_at: str  # ISO 8601, UTC
    app_version: str
    answers: Mapping[str, Any] | None = None
    speed: SpeedResult | None = None
    scan: ScanResult | None = None
    recommendation: Mapping[str, Any] | None = None
    top_pick: str | None = None  # the recommended router's catalog key


@dataclass(frozen=True)
class DeviceLabel:
    """What the person says about a device: its name, that they know it, and its kind."""

    name: str
    known: bool = False
    kind: str | None = None  # None: keep the kind the scan detected


@dataclass(frozen=True)
class RunSummary:
    """A run's key numbers: one line of `history list`, one point of `history trend`."""

    id: int
    created_at: str
    download_mbps: float | None
    upload_mbps: float | None
    idle_latency_ms: float | None
    loaded_latency_ms: float | None
    grade: str | None
    device_count: int | None
    top_pick: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class StoredRun:
    """Everything saved for one run; `devices` carry their identity and the person's labels."""

    summary: RunSummary
    app_version: str
    answers: dict[str, Any] | None
    speed: SpeedResult | None
    scan: ScanResult | None
    recommendation: dict[str, Any] | None
    devices: tuple[SeenDevice, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.summary.to_dict(),
            "app_version": self.app_version,
            "answers": self.answers,
            "speed": self.speed.to_dict() if self.speed else None,
            "scan": self.scan.to_dict() if self.scan else None,
            "devices": [d.to_dict() for d in self.devices],
            "recommendation": self.recommendation,
        }


@dataclass(frozen=True)
class RunDiff:
    """What changed on the network from run `before` to run `after`."""

    before: RunSummary
    after: RunSummary
    devices: DeviceDiff

    def to_dict(self) -> dict[str, Any]:
        return {
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
            **self.devices.to_dict(),
        }
