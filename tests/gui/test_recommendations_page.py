"""The Recommendations page shows systems: the parts with counts and prices, the whole
price and its age, where the units go; closest fits say what they miss and name the
Your-home question to change in the page's own words; the comparison shows systems."""

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot
from router_advisor.core.answers import SCHEMA
from router_advisor.gui import answer_fields
from router_advisor.gui.compare_dialog import CompareDialog
from router_advisor.gui.pages.home_page import HomePage
from router_advisor.gui.pages.recommendations_page import RecommendationsPage
from router_advisor.gui.wizard import WizardWindow

from tests.gui import walk
from tests.gui.recorded import recorded_engines
from tests.gui.systems import KIT_PLACEMENT, closest_fits, gateway_and_access_points, kit_and_node


def _reach(qtbot: QtBot) -> tuple[WizardWindow, RecommendationsPage]:
    """The wizard walked to the Recommendations page, its first ranking done."""
    window = walk.open_wizard(qtbot, recorded_engines(seconds=0.05))
    while not isinstance(window.current_page, RecommendationsPage):
        walk.press_next(qtbot, window)
    walk.wait_idle(qtbot, window, 30000)
    page = window.current_page
    assert isinstance(page, RecommendationsPage)
    return window, page


def _page(qtbot: QtBot) -> tuple[WizardWindow, RecommendationsPage]:
    window, page = _reach(qtbot)
    page.show_recommendation(closest_fits())
    return window, page


def _plain(label: QLabel) -> str:
    return re.sub(r"<[^>]+>", " ", label.text()).replace("&nbsp;", " ")


def test_a_system_card_lists_its_parts_and_the_whole_price(qtbot: QtBot) -> None:
    _, page = _page(qtbot)
    kit, gateway = page.cards
    assert kit.price.text() == "$769.98 for the whole system"  # 599.99 + 149.99 + 20.00
    parts = kit.parts.text()
    assert parts.startswith("4 units in the home. Parts: 1 x TP-Link Deco BE63 (3-pack) ($599.99)")
    assert "1 x TP-Link Deco BE63 node ($149.99); 1 x 5-port gigabit switch ($20.00)" in parts
    assert "Oldest price: street price as of 2025-03, US" in parts
    assert KIT_PLACEMENT in _plain(kit.body) and "tri-band" in _plain(kit.body)
    # Two access points of unknown price: the total is unknown, and which part says so.
    assert gateway.price.text() == "price unknown (Ubiquiti U7 Pro)"
    assert "2 x Ubiquiti U7 Pro (price unknown)" in gateway.parts.text()
    assert "2 x PoE injector ($15.00 each)" in gateway.parts.text()


def test_closest_fits_say_what_they_miss_and_which_question_to_change(qtbot: QtBot) -> None:
    _, page = _page(qtbot)
    assert page.closest.isVisible()
    assert page.closest.text().startswith("No system of known price meets every must-have")
    kit, gateway = (_plain(card.body) for card in page.cards)
    assert "Misses your budget ($469.98 over): change “Budget”." in kit
    assert "change “Must work without an online account”." in gateway
    for text in (kit, gateway):
        assert "[" not in text and "max_usd" not in text and "no_cloud" not in text
    status = page.status.text()
    assert status == "Not shortlisted: 3 discontinued, 2 not sold in your region."


def test_every_answer_a_miss_can_name_is_a_question_on_the_home_page(qtbot: QtBot) -> None:
    window, _ = _page(qtbot)
    home = next(p for p in window.pages if isinstance(p, HomePage))
    home.load(home.answers())
    texts = {
        w.text().replace("&", "").rstrip(":")
        for w in home.findChildren(QLabel) + home.findChildren(QAbstractButton)
    }
    for section, rules in SCHEMA.items():
        for key in rules:
            name = answer_fields.name(f"{section}.{key}")
            assert name in texts, f"{section}.{key}: no question reads {name!r}"


def test_a_fitting_shortlist_has_no_closest_fit_note(qtbot: QtBot) -> None:
    window, page = _page(qtbot)
    rec = window.ctx.state.recommendation
    page.show_recommendation(rec)
    assert not page.closest.isVisible()
    assert page.status.text().startswith(f"Shortlist ({rec.fits} of {rec.systems} systems")
    assert all(card.price.text() for card in page.cards)


def test_the_comparison_puts_the_whole_system_first(qtbot: QtBot) -> None:
    dialog = CompareDialog([kit_and_node(), gateway_and_access_points()])
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.table
    rows = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert rows[:3] == ["What to buy", "Units in the home", "Whole price"]
    assert "Price" not in rows  # the lead unit's own price would read as the system's
    assert table.item(1, 1).text() == "4" and table.item(1, 2).text() == "3"
    assert table.item(2, 1).text() == (
        "$769.98 for the whole system\nOldest price: street price as of 2025-03, US; parts of "
        "any make: street price as of 2025, US"
    )
    assert table.item(0, 1).text().splitlines() == [
        "1 x TP-Link Deco BE63 (3-pack) ($599.99)",
        "1 x TP-Link Deco BE63 node ($149.99)",
        "1 x 5-port gigabit switch ($20.00)",
    ]
    assert table.horizontalHeaderItem(1).text() == "TP-Link Deco BE63 (3-pack) + 2 more"
    # The kind is the system's: 4 units of a mesh, not the lead's pack; a router stays one.
    kind = rows.index("Kind")
    assert table.item(kind, 1).text() == "mesh, 4 nodes"
    assert table.item(kind, 2).text() == "router"
    assert dialog.width() <= dialog.screen().availableGeometry().width()


def test_compare_two_systems_with_the_keyboard_only(qtbot: QtBot) -> None:
    window, page = _page(qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    for card in page.cards:
        card.compare.setFocus()
        qtbot.keyClick(card.compare, Qt.Key.Key_Space)
    assert page.compare_button.isEnabled()
    for _ in range(5):  # Tab goes on from the last card to the Compare button
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if page.compare_button.hasFocus():
            break
    assert page.compare_button.hasFocus()
    qtbot.keyClick(page.compare_button, Qt.Key.Key_Space)
    dialog = page.findChild(CompareDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.columnCount() == 3
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_advice_written_for_the_answers_file_names_the_gui_question(qtbot: QtBot) -> None:
    """Issue 15: the page said "add [isp] down_mbps" to people who never saw that file."""
    window = walk.open_wizard(qtbot, recorded_engines(seconds=0.05))
    window.ctx.state.speed = None  # no speed test and no plan: the plan is assumed
    while not isinstance(window.current_page, RecommendationsPage):
        if isinstance(window.current_page, HomePage):
            window.current_page.plan_down.setValue(0)
            window.current_page.plan_up.setValue(0)
        walk.press_next(qtbot, window)
    walk.wait_idle(qtbot, window, 30000)
    page = window.current_page
    assert isinstance(page, RecommendationsPage)
    assert window.ctx.state.recommendation.requirements.plan_source == "assumed"
    assert not page.needs.isVisible()  # one click away, so the picks fill the screen
    qtbot.keyClick(page.needs_button, Qt.Key.Key_Space)
    assert page.needs.isVisible()
    needs = page.needs.text()
    assert "add “Plan download speed”" in needs and "[isp]" not in needs
    texts = [_plain(card.body) for card in page.cards]
    assert texts and not any(re.search(r"\[\w+\] \w+", text) for text in texts)


def test_a_budget_nothing_meets_shows_the_closest_fits_from_the_catalog(qtbot: QtBot) -> None:
    """The whole path with the shipped catalog: $30 buys no whole-home system, so the page
    shows the closest ones, each naming the Your-home question to change."""
    window = walk.open_wizard(qtbot, recorded_engines(seconds=0.05))
    while not isinstance(window.current_page, HomePage):
        walk.press_next(qtbot, window)
    window.current_page.budget.setValue(30)
    walk.press_next(qtbot, window)
    walk.wait_idle(qtbot, window, 30000)
    page = window.current_page
    assert isinstance(page, RecommendationsPage) and page.cards
    assert window.ctx.state.recommendation.closest_fits
    assert page.closest.isVisible()
    for card in page.cards:
        body = _plain(card.body)
        if card.item.misses:
            assert "change “Budget”" in body and "[budget]" not in body
    assert any(card.item.misses for card in page.cards)


def test_a_damaged_catalog_is_said_in_the_apps_words_and_rebuilt_by_a_button(
    qtbot: QtBot, app_home: Path
) -> None:
    """Issue 12: the desktop app said "run `router-advisor catalog build --force`", a
    command of the CLI; it now says what is wrong and offers the same repair as a button,
    then ranks with the rebuilt catalog."""
    (app_home / "catalog.db").write_bytes(b"not a database at all" * 100)
    window, page = _reach(qtbot)
    message = page.error.text()
    assert "catalog database" in message and "is damaged" in message
    assert "router-advisor" not in message and "--force" not in message
    assert "“Rebuild the catalog” below does that" in message
    assert page.rebuild_button.isVisible() and not page.cards
    qtbot.mouseClick(page.rebuild_button, Qt.MouseButton.LeftButton)
    walk.wait_idle(qtbot, window, 30000)
    assert page.cards and not page.error.isVisible() and not page.rebuild_button.isVisible()
    assert "The damaged catalog was set aside as" in page.status.text()
    assert [p.name for p in app_home.glob("catalog.db.broken-*")]
