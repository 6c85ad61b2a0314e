"""What every wizard page shares: its title, the context it works on, and when Next is
allowed."""

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from app.gui.engines import Engines
from app.gui.state import WizardState
from app.gui.workers import JobRunner


@dataclass
class WizardContext:
    """Handed to every page: the engines, the job runner and the shared state."""

    engines: Engines
    runner: JobRunner
    state: WizardState


class WizardPage(QWidget):
    """A step of the wizard. Signals: completeChanged() when `is_complete` may have changed."""

    completeChanged = Signal()
    title = ""
    subtitle = ""
    icon_name = ""

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__()
        self.ctx = ctx

    def initial_focus(self) -> QWidget | None:
        """The widget that gets the keyboard focus when the page is shown (None: Next)."""
        return None

    def enter(self) -> None:
        """Called each time the page is shown; refresh from the shared state."""

    def is_complete(self) -> bool:
        """False while the page is busy or its input is invalid."""
        return True

    def cancel(self) -> None:
        """Stop the page's running measurement, if any (Escape in the wizard)."""

    def commit(self) -> bool:
        """Store the page's input in the state before Next; False keeps the page open."""
        return True


def wrapped_label(text: str = "", object_name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


def banner(kind: str) -> QLabel:
    """A hidden message strip: kind is "error" or "info"; show it with `show_banner`."""
    label = wrapped_label(object_name=f"{kind}Banner")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def show_banner(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))
