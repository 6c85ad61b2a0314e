"""Step 4: the questions about the home, with defaults, units and validation in place."""

from typing import Any, Literal

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from router_advisor.core.answers import (
    DEFAULT_PEOPLE,
    DEFAULT_SIZE_M2,
    SCHEMA,
    SQFT_PER_M2,
    answers_from_dict,
    answers_to_file_dict,
    saved_answers_to_file_dict,
)
from router_advisor.core.needs import scan_device_count
from router_advisor.errors import UserInputError
from router_advisor.gui.pages.base import (
    WizardContext,
    WizardPage,
    banner,
    show_banner,
    wrapped_label,
)
from router_advisor.gui.settings import save_last_answers
from router_advisor.gui.style import buddy_label

WALLS = (
    ("drywall", "Light (plasterboard, wood)"),
    ("brick", "Brick"),
    ("concrete", "Concrete or stone"),
)
MESH = (
    ("auto", "Decide for me"),
    ("yes", "Yes, I want a mesh system"),
    ("no", "No, one router only"),
)
# Every mnemonic on this page is unique, and none takes the window's Q, B, N or H.
USAGE = (
    ("gaming", "Someone plays online &games"),
    ("video_calls", "We make &video calls"),
    ("remote_work", "Someone wo&rks from home"),
    ("large_uploads", "We upload big f&iles (backups, videos)"),
)


def _spin(section: str, key: str, value: int) -> QSpinBox:
    rule = SCHEMA[section][key]
    spin = QSpinBox()
    spin.setRange(int(rule.low), int(rule.high))
    spin.setValue(value)
    return spin


def _money_or_speed(low: float, high: float, suffix: str, none_text: str) -> QDoubleSpinBox:
    """A number box whose lowest value means 'not answered' and reads as `none_text`."""
    spin = QDoubleSpinBox()
    spin.setDecimals(0)
    spin.setRange(low - 1 if low >= 1 else 0, high)
    spin.setSpecialValueText(none_text)
    spin.setSuffix(suffix)
    spin.setMinimumWidth(150)
    return spin


class HomePage(WizardPage):
    title = "Your home"
    subtitle = (
        "A few questions about your home and how you use the internet. The defaults "
        "fit a typical home; change what does not fit yours."
    )
    icon_name = "home"

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__(ctx)
        self._error: str | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        grid = QGridLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.error = banner("error")
        outer.addWidget(self.error)

        home = QGroupBox("The home")
        form = QFormLayout(home)
        size_row = QHBoxLayout()
        self.area = QDoubleSpinBox()
        self.area.setDecimals(0)
        self.area.setMinimumWidth(110)
        self.unit = QComboBox()
        self.unit.setAccessibleName("Unit of the living area")
        self.unit.addItem("m²", "m2")
        self.unit.addItem("sq ft", "sqft")
        self.unit.currentIndexChanged.connect(self._unit_changed)
        size_row.addWidget(self.area)
        size_row.addWidget(self.unit)
        size_row.addStretch(1)
        size_label = buddy_label("&Living area:", self.area)
        form.addRow(size_label, size_row)
        self.floors = _spin("home", "floors", 1)
        form.addRow("&Floors:", self.floors)
        self.walls = QComboBox()
        for key, text in WALLS:
            self.walls.addItem(text, key)
        form.addRow("Inner &walls:", self.walls)

        people = QGroupBox("Who and what is connected")
        form2 = QFormLayout(people)
        self.people = _spin("household", "people", DEFAULT_PEOPLE)
        form2.addRow("&People:", self.people)
        self.devices = _spin("household", "devices", 0)
        self.devices.setSpecialValueText("estimate for me")
        form2.addRow("Connected &devices:", self.devices)
        self.devices_note = wrapped_label("", "muted")
        form2.addRow(self.devices_note)
        self.smart = _spin("household", "smart_home_devices", 0)
        form2.addRow("Of which &smart-home:", self.smart)
        self.wired = _spin("wired", "devices", 0)
        form2.addRow("Devices on a &cable:", self.wired)
        self.multigig = QCheckBox("A NAS or PC needs faster than 1 Gbit/s cabl&e")
        form2.addRow(self.multigig)

        usage = QGroupBox("How you use it")
        form3 = QFormLayout(usage)
        self.usage: dict[str, QCheckBox] = {}
        for key, text in USAGE:
            box = QCheckBox(text)
            self.usage[key] = box
            form3.addRow(box)
        self.streams = _spin("usage", "streaming_4k", 0)
        form3.addRow("4K streams at the same &time:", self.streams)

        money = QGroupBox("Budget, plan and preferences")
        form4 = QFormLayout(money)
        self.budget = _money_or_speed(1, 10000, " US$", "no limit")
        form4.addRow("B&udget up to:", self.budget)
        self.plan_down = _money_or_speed(0.5, 100000, " Mbit/s", "don't know")
        form4.addRow("Plan d&ownload:", self.plan_down)
        self.plan_up = _money_or_speed(0.1, 100000, " Mbit/s", "don't know")
        form4.addRow("Plan uplo&ad:", self.plan_up)
        self.plan_note = wrapped_label("", "muted")
        form4.addRow(self.plan_note)
        self.mesh = QComboBox()
        for key, text in MESH:
            self.mesh.addItem(text, key)
        form4.addRow("&Mesh:", self.mesh)
        self.no_cloud = QCheckBox("Must wor&k without a cloud account")
        form4.addRow(self.no_cloud)

        grid.addWidget(home, 0, 0)
        grid.addWidget(people, 1, 0)
        grid.addWidget(usage, 0, 1)
        grid.addWidget(money, 1, 1)
        grid.setRowStretch(2, 1)
        self._unit_changed()
        self.area.setValue(DEFAULT_SIZE_M2)
        for widget in (self.area, self.budget, self.plan_down, self.plan_up):
            widget.valueChanged.connect(self._validate)
        for count in (
            self.floors,
            self.people,
            self.devices,
            self.smart,
            self.wired,
            self.streams,
        ):
            count.valueChanged.connect(self._validate)

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

    # -- to and from the answers dict ---------------------------------------------------
    def load(self, saved: dict[str, Any]) -> None:
        """Fill the form from saved answers (any shape the history holds); missing keys keep
        their defaults, and answers that are no longer valid leave the whole form at them."""
        try:
            answers: dict[str, dict[str, Any]] = saved_answers_to_file_dict(saved)
        except UserInputError:
            answers = {}
        home = answers.get("home", {})
        if "size_sqft" in home:
            self.unit.setCurrentIndex(1)
            self.area.setValue(float(home["size_sqft"]))
        elif "size_m2" in home:
            self.unit.setCurrentIndex(0)
            self.area.setValue(float(home["size_m2"]))
        self.floors.setValue(int(home.get("floors", 1)))
        self.walls.setCurrentIndex(max(0, self.walls.findData(home.get("walls", "drywall"))))
        household = answers.get("household", {})
        self.people.setValue(int(household.get("people", DEFAULT_PEOPLE)))
        self.devices.setValue(int(household.get("devices", 0)))
        self.smart.setValue(int(household.get("smart_home_devices", 0)))
        usage = answers.get("usage", {})
        for key, box in self.usage.items():
            box.setChecked(bool(usage.get(key, False)))
        self.streams.setValue(int(usage.get("streaming_4k", 0)))
        wired = answers.get("wired", {})
        self.wired.setValue(int(wired.get("devices", 0)))
        self.multigig.setChecked(bool(wired.get("multigig", False)))
        self.budget.setValue(float(answers.get("budget", {}).get("max_usd", 0)))
        isp = answers.get("isp", {})
        self.plan_down.setValue(float(isp.get("down_mbps", 0)))
        self.plan_up.setValue(float(isp.get("up_mbps", 0)))
        prefs = answers.get("preferences", {})
        self.mesh.setCurrentIndex(max(0, self.mesh.findData(prefs.get("mesh", "auto"))))
        self.no_cloud.setChecked(bool(prefs.get("no_cloud_account", False)))

    def answers(self) -> dict[str, dict[str, Any]]:
        """The form as answers-file data, the shape saved everywhere; the form must be valid
        (raises UserInputError otherwise)."""
        unit: Literal["m2", "sqft"] = "sqft" if self.unit.currentData() == "sqft" else "m2"
        return answers_to_file_dict(answers_from_dict(self._form()), unit)

    def _form(self) -> dict[str, dict[str, Any]]:
        """The form's values as answers-file data, not yet validated."""
        size_key = "size_m2" if self.unit.currentData() == "m2" else "size_sqft"
        data: dict[str, dict[str, Any]] = {
            "home": {
                size_key: round(self.area.value(), 1),
                "floors": self.floors.value(),
                "walls": self.walls.currentData(),
            },
            "household": {"people": self.people.value(), "smart_home_devices": self.smart.value()},
            "usage": {key: box.isChecked() for key, box in self.usage.items()}
            | {"streaming_4k": self.streams.value()},
            "wired": {"devices": self.wired.value(), "multigig": self.multigig.isChecked()},
            "preferences": {
                "mesh": self.mesh.currentData(),
                "no_cloud_account": self.no_cloud.isChecked(),
            },
        }
        if self.devices.value() > 0:
            data["household"]["devices"] = self.devices.value()
        if self.budget.value() >= 1:
            data["budget"] = {"max_usd": self.budget.value()}
        isp = {}
        if self.plan_down.value() >= 0.5:
            isp["down_mbps"] = self.plan_down.value()
        if self.plan_up.value() >= 0.1:
            isp["up_mbps"] = self.plan_up.value()
        if isp:
            data["isp"] = isp
        return data

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
            answers_from_dict(self._form())
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
