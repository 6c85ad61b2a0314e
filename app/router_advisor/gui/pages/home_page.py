"""Step 4: the questions about the home, with defaults, units and validation in place.

One screen a newcomer finishes in a minute: five boxes in plain words, and the questions
that only matter for some homes (floor material with more than one floor, players when
someone games, the fibre hand-off for fibre) appear only then. The form reads and writes
the typed `Answers`, through the answers-file keys it shares with the TOML/JSON file.
"""

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from router_advisor.core.answers import (
    DEFAULT_PEOPLE,
    DEFAULT_SIZE_M2,
    SCHEMA,
    SQFT_PER_M2,
    Answers,
    answers_from_dict,
    answers_to_file_dict,
)
from router_advisor.core.needs import scan_device_count
from router_advisor.errors import UserInputError
from router_advisor.gui import answer_fields as words
from router_advisor.gui.pages.base import (
    WizardContext,
    WizardPage,
    banner,
    show_banner,
    wrapped_label,
)
from router_advisor.gui.pages.home_questions import (
    choice,
    form_of,
    optional_number,
    select,
    tick_box,
    whole_number,
)
from router_advisor.gui.settings import save_last_answers
from router_advisor.gui.style import buddy_label

# Lines whose idle delay differs enough from a wired line's to change the advice.
HIGH_DELAY_LINES = ("satellite", "lte_5g")


class HomePage(WizardPage):
    title = "Your home"
    subtitle = "The defaults fit a typical home: change what does not fit yours."
    icon_name = "home"

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__(ctx)
        self._error: str | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # A small screen or large fonts scroll; 1024x768 shows every question at once.
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 4, 0)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)
        self.error = banner("error")
        outer.addWidget(self.error)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._home_box())
        left.addWidget(self._people_box())
        right.addWidget(self._usage_box())
        right.addWidget(self._internet_box())
        right.addWidget(self._preferences_box())
        left.addStretch(1)
        right.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._unit_changed()
        self.area.setValue(DEFAULT_SIZE_M2)
        for number in (self.area, self.budget, self.plan_down, self.plan_up, self.latency):
            number.valueChanged.connect(self._validate)
        for box in (self.floors, self.people, self.devices, self.smart, self.wired, self.streams):
            box.valueChanged.connect(self._validate)
        for combo in (self.cabling, self.line, self.handoff):
            combo.currentIndexChanged.connect(self._show_what_matters)
        self.floors.valueChanged.connect(self._show_what_matters)
        self.gaming.toggled.connect(self._show_what_matters)
        self._show_what_matters()

    # -- the boxes ----------------------------------------------------------------------
    def _row(self, form: QFormLayout, key: str, widget: QWidget) -> None:
        widget.setToolTip(words.HINTS.get(key, ""))
        form.addRow(buddy_label(words.label(key), widget), widget)

    def _home_box(self) -> QGroupBox:
        box = QGroupBox(words.HOME)
        form = self.home_form = form_of(box)
        size_row = QHBoxLayout()
        self.area = QDoubleSpinBox()
        self.area.setDecimals(0)
        self.area.setMinimumWidth(100)
        self.unit = QComboBox()
        self.unit.setAccessibleName("Unit of the living area")
        self.unit.addItem("m²", "m2")
        self.unit.addItem("sq ft", "sqft")
        self.unit.currentIndexChanged.connect(self._unit_changed)
        size_row.addWidget(self.area, 1)
        size_row.addWidget(self.unit)
        form.addRow(buddy_label(words.label("home.size_m2"), self.area), size_row)
        self.floors = whole_number("home.floors", 1)
        self._row(form, "home.floors", self.floors)
        self.floor_slabs = choice("home.floor_slabs")
        self._row(form, "home.floor_slabs", self.floor_slabs)
        self.walls = choice("home.walls")
        self._row(form, "home.walls", self.walls)
        self.layout_shape = choice("home.layout")
        self._row(form, "home.layout", self.layout_shape)
        self.line_enters = choice("home.line_enters")
        self._row(form, "home.line_enters", self.line_enters)
        self.cabling = choice("home.cabling")
        self._row(form, "home.cabling", self.cabling)
        self.powerline = tick_box("home.powerline_or_moca")
        form.addRow(self.powerline)
        return box

    def _people_box(self) -> QGroupBox:
        box = QGroupBox(words.PEOPLE)
        form = form_of(box)
        self.people = whole_number("household.people", DEFAULT_PEOPLE)
        self._row(form, "household.people", self.people)
        self.devices = whole_number("household.devices", 0)
        self.devices.setSpecialValueText("estimate for me")
        self._row(form, "household.devices", self.devices)
        self.devices_note = wrapped_label("", "muted")
        form.addRow(self.devices_note)
        self.smart = whole_number("household.smart_home_devices", 0)
        self._row(form, "household.smart_home_devices", self.smart)
        self.separate_networks = tick_box("usage.separate_networks")
        form.addRow(self.separate_networks)
        self.wired = whole_number("wired.devices", 0)
        self._row(form, "wired.devices", self.wired)
        self.multigig = tick_box("wired.multigig")
        form.addRow(self.multigig)
        self.owned = QLineEdit()
        self.owned.setPlaceholderText("e.g. eero 6, Deco X55")
        self.owned.setToolTip(
            "Routers or mesh units you could reuse as a node, by brand and model as the "
            "catalog names them (Browse the catalog on the next page); commas between them"
        )
        self._row(form, "equipment.owned", self.owned)
        return box

    def _usage_box(self) -> QGroupBox:
        box = QGroupBox(words.USAGE)
        form = form_of(box)
        self.usage_form = form
        self.gaming = tick_box("usage.gaming")
        form.addRow(self.gaming)
        self.gamers = whole_number("usage.gamers", 1)
        self.gamers.setMinimum(1)
        self._row(form, "usage.gamers", self.gamers)
        self.video_calls = tick_box("usage.video_calls")
        self.remote_work = tick_box("usage.remote_work")
        self.large_uploads = tick_box("usage.large_uploads")
        for activity in (self.video_calls, self.remote_work, self.large_uploads):
            form.addRow(activity)
        self.streams = whole_number("usage.streaming_4k", 0)
        self._row(form, "usage.streaming_4k", self.streams)
        self.vpn = choice("usage.vpn")
        self._row(form, "usage.vpn", self.vpn)
        return box

    def _internet_box(self) -> QGroupBox:
        box = QGroupBox(words.INTERNET)
        form = self.internet_form = form_of(box)
        self.line = choice("isp.line")
        self._row(form, "isp.line", self.line)
        self.isp_box = choice("isp.isp_box")
        self._row(form, "isp.isp_box", self.isp_box)
        self.handoff = choice("isp.handoff")
        self._row(form, "isp.handoff", self.handoff)
        self.handoff_mbps = choice("isp.handoff_mbps")
        self._row(form, "isp.handoff_mbps", self.handoff_mbps)
        self.plan_down = optional_number(0.5, 100000, " Mbit/s", "don't know")
        self._row(form, "isp.down_mbps", self.plan_down)
        self.plan_up = optional_number(0.1, 100000, " Mbit/s", "don't know")
        self._row(form, "isp.up_mbps", self.plan_up)
        self.latency = optional_number(1, 5000, " ms", "don't know")
        self._row(form, "isp.latency_ms", self.latency)
        self.plan_note = wrapped_label("", "muted")
        form.addRow(self.plan_note)
        return box

    def _preferences_box(self) -> QGroupBox:
        box = QGroupBox(words.PREFERENCES)
        form = form_of(box)
        self.budget = optional_number(1, 10000, " US$", "no limit")
        self._row(form, "budget.max_usd", self.budget)
        self.region = choice("preferences.region")
        self._row(form, "preferences.region", self.region)
        self.mesh = choice("preferences.mesh")
        self._row(form, "preferences.mesh", self.mesh)
        self.comfort = choice("preferences.comfort")
        self._row(form, "preferences.comfort", self.comfort)
        self.no_cloud = tick_box("preferences.no_cloud_account")
        form.addRow(self.no_cloud)
        return box

    # -- what is asked ------------------------------------------------------------------
    def _fibre(self) -> bool:
        return self.line.currentData() == "fibre"

    def _show_what_matters(self) -> None:
        """Ask the follow-up questions only where the answer can change the advice."""
        home, internet = self.home_form, self.internet_form
        home.setRowVisible(self.floor_slabs, self.floors.value() > 1)
        home.setRowVisible(self.powerline, self.cabling.currentData() != "every_room")
        self.usage_form.setRowVisible(self.gamers, self.gaming.isChecked())
        internet.setRowVisible(self.handoff, self._fibre())
        port = self._fibre() and self.handoff.currentData() == "ethernet"
        internet.setRowVisible(self.handoff_mbps, port)
        delay = self.line.currentData() in HIGH_DELAY_LINES or self.latency.value() >= 1
        internet.setRowVisible(self.latency, delay)
        self._validate()

    # -- units --------------------------------------------------------------------------
    def _unit_changed(self) -> None:
        key = "size_m2" if self.unit.currentData() == "m2" else "size_sqft"
        rule = SCHEMA["home"][key]
        old = self.area.value()
        self.area.blockSignals(True)
        self.area.setRange(rule.low, rule.high)
        if old:
            self.area.setValue(old * SQFT_PER_M2 if key == "size_sqft" else old / SQFT_PER_M2)
        self.area.blockSignals(False)

    # -- to and from the answers --------------------------------------------------------
    def load(self, answers: Answers) -> None:
        """Fill the form from `answers`, through the answers-file keys the form writes."""
        data = answers_to_file_dict(answers)
        home = data.get("home", {})
        self.unit.setCurrentIndex(1 if "size_sqft" in home else 0)
        self.area.setValue(float(home.get("size_sqft", home.get("size_m2", DEFAULT_SIZE_M2))))
        self.floors.setValue(int(home.get("floors", 1)))
        for combo, key, default in (
            (self.walls, "walls", "drywall"),
            (self.floor_slabs, "floor_slabs", "wood"),
            (self.layout_shape, "layout", "compact"),
            (self.line_enters, "line_enters", "middle"),
            (self.cabling, "cabling", "none"),
        ):
            select(combo, home.get(key, default))
        self.powerline.setChecked(bool(home.get("powerline_or_moca", False)))
        household = data.get("household", {})
        self.people.setValue(int(household.get("people", DEFAULT_PEOPLE)))
        self.devices.setValue(int(household.get("devices", 0)))
        self.smart.setValue(int(household.get("smart_home_devices", 0)))
        usage = data.get("usage", {})
        for box, key in (
            (self.video_calls, "video_calls"),
            (self.remote_work, "remote_work"),
            (self.large_uploads, "large_uploads"),
            (self.separate_networks, "separate_networks"),
        ):
            box.setChecked(bool(usage.get(key, False)))
        gamers = int(usage.get("gamers", 1 if usage.get("gaming") else 0))
        self.gaming.setChecked(bool(usage.get("gaming")) or gamers > 0)
        self.gamers.setValue(max(1, gamers))
        self.streams.setValue(int(usage.get("streaming_4k", 0)))
        select(self.vpn, usage.get("vpn", "none"))
        wired = data.get("wired", {})
        self.wired.setValue(int(wired.get("devices", 0)))
        self.multigig.setChecked(bool(wired.get("multigig", False)))
        self.budget.setValue(float(data.get("budget", {}).get("max_usd", 0)))
        self._load_isp(data.get("isp", {}))
        prefs = data.get("preferences", {})
        select(self.mesh, prefs.get("mesh", "auto"))
        select(self.comfort, prefs.get("comfort", "app"))
        select(self.region, prefs.get("region", "US"))
        self.no_cloud.setChecked(bool(prefs.get("no_cloud_account", False)))
        self.owned.setText(", ".join(data.get("equipment", {}).get("owned", [])))
        self._show_what_matters()

    def _load_isp(self, isp: dict[str, Any]) -> None:
        select(self.line, isp.get("line", "unknown"))
        handoff = isp.get("handoff", "ethernet")
        # Without a box of the provider's the router must contain the modem, and back.
        select(self.isp_box, "none" if handoff == "modem_needed" else isp.get("isp_box", "modem"))
        select(self.handoff, handoff)
        select(self.handoff_mbps, str(isp.get("handoff_mbps", "")))
        self.plan_down.setValue(float(isp.get("down_mbps", 0)))
        self.plan_up.setValue(float(isp.get("up_mbps", 0)))
        self.latency.setValue(float(isp.get("latency_ms", 0)))

    def answers(self) -> Answers:
        """The form as typed answers; the form must be valid (raises UserInputError)."""
        return answers_from_dict(self._file_data())

    def _file_data(self) -> dict[str, dict[str, Any]]:
        """The form in the answers-file shape, not yet validated. A question that is not
        asked (hidden) writes nothing, so its default applies."""
        size_key = "size_m2" if self.unit.currentData() == "m2" else "size_sqft"
        home: dict[str, Any] = {
            size_key: round(self.area.value(), 1),
            "floors": self.floors.value(),
            "walls": self.walls.currentData(),
            "layout": self.layout_shape.currentData(),
            "line_enters": self.line_enters.currentData(),
            "cabling": self.cabling.currentData(),
        }
        if self.floors.value() > 1:
            home["floor_slabs"] = self.floor_slabs.currentData()
        if self.cabling.currentData() != "every_room":
            home["powerline_or_moca"] = self.powerline.isChecked()
        usage: dict[str, Any] = {
            "gaming": self.gaming.isChecked(),
            "video_calls": self.video_calls.isChecked(),
            "remote_work": self.remote_work.isChecked(),
            "large_uploads": self.large_uploads.isChecked(),
            "streaming_4k": self.streams.value(),
            "gamers": self.gamers.value() if self.gaming.isChecked() else 0,
            "vpn": self.vpn.currentData(),
            "separate_networks": self.separate_networks.isChecked(),
        }
        data: dict[str, dict[str, Any]] = {
            "home": home,
            "household": {"people": self.people.value(), "smart_home_devices": self.smart.value()},
            "usage": usage,
            "wired": {"devices": self.wired.value(), "multigig": self.multigig.isChecked()},
            "isp": self._isp_data(),
            "preferences": {
                "mesh": self.mesh.currentData(),
                "no_cloud_account": self.no_cloud.isChecked(),
                "comfort": self.comfort.currentData(),
                "region": self.region.currentData(),
            },
        }
        if self.devices.value() > 0:
            data["household"]["devices"] = self.devices.value()
        if self.budget.value() >= 1:
            data["budget"] = {"max_usd": self.budget.value()}
        owned = [name.strip() for name in self.owned.text().split(",") if name.strip()]
        if owned:
            data["equipment"] = {"owned": owned}
        return data

    def _isp_data(self) -> dict[str, Any]:
        isp: dict[str, Any] = {
            "line": self.line.currentData(),
            "isp_box": self.isp_box.currentData(),
        }
        if self._fibre():
            isp["handoff"] = self.handoff.currentData()
            if self.handoff.currentData() == "ethernet" and self.handoff_mbps.currentData():
                isp["handoff_mbps"] = int(self.handoff_mbps.currentData())
        elif self.isp_box.currentData() == "none":
            isp["handoff"] = "modem_needed"
        if self.plan_down.value() >= 0.5:
            isp["down_mbps"] = self.plan_down.value()
        if self.plan_up.value() >= 0.1:
            isp["up_mbps"] = self.plan_up.value()
        if self.latency.value() >= 1:
            isp["latency_ms"] = self.latency.value()
        return isp

    # -- page ---------------------------------------------------------------------------
    def enter(self) -> None:
        state = self.ctx.state
        self.load(state.answers)
        if state.scan is not None:
            found = scan_device_count(state.scan)
            self.devices_note.setText(
                f"Your scan found {found}, not counting your router. Devices that were off "
                "did not answer: the larger of your count and the scan's is used."
            )
        else:
            self.devices_note.setText(
                "Phones, laptops, TVs, speakers, cameras… about 8 per person is typical."
            )
        if state.speed is not None and not state.speed.manual:
            self.plan_note.setText(
                f"Your measured {state.speed.download_mbps:.0f}/"
                f"{state.speed.upload_mbps:.0f} Mbit/s will be used."
            )
        else:
            self.plan_note.setText("On your bill or the provider's website.")
        self._validate()

    def _validate(self) -> None:
        try:
            answers_from_dict(self._file_data())
        except UserInputError as exc:
            error: str | None = str(exc)
        else:
            error = None
        too_many = self.devices.value() > 0 and self.smart.value() > self.devices.value()
        for widget in (self.smart, self.devices):
            widget.setProperty("invalid", too_many)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        if error and too_many:
            error = (
                "You have more smart-home devices than connected devices: raise "
                '"Connected devices" (it counts every device) or lower "smart-home".'
            )
        if error != self._error:
            self._error = error
            show_banner(self.error, error)
            self.completeChanged.emit()

    def initial_focus(self) -> QWidget:
        return self.area

    def is_complete(self) -> bool:
        return self._error is None

    def commit(self) -> bool:
        self._validate()
        if self._error:
            return False
        self.ctx.state.answers = self.answers()
        save_last_answers(self.ctx.state.answers)
        return True
