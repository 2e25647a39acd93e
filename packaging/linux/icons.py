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


def render_icons(out: Path, svg: Path = SVG) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"icons: {svg} is not a valid SVG")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"icons: could not write {target}")
        written.append(target)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    return [*written, scalable]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: icons.py OUT_DIR")
    for path in render_icons(Path(sys.argv[1])):
        print(path)
