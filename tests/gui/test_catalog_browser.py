"""The catalog browser reads a price list in, like `catalog import`: same service, same
checks, the new prices shown with their age, a bad file refused in one plain line."""

import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from router_advisor.gui.catalog_browser import CatalogBrowser
from router_advisor.services.catalog import import_file, import_summary, load_routers

from tests.gui import walk
from tests.gui.recorded import recorded_engines
from tests.gui.test_pages import _to_page


def _browser(qtbot: QtBot) -> CatalogBrowser:
    browser = CatalogBrowser(
        load_routers(),
        importer=lambda path: import_summary(path.name, import_file(path)),
        reload=load_routers,
    )
    qtbot.addWidget(browser)
    browser.show()
    return browser


def _row_text(browser: CatalogBrowser, name: str) -> list[str]:
    for row in range(browser.table.rowCount()):
        if browser.table.item(row, 0).text() == name:
            return [browser.table.item(row, c).text() for c in range(browser.table.columnCount())]
    raise AssertionError(f"{name} is not in the table")


def test_a_price_list_is_imported_and_shown_with_its_age(qtbot: QtBot, tmp_path: Path) -> None:
    prices = tmp_path / "prices.csv"
    prices.write_text(
        "brand,model,hardware_revision,price_usd,price_as_of,price_kind,price_region\n"
        "TP-Link,Archer A7,v5,54.99,2026-11,street,US\n",
        encoding="utf-8",
    )
    browser = _browser(qtbot)
    assert browser.import_button.isVisible()
    started = time.monotonic()
    with qtbot.waitSignal(browser.imported) as signal:
        assert browser.import_file(prices)
    # Refilling the shown table took 28-45 s when each replaced cell resized its column.
    assert time.monotonic() - started < 10
    assert signal.args == ["Imported prices.csv (csv): 0 added, 1 updated, 0 unchanged."]
    assert browser.import_status.text() == signal.args[0]
    assert _row_text(browser, "TP-Link Archer A7 v5")[1] == (
        "$54.99 (street price as of 2026-11, US)"
    )
    # The same service as the CLI: the import is kept in the catalog database.
    archer = next(r for r in load_routers() if r.key == "tp-link/archer a7/v5")
    assert (archer.price_usd, archer.price_kind) == (54.99, "street")


def test_a_bad_file_is_one_plain_line_and_changes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "prices.csv"
    bad.write_text("brand,model,price_usd\nTP-Link,Archer A7,cheap\n", encoding="utf-8")
    browser = _browser(qtbot)
    before = _row_text(browser, "TP-Link Archer A7 v5")
    assert not browser.import_file(bad)
    assert browser.import_status.text() == (
        "prices.csv: row 2: field 'price_usd': 'cheap' is not a number; nothing was imported"
    )
    assert browser.import_status.objectName() == "errorBanner"
    assert _row_text(browser, "TP-Link Archer A7 v5") == before
    assert not browser.import_file(tmp_path / "missing.csv")
    assert "does not exist" in browser.import_status.text()
    assert "\n" not in browser.import_status.text()


def test_the_button_asks_for_a_file_and_imports_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prices = tmp_path / "prices.json"
    prices.write_text(
        '[{"brand": "TP-Link", "model": "Archer A7", "hardware_revision": "v5",'
        ' "price_usd": 49, "price_as_of": "2026-10", "price_kind": "street"}]',
        encoding="utf-8",
    )
    asked: list[str] = []

    def choose(parent: object, caption: str, folder: str, filters: str) -> tuple[str, str]:
        asked.append(filters)
        return str(prices), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    browser = _browser(qtbot)
    browser.import_button.click()
    assert asked and "*.csv" in asked[0] and "*.json" in asked[0]
    assert browser.import_status.text().startswith("Imported prices.json (json): ")


def test_the_recommendations_page_offers_the_import_and_ranks_again(qtbot: QtBot) -> None:
    window, page = _to_page(qtbot, "Recommendations")
    walk.wait_idle(qtbot, window, 30000)
    assert recorded_engines().import_catalog is not None
    page.open_catalog()
    browser = page.findChild(CatalogBrowser)
    assert browser is not None and browser.import_button.isVisible()
    browser.imported.emit("Imported prices.csv (csv): 0 added, 1 updated, 0 unchanged.")
    assert page.job is not None  # ranking again with the new prices
    walk.wait_idle(qtbot, window, 30000)
    assert page.cards


def test_a_plug_in_point_without_an_ethernet_port_reads_so(qtbot: QtBot) -> None:
    """The eero Beacon and the Nest Wifi point have no Ethernet port (wan_mbps = 0): the
    browser says so in words, never "0 Mbit/s", and their LAN column says "none"."""
    browser = _browser(qtbot)
    header = [
        browser.table.horizontalHeaderItem(c).text() for c in range(browser.table.columnCount())
    ]
    wan, lan = header.index("WAN"), header.index("LAN")
    for name in ("eero Beacon", "Google Nest Wifi Point"):
        row = _row_text(browser, name)
        assert (row[wan], row[lan]) == ("no Ethernet port", "none"), row
