"""A bar chart of the throughput measured in each room of a walk (QtCharts)."""

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from router_advisor.core.walk import WalkStop
from router_advisor.gui.style import is_dark


def throughput_chart(rooms: Sequence[WalkStop]) -> QChartView:
    """Download and upload per room, in walk order from the top; bars lie down so that room
    names of any length stay readable."""
    chart = QChart()
    chart.setTitle("Throughput per room")
    theme = QChart.ChartTheme
    chart.setTheme(theme.ChartThemeDark if is_dark() else theme.ChartThemeLight)
    chart.setBackgroundVisible(False)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    series = QHorizontalBarSeries()
    ordered = list(reversed(rooms))  # Qt draws the first category at the bottom
    for name, value in (
        ("Download", lambda s: s.download_mbps),
        ("Upload", lambda s: s.upload_mbps),
    ):
        bars = QBarSet(name)
        for stop in ordered:
            bars.append(value(stop))
        series.append(bars)
    chart.addSeries(series)
    room_axis = QBarCategoryAxis()
    room_axis.append([stop.room for stop in ordered] or [" "])
    mbps_axis = QValueAxis()
    mbps_axis.setTitleText("Mbit/s")
    mbps_axis.setLabelFormat("%.0f")
    top = max((max(s.download_mbps, s.upload_mbps) for s in rooms), default=0.0)
    mbps_axis.setRange(0, top * 1.15 if top else 1)
    mbps_axis.applyNiceNumbers()
    chart.addAxis(room_axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(mbps_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(room_axis)
    series.attachAxis(mbps_axis)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view
