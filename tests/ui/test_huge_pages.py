"""A huge page opens without holding the window: read and aligned off the GUI thread.

The thresholds are lowered so that a small made-up page counts as huge; full sizes are timed
by bench/huge_page.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bench.made_up_pages import many_paragraphs
from reader.core.align import sections as alignment_sections
from reader.core.align.solver import align_texts
from reader.core.session import opening
from reader.core.session.workspace import Workspace
from reader.ui.app import DiglotApp


@pytest.fixture
def huge_home(diglot_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(opening, "BIG_PAGE_BYTES", 30_000)
    monkeypatch.setattr(alignment_sections, "HUGE_PARAGRAPHS", 30)
    monkeypatch.setattr(alignment_sections, "SECTION", 12)
    library = diglot_home / "library"
    library.mkdir(parents=True)
    (library / "made_up_huge.txt").write_text(many_paragraphs(40_000), encoding="utf-8")
    return diglot_home


@pytest.fixture
def diglot(qtbot: QtBot, huge_home: Path) -> Iterator[DiglotApp]:
    app = DiglotApp(Workspace(huge_home), settings_path=huge_home / "settings.ini")
    qtbot.addWidget(app.window)
    app.start()
    qtbot.waitExposed(app.window)
    qtbot.waitUntil(lambda: not app.indexing and app.last_report is not None, timeout=30000)
    yield app
    app.shutdown()


def test_a_huge_page_is_read_and_aligned_in_the_background(qtbot: QtBot,
                                                           diglot: DiglotApp) -> None:  # fmt: skip
    work = diglot.workspace
    (entry,) = [e for e in work.catalog.visible() if e.path.endswith("made_up_huge.txt")]
    work.reading.set_document(None)
    shown: list[str] = []
    work.message.connect(shown.append)
    assert work.open_document(entry.id) is None  # it is being read
    assert shown and shown[-1].startswith("Opening made_up_huge.txt")
    qtbot.waitUntil(lambda: work.reading.document is not None, timeout=20000)
    document = work.reading.document
    assert document is not None and document.original is not None
    pane = diglot.window.split_view.panes["original"]
    assert pane.paragraph_count() == len(document.original.paragraphs)
    # The text is on screen while the alignment is computed; then the real one replaces it.
    qtbot.waitUntil(lambda: not work.links.aligning, timeout=30000)
    alignment = work.links.alignment
    assert alignment is not None
    assert work.reading.alignment == alignment.paragraph_alignment()
    whole = align_texts(document.original, document.translations[0])
    assert len(alignment.paragraph_beads) == len(whole.paragraph_beads)


def test_opening_another_page_meanwhile_wins(qtbot: QtBot, diglot: DiglotApp) -> None:
    work = diglot.workspace
    huge = next(e for e in work.catalog.visible() if e.path.endswith("made_up_huge.txt"))
    other = next(e for e in work.catalog.visible() if e.id != huge.id)
    assert work.open_document(huge.id) is None
    assert work.open_document(other.id) is not None  # small: at once
    # The huge page's reading comes back (its task leaves the runner) and is dropped.
    qtbot.waitUntil(lambda: diglot.reading_tasks.idle, timeout=20000)
    assert work.reading.document is not None and work.reading.document.id == other.id
