"""The GUI says what the CLI says for the same fault (issue 17): a damaged or foreign
history, a damaged catalog, a hostile import file, an export target that is a link, and
(run as nobody) a read-only data folder. Real widgets, offscreen."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from router_advisor.gui.catalog_browser import CatalogBrowser
from router_advisor.gui.history_window import HistoryWindow
from router_advisor.gui.pages.export_page import ExportPage
from router_advisor.history.store import HistoryStore
from router_advisor.services import history
from router_advisor.services.catalog import import_file, import_summary, load_routers

from tests.gui import walk
from tests.gui.recorded import recorded_engines
from tests.history import factory
from tests.hostile.hostile import PREFIX, run_cli
from tests.hostile.privileges import need_root

REPO = Path(__file__).resolve().parent.parent.parent


def _cli_message(*argv: str) -> str:
    outcome = run_cli(*argv)
    assert outcome.code in (1, 2) and outcome.err.startswith(PREFIX), outcome
    return outcome.err.strip()[len(PREFIX) :]


def _same_words(gui: str, cli: str) -> None:
    """The GUI's line is the CLI's, less the CLI's own hint (an option to pass) at the end."""
    assert gui and "nexpected" not in gui, gui
    assert cli.startswith(gui.rstrip(".")), (gui, cli)


def _corrupt(db: Path) -> None:
    data = bytearray(db.read_bytes())
    for start in range(4096, len(data), 4096):
        data[start : start + 64] = bytes(range(64))
    db.write_bytes(bytes(data))


def _damage_history(kind: str) -> None:
    path = history.default_path()
    if kind == "dangling link":
        path.symlink_to(path.parent / "gone" / "history.db")
        return
    if kind == "foreign":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE notes (text)")
        conn.close()
        return
    with HistoryStore(path) as store:
        store.save_run(factory.run([factory.device(1)]))
    _corrupt(path)


@pytest.mark.parametrize("kind", ["damaged", "foreign", "dangling link"])
def test_the_history_window_says_what_history_list_says(qtbot: QtBot, kind: str) -> None:
    _damage_history(kind)
    expected = _cli_message("history", "list")
    window = walk.open_wizard(qtbot, recorded_engines(seconds=0.05))
    shown = HistoryWindow(window.ctx, parent=window)
    assert not shown.error.isHidden()
    _same_words(shown.error.text(), expected)


def _to_recommendations(qtbot: QtBot):
    window = walk.open_wizard(qtbot, recorded_engines(seconds=0.05))
    while window.current_page.title != "Recommendations":
        walk.press_next(qtbot, window)
    walk.wait_idle(qtbot, window, 30000)
    return window, window.current_page


def _to_export(qtbot: QtBot, window) -> ExportPage:
    while not isinstance(window.current_page, ExportPage):
        walk.press_next(qtbot, window)
    return window.current_page


def test_saving_into_a_damaged_history_says_what_run_says(qtbot: QtBot, tmp_path: Path) -> None:
    _damage_history("damaged")
    answers = tmp_path / "answers.toml"
    answers.write_text("[home]\nfloors = 2\n")
    expected = _cli_message("run", "--no-speed", "--no-scan", "--answers", str(answers))
    window, _page = _to_recommendations(qtbot)
    saved = window.ctx.state.save_error or ""
    _same_words(saved, expected)
    page = _to_export(qtbot, window)
    assert saved in page.saved.text()


def test_a_damaged_catalog_reads_as_recommend_says(qtbot: QtBot, app_home: Path) -> None:
    assert run_cli("catalog", "build").code == 0
    _corrupt(app_home / "catalog.db")
    expected = _cli_message("recommend")
    _window, page = _to_recommendations(qtbot)
    assert not page.error.isHidden()
    _same_words(page.error.text().split("\n")[0], expected)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.json", "[" * 5000 + "]" * 5000),
        ("repeat.json", '[{"brand": "ASUS", "model": "RT-BE96U", "price_usd": 1, "price_usd": 2}]'),
        ("big.csv", "brand,model\n" + "x" * 5_000_000),
        ("surrogate.json", '[{"brand": "\\ud800", "model": "x"}]'),
    ],
)
def test_a_hostile_import_reads_as_catalog_import_says(
    qtbot: QtBot, tmp_path: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    expected = _cli_message("catalog", "import", str(path))
    browser = CatalogBrowser(
        load_routers(), None, lambda p: import_summary(p.name, import_file(p)), load_routers
    )
    qtbot.addWidget(browser)
    assert browser.import_file(path) is False
    _same_words(browser.import_status.text(), expected)


def test_an_export_onto_a_link_reads_as_export_says(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.md"
    target.write_text("kept")
    link = tmp_path / "router-advisor-report.md"
    link.symlink_to(target)
    expected = _cli_message("export", "--format", "md", "--out", str(link))
    window, _page = _to_recommendations(qtbot)
    page = _to_export(qtbot, window)
    page.folder.setText(str(tmp_path))
    for key, box in page.format_boxes.items():
        box.setChecked(key == "md")
    assert page.export() == []
    assert f"({expected})" in page.error.text() and target.read_text() == "kept"


DRIVER = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from router_advisor.gui.catalog_browser import CatalogBrowser
from router_advisor.gui.history_window import HistoryWindow
from router_advisor.services.catalog import import_file, import_summary, load_routers
from tests.gui import walk
from tests.gui.recorded import recorded_engines
from router_advisor.gui.wizard import WizardWindow

app = QApplication([])
window = WizardWindow(recorded_engines(seconds=0.05))
shown = HistoryWindow(window.ctx, parent=window)
browser = CatalogBrowser(
    load_routers(), None, lambda p: import_summary(p.name, import_file(p)), load_routers
)
browser.import_file(Path(sys.argv[1]))
print(json.dumps({
    "history_error": "" if shown.error.isHidden() else shown.error.text(),
    "history_rows": shown.runs.rowCount(),
    "import_status": browser.import_status.text(),
}))
"""


def test_a_read_only_data_folder_as_nobody_reads_as_the_cli_says(tmp_path: Path) -> None:
    need_root("the read-only GUI test (run as nobody)", "setpriv")
    base = Path(tempfile.mkdtemp(prefix="ra-readonly-gui-"))
    try:
        base.chmod(0o755)
        home = base / "home"
        home.mkdir()
        with HistoryStore(home / "history.db") as store:
            store.save_run(factory.run([factory.device(1)]))
        rows = base / "rows.json"
        rows.write_text('[{"brand": "ASUS", "model": "RT-BE96U", "price_usd": 9}]')
        env = dict(
            os.environ,
            ROUTER_ADVISOR_HOME=str(home),
            PYTHONPATH=f"{REPO}:{REPO / 'app'}",
            QT_QPA_PLATFORM="offscreen",
            XDG_RUNTIME_DIR=str(base),
        )
        subprocess.run(
            [sys.executable, "-m", "router_advisor", "catalog", "build"], env=env, check=True,
            capture_output=True,
        )  # fmt: skip
        for path in [home, *home.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        nobody = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        cli = subprocess.run(
            [*nobody, sys.executable, "-m", "router_advisor", "catalog", "import", str(rows)],
            env=env, capture_output=True, text=True, cwd=REPO,
        )  # fmt: skip
        assert cli.returncode == 1 and "read-only" in cli.stderr, cli.stderr
        gui = subprocess.run(
            [*nobody, sys.executable, "-c", DRIVER, str(rows)],
            env=env, capture_output=True, text=True, cwd=REPO, timeout=120,
        )  # fmt: skip
        assert gui.returncode == 0, gui.stderr[-2000:]
        shown = json.loads(gui.stdout.strip().splitlines()[-1])
        assert shown["history_error"] == "" and shown["history_rows"] == 1
        _same_words(shown["import_status"], cli.stderr.strip()[len(PREFIX) :])
    finally:
        shutil.rmtree(base)
