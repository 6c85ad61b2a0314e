"""The speed page's "Server" row: which speed-test server the test uses, collapsed to one
line until opened. Automatic (the nearest speedtest.net server), one of the nearby servers
(with distance and sponsor), a speedtest.net server id, or a self-hosted server that speaks
the speedtest protocol. The choice is saved in settings.toml, unless that file has an error:
then it is kept for this session only, so the broken file is not overwritten."""

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from router_advisor.core.speed import ServerInfo
from router_advisor.errors import UserInputError
from router_advisor.gui.pages.base import WizardContext, banner, show_banner, wrapped_label
from router_advisor.gui.settings import Settings
from router_advisor.gui.style import styled
from router_advisor.gui.workers import Job

AUTOMATIC, NEARBY, BY_ID, OWN = range(4)


def server_words(server: ServerInfo) -> str:
    """'Router Advisor test lab (Lab, Netherlands), 0 km' for the nearby list."""
    where = ", ".join(part for part in (server.name, server.country) if part)
    text = server.sponsor or server.name or server.url
    if where and where != text:
        text += f" ({where})"
    if server.distance_km is not None:
        text += f", {server.distance_km:,.0f} km"
    return text


class ServerRow(QWidget):
    """Signals: chosen(Settings) after the person applied a server choice."""

    chosen = Signal(object)

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.picked_in_window = False
        self._names: dict[str, str] = {}  # server id -> how the nearby list named it
        self._job: Job[list[ServerInfo]] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._expand)
        layout.addWidget(self.toggle)
        self.problem = banner("error")
        layout.addWidget(self.problem)

        self.panel = styled(QFrame(), "card")
        grid = QGridLayout(self.panel)
        self.choices = QButtonGroup(self)
        texts = (
            "Auto&matic: the nearest speedtest.net server",
            "A nearb&y server:",
            "Server &id:",
            "My &own server:",
        )
        for number, text in enumerate(texts):
            radio = QRadioButton(text)
            self.choices.addButton(radio, number)
            grid.addWidget(radio, number, 0, 1, 2 if number == AUTOMATIC else 1)
        self.nearby = QComboBox()
        self.nearby.setPlaceholderText("press List nearby servers")
        self.nearby.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.nearby.setMinimumContentsLength(24)
        self.nearby.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.list_button = QPushButton("&List nearby servers")
        self.list_button.clicked.connect(self.list_nearby)
        nearby_row = QHBoxLayout()
        nearby_row.addWidget(self.nearby, 1)
        nearby_row.addWidget(self.list_button)
        grid.addLayout(nearby_row, NEARBY, 1)
        self.server_id = QLineEdit()
        self.server_id.setPlaceholderText("a number such as 12345")
        grid.addWidget(self.server_id, BY_ID, 1)
        self.server_url = QLineEdit()
        self.server_url.setPlaceholderText(
            "a speedtest-protocol URL, e.g. http://192.168.1.2:8080/speedtest/upload.php"
        )
        grid.addWidget(self.server_url, OWN, 1)
        self.nearby.activated.connect(lambda: self.choices.button(NEARBY).setChecked(True))
        self.server_id.textEdited.connect(lambda: self.choices.button(BY_ID).setChecked(True))
        self.server_url.textEdited.connect(lambda: self.choices.button(OWN).setChecked(True))
        buttons = QHBoxLayout()
        self.use_button = QPushButton("Use &this server")
        self.use_button.clicked.connect(self.apply)
        buttons.addWidget(self.use_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 4, 0, 1, 2)
        self.error = banner("error")
        grid.addWidget(self.error, 5, 0, 1, 2)
        self.note = wrapped_label("", "muted")
        grid.addWidget(self.note, 6, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        layout.addWidget(self.panel)
        self.show_settings(ctx.engines.settings)
        self._expand(False)
        if ctx.engines.settings_problem:
            show_banner(
                self.problem,
                f"Your settings could not be read: {ctx.engines.settings_problem}. The speed "
                "test waits until you fix the file and restart the app, or choose a server "
                "here, so it never goes to another server than the one you set.",
            )

    # -- showing ------------------------------------------------------------------------
    def show_settings(self, settings: Settings) -> None:
        """Select the choice `settings` holds and say it on the collapsed line."""
        if settings.server_url:
            self.choices.button(OWN).setChecked(True)
            self.server_url.setText(settings.server_url)
            summary = f"your own server, {settings.server_url}"
        elif settings.server_id in self._names:  # picked from the nearby list
            self.choices.button(NEARBY).setChecked(True)
            self.nearby.setCurrentIndex(self.nearby.findData(settings.server_id))
            summary = f"{self._names[settings.server_id]} (id {settings.server_id})"
        elif settings.server_id:
            self.choices.button(BY_ID).setChecked(True)
            self.server_id.setText(settings.server_id)
            summary = f"id {settings.server_id}"
        else:
            self.choices.button(AUTOMATIC).setChecked(True)
            summary = "automatic (the nearest)"
        self.toggle.setText(f"Ser&ver: {summary}")

    def _expand(self, open_: bool) -> None:
        self.panel.setVisible(open_)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)

    # -- actions ------------------------------------------------------------------------
    def list_nearby(self) -> None:
        """Fetch the nearby servers (from the directory the settings name) off the UI thread."""
        if self._job is not None:
            return
        show_banner(self.error, None)
        self.note.setText("Fetching the list of nearby servers…")
        self.list_button.setEnabled(False)
        engines = self.ctx.engines
        self._job = self.ctx.runner.start(
            lambda progress, cancel: engines.nearby_servers(progress, cancel, engines.settings),
            self._show_nearby,
        )
        self._job.failed.connect(lambda message: show_banner(self.error, message))
        self._job.finished.connect(self._listed)

    def _show_nearby(self, servers: list[ServerInfo]) -> None:
        self.nearby.clear()
        for server in servers:
            words = server_words(server)
            self.nearby.addItem(words, server.id)
            if server.id:
                self._names[server.id] = words
        if servers:
            self.nearby.setCurrentIndex(0)
            self.choices.button(NEARBY).setChecked(True)
        self.note.setText(
            f"{len(servers)} servers, nearest first." if servers else "No server was listed."
        )

    def _listed(self) -> None:
        self._job = None
        self.list_button.setEnabled(True)

    def apply(self) -> None:
        """Check the choice, use it from now on, and save it (unless the file is broken)."""
        show_banner(self.error, None)
        choice = self.choices.checkedId()
        url = self.server_url.text().strip() if choice == OWN else None
        server_id = self.server_id.text().strip() if choice == BY_ID else None
        if choice == NEARBY:
            server_id = self.nearby.currentData()
            if not server_id:
                show_banner(self.error, "List the nearby servers first, then pick one.")
                return
        from router_advisor.services.speed import check_server_choice

        try:
            check_server_choice(url, server_id)
        except UserInputError as exc:
            show_banner(self.error, str(exc))
            return
        engines = self.ctx.engines
        settings = engines.settings.with_server(server_url=url, server_id=server_id)
        self.ctx.engines = replace(engines, settings=settings)
        self.picked_in_window = True
        self.show_settings(settings)
        if engines.settings_problem:
            self.note.setText(
                "Used until you close the app; not saved, because settings.toml has the "
                "error shown above and would be overwritten."
            )
        else:
            try:
                path = settings.save()
            except OSError as exc:
                show_banner(self.error, f"Used now, but could not be saved: {exc}")
            else:
                self.note.setText(f"Saved in {path}; used for every speed test from now on.")
        self.chosen.emit(settings)

    def blocked_reason(self) -> str | None:
        """Why the speed test must not start yet (a broken settings file), or None."""
        if self.ctx.engines.settings_problem and not self.picked_in_window:
            return (
                f"Your settings could not be read: {self.ctx.engines.settings_problem}. Fix "
                "the file and restart the app, or choose a server under Server."
            )
        return None
