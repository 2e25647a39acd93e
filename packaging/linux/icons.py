"""Render the app icon into a hicolor icon theme tree: PNGs from 16 to 512 px, and the SVG.

Rendered at build time from resources/icons/diglot.svg (the one drawing), so that no PNG in the
repository can drift from it. Run with `python packaging/linux/icons.py OUT_DIR`; OUT_DIR gets
`hicolor/<n>x<n>/apps/org.diglot.Diglot.png` and `hicolor/scalable/apps/org.diglot.Diglot.svg`.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

APP_ID = "org.diglot.Diglot"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
SVG = Path(__file__).resolve().parents[2] / "resources" / "icons" / "diglot.svg"


def _renderer(svg: Path):  # -> QSvgRenderer; Qt is imported only when icons are made
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    global _app
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"icons: {svg} is not a valid SVG")
    return renderer


def _render(renderer, size: int, target: Path, image_format: str) -> Path:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), image_format):
        raise SystemExit(f"icons: could not write {target}")
    return target


def render_icons(out: Path, svg: Path = SVG) -> list[Path]:
    renderer = _renderer(svg)
    apps = [out / "hicolor" / f"{size}x{size}" / "apps" for size in SIZES]
    written = [_render(renderer, size, folder / f"{APP_ID}.png", "PNG")
               for size, folder in zip(SIZES, apps, strict=True)]
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    return [*written, scalable]


def render_platform_icon(target: Path, svg: Path = SVG) -> Path:
    """The app icon as Windows (.ico, 256 px) or macOS (.icns, 512 px) wants it, by suffix."""
    size, image_format = {".ico": (256, "ICO"), ".icns": (512, "ICNS")}[target.suffix]
    return _render(_renderer(svg), size, target, image_format)


_app = None  # the QGuiApplication icons are painted under, kept alive


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: icons.py OUT_DIR")
    for path in render_icons(Path(sys.argv[1])):
        print(path)
