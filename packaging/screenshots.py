"""Take the README's screenshots: the real window over the seeds and a few sample pages.

Run with `QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots.py [OUT_DIR]`.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ("german_original.txt", "no_original.txt", "chinese_original.txt", "year_only.txt")


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = QDeadlineTimer(int(seconds * 1000))
    while not condition():
        if deadline.hasExpired():
            raise TimeoutError("the window did not get there in time")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def settle(seconds: float = 0.3) -> None:
    """Let Qt finish laying out and painting (scrollbars appear a pass later)."""
    deadline = QDeadlineTimer(int(seconds * 1000))
    while not deadline.hasExpired():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="diglot-shots-"))
    os.environ["DIGLOT_HOME"] = str(home)
    (home / "library").mkdir()
    for name in SAMPLES:
        shutil.copy(ROOT / "tests" / "core" / "data" / name, home / "library")

    from reader.core.session.workspace import Workspace
    from reader.ui.app import DiglotApp
    from reader.ui.resources import app_icon, register_fonts

    app = QApplication(sys.argv[:1])
    app.setWindowIcon(app_icon())
    register_fonts()
    diglot = DiglotApp(Workspace(home), settings_path=home / "settings.ini")
    diglot.workspace.appearance.set_theme("light")
    diglot.start()
    diglot.window.resize(1500, 900)
    wait_for(lambda: not diglot.indexing and diglot.workspace.reading.document is not None)
    diglot.workspace.open_document("113729")
    settle()
    diglot.window.grab().save(str(out / "window-light.png"))

    diglot.workspace.appearance.set_theme("dark")
    settle()
    diglot.window.grab().save(str(out / "window-dark.png"))

    # A sentence cursor on the Russian "В районе Сеула ...": its two English sentences light up.
    links, split = diglot.workspace.links, diglot.window.split_view
    russian = diglot.workspace.reading.original
    assert russian is not None
    split.scroll_to_paragraph("original", 4)
    links.place_cursor("original", 5, russian.paragraphs[5].find("В районе Сеула") + 2)
    for theme in ("light", "dark"):
        diglot.workspace.appearance.set_theme(theme)
        settle()
        split.grab().save(str(out / f"sentence-link-{theme}.png"))
    links.place_cursor("original", 0, -1)  # no sentence there: the cursor goes

    diglot.workspace.appearance.set_theme("light")
    diglot.focus_search()
    diglot.window.search_panel.field.setText("Сеул OR divisions")
    wait_for(lambda: diglot.window.search_panel.model.rowCount() > 0)
    diglot.open_hit(0)
    diglot.focus_search()
    settle()
    diglot.window.grab().save(str(out / "search.png"))
    diglot.shutdown()
    shutil.rmtree(home, ignore_errors=True)
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
