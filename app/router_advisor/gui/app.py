"""Start the desktop app: one QApplication, the theme, the wizard window with its saved
geometry. `run()` is what `router-advisor` without a command calls."""

import os
import sys

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from router_advisor import __version__, home
from router_advisor.errors import RuntimeFailure
from router_advisor.gui.settings import Settings, SettingsProblem
from router_advisor.gui.style import follow_system_theme, icon


def create_application(argv: list[str] | None = None) -> QApplication:
    """The process's QApplication, created once with the app's name, icon and theme."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    # Engines run Python threads (sweeps, speed-test streams) that compete for the GIL; a
    # 1 ms switch interval (default 5 ms) keeps the event loop's waits short.
    sys.setswitchinterval(0.001)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Router Advisor")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("router-advisor")
    app.setDesktopFileName("router-advisor")
    app.setStyle("Fusion")
    app.setWindowIcon(icon("app"))
    follow_system_theme(app)
    return app


def window_settings() -> QSettings:
    """QSettings only for window geometry, kept in the app's config folder."""
    try:
        path = str(home.config_dir() / "window.ini")
    except RuntimeFailure:  # a config folder that cannot be made: geometry is not kept
        path = os.devnull
    return QSettings(path, QSettings.Format.IniFormat)


def run(settings: Settings | None = None) -> int:
    """Open the wizard and run the event loop; returns the exit code."""
    app = create_application()
    from router_advisor.gui.crash import install_crash_reporter
    from router_advisor.gui.engines import real_engines
    from router_advisor.gui.wizard import WizardWindow

    install_crash_reporter(app)
    problem = None
    if settings is None:
        try:
            settings = Settings.load()
        except SettingsProblem as exc:
            settings, problem = Settings(), str(exc)
    window = WizardWindow(real_engines(settings, problem))
    window.show()
    return app.exec()
