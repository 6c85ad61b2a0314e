"""The main window: a list of steps on the left, one page at a time, Back/Next/Cancel.

Fully keyboard-driven: Alt+Left/Alt+Right (or the mnemonics) move between steps, Enter in
a field presses Next (on the last step only the Finish button itself closes), Escape stops
a running measurement, Ctrl+H opens the history, Ctrl+Q quits. The geometry is saved.
"""

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from router_advisor.core.answers import Answers
from router_advisor.gui.app import window_settings
from router_advisor.gui.engines import Engines
from router_advisor.gui.pages.base import WizardContext, WizardPage
from router_advisor.gui.settings import load_last_answers
from router_advisor.gui.state import WizardState
from router_advisor.gui.style import icon, styled
from router_advisor.gui.workers import JobRunner


def page_classes() -> list[type[WizardPage]]:
    from router_advisor.gui.pages.devices_page import DevicesPage
    from router_advisor.gui.pages.export_page import ExportPage
    from router_advisor.gui.pages.home_page import HomePage
    from router_advisor.gui.pages.questions_page import QuestionsPage
    from router_advisor.gui.pages.recommendations_page import RecommendationsPage
    from router_advisor.gui.pages.speed_page import SpeedPage
    from router_advisor.gui.pages.welcome_page import WelcomePage

    return [
        WelcomePage,
        SpeedPage,
        DevicesPage,
        HomePage,
        RecommendationsPage,
        QuestionsPage,
        ExportPage,
    ]


class WizardWindow(QMainWindow):
    """The wizard. Pages talk to each other only through `ctx.state`."""

    def __init__(self, engines: Engines, state: WizardState | None = None) -> None:
        super().__init__()
        self.setWindowTitle("Router Advisor")
        self.setWindowIcon(icon("app"))
        if state is None:
            state = WizardState(answers=load_last_answers() or Answers())
        self.ctx = WizardContext(engines=engines, runner=JobRunner(self), state=state)
        self.pages: list[WizardPage] = [cls(self.ctx) for cls in page_classes()]
        self._history_window: QWidget | None = None
        self._walk_window: QWidget | None = None
        self._build()
        self._restore_geometry()
        self.go_to(0)

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        from router_advisor.gui.pages.devices_page import DevicesPage  # loaded by page_classes

        sidebar = styled(QWidget(), "sidebar")
        sidebar.setFixedWidth(230)
        side = QVBoxLayout(sidebar)
        brand = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(icon("app").pixmap(32, 32))
        brand.addWidget(logo)
        brand.addWidget(styled(QLabel("Router Advisor"), "appName"))
        brand.addStretch(1)
        side.addLayout(brand)
        side.addSpacing(6)
        self.steps = styled(QListWidget(), "steps")
        self.steps.setIconSize(QSize(20, 20))
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for number, page in enumerate(self.pages, start=1):
            self.steps.addItem(QListWidgetItem(icon(page.icon_name), f"{number}. {page.title}"))
        self.steps.itemClicked.connect(lambda item: self._step_clicked(self.steps.row(item)))
        side.addWidget(self.steps, 1)
        self.history_button = QPushButton(icon("history"), "&History")
        self.history_button.setToolTip("Past runs, what changed, and a Rescan (Ctrl+H)")
        self.history_button.clicked.connect(self.open_history)
        side.addWidget(self.history_button)
        self.about_button = QPushButton("About")
        self.about_button.setToolTip(
            "Version, licences and where the catalog's facts come from (F1)"
        )
        self.about_button.clicked.connect(self.open_about)
        side.addWidget(self.about_button)

        self.title = styled(QLabel(), "pageTitle")
        self.subtitle = styled(QLabel(), "pageSubtitle")
        self.subtitle.setWordWrap(True)
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
            page.completeChanged.connect(self._update_buttons)
            if isinstance(page, DevicesPage):
                page.walkRequested.connect(self.open_walk)

        self.cancel_button = QPushButton("&Quit")
        self.cancel_button.setToolTip("Close Router Advisor (Ctrl+Q)")
        self.cancel_button.clicked.connect(self.close)
        self.back_button = QPushButton("< &Back")
        self.back_button.clicked.connect(self.back)
        self.next_button = styled(QPushButton("&Next >"), "primary")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)

        main = QVBoxLayout()
        main.setContentsMargins(22, 16, 22, 14)
        main.addWidget(self.title)
        main.addWidget(self.subtitle)
        main.addSpacing(8)
        main.addWidget(self.stack, 1)
        main.addLayout(buttons)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(sidebar)
        row.addLayout(main, 1)
        self.setCentralWidget(central)

        for keys, slot in (
            ("Alt+Right", self.next),
            ("Alt+Left", self.back),
            ("Ctrl+H", self.open_history),
            ("F1", self.open_about),
            ("Ctrl+Q", self.close),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        self._visited = 0

    # -- navigation ---------------------------------------------------------------------
    @property
    def current_index(self) -> int:
        return self.stack.currentIndex()

    @property
    def current_page(self) -> WizardPage:
        return self.pages[self.current_index]

    def go_to(self, index: int) -> None:
        page = self.pages[index]
        self.stack.setCurrentIndex(index)
        self.steps.setCurrentRow(index)
        self._visited = max(self._visited, index)
        self.title.setText(page.title)
        self.subtitle.setText(page.subtitle)
        page.enter()
        self._update_buttons()
        (page.initial_focus() or self.next_button).setFocus(Qt.FocusReason.TabFocusReason)

    def next(self) -> None:
        if not self.next_button.isEnabled():
            return
        if self.current_index == len(self.pages) - 1:
            self.close()
            return
        if self.current_page.commit():
            self.go_to(self.current_index + 1)

    def back(self) -> None:
        if self.current_index > 0 and self.back_button.isEnabled():
            self.go_to(self.current_index - 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Only keys no widget took arrive here: buttons, editors and tables keep theirs.
        key = event.key()
        if (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.current_index < len(self.pages) - 1
        ):
            self.next()
            return
        if key == Qt.Key.Key_Escape and self.ctx.runner.busy:
            self.current_page.cancel()
            return
        super().keyPressEvent(event)

    def _step_clicked(self, row: int) -> None:
        # Steps already reached can be revisited; forward jumps go through Next.
        allowed = row <= self._visited and not self.ctx.runner.busy and row != self.current_index
        if allowed and (row < self.current_index or self.current_page.commit()):
            self.go_to(row)
            return
        self.steps.setCurrentRow(self.current_index)

    def _update_buttons(self) -> None:
        busy = self.ctx.runner.busy
        last = self.current_index == len(self.pages) - 1
        self.back_button.setEnabled(self.current_index > 0 and not busy)
        self.next_button.setEnabled(self.current_page.is_complete() and not busy)
        self.next_button.setText("&Finish" if last else "&Next >")

    # -- history and closing ------------------------------------------------------------
    def open_about(self) -> None:
        from router_advisor.gui.about_dialog import AboutDialog

        AboutDialog(self).open()

    def open_history(self) -> None:
        from router_advisor.gui.history_window import HistoryWindow

        if self._history_window is None:
            window = HistoryWindow(self.ctx, parent=self)
            window.rescanRequested.connect(self.rescan)
            window.walkRequested.connect(self.open_walk)
            self._history_window = window
        self._history_window.show()
        self._history_window.raise_()
        self._history_window.activateWindow()

    def open_walk(self) -> None:
        """The walk test window, one for the wizard; its node count goes to the state."""
        from router_advisor.gui.walk_window import WalkWindow

        if self._walk_window is None:
            window = WalkWindow(self.ctx, parent=self)
            self._walk_window = window
        self._walk_window.show()
        self._walk_window.raise_()
        self._walk_window.activateWindow()

    def rescan(self) -> None:
        """Start again at the speed step with the last answers kept."""
        self.ctx.state.speed = None
        self.ctx.state.scan = None
        self.ctx.state.recommendation = None
        self.ctx.state.run_id = None
        self.ctx.state.checklist.clear()
        self.go_to(1)
        self.raise_()
        self.activateWindow()

    def _restore_geometry(self) -> None:
        geometry = window_settings().value("wizard/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        self.resize(1060, 760)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.runner.cancel_all()
        self.ctx.runner.wait_idle(3000)
        settings = window_settings()
        settings.setValue("wizard/geometry", self.saveGeometry())
        settings.sync()
        for window in (self._history_window, self._walk_window):
            if window is not None:
                window.close()
        super().closeEvent(event)
