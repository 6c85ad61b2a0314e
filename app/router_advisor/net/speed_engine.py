"""The speed test: idle latency, then download and upload, each with latency under load.

A direction stops as soon as its rate estimate is stable (back-to-back windows within a
few percent) or at its share of the time budget, so a stable line is measured in a few
seconds. Everything blocking runs on daemon threads with socket timeouts while the calling
thread polls the cancel token: cancel returns within a tick, a dead server gives an error.
"""

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from router_advisor.core.bufferbloat import jitter, median
from router_advisor.core.progress import CancelToken, ProgressCallback, ProgressUpdate
from router_advisor.core.throughput import Sample, is_stable, rate_since, window_rates
from router_advisor.errors import RuntimeFailure
from router_advisor.net.speed_streams import (
    DownloadStream,
    Forbidden,
    LatencyProbe,
    NotSpeedtestServer,
    Stream,
    UploadStream,
)
from router_advisor.net.speedtest_adapter import (
    Endpoint,
    TransferPlan,
    connection_error,
    https_fallback,
    upload_payload,
)

T = TypeVar("T")
STALLED_AT_CAP_S = 1.0
LATENCY_SETTLED_N = 3  # loaded-latency samples that must agree before a direction ends
LATENCY_SETTLED_MS = 10.0  # ... within this, or 15 % of their median


@dataclass(frozen=True)
class EngineSettings:
    """Tuning of the measurement; the defaults are what the app uses."""

    streams: int = 4  # fills a gigabit line, yet light enough for two CPU cores
    io_timeout_s: float = 5.0  # a server silent this long has failed
    idle_samples: int = 12  # >= 10 for idle latency and jitter
    idle_interval_s: float = 0.005
    window_s: float = 0.25
    stable_windows: int = 3
    tolerance: float = 0.04  # windows within +-4 % of their mean are "stable"
    ramp_s: float = 0.2  # TCP slow start and the shaper's burst, never counted
    loaded_probe_interval_s: float = 0.1
    loaded_skip_s: float = 0.3  # the previous phase's queue drains meanwhile
    tick_s: float = 0.05


@dataclass(frozen=True)
class DirectionResult:
    mbps: float
    loaded_latency_ms: float | None
    duration_s: float
    stable: bool


@dataclass(frozen=True)
class EngineResult:
    endpoint: Endpoint
    idle_latency_ms: float
    jitter_ms: float
    download: DirectionResult
    upload: DirectionResult
    duration_s: float


def run_cancellable(
    work: Callable[[], T],
    cancel: CancelToken,
    tick_s: float = 0.05,
    on_cancel: Callable[[], None] | None = None,
) -> T:
    """Run blocking `work` on a daemon thread; return its result, or raise on cancel."""
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the calling thread below
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    while thread.is_alive():
        if cancel.wait(tick_s):
            if on_cancel is not None:
                on_cancel()
            cancel.raise_if_cancelled()
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


class SpeedEngine:
    """One run against one endpoint; `run()` returns an `EngineResult`."""

    def __init__(
        self,
        endpoint: Endpoint,
        plan: TransferPlan,
        max_seconds: float,
        progress: ProgressCallback,
        cancel: CancelToken,
        settings: EngineSettings | None = None,
    ) -> None:
        self.endpoint, self.plan = endpoint, plan
        self.max_seconds, self.progress, self.cancel = max_seconds, progress, cancel
        self.settings = settings or EngineSettings()
        self._start = 0.0
        self._last_progress = 0.0

    def run(self) -> EngineResult:
        self._start = time.monotonic()
        idle = self._idle_latency()
        budget_left = self.max_seconds - self._elapsed() - 0.2
        download = self._direction("download", 0.15, 0.55, budget_left / 2)
        budget_left = self.max_seconds - self._elapsed() - 0.1
        upload = self._direction("upload", 0.55, 1.0, budget_left)
        return EngineResult(
            self.endpoint, median(idle), jitter(idle), download, upload, self._elapsed()
        )

    def _elapsed(self) -> float:
        return time.monotonic() - self._start

    def _idle_latency(self) -> list[float]:
        s = self.settings
        self._report(0.02, "Measuring idle latency", None, force=True)
        try:
            samples = self._probe_idle()
        except Forbidden:
            fallback = https_fallback(self.endpoint)
            if fallback is None:
                raise RuntimeFailure(
                    f"{self.endpoint.label} refused the test (HTTP 403). Choose another server."
                ) from None
            self.endpoint = fallback  # speedtest.net servers may refuse plain HTTP
            samples = self._probe_idle()
        if len(samples) < s.idle_samples:
            raise RuntimeFailure(
                f"{self.endpoint.label} answered only {len(samples)} of "
                f"{s.idle_samples} latency requests. Try again."
            )
        return samples

    def _probe_idle(self) -> list[float]:
        s = self.settings
        stop = threading.Event()
        # One extra sample: the first request on a fresh connection is slower.
        probe = LatencyProbe(
            self.endpoint, s.io_timeout_s, stop, s.idle_interval_s, limit=s.idle_samples + 1
        )
        probe.start()
        deadline = time.monotonic() + s.io_timeout_s
        try:
            while probe.is_alive():
                self._wait_tick(stop)
                if time.monotonic() > deadline and len(probe.samples) < s.idle_samples:
                    raise connection_error(TimeoutError(), self.endpoint.label, "measuring latency")
                if probe.samples:
                    deadline = max(deadline, probe.samples[-1][0] + s.io_timeout_s)
        finally:
            stop.set()
        if isinstance(probe.error, Forbidden):
            raise probe.error
        if probe.error is not None:
            self._raise_for(probe.error, "measuring latency")
        return [ms for _, ms in probe.samples[1:]]

    def _direction(
        self, name: str, frac_from: float, frac_to: float, cap_s: float
    ) -> DirectionResult:
        s = self.settings
        stop = threading.Event()
        streams = self._streams(name, stop)
        probe = LatencyProbe(self.endpoint, s.io_timeout_s, stop, s.loaded_probe_interval_s)
        begin = time.monotonic()
        samples: list[Sample] = [(begin, 0)]
        for thread in (*streams, probe):
            thread.start()
        stable = False
        try:
            while True:
                self._wait_tick(stop, streams)
                now = time.monotonic()
                samples.append((now, sum(stream.counted for stream in streams)))
                self._check_streams(name, streams, samples)
                span = s.window_s * s.stable_windows
                if now - begin >= s.ramp_s + span:
                    stable = is_stable(
                        window_rates(samples, s.window_s, s.stable_windows), s.tolerance
                    ) and self._latency_settled(probe, begin + s.loaded_skip_s)
                current = window_rates(samples, min(s.window_s, now - begin), 1)[0]
                fraction = frac_from + (frac_to - frac_from) * min(1.0, (now - begin) / cap_s)
                self._report(fraction, f"Measuring {name}", current * 8 / 1e6)
                if stable:
                    break
                if now - begin >= cap_s:
                    # Out of time while nothing moves: the server is gone, not just slow.
                    if now - self._stalled_since(samples) >= STALLED_AT_CAP_S:
                        raise connection_error(
                            TimeoutError(), self.endpoint.label, f"measuring {name}"
                        )
                    break
        finally:
            stop.set()
            for stream in streams:
                stream.abort()
        end = samples[-1][0]
        measured_from = max(
            begin + min(s.ramp_s, (end - begin) / 2), end - s.window_s * s.stable_windows
        )
        mbps = rate_since(samples, measured_from) * 8 / 1e6
        loaded = self._loaded_latency(probe, begin + s.loaded_skip_s, end)
        return DirectionResult(mbps, loaded, end - begin, stable)

    def _streams(self, name: str, stop: threading.Event) -> list[Stream]:
        s = self.settings
        if name == "download":
            return [
                DownloadStream(self.endpoint, self.plan.download_name, s.io_timeout_s, stop)
                for _ in range(s.streams)
            ]
        payload = upload_payload(self.plan.upload_size)
        return [
            UploadStream(self.endpoint, payload, s.io_timeout_s, stop) for _ in range(s.streams)
        ]

    def _check_streams(self, name: str, streams: list[Stream], samples: list[Sample]) -> None:
        """Fail when every stream has died, or when no byte moved for the I/O timeout."""
        if all(not stream.is_alive() for stream in streams):
            error = next((st.error for st in streams if st.error is not None), None)
            self._raise_for(error or ConnectionResetError("all streams ended"), f"measuring {name}")
        if samples[-1][0] - self._stalled_since(samples) >= self.settings.io_timeout_s:
            raise connection_error(TimeoutError(), self.endpoint.label, f"measuring {name}")

    @staticmethod
    def _stalled_since(samples: list[Sample]) -> float:
        """When the byte count last changed."""
        moved = samples[-1][1]
        return next(t for t, b in samples if b == moved)

    @staticmethod
    def _latency_settled(probe: LatencyProbe, after: float) -> bool:
        """The queue has stopped growing: the last loaded-latency samples agree."""
        last = [ms for started, ms in probe.samples if started >= after][-LATENCY_SETTLED_N:]
        if len(last) < LATENCY_SETTLED_N:
            return False
        return max(last) - min(last) <= max(LATENCY_SETTLED_MS, 0.15 * median(last))

    def _loaded_latency(self, probe: LatencyProbe, after: float, end: float) -> float | None:
        # The latest samples: a queue fills while TCP grows its windows, so early ones are low.
        values = [ms for started, ms in probe.samples if started >= after][-LATENCY_SETTLED_N:]
        pending = probe.in_flight_since
        if pending is not None and end - pending > (median(values) / 1000 if values else 0):
            values.append((end - pending) * 1000.0)  # a probe stuck behind the queue
        return median(values) if values else None

    def _raise_for(self, error: BaseException, doing: str) -> None:
        if isinstance(error, NotSpeedtestServer):
            raise RuntimeFailure(
                f"{self.endpoint.label} is not a speed-test server ({error}). Check the server URL."
            ) from error
        if isinstance(error, Forbidden):
            raise RuntimeFailure(
                f"{self.endpoint.label} refused the test (HTTP 403). Choose another server."
            ) from error
        raise connection_error(error, self.endpoint.label, doing) from error

    def _wait_tick(self, stop: threading.Event, streams: list[Stream] | None = None) -> None:
        if self.cancel.wait(self.settings.tick_s):
            stop.set()
            for stream in streams or ():
                stream.abort()
            self.cancel.raise_if_cancelled()

    def _report(
        self, fraction: float, message: str, rate_mbps: float | None, force: bool = False
    ) -> None:
        now = time.monotonic()
        if force or now - self._last_progress >= 0.2:
            self._last_progress = now
            self.progress(ProgressUpdate(fraction, message, rate_mbps))
