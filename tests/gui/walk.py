"""Drive the wizard as a person would, for the walk-through tests (recorded and namespace)."""

import json
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from router_advisor.gui.engines import Engines
from router_advisor.gui.pages.devices_page import DevicesPage
from router_advisor.gui.pages.export_page import ExportPage
from router_advisor.gui.pages.speed_page import SpeedPage
from router_advisor.gui.wizard import WizardWindow


def open_wizard(qtbot: QtBot, engines: Engines) -> WizardWindow:
    window = WizardWindow(engines)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def press_next(qtbot: QtBot, window: WizardWindow) -> None:
    assert window.next_button.isEnabled(), f"Next is disabled on {window.current_page.title}"
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)


def wait_idle(qtbot: QtBot, window: WizardWindow, timeout_ms: int) -> None:
    qtbot.waitUntil(lambda: not window.ctx.runner.busy, timeout=timeout_ms)


def cancel_running(qtbot: QtBot, page: SpeedPage | DevicesPage, start) -> None:
    """Start a measurement, cancel it once it reports progress; it must stop within 1 s."""
    start()
    qtbot.waitUntil(lambda: page.cancel_button.isEnabled(), timeout=2000)
    qtbot.waitUntil(
        lambda: page.progress.value() > 0 or page.progress.maximum() == 0, timeout=15000
    )
    with qtbot.waitSignal(page.job.cancelled, timeout=1000):
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.job is None, timeout=1000)
    assert "cancelled" in page.status.text()


def run_speed(qtbot: QtBot, window: WizardWindow, timeout_ms: int) -> None:
    page = window.current_page
    assert isinstance(page, SpeedPage)
    assert not window.next_button.isEnabled() or page.job is None
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert not window.next_button.isEnabled(), "Next must wait for the running test"
    wait_idle(qtbot, window, timeout_ms)
    assert window.ctx.state.speed is not None, page.error.text()
    assert page.download.text() != "—"


def run_scan(qtbot: QtBot, window: WizardWindow, timeout_ms: int) -> None:
    page = window.current_page
    assert isinstance(page, DevicesPage)
    qtbot.mouseClick(page.scan_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window, timeout_ms)
    assert window.ctx.state.scan is not None, page.error.text()
    assert page.table.rowCount() == len(window.ctx.state.scan.devices)


def label_first_device(window: WizardWindow, name: str) -> str:
    page = window.current_page
    assert isinstance(page, DevicesPage)
    item = page.table.item(1, 0)
    item.setText(name)
    mac = str(item.data(Qt.ItemDataRole.UserRole))
    assert window.ctx.state.labels[mac] == name
    return mac


def export_everything(qtbot: QtBot, window: WizardWindow, folder: Path) -> list[Path]:
    page = window.current_page
    assert isinstance(page, ExportPage)
    assert window.ctx.state.run_id is not None, page.saved.text()
    for box in page.format_boxes.values():
        box.setChecked(True)
    page.folder.setText(str(folder))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert not page.error.isVisible(), page.error.text()
    return page.written


def check_exports(paths: list[Path], window: WizardWindow) -> None:
    """Every format exists and carries the top pick and the person's own question."""
    by_ext = {p.suffix: p for p in paths}
    assert set(by_ext) == {".pdf", ".html", ".md", ".csv", ".json"}
    rec = window.ctx.state.recommendation
    top = rec.shortlist[0].router
    pdf = by_ext[".pdf"].read_bytes()
    assert pdf.startswith(b"%PDF") and b"%%EOF" in pdf[-1024:] and len(pdf) > 5000
    html = by_ext[".html"].read_text(encoding="utf-8")
    assert top.model in html and "Is there a discount for students?" in html
    assert top.model in by_ext[".md"].read_text(encoding="utf-8")
    assert top.model in by_ext[".csv"].read_text(encoding="utf-8")
    data = json.loads(by_ext[".json"].read_text(encoding="utf-8"))
    assert data["shortlist"][0]["model"] == top.model
    assert any(
        q["question"] == "Is there a discount for students?" for q in data["vendor_questions"]
    )


def walk_once(
    qtbot: QtBot, window: WizardWindow, folder: Path, measure_ms: int, label: str | None = None
) -> list[Path]:
    """From wherever the wizard is (Welcome or, after Rescan, Speed) to a finished export."""
    if window.current_index == 0:
        press_next(qtbot, window)
    run_speed(qtbot, window, measure_ms)
    press_next(qtbot, window)
    run_scan(qtbot, window, measure_ms)
    if label:
        label_first_device(window, label)
    press_next(qtbot, window)
    home = window.current_page
    home.people.setValue(3)
    home.gaming.setChecked(True)
    press_next(qtbot, window)
    wait_idle(qtbot, window, 30000)
    recs = window.current_page
    assert len(recs.cards) >= 3, recs.error.text()
    recs.cards[0].compare.setChecked(True)
    recs.cards[1].compare.setChecked(True)
    assert recs.compare_button.isEnabled()
    press_next(qtbot, window)
    questions = window.current_page
    questions.add_question("Is there a discount for students?")
    questions.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert window.ctx.state.checklist[0].done
    press_next(qtbot, window)
    return export_everything(qtbot, window, folder)
