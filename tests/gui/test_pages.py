"""Single pages and helpers: validation in place, units, remembered answers, the worker
helper's threading contract, overkill notes on cards, and the launcher's Qt checks."""

import html
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from router_advisor.core.answers import SQFT_PER_M2, answers_from_dict, answers_to_file_dict
from router_advisor.core.progress import CancelToken, ProgressCallback, ProgressUpdate
from router_advisor.core.scan import Device, ScanResult
from router_advisor.errors import RuntimeFailure
from router_advisor.gui.launch import qt_start_problem
from router_advisor.gui.router_card import RouterCard
from router_advisor.gui.settings import (
    LAST_ANSWERS_FILE,
    Settings,
    load_last_answers,
    save_last_answers,
)
from router_advisor.gui.workers import JobRunner, Outcome

from tests.gui import walk
from tests.gui.recorded import recorded_engines
from tests.gui.systems import kit_and_node, one_box, scored


def _to_page(qtbot: QtBot, title: str):
    window = walk.open_wizard(qtbot, recorded_engines(seconds=0.1))
    while window.current_page.title != title:
        walk.press_next(qtbot, window)
    return window, window.current_page


def test_home_page_validates_in_place_and_blocks_next(qtbot: QtBot) -> None:
    window, page = _to_page(qtbot, "Your home")
    page.devices.setValue(5)
    page.smart.setValue(9)
    assert not window.next_button.isEnabled()
    assert page.error.isVisible() and "smart-home" in page.error.text()
    assert page.smart.property("invalid") is True
    page.smart.setValue(3)
    assert window.next_button.isEnabled() and not page.error.isVisible()


def test_home_page_units_convert_and_answers_parse(qtbot: QtBot) -> None:
    _, page = _to_page(qtbot, "Your home")
    page.area.setValue(100)
    page.unit.setCurrentIndex(1)  # sq ft
    assert page.area.value() == pytest.approx(100 * SQFT_PER_M2, abs=1)
    answers = page.answers()
    assert answers.home.size_unit == "sqft"
    assert answers.home.size_m2 == pytest.approx(100, abs=0.1)
    assert "size_sqft" in answers_to_file_dict(answers)["home"]


def test_answers_are_remembered_and_reloaded(qtbot: QtBot, app_home: Path) -> None:
    window, page = _to_page(qtbot, "Your home")
    page.people.setValue(5)
    page.budget.setValue(250)
    walk.press_next(qtbot, window)
    assert load_last_answers() == window.ctx.state.answers
    _, page2 = _to_page(qtbot, "Your home")
    assert page2.people.value() == 5 and page2.budget.value() == 250


def test_overkill_notes_are_marked_on_cards(qtbot: QtBot) -> None:
    window, page = _to_page(qtbot, "Recommendations")
    walk.wait_idle(qtbot, window, 30000)
    # The ranking's own picks, and one that surely has both kinds of note.
    noted = scored(
        kit_and_node(),
        70,
        caveats=("Its firmware update policy is unknown to us: ask the vendor.",),
        overkill=("Its 10 Gbit/s Internet port goes unused on your 96 Mbit/s plan.",),
    )
    extra = RouterCard(9, noted)
    qtbot.addWidget(extra)
    cards = [*page.cards, extra]
    for card in cards:
        text = card.body.text()
        assert all(f"Overkill: {html.escape(n)}" in text for n in card.item.overkill)
        assert not any(f"Overkill: {html.escape(c)}" in text for c in card.item.caveats)
        assert text.count("Overkill:") == len(card.item.overkill)
    assert extra.body.text().count("Overkill:") == 1


def _runner(qtbot: QtBot) -> tuple[QWidget, JobRunner]:
    """A runner owned by a widget, as the wizard window owns its runner; keep both."""
    owner = QWidget()
    qtbot.addWidget(owner)
    return owner, JobRunner(owner)


def test_worker_delivers_progress_and_results_on_the_main_thread(qtbot: QtBot) -> None:
    _owner, runner = _runner(qtbot)
    seen: list[bool] = []

    def engine(progress: ProgressCallback, cancel: CancelToken) -> str:
        assert QThread.currentThread() is not QApplication.instance().thread()
        progress(ProgressUpdate(0.5, "half"))
        return "done"

    # A finished Job deletes itself, so the test collects what it emits instead of holding it.
    results: list[str] = []
    outcomes: list[Outcome] = []
    job = runner.start(engine, results.append)
    job.progressed.connect(
        lambda _: seen.append(QThread.currentThread() is QApplication.instance().thread())
    )
    job.finished.connect(outcomes.append)
    qtbot.waitUntil(lambda: not runner.busy, timeout=2000)
    assert results == ["done"] and seen == [True] and outcomes == [Outcome.SUCCEEDED]


def test_worker_reports_failures_in_plain_words(qtbot: QtBot) -> None:
    _owner, runner = _runner(qtbot)

    def broken(progress: ProgressCallback, cancel: CancelToken) -> None:
        raise RuntimeFailure("The speed-test server stopped answering: try again later.")

    def refused(progress: ProgressCallback, cancel: CancelToken) -> None:
        raise ConnectionRefusedError()

    messages: list[str] = []
    for engine in (broken, refused):
        runner.start(engine, _never).failed.connect(messages.append)
        qtbot.waitUntil(lambda: not runner.busy, timeout=2000)
    assert messages[0] == "The speed-test server stopped answering: try again later."
    assert messages[1].startswith("No network connection (ConnectionRefusedError): check the")


def _never(result: object) -> None:
    raise AssertionError(f"a failed job succeeded with {result!r}")


def test_no_exception_leaves_the_runner_busy(qtbot: QtBot) -> None:
    """Issue 16: only Exception was caught, so a BaseException in a job left `busy` set."""
    _owner, runner = _runner(qtbot)

    def exits(progress: ProgressCallback, cancel: CancelToken) -> None:
        raise SystemExit(3)

    def cancelled(progress: ProgressCallback, cancel: CancelToken) -> str:
        cancel.cancel()
        return "too late"

    ended: list[tuple[Outcome, list[str]]] = []
    for engine in (exits, cancelled):
        messages: list[str] = []
        job = runner.start(engine, _never)
        job.failed.connect(messages.append)
        job.finished.connect(lambda outcome, seen=messages: ended.append((outcome, seen)))
        qtbot.waitUntil(lambda: not runner.busy, timeout=2000)
    assert [outcome for outcome, _ in ended] == [Outcome.FAILED, Outcome.CANCELLED]
    assert ended[0][1][0].startswith("Unexpected problem (SystemExit: 3). Try again")
    assert ended[1][1] == []


def test_a_success_callback_that_raises_still_ends_the_job(qtbot: QtBot) -> None:
    _owner, runner = _runner(qtbot)
    outcomes: list[Outcome] = []

    def raises(result: str) -> None:
        raise ValueError(result)

    with qtbot.captureExceptions() as raised:
        job = runner.start(lambda progress, cancel: "boom", raises)
        job.finished.connect(outcomes.append)
        qtbot.waitUntil(lambda: not runner.busy, timeout=2000)
    assert [str(exc) for _, exc, _ in raised] == ["boom"]
    assert outcomes == [Outcome.SUCCEEDED]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"QT_QPA_PLATFORM": "offscreen"}, None),
        ({}, "no display found"),
        ({"QT_QPA_PLATFORM": "wayland"}, "no Wayland display"),
    ],
)
def test_the_launcher_explains_why_qt_cannot_start(
    env: dict[str, str], expected: str | None
) -> None:
    problem = qt_start_problem(env, platform="linux")
    assert problem is None if expected is None else expected in problem
    if problem:
        # Issue 15: QT_QPA_PLATFORM=offscreen starts a window nobody sees; say what helps.
        assert "offscreen" not in problem and "\n" not in problem
        assert "desktop session" in problem and "router-advisor --help" in problem


def test_missing_qt_libraries_are_named_with_how_to_install_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from router_advisor.gui import launch

    monkeypatch.setattr(launch, "_loadable", lambda library: "cursor" not in library)
    problem = qt_start_problem({"DISPLAY": ":0"}, platform="linux")
    assert problem is not None and "offscreen" not in problem
    assert (
        "needs libxcb-cursor0: install it (Debian/Ubuntu: sudo apt install libxcb-cursor0)"
        in problem
    )
    assert "router-advisor --help" in problem


def test_router_advisor_without_a_display_says_so_in_one_line(cli, monkeypatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    result = cli()
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "no display found" in result.stderr
    assert "PySide6" not in result.stdout


def test_settings_and_answers_files(app_home: Path) -> None:
    config = app_home / "config"
    config.mkdir(exist_ok=True)
    (config / "settings.toml").write_text(
        '[engines]\niface = "eth9"\nserver_url = "http://x"\n', encoding="utf-8"
    )
    assert Settings.load(config) == Settings(iface="eth9", server_url="http://x")
    answers = answers_from_dict({"home": {"floors": 2, "layout": "long"}})
    save_last_answers(answers, config)
    assert load_last_answers(config) == answers
    saved = json.loads((config / LAST_ANSWERS_FILE).read_text(encoding="utf-8"))
    assert saved["home"]["layout"] == "long"  # the answers-file shape, as `--answers` reads it
    (config / LAST_ANSWERS_FILE).write_text('{"home": {"walls": "glass"}}', encoding="utf-8")
    assert load_last_answers(config) is None  # invalid answers: the form starts from defaults


def _icon_pixels(window, row: int, colour) -> int:
    """Pixels of `colour` (a test on r, g, b) in the icon's place, left of a step's text."""
    steps = window.steps
    image = steps.viewport().grab(steps.visualItemRect(steps.item(row))).toImage()
    ratio = image.devicePixelRatio()
    return sum(
        1
        for x in range(int(34 * ratio))
        for y in range(image.height())
        if colour(*image.pixelColor(x, y).getRgb()[:3])
    )


def test_the_selected_step_shows_its_icon_in_white_on_the_highlight(qtbot: QtBot) -> None:
    window = walk.open_wizard(qtbot, recorded_engines(seconds=0.1))
    walk.press_next(qtbot, window)
    assert window.steps.currentRow() == 1
    white = lambda r, g, b: min(r, g, b) > 245  # noqa: E731
    blue = lambda r, g, b: b > r + 80  # noqa: E731
    assert _icon_pixels(window, 1, white) > 20, "the icon vanished on the highlight"
    assert _icon_pixels(window, 2, blue) > 20  # unselected steps keep the blue icon


def test_the_comparison_fits_its_table_and_names_the_fact_column(qtbot: QtBot) -> None:
    from router_advisor.gui.compare_dialog import FACT_HEADER, CompareDialog
    from router_advisor.services.catalog import load_routers

    dialog = CompareDialog([one_box(r) for r in load_routers()[:3]])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.horizontalHeaderItem(0).text() == FACT_HEADER
    assert table.item(0, 0).text() == "What to buy"
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    assert rows <= table.viewport().height() <= rows + 2, "an empty band under the rows"
    assert not table.verticalScrollBar().isVisible()
    assert dialog.height() <= dialog.sizeHint().height() + 2


def test_the_home_page_keeps_the_typed_device_count_and_says_the_larger_wins(
    qtbot: QtBot,
) -> None:
    """Review item 8: the scan's count overwrote the person's, and 12 vs 11 disagreed."""
    window, page = _to_page(qtbot, "Your home")
    devices = [Device(ip="10.0.0.1", mac="02:00:00:00:00:01", is_gateway=True)]
    devices += [Device(ip=f"10.0.0.{i}", mac=f"02:00:00:00:00:{i:02x}") for i in range(2, 14)]
    window.ctx.state.scan = ScanResult(
        "eth0", "10.0.0.0/24", "10.0.0.1", "arp", 1.0, tuple(devices)
    )
    page.devices.setValue(22)
    window.ctx.state.answers = page.answers()
    page.enter()
    assert page.devices.value() == 22
    note = page.devices_note.text()
    assert "Your scan found 12, not counting your router" in note
    assert "the larger of your count and the scan's is used" in note


def test_cards_show_prices_with_cents_their_age_and_the_score_scale(qtbot: QtBot) -> None:
    window, page = _to_page(qtbot, "Recommendations")
    walk.wait_idle(qtbot, window, 30000)
    card = next(
        c for c in page.cards if c.item.system.price_usd is not None and c.item.router.price_as_of
    )
    total, as_of = card.item.system.price_usd, card.item.router.price_as_of
    labels = [label.text() for label in card.findChildren(QLabel)]
    assert any(t.startswith(f"${total:,.2f}") for t in labels)  # the whole price, cents
    assert any(as_of in t for t in labels)  # and how old it is
    assert any(t.endswith("/100") for t in labels)
