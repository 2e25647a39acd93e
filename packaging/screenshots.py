"""Take the README's screenshots: the real window over the archive's seed page alone.

Only the record the archive published is shown: the made-up test pages are not records and
do not belong in pictures of the app.

Run with `QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots.py [OUT_DIR]`.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent


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

    annotate(diglot, out)

    diglot.workspace.appearance.set_theme("light")
    diglot.commands.focus_search()
    diglot.window.search_panel.field.setText("Сеул OR divisions")
    wait_for(lambda: diglot.window.search_panel.model.rowCount() > 0)
    diglot.open_hit(0)
    diglot.commands.focus_search()
    settle()
    diglot.window.grab().save(str(out / "search.png"))
    diglot.shutdown()
    shutil.rmtree(home, ignore_errors=True)
    print(f"screenshots in {out}")


# Highlights a reader might make: (pane, paragraph, words, category number, note).
HIGHLIGHTS = (
    ("original", 5, "16 сентября", 4, "Moscow's warning came two weeks before this telegram."),
    ("original", 5, "Чемульпо", 3, ""),
    ("translation", 3, "MAO ZEDONG", 2, ""),
    ("translation", 6, "five-six divisions", 1, "The figure Mao's reply turns on."),
    ("original", 6, "помощь войсками", 5, "Literally \"help with troops\": the English "
     "rewords it."),
)


def annotate(diglot: Any, out: Path) -> None:
    """Highlight a few words of the seed in both panes, the panel open, in both themes."""
    from reader.core.text_range import TextRange

    workspace, split = diglot.workspace, diglot.window.split_view
    made = []
    for pane, paragraph, words, category, note in HIGHLIGHTS:
        text = workspace.reading.text(pane)
        start = text.paragraphs[paragraph].find(words)
        assert start >= 0, words
        annotation = workspace.annotating.highlight(
            [TextRange(pane, paragraph, start, start + len(words))], category)
        if note:
            workspace.annotating.save_note(annotation.id, note, ["shot"])
        made.append(annotation)
    diglot.annotations.dock.show()
    diglot.annotations.dock.raise_()
    split.focus_pane("original")
    split.scroll_to_paragraph("original", 5)
    for theme in ("light", "dark"):
        workspace.appearance.set_theme(theme)
        if theme == "dark":  # the note editor, open beside the text
            diglot.annotations.panel.tree.setFocus()
            diglot.annotations.edit_note()
        settle()
        diglot.window.grab().save(str(out / f"annotations-{theme}.png"))
    diglot.annotations.editor.dismiss()
    diglot.annotations.dock.hide()


if __name__ == "__main__":
    main()
