"""The Your-home page: every answer round-trips through the form, the follow-up questions
appear only where they matter, it fits a 1024x768 screen, and the keyboard reaches all."""

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from router_advisor.core.answers import Answers, answers_from_dict, answers_to_file_dict
from router_advisor.gui.pages.home_page import HomePage
from router_advisor.gui.wizard import WizardWindow

from tests.gui import walk
from tests.gui.recorded import recorded_engines
from tests.gui.test_keyboard import clashes

# Households that use every key, each in the shape of an answers file.
FIBRE_FAMILY: dict[str, Any] = {
    "home": {
        "size_sqft": 2400.0,
        "floors": 3,
        "walls": "brick",
        "floor_slabs": "concrete",
        "layout": "long",
        "line_enters": "one_end",
        "cabling": "some_rooms",
        "powerline_or_moca": True,
    },
    "household": {"people": 5, "devices": 60, "smart_home_devices": 25},
    "usage": {
        "gaming": True,
        "gamers": 3,
        "video_calls": True,
        "remote_work": True,
        "large_uploads": True,
        "streaming_4k": 3,
        "vpn": "client",
        "separate_networks": True,
    },
    "wired": {"devices": 6, "multigig": True},
    "budget": {"max_usd": 900.0},
    "isp": {
        "down_mbps": 2000.0,
        "up_mbps": 2000.0,
        "line": "fibre",
        "handoff": "ethernet",
        "handoff_mbps": 2500,
        "isp_box": "modem",
    },
    "preferences": {
        "mesh": "yes",
        "no_cloud_account": True,
        "comfort": "prosumer",
        "region": "UK",
    },
    "equipment": {"owned": ["TP-Link Deco X55", "eero 6"]},
}
SATELLITE_FARM: dict[str, Any] = {
    "home": {"size_m2": 220.0, "floors": 1, "walls": "stone", "layout": "separate_building"},
    "usage": {"remote_work": True, "vpn": "server"},
    "isp": {"down_mbps": 50.0, "up_mbps": 5.0, "latency_ms": 600.0, "line": "satellite"},
    "preferences": {"comfort": "web", "region": "AU"},
}
DSL_FLAT_WITHOUT_MODEM: dict[str, Any] = {
    "home": {"size_m2": 45.0, "cabling": "every_room"},
    "isp": {"line": "dsl", "handoff": "modem_needed", "isp_box": "none"},
    "preferences": {"region": "EU", "comfort": "app"},
}
SFP_FIBRE: dict[str, Any] = {"isp": {"line": "fibre", "handoff": "sfp", "isp_box": "none"}}


def _home_page(qtbot: QtBot, size: tuple[int, int] = (1060, 760)) -> tuple[WizardWindow, HomePage]:
    window = walk.open_wizard(qtbot, recorded_engines(seconds=0.05))
    window.resize(*size)
    while not isinstance(window.current_page, HomePage):
        walk.press_next(qtbot, window)
    page = window.current_page
    assert isinstance(page, HomePage)
    return window, page


def _shown(page: HomePage, widget: QWidget) -> bool:
    return widget.isVisibleTo(page)


@pytest.mark.parametrize(
    "household", [FIBRE_FAMILY, SATELLITE_FARM, DSL_FLAT_WITHOUT_MODEM, SFP_FIBRE]
)
def test_every_answer_goes_through_the_form_unchanged(
    qtbot: QtBot, household: dict[str, Any]
) -> None:
    _, page = _home_page(qtbot)
    answers = answers_from_dict(household)
    page.load(answers)
    assert page.answers() == answers
    assert answers_to_file_dict(page.answers()) == answers_to_file_dict(answers)


def test_next_keeps_the_typed_answers_for_the_recommendation(qtbot: QtBot) -> None:
    window, page = _home_page(qtbot)
    page.load(answers_from_dict(FIBRE_FAMILY))
    walk.press_next(qtbot, window)
    assert isinstance(window.ctx.state.answers, Answers)
    assert window.ctx.state.answers == answers_from_dict(FIBRE_FAMILY)


def test_follow_up_questions_appear_only_where_they_matter(qtbot: QtBot) -> None:
    _, page = _home_page(qtbot)
    page.load(Answers())
    follow_ups = (page.floor_slabs, page.gamers, page.handoff, page.handoff_mbps, page.latency)
    assert not any(_shown(page, w) for w in follow_ups)
    assert _shown(page, page.powerline)  # no cable between rooms: adapters could help

    page.floors.setValue(2)
    assert _shown(page, page.floor_slabs)
    page.gaming.setChecked(True)
    assert _shown(page, page.gamers)
    page.line.setCurrentIndex(page.line.findData("fibre"))
    assert _shown(page, page.handoff) and _shown(page, page.handoff_mbps)
    page.handoff.setCurrentIndex(page.handoff.findData("sfp"))
    assert _shown(page, page.handoff) and not _shown(page, page.handoff_mbps)
    page.line.setCurrentIndex(page.line.findData("satellite"))
    assert _shown(page, page.latency) and not _shown(page, page.handoff)
    page.cabling.setCurrentIndex(page.cabling.findData("every_room"))
    assert not _shown(page, page.powerline)


def test_a_question_that_is_not_asked_keeps_its_default(qtbot: QtBot) -> None:
    _, page = _home_page(qtbot)
    page.load(answers_from_dict(FIBRE_FAMILY))
    page.gaming.setChecked(False)
    page.floors.setValue(1)
    page.line.setCurrentIndex(page.line.findData("cable"))
    answers = page.answers()
    assert not answers.usage.gaming and answers.usage.gamers == 0
    assert answers.home.floor_slabs == "wood"
    assert answers.isp.handoff == "ethernet" and answers.isp.handoff_mbps is None
    page.gaming.setChecked(True)  # the hidden answer was kept in the form meanwhile
    assert page.answers().usage.gamers == 3


def test_no_provider_box_means_the_router_needs_a_modem(qtbot: QtBot) -> None:
    _, page = _home_page(qtbot)
    page.load(answers_from_dict({"isp": {"line": "cable"}}))
    page.isp_box.setCurrentIndex(page.isp_box.findData("none"))
    assert page.answers().isp.handoff == "modem_needed"


@pytest.mark.parametrize(
    "size",
    [(1024, 768), (1024, 700)],  # 700: a 768-pixel screen less a title bar and a panel
)
def test_the_page_fits_a_small_screen_with_the_follow_ups_shown(
    qtbot: QtBot, size: tuple[int, int]
) -> None:
    _, page = _home_page(qtbot, size)
    page.load(answers_from_dict(FIBRE_FAMILY))
    qtbot.wait(50)
    assert _shown(page, page.floor_slabs) and _shown(page, page.handoff_mbps)
    assert _shown(page, page.gamers) and _shown(page, page.powerline)
    assert not page.scroll_area.verticalScrollBar().isVisible()
    assert not page.scroll_area.horizontalScrollBar().isVisible()


def test_the_keyboard_reaches_the_follow_ups_and_no_letters_clash(qtbot: QtBot) -> None:
    window, page = _home_page(qtbot)
    page.load(answers_from_dict(FIBRE_FAMILY))
    assert clashes(window) == []
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    page.gaming.setFocus()
    qtbot.keyClick(page.gaming, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.gamers
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.line
    page.gaming.setFocus()
    qtbot.keyClick(page.gaming, Qt.Key.Key_Space)
    assert not page.gaming.isChecked() and not _shown(page, page.gamers)


def test_the_questions_a_newcomer_may_not_know_explain_themselves(qtbot: QtBot) -> None:
    _, page = _home_page(qtbot)
    for widget in (page.floor_slabs, page.vpn, page.isp_box, page.powerline, page.comfort):
        assert len(widget.toolTip()) > 20
