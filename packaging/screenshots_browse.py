"""Take the README's screenshots of the archive browser and the timeline.

The archive browser is shown over the archive's seed page alone: its two citations place it
under APRF and RGASPI. The timeline needs many dates, so it is shown over generated pages
(bench/corpus.py), each retitled "Made-up page N" so that no picture passes one off as a record;
some are dated to the month or the year only, a few not at all, as real pages are.

Run with `QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots_browse.py [OUT_DIR]`.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "packaging")]  # "packaging" is also a PyPI package

from screenshots import settle, wait_for  # noqa: E402

from bench.corpus import write_corpus  # noqa: E402

CORPUS = 600
_DATE_LINE = re.compile(r"^([A-Z][a-z]+) (\d+), (\d{4})$", re.MULTILINE)  # the page's date


def made_up_library(folder: Path) -> None:
    """Generated pages, retitled as made up, with a share of coarser or missing dates."""
    from reader.core.page.parser import parse_bytes

    rng = random.Random(17)
    for number, path in enumerate(write_corpus(folder, CORPUS)):
        text = path.read_text(encoding="utf-8")
        title = parse_bytes(text.encode("utf-8"), path.name).title
        new = f"Made-up page {number + 1}"
        text = text.replace(title, new).replace(title.upper(), new.upper())
        roll = rng.random()
        if roll < 0.15:  # the year only
            text = _DATE_LINE.sub(lambda m: m[3], text, count=1)
        elif roll < 0.3:  # the month only
            text = _DATE_LINE.sub(lambda m: f"{m[1]} {m[3]}", text, count=1)
        elif roll < 0.35:  # undated
            text = _DATE_LINE.sub("Undated", text, count=1)
        path.write_text(text, encoding="utf-8")


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    from reader.ui.resources import app_icon, register_fonts

    app.setWindowIcon(app_icon())
    register_fonts()
    browser(out)
    timeline(out)
    print(f"screenshots in {out}")


def _window(home: Path):  # type: ignore[no-untyped-def]
    os.environ["DIGLOT_HOME"] = str(home)
    from reader.core.session.workspace import Workspace
    from reader.ui.app import DiglotApp

    diglot = DiglotApp(Workspace(home), settings_path=home / "settings.ini")
    diglot.workspace.appearance.set_theme("light")
    diglot.start()
    diglot.window.resize(1500, 900)
    wait_for(lambda: not diglot.indexing and diglot.workspace.reading.document is not None,
             seconds=600)
    return diglot


def browser(out: Path) -> None:
    home = Path(tempfile.mkdtemp(prefix="diglot-shots-"))
    (home / "library").mkdir()
    diglot = _window(home)
    diglot.workspace.open_document("113729")
    diglot.workspace.run_command("toggle-archive-browser")
    # As wide as the document list's dock it shares: long archive names are elided (the full
    # name is in the tooltip), and the reading panes keep room for the text.
    diglot.window.resizeDocks([diglot.window.browser_dock, diglot.window.provenance_dock],
                              [520, 380], Qt.Orientation.Horizontal)
    tree = diglot.window.archive_browser.tree
    tree.expandAll()
    tree.setCurrentIndex(diglot.window.archive_browser.index_of_document("113729"))
    settle()
    diglot.window.grab().save(str(out / "archive-browser.png"))
    diglot.shutdown()
    shutil.rmtree(home, ignore_errors=True)


def timeline(out: Path) -> None:
    home = Path(tempfile.mkdtemp(prefix="diglot-shots-"))
    made_up_library(home / "library")
    diglot = _window(home)
    workspace = diglot.workspace
    wait_for(lambda: len(workspace.catalog) > CORPUS // 2, seconds=600)
    diglot.commands.focus_list()
    made_up = next(e.id for e in workspace.catalog.visible()
                   if e.date_precision == "day" and e.date_iso and e.date_iso.startswith("1953"))
    workspace.open_document(made_up)
    workspace.run_command("timeline-earlier")  # the year around the open document
    workspace.run_command("timeline-wider")
    workspace.run_command("timeline-wider")
    diglot.commands.focus_list()
    diglot.window.resizeDocks([diglot.window.list_dock], [560], Qt.Orientation.Horizontal)
    settle()
    diglot.window.grab().save(str(out / "timeline.png"))
    diglot.shutdown()
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
