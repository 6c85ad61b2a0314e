"""The About dialog credits the catalog's sources as their licences ask."""

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from router_advisor.core.credits import DATA_CREDITS
from router_advisor.gui.about_dialog import AboutDialog

from tests.gui import walk
from tests.gui.recorded import recorded_engines


def test_about_names_version_licences_and_every_data_source(qtbot: QtBot) -> None:
    window = walk.open_wizard(qtbot, recorded_engines(seconds=0.1))
    window.about_button.click()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    text = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    for needed in (
        "Router Advisor 0.",
        "GPL-3.0-or-later",
        "OpenWrt Table of Hardware (CC BY-SA 4.0)",
        "https://openwrt.org/toh",
        "TechInfoDepot (CC BY-SA 3.0)",
        "https://techinfodepot.shoutwiki.com",
        "shared under CC BY-SA 4.0",
    ):
        assert needed in text, needed
    for credit in DATA_CREDITS:  # every credited source, its address and its licence
        assert f"{credit.name} ({credit.licence})" in text and credit.url in text, credit
    dialog.reject()
