"""Step 7: export the report (PDF, HTML, Markdown, CSV, JSON) into a folder the person can
open, and say where the run was saved in the history (the Recommendations page saved it)."""

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)
from router_advisor import home
from router_advisor.errors import RouterAdvisorError
from router_advisor.gui import exporting
from router_advisor.gui.pages.base import WizardContext, WizardPage, banner, show_banner
from router_advisor.gui.style import buddy_label, styled

FORMATS = (
    ("pdf", "&PDF (to print or share)"),
    ("html", "&Web page (HTML)"),
    ("md", "&Markdown"),
    ("csv", "Spreadsheet (&CSV)"),
    ("json", "Data (&JSON)"),
)


class ExportPage(WizardPage):
    title = "Export"
    subtitle = (
        "Keep the shortlist and the questions: print them, send them, or open them "
        "in a spreadsheet. This run is also saved in your history."
    )
    icon_name = "export"

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__(ctx)
        self.written: list[Path] = []
        layout = QVBoxLayout(self)
        self.saved = banner("info")
        layout.addWidget(self.saved)
        box = QGroupBox("Formats")
        formats = QVBoxLayout(box)
        self.format_boxes: dict[str, QCheckBox] = {}
        for key, text in FORMATS:
            check = QCheckBox(text)
            check.setChecked(key in ("pdf", "html"))
            self.format_boxes[key] = check
            formats.addWidget(check)
        layout.addWidget(box)
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(str(default_folder()))
        self.folder.setAccessibleName("Export folder")
        self.folder.returnPressed.connect(self.export)
        browse = QPushButton("Choose fol&der…")
        browse.clicked.connect(self.choose_folder)
        folder_row.addWidget(buddy_label("Save &in:", self.folder))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        layout.addLayout(folder_row)
        actions = QHBoxLayout()
        self.export_button = styled(QPushButton("&Export"), "primary")
        self.export_button.clicked.connect(self.export)
        self.open_button = QPushButton("&Open folder")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_folder)
        actions.addWidget(self.export_button)
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.error = banner("error")
        layout.addWidget(self.error)
        self.files_title = QLabel("Files written:")
        self.files = QListWidget()
        self.files.setAccessibleName("Exported files")
        for widget in (self.files_title, self.files):
            widget.hide()  # an empty box until there is something to list
            layout.addWidget(widget)
        layout.addStretch(1)

    def enter(self) -> None:
        state = self.ctx.state
        saved = None
        if state.save_error is not None:
            saved = f"This run could not be saved in the history: {state.save_error}"
        elif state.run_id is not None:
            saved = (
                f"Saved in your history as run {state.run_id}. Open "
                "History (Ctrl+H) any time to compare with later runs."
            )
        show_banner(self.saved, saved)
        self.export_button.setEnabled(state.recommendation is not None)
        self.export_button.setFocus()

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Export into", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def export(self) -> list[Path]:
        show_banner(self.error, None)
        formats = [key for key, box in self.format_boxes.items() if box.isChecked()]
        if not formats:
            show_banner(self.error, "Tick at least one format, then Export.")
            return []
        folder = Path(self.folder.text()).expanduser()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.written = exporting.export_report(self.ctx.state, folder, formats)
        except (OSError, RouterAdvisorError) as exc:
            show_banner(
                self.error,
                f"Could not write the files ({exc}). Choose another folder, then Export again.",
            )
            return []
        self.files.clear()
        self.files.addItems([str(path) for path in self.written])
        self.files.setMaximumHeight(self.files.sizeHintForRow(0) * (len(self.written) + 1))
        self.files_title.show()
        self.files.show()
        self.open_button.setEnabled(True)
        self.open_button.setFocus()
        return self.written

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))


def default_folder() -> Path:
    """Documents/Router Advisor; inside ROUTER_ADVISOR_HOME when that is set (tests)."""
    if os.environ.get(home.HOME_ENV):
        return home.data_dir() / "exports"
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or home.data_dir()) / "Router Advisor"
