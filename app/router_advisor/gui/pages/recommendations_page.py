"""Step 5: the ranked shortlist as cards, a side-by-side comparison, the catalog browser.

The ranking runs on the shared job runner, and the same job saves the run in the history
(services/history.save_run, as `router-advisor run` does): each new recommendation is one
run, saved once, whatever page the person goes to next.
"""

import datetime
import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from router_advisor.core.progress import CancelToken, ProgressCallback, ProgressUpdate
from router_advisor.core.recommend import Recommendation, recommend
from router_advisor.core.router import Router
from router_advisor.core.system import System
from router_advisor.core.system_wording import left_out_text, shortlist_heading
from router_advisor.errors import RouterAdvisorError
from router_advisor.gui import history_io, walk_io
from router_advisor.gui.answer_fields import in_gui_words
from router_advisor.gui.current_router_card import titled_report_html
from router_advisor.gui.pages.base import (
    JobPage,
    WizardContext,
    banner,
    show_banner,
    wrapped_label,
)
from router_advisor.gui.router_card import RouterCard
from router_advisor.gui.state import ChecklistItem
from router_advisor.gui.style import icon

SHORTLIST_SIZE = 5
MAX_COMPARED = 3


def heading_text(rec: Recommendation) -> str:
    """How many systems meet every must-have, or that the closest are shown, in the words
    `recommend` prints."""
    return shortlist_heading(rec.closest_fits, rec.fits, rec.systems).rstrip(":") + "."


def status_text(rec: Recommendation) -> str:
    """The heading, unless the closest-fits note says it already, and what was left out
    before ranking."""
    parts = ([] if rec.closest_fits else [heading_text(rec)]) + [left_out_text(rec.excluded)]
    return " ".join(part for part in parts if part)


@dataclass(frozen=True)
class Ranked:
    """What the ranking job hands back: the catalog, the recommendation, and the saved
    run's id or why it could not be saved (the recommendation stands either way); after a
    rebuild of a damaged catalog, what the rebuild did."""

    routers: list[Router]
    recommendation: Recommendation
    run_id: int | None
    save_error: str | None
    rebuilt: str | None = None


@dataclass(frozen=True)
class CatalogDamaged:
    """The catalog database cannot be read (damaged, another program's, a newer app's):
    the message says so, and the page offers to set it aside and build it anew."""

    message: str
    rebuild_failed: bool = False  # the rebuild itself failed: the message says why


class RecommendationsPage(JobPage[Ranked | CatalogDamaged]):
    title = "Recommendations"
    subtitle = (
        "What to buy, with the whole price, the reasons and the catches. Tick two or three "
        "to compare."
    )
    icon_name = "recommendations"

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__(ctx)
        self.routers: list[Router] = []
        self.cards: list[RouterCard] = []
        self._inputs: Any = None
        layout = QVBoxLayout(self)
        self.error = banner("error")
        layout.addWidget(self.error)
        # Offered when the catalog database cannot be read: the same as `catalog build --force`.
        self.rebuild_button = QPushButton(icon("catalog"), "&Rebuild the catalog")
        self.rebuild_button.hide()
        self.rebuild_button.clicked.connect(self.rebuild_catalog)
        layout.addWidget(self.rebuild_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.closest = banner("warn")
        layout.addWidget(self.closest)
        self.status = wrapped_label("", "muted")
        layout.addWidget(self.status)
        # What the home needs is the why behind the picks: one click away, so the picks
        # themselves fill the first screen.
        self.needs_button = QToolButton()
        self.needs_button.setText("&Why these? What your home needs")
        self.needs_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.needs_button.setArrowType(Qt.ArrowType.RightArrow)
        self.needs_button.setCheckable(True)
        self.needs_button.setAutoRaise(True)
        self.needs_button.setEnabled(False)
        self.needs_button.toggled.connect(self._show_needs)
        layout.addWidget(self.needs_button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Cards wrap their text to the page's width; nothing may need a sideways scroll.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        # What the home needs scrolls away with the cards: the picks get the room.
        self.current = wrapped_label("", "infoBanner")  # the verdict on the router you have
        self.current.hide()
        self.list_layout.addWidget(self.current)
        self.needs = wrapped_label("", "infoBanner")
        self.needs.hide()
        self.list_layout.addWidget(self.needs)
        self.list_layout.addStretch(1)
        scroll.setWidget(self.list_widget)
        layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        self.compare_button = QPushButton(icon("compare"), "C&ompare selected")
        self.compare_button.setEnabled(False)
        self.compare_button.clicked.connect(self.open_comparison)
        self.catalog_button = QPushButton(icon("catalog"), "Browse the &catalog")
        self.catalog_button.setEnabled(False)
        self.catalog_button.clicked.connect(self.open_catalog)
        row.addWidget(self.compare_button)
        row.addWidget(self.catalog_button)
        row.addStretch(1)
        layout.addLayout(row)

    # -- computing ----------------------------------------------------------------------
    def enter(self) -> None:
        state = self.ctx.state
        walk = walk_io.walk_for_recommendation(self.ctx.engines.settings)
        inputs = (state.answers, state.speed, state.scan, walk)
        if inputs == self._inputs and state.recommendation is not None:
            return
        self._inputs = inputs
        self.ctx.state.walk = walk
        self._rank()

    def rebuild_catalog(self) -> None:
        """Set the unreadable catalog aside, build it anew, then rank again."""
        self._rank(rebuild=True)

    def _rank(self, rebuild: bool = False) -> None:
        state = self.ctx.state
        state.recommendation = None
        state.run_id, state.save_error = None, None
        self._clear()
        if self.job is not None:
            self.job.cancel()
        show_banner(self.error, None)
        self.rebuild_button.hide()
        self.status.setText("Ranking the catalog for your home…")
        answers, speed, scan, walk = state.answers, state.speed, state.scan, state.walk
        nodes = walk.nodes_suggested if walk is not None else None
        labels = dict(state.labels)
        today = datetime.date.today().isoformat()
        engines = self.ctx.engines
        load_routers, settings, rebuild_fn = (
            engines.routers,
            engines.settings,
            engines.rebuild_catalog,
        )

        def work(progress: ProgressCallback, cancel: CancelToken) -> Ranked | CatalogDamaged:
            from router_advisor.services.catalog import CatalogUnusable

            rebuilt = None
            if rebuild and rebuild_fn is not None:
                progress(ProgressUpdate(None, "Rebuilding the catalog…"))
                try:
                    rebuilt = rebuild_fn()
                except RouterAdvisorError as exc:
                    return CatalogDamaged(f"The catalog was not rebuilt: {exc}", True)
            progress(ProgressUpdate(None, "Loading the catalog…"))
            try:
                routers = load_routers()
            except CatalogUnusable as exc:
                return CatalogDamaged(str(exc))
            cancel.raise_if_cancelled()
            rec = recommend(
                answers, routers, speed, scan, SHORTLIST_SIZE, today=today, measured_nodes=nodes
            )
            cancel.raise_if_cancelled()
            try:
                run_id = history_io.save_run(settings, answers, speed, scan, rec, labels)
            except RouterAdvisorError as exc:
                return Ranked(routers, rec, None, str(exc), rebuilt)
            return Ranked(routers, rec, run_id, None, rebuilt)

        self.start_job(work)

    def is_complete(self) -> bool:
        return super().is_complete() and self.ctx.state.recommendation is not None

    def _on_failed(self, message: str) -> None:
        self.status.setText("")
        show_banner(self.error, in_gui_words(message) + "\nGo Back to change your answers.")

    def _on_result(self, result: Ranked | CatalogDamaged) -> None:
        if isinstance(result, CatalogDamaged):
            self.status.setText("")
            offered = self.ctx.engines.rebuild_catalog is not None
            self.rebuild_button.setVisible(offered)
            what = (
                "\n“Rebuild the catalog” below does that; prices and models you imported "
                "are kept where they can still be read."
                if offered and not result.rebuild_failed
                else ""
            )
            show_banner(self.error, result.message + what)
            return
        self.routers, rec = result.routers, result.recommendation
        self.ctx.state.recommendation = rec
        self.ctx.state.run_id, self.ctx.state.save_error = result.run_id, result.save_error
        self.ctx.state.checklist = [ChecklistItem(q.question, q.why) for q in rec.vendor_questions]
        self.show_recommendation(rec)
        if result.rebuilt:
            self.status.setText(f"{result.rebuilt} {self.status.text()}")

    # -- showing ------------------------------------------------------------------------
    def _clear(self) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        self.compare_button.setEnabled(False)

    def show_recommendation(self, rec: Recommendation) -> None:
        self._clear()
        q = rec.requirements
        if rec.current_router is not None:
            self.current.setText(titled_report_html(rec.current_router))
        self.current.setVisible(rec.current_router is not None)
        needs = html.escape(in_gui_words(" ".join(q.notes)))
        self.needs.setText("<b>What your home needs:</b> " + needs)
        self.needs_button.setEnabled(True)
        self._show_needs(self.needs_button.isChecked())
        show_banner(self.closest, heading_text(rec) if rec.closest_fits else None)
        for rank, item in enumerate(rec.shortlist, start=1):
            card = RouterCard(rank, item)
            card.ensurePolished()  # style-sheet fonts must be known before the layout sizes it
            card.compareToggled.connect(self._compare_changed)
            self.list_layout.insertWidget(self.list_layout.count() - 1, card)
            self.cards.append(card)
        self.status.setText(status_text(rec))
        self.catalog_button.setEnabled(bool(self.routers))

    def _show_needs(self, shown: bool) -> None:
        self.needs.setVisible(shown)
        self.needs_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def selected(self) -> list[System]:
        return [card.item.system for card in self.cards if card.compare.isChecked()]

    def _compare_changed(self) -> None:
        count = len(self.selected())
        for card in self.cards:
            card.compare.setEnabled(card.compare.isChecked() or count < MAX_COMPARED)
        self.compare_button.setEnabled(2 <= count <= MAX_COMPARED)
        self.compare_button.setText(
            f"C&ompare selected ({count})" if count else "C&ompare selected"
        )

    def open_comparison(self) -> None:
        from router_advisor.gui.compare_dialog import CompareDialog

        CompareDialog(self.selected(), self).open()

    def open_catalog(self) -> None:
        from router_advisor.gui.catalog_browser import CatalogBrowser

        engines = self.ctx.engines
        browser = CatalogBrowser(self.routers, self, engines.import_catalog, engines.routers)
        browser.imported.connect(self._catalog_changed)
        browser.open()

    def _catalog_changed(self) -> None:
        """New prices or models: rank again, so the cards show what the catalog now says."""
        self._inputs = None
        self.enter()
