"""The "Your router now" card on the Devices page: the scan's router with its evidence and
verdict, judged again with the measured line, and a model the person names instead."""

from pytestqt.qtbot import QtBot

from tests.gui import walk
from tests.gui.recorded import recorded_engines


def _devices_page(qtbot: QtBot):  # type: ignore[no-untyped-def]
    window = walk.open_wizard(qtbot, recorded_engines(seconds=0.1))
    walk.press_next(qtbot, window)
    walk.run_speed(qtbot, window, 10000)
    walk.press_next(qtbot, window)
    walk.run_scan(qtbot, window, 10000)
    return window, window.current_page


def test_the_scanned_router_shows_with_its_evidence_and_verdict(qtbot: QtBot) -> None:
    window, page = _devices_page(qtbot)
    card = page.router_card
    assert "AVM FRITZ!Box 7590" in card.name.text() and "high confidence" in card.name.text()
    assert "TR-064 description 'FRITZ!Box 7590'" in card.name.toolTip()
    # The recorded line has grade C bufferbloat and a FRITZ!Box has no SQM: tune, with why.
    assert card.verdict.isVisible() and "Keep it, with a few free changes" in card.verdict.text()
    assert "grade C" in card.verdict.text() and "SQM" in card.verdict.text()
    # Judged again with the recorded speed test: the question about the plan is gone.
    current = window.ctx.state.current_router
    assert current is not None and not current.verdict.questions
    assert window.ctx.state.scan.current_router == current


def test_a_named_model_replaces_the_guess_and_nonsense_says_so(qtbot: QtBot) -> None:
    window, page = _devices_page(qtbot)
    card = page.router_card
    assert card.model_field.completer() is None  # names load once the person types
    qtbot.keyClicks(card.model_field, "R7")
    qtbot.waitUntil(lambda: card.model_field.completer() is not None, timeout=10000)
    completer = card.model_field.completer()
    completer.setCompletionPrefix("R7000")
    assert completer.completionCount() >= 1

    card.model_field.setText("Netgear R7000")
    qtbot.keyClick(card.model_field, "\r")
    qtbot.waitUntil(lambda: "Netgear R7000" in card.name.text(), timeout=10000)
    current = window.ctx.state.current_router
    assert current is not None and current.identified is not None
    assert current.identified.evidence[0].startswith("you said 'Netgear R7000'")
    assert window.ctx.state.scan.current_router == current

    card.model_field.setText("toaster 3000")
    card.use_button.click()
    qtbot.waitUntil(lambda: "No router called" in card.verdict.text(), timeout=10000)
    assert "toaster 3000" in card.verdict.text()
    assert "Netgear R7000" in card.name.text()


def test_the_recommendations_page_opens_with_the_verdict(qtbot: QtBot) -> None:
    window, _ = _devices_page(qtbot)
    walk.press_next(qtbot, window)
    walk.press_next(qtbot, window)
    walk.wait_idle(qtbot, window, 30000)
    page = window.current_page
    assert page.current.isVisible()
    assert "Your router now: AVM FRITZ!Box 7590" in page.current.text()
    assert window.ctx.state.recommendation.current_router is not None
