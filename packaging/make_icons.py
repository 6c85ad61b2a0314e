"""Render assets/icons/app.svg to the PNG sizes desktops expect, and a Windows .ico.

Run after changing the SVG:  QT_QPA_PLATFORM=offscreen python packaging/make_icons.py
Writes packaging/linux/icons/hicolor/<N>x<N>/apps/<app id>.png and
assets/icons/router-advisor.ico (used by the PyInstaller spec).
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "org.routeradvisor.RouterAdvisor"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> None:
    QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "assets" / "icons" / "app.svg"))
    if not renderer.isValid():
        raise SystemExit("assets/icons/app.svg is not a valid SVG")
    for size in SIZES:
        target = ROOT / "packaging" / "linux" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        render(renderer, size).save(str(target / f"{APP_ID}.png"))
    if not render(renderer, 256).save(str(ROOT / "assets" / "icons" / "router-advisor.ico")):
        raise SystemExit("could not write the .ico (Qt's ico image plugin is missing)")


if __name__ == "__main__":
    main()
