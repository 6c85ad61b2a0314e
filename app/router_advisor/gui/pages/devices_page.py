"""Step 3: the devices on the home network, which the person can name; this computer's
Wi-Fi link and how crowded the air is."""

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)
from router_advisor.core.current_router import CurrentRouterReport
from router_advisor.core.current_verdict import rejudge
from router_advisor.core.scan import ScanResult, WifiLink
from router_advisor.core.wording import SCAN_LIMITS, kind_heading
from router_advisor.gui.current_router_card import CurrentRouterCard
from router_advisor.gui.pages.base import (
    MeasurementPage,
    WizardContext,
    banner,
    show_banner,
    wrapped_label,
)
from router_advisor.gui.style import styled
from router_advisor.gui.workers import JobFunction, Outcome

COLUMNS = ("Name", "Kind", "Vendor", "IP address", "MAC address", "Private MAC")
NAME, KIND, VENDOR, IP, MAC, RANDOM = range(len(COLUMNS))
METHOD_WORDS = {
    "arp": "Deep scan (ARP sweep): asks every address several times and waits for late "
    "answers, so most sleeping phones answer too.",
    "neighbor": "Quick scan without administrator rights: the system asks every address twice, "
    "so sleeping phones and gadgets are more often missed.",
}


def crowding_words(score: int) -> str:
    if score < 25:
        return "quiet"
    if score < 50:
        return "some neighbours"
    if score < 75:
        return "busy"
    return "very crowded"


class DevicesPage(MeasurementPage[ScanResult]):
    """Signals: walkRequested() when the person asks for the room-by-room walk test."""

    walkRequested = Signal()
    title = "Devices"
    subtitle = (
        "What is connected to your network. Give devices names you recognise; "
        "the count and kinds shape the recommendation. The scan stays inside your home."
    )
    icon_name = "devices"

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__(ctx, "Not scanned yet.", "&Cancel scan")
        self._filling = False
        self._names_asked = False
        layout = QVBoxLayout(self)

        self.scan_button = styled(QPushButton("&Scan my network"), "primary")
        self.scan_button.clicked.connect(lambda: self.start(self.ctx.engines.scan))
        self.deeper_button = QPushButton("Run &deeper scan")
        self.deeper_button.setToolTip(
            "Asks for your password once, then asks every address several times, so more "
            "sleeping devices answer."
        )
        self.deeper_button.clicked.connect(self.start_deeper)
        self.deeper_button.hide()
        self.add_job_controls(layout, self.scan_button, self.deeper_button)
        self.method_note = banner("info")
        layout.addWidget(self.method_note)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VENDOR, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.itemChanged.connect(self._label_edited)
        layout.addWidget(self.table, 1)
        layout.addWidget(
            wrapped_label(
                "Double-click a name (or select a row and press F2) to "
                'rename a device. "Private MAC" marks phones that hide '
                "their real address; one phone can appear twice.",
                "muted",
            )
        )

        self.router_card = CurrentRouterCard()
        self.router_card.model_named.connect(self.name_router)
        self.router_card.model_field.textEdited.connect(self._suggest_names)
        layout.addWidget(self.router_card)

        wifi = QHBoxLayout()
        link_box = QGroupBox("This computer's Wi-Fi link")
        self.link_form = QFormLayout(link_box)
        self.link_text = wrapped_label("—")
        self.link_form.addRow(self.link_text)
        self.walk_button = QPushButton("&Walk test: measure room by room…")
        self.walk_button.setToolTip(
            "Carry this computer from room to room: where the Wi-Fi is weak, and how many "
            "nodes your home needs"
        )
        self.walk_button.clicked.connect(self.walkRequested)
        self.walk_button.setVisible(ctx.engines.walk_stop is not None)
        self.link_form.addRow(self.walk_button)
        air_box = QGroupBox("How crowded the air is")
        air = QVBoxLayout(air_box)
        self.air_text = wrapped_label("—")
        air.addWidget(self.air_text)
        wifi.addWidget(link_box, 1)
        wifi.addWidget(air_box, 1)
        layout.addLayout(wifi)

    # -- state --------------------------------------------------------------------------
    def enter(self) -> None:
        self.show_result(self.ctx.state.scan)
        state = self.ctx.state
        self.router_card.show_report(state.current_router, scanned=state.scan is not None)
        self.router_card.model_field.setVisible(self.ctx.engines.name_router is not None)
        self.router_card.use_button.setVisible(self.ctx.engines.name_router is not None)

    def _suggest_names(self) -> None:
        """Load the model names to suggest once the person starts typing one (a few thousand
        names take a moment; nobody who never types should wait for them)."""
        names = self.ctx.engines.router_names
        if names is not None and not self._names_asked:
            self._names_asked = True
            self.ctx.runner.start(lambda _p, _c: names(), self.router_card.set_names)

    def name_router(self, model: str) -> None:
        """Judge the model the person typed, off the UI thread; it replaces the scan's guess."""
        name = self.ctx.engines.name_router
        if name is None:
            return
        state = self.ctx.state
        job = self.ctx.runner.start(
            lambda _p, _c: name(model, state.speed, state.scan), self._router_named
        )
        job.failed.connect(self.router_card.show_error)

    def _router_named(self, report: CurrentRouterReport) -> None:
        self.ctx.state.current_router = report
        if self.ctx.state.scan is not None:
            self.ctx.state.scan = replace(self.ctx.state.scan, current_router=report)
        self.router_card.show_report(report)

    def initial_focus(self) -> QPushButton:
        return self.scan_button

    # -- actions ------------------------------------------------------------------------
    def start_deeper(self) -> None:
        if self.ctx.engines.deeper_scan is not None:
            self.start(self.ctx.engines.deeper_scan)

    def start(self, engine: JobFunction[ScanResult]) -> None:
        self.run_job(
            engine,
            "Looking for devices…",
            "Scan cancelled. Scan again, or press Next to go on without it.",
        )

    def _set_running(self, running: bool) -> None:
        self.scan_button.setEnabled(not running)
        self.deeper_button.setEnabled(not running)
        super()._set_running(running)

    def _on_result(self, result: ScanResult) -> None:
        state = self.ctx.state
        current = result.current_router
        if current is not None:
            # The scan judged the router without the line; the speed test may know it.
            current = rejudge(current, None, state.speed, result, date.today().isoformat())
            result = replace(result, current_router=current)
        state.scan = result
        state.current_router = current
        self.show_result(result)
        self.router_card.show_report(current, scanned=True)

    def _on_failed(self, message: str) -> None:
        show_banner(self.error, message)
        self.status.setText("The scan did not finish. Try again, or press Next to skip it.")
        self.scan_button.setText("&Retry scan")

    def _on_finished(self, outcome: Outcome) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(100 if self.ctx.state.scan else 0)
        super()._on_finished(outcome)

    # -- showing ------------------------------------------------------------------------
    def show_result(self, result: ScanResult | None) -> None:
        self._filling = True
        self.table.setRowCount(0)
        if result is None:
            self.method_note.hide()
            self.deeper_button.hide()
            self.link_text.setText("—")
            self.air_text.setText("—")
            self._filling = False
            return
        labels = self.ctx.state.labels
        devices = sorted(result.devices, key=lambda d: (not d.is_gateway, _ip_key(d.ip)))
        self.table.setRowCount(len(devices))
        for row, device in enumerate(devices):
            name = labels.get(device.mac) or device.hostname or ""
            if device.is_gateway and not name:
                name = "Your router (gateway)"
            cells = (
                name,
                kind_heading(device.kind),
                device.vendor or "unknown",
                device.ip,
                device.mac,
                "yes" if device.randomized_mac else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column != NAME:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column == KIND and device.kind_evidence:
                    item.setToolTip("Why: " + "; ".join(device.kind_evidence))
                if column == RANDOM and device.randomized_mac:
                    item.setToolTip("This device uses a private (randomised) MAC address.")
                item.setData(Qt.ItemDataRole.UserRole, device.mac)
                self.table.setItem(row, column, item)
        self._filling = False
        count = len(devices)
        self.status.setText(
            f"Found {count} device{'s' if count != 1 else ''} on {result.cidr} "
            f"({result.interface}) in {result.duration_s:.1f} s."
        )
        note = METHOD_WORDS.get(result.method, f"Method: {result.method}.") + " " + SCAN_LIMITS
        unprivileged = result.method == "neighbor" and self.ctx.engines.deeper_scan is not None
        if unprivileged:
            note += " The deeper scan needs administrator rights: press Run deeper scan."
        elif result.method == "neighbor" and result.notes:
            note += " " + " ".join(result.notes)
        show_banner(self.method_note, note)
        self.deeper_button.setVisible(unprivileged)
        self.link_text.setText(link_words(result.wifi_link))
        self.air_text.setText(air_words(result))

    def _label_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != NAME:
            return
        mac = str(item.data(Qt.ItemDataRole.UserRole))
        text = item.text().strip()
        if text:
            self.ctx.state.labels[mac] = text
        else:
            self.ctx.state.labels.pop(mac, None)


def _ip_key(ip: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in ip.split("."))
    except ValueError:
        return (999,)


def link_words(link: WifiLink | None) -> str:
    if link is None:
        return "Not on Wi-Fi, or this system does not tell us (the cable is fine too)."
    parts = [link.standard or "Wi-Fi (standard unknown)"]
    if link.band:
        parts.append(f"{link.band} GHz")
    if link.channel_width_mhz:
        parts.append(f"{link.channel_width_mhz} MHz wide")
    if link.channel:
        parts.append(f"channel {link.channel}")
    text = ", ".join(parts)
    if link.signal_dbm is not None:
        quality = (
            "excellent"
            if link.signal_dbm >= -55
            else "good"
            if link.signal_dbm >= -67
            else "weak"
            if link.signal_dbm >= -75
            else "very weak"
        )
        text += f"\nSignal: {link.signal_dbm} dBm ({quality})"
    if link.tx_rate_mbps:
        text += f"\nLink rate: {link.tx_rate_mbps:.0f} Mbit/s"
    if link.ssid:
        text += f"\nNetwork: {link.ssid}"
    return text


def air_words(result: ScanResult) -> str:
    nearby = result.nearby_networks
    if nearby is None or not nearby.bands:
        return "Nearby networks are not available on this system."
    lines = []
    for band in nearby.bands:
        line = (
            f"{band.band} GHz: {band.networks} network{'s' if band.networks != 1 else ''}, "
            f"{crowding_words(band.crowding)} ({band.crowding}/100)"
        )
        if band.busiest_channels:
            line += f"; busiest channels {', '.join(map(str, band.busiest_channels))}"
        lines.append(line)
    return "\n".join(lines)
