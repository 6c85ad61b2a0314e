"""What the history store takes in and gives back."""

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from router_advisor.core.device_diff import DeviceDiff, SeenDevice
from router_advisor.core.scan import ScanResult
from router_advisor.core.speed import SpeedResult
from router_advisor.core.walk_report import WalkReport


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


# A label's kind that sends the device back to the kind its scans detected.
DETECTED_KIND = "detected"


@dataclass(frozen=True)
class DeviceLabel:
    """What the person says about a device: its name, that they know it, and its kind.

    As a change, a None part leaves that part as it was, and kind DETECTED_KIND drops the
    person's kind. As a stored label, kind None means the scan's kind is shown."""

    name: str | None = None
    known: bool | None = None
    kind: str | None = None

    def applied_to(self, old: "DeviceLabel") -> "DeviceLabel":
        """The label after this change: only the parts given here replace `old`'s."""
        kind = old.kind if self.kind is None else self.kind
        return DeviceLabel(
            name=old.name if self.name is None else self.name,
            known=bool(old.known if self.known is None else self.known),
            kind=None if kind == DETECTED_KIND else kind,
        )


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
    top_pick_name: str | None = None  # as people know it, e.g. "TP-Link Archer AX55"

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
    walk: WalkReport | None = None  # the walk test kept with this run

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.summary.to_dict(),
            "app_version": self.app_version,
            "answers": self.answers,
            "speed": self.speed.to_dict() if self.speed else None,
            "scan": self.scan.to_dict() if self.scan else None,
            "devices": [d.to_dict() for d in self.devices],
            "recommendation": self.recommendation,
            "walk": self.walk.to_dict() if self.walk else None,
        }


@dataclass(frozen=True)
class RunDiff:
    """What changed on the network from run `before` to run `after`."""

    before: RunSummary
    after: RunSummary
    devices: DeviceDiff
    # The router in use as each run's scan identified it (None: not identified or not asked).
    router_before: str | None = None
    router_after: str | None = None

    @property
    def router_changed(self) -> bool:
        return None not in (self.router_before, self.router_after) and (
            self.router_before != self.router_after
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
            **self.devices.to_dict(),
            "router": {
                "before": self.router_before,
                "after": self.router_after,
                "changed": self.router_changed,
            },
        }
