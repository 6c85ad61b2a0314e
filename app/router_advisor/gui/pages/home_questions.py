"""The widgets that ask one answer on the Your-home page: a whole number in the answers
file's range, an optional number whose lowest value reads "don't know", a choice, a tick
box, and the tight form each box of the page lays them out in. Words: answer_fields."""

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QSpinBox,
)
from router_advisor.core.answers import SCHEMA
from router_advisor.gui import answer_fields as words


def whole_number(key: str, value: int) -> QSpinBox:
    """A count for `key` ("household.people"), held to the answers file's range."""
    section, name = key.split(".")
    rule = SCHEMA[section][name]
    spin = QSpinBox()
    spin.setRange(int(rule.low), int(rule.high))
    spin.setValue(value)
    return spin


def optional_number(low: float, high: float, suffix: str, none_text: str) -> QDoubleSpinBox:
    """A number box whose lowest value means 'not answered' and reads as `none_text`."""
    spin = QDoubleSpinBox()
    spin.setDecimals(0)
    spin.setRange(low - 1 if low >= 1 else 0, high)
    spin.setSpecialValueText(none_text)
    spin.setSuffix(suffix)
    spin.setMinimumWidth(100)
    return spin


def choice(key: str) -> QComboBox:
    """One of `key`'s choices, in the page's words, each holding the file's value."""
    combo = QComboBox()
    # Long choices must not widen the page past a small screen; the open list shows them whole.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    for value, text in words.CHOICES[key]:
        combo.addItem(text, value)
    return combo


def tick_box(key: str) -> QCheckBox:
    """A yes/no answer, labelled with its question and Alt+letter."""
    box = QCheckBox(words.label(key, row=False))
    box.setToolTip(words.HINTS.get(key, ""))
    return box


def form_of(box: QGroupBox) -> QFormLayout:
    """A box's form, tight enough that the whole page fits a 1024x768 screen."""
    form = QFormLayout(box)
    form.setVerticalSpacing(3)
    form.setContentsMargins(9, 6, 9, 6)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def select(combo: QComboBox, value: object) -> None:
    """Show the choice holding `value` (the first one when none does)."""
    combo.setCurrentIndex(max(0, combo.findData(value)))
