"""Charts of speed, latency and device count over time (QtCharts, from PySide6-Addons)."""

import datetime
from collections.abc import Callable, Sequence

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QPainter
from router_advisor.gui.style import is_dark
from router_advisor.history.records import RunSummary

Line = tuple[str, Callable[[RunSummary], float | None]]


def _msecs(created_at: str) -> float:
    """The run's time as the chart's date axis counts: milliseconds since the epoch (a time
    without a zone is local time, as QDateTime takes it)."""
    return datetime.datetime.fromisoformat(created_at).timestamp() * 1000


def trend_chart(
    title: str, unit: str, runs: Sequence[RunSummary], lines: Sequence[Line]
) -> QChartView:
    """One line per `lines` entry over the runs (oldest first); runs without a value skip."""
    chart = QChart()
    chart.setTitle(title)
    theme = QChart.ChartTheme
    chart.setTheme(theme.ChartThemeDark if is_dark() else theme.ChartThemeLight)
    chart.setBackgroundVisible(False)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    x_axis = QDateTimeAxis()
    x_axis.setFormat("d MMM")
    x_axis.setTitleText("Run date")
    y_axis = QValueAxis()
    y_axis.setTitleText(unit)
    y_axis.setLabelFormat("%.0f")
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    top = 0.0
    times: list[float] = []
    for name, value in lines:
        series = QLineSeries()
        series.setName(name)
        series.setPointsVisible(True)
        for run in runs:
            v = value(run)
            if v is not None:
                t = _msecs(run.created_at)
                series.append(t, v)
                top, times = max(top, v), [*times, t]
        chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
    y_axis.setRange(0, top * 1.15 if top else 1)
    y_axis.applyNiceNumbers()
    if times:
        span = max(times) - min(times)
        x_axis.setFormat("d MMM" if span > 2 * 86_400_000 else "d MMM HH:mm")
        pad = max(span * 0.05, 600_000)
        x_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(int(min(times) - pad)),
            QDateTime.fromMSecsSinceEpoch(int(max(times) + pad)),
        )
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def speed_chart(runs: Sequence[RunSummary]) -> QChartView:
    return trend_chart(
        "Internet speed",
        "Mbit/s",
        runs,
        (("Download", lambda r: r.download_mbps), ("Upload", lambda r: r.upload_mbps)),
    )


def latency_chart(runs: Sequence[RunSummary]) -> QChartView:
    return trend_chart(
        "Delay",
        "ms",
        runs,
        (("When quiet", lambda r: r.idle_latency_ms), ("When busy", lambda r: r.loaded_latency_ms)),
    )


def devices_chart(runs: Sequence[RunSummary]) -> QChartView:
    return trend_chart(
        "Devices on the network",
        "devices",
        runs,
        (("Devices", lambda r: None if r.device_count is None else float(r.device_count)),),
    )
