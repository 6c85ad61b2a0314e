"""The PDF export, drawn by Qt from the HTML export: no extra dependency."""

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from router_advisor.errors import RuntimeFailure


def html_to_pdf(html: str, path: Path, title: str = "Router Advisor report") -> Path:
    """Lay `html` out on A4 pages with 15 mm margins and write it to `path` (atomically)."""
    tmp = path.with_name(f".{path.name}.tmp")
    writer = QPdfWriter(str(tmp))
    writer.setTitle(title)
    writer.setCreator("Router Advisor")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setHtml(html)
    # No page size of our own: print_() then lays the text out on the writer's page in
    # points, so fonts keep their size (a page size in 300-dpi pixels shrinks them 3x).
    document.print_(writer)
    del writer  # flushes and closes the file
    if not _whole_pdf(tmp):  # QPdfWriter reports no error: a full disk leaves a stub
        tmp.unlink(missing_ok=True)
        raise RuntimeFailure(
            f"could not write {path}: the disk may be full; {path.name} was left as it was"
        )
    tmp.replace(path)
    return path


def _whole_pdf(path: Path) -> bool:
    """Whether the file ends as a PDF does (%%EOF), so it was written to the end."""
    try:
        with path.open("rb") as handle:
            handle.seek(max(0, path.stat().st_size - 1024))
            return b"%%EOF" in handle.read()
    except OSError:
        return False
