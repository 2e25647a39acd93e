"""The window's search over a real index: where it looks, what a row shows, notes found."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from reader.core.text_range import TextRange
from reader.ui.app import DiglotApp
from tests.ui.test_app import library_home, start

__all__ = ["library_home"]  # the fixture, shared with test_app


@pytest.fixture
def diglot(qtbot: QtBot, library_home: Path) -> Iterator[DiglotApp]:
    app = start(qtbot, library_home)
    yield app
    app.shutdown()


def result_ids(diglot: DiglotApp) -> list[str]:
    return [hit.id for hit in diglot.workspace.session.results.hits]


def test_the_scope_command_limits_the_search_to_one_side(qtbot: QtBot, diglot: DiglotApp) -> None:
    panel, session = diglot.window.search_panel, diglot.workspace.session
    diglot.workspace.run_command("search")
    panel.field.setText("Moscow")
    qtbot.waitUntil(lambda: session.results.query == "Moscow", timeout=10000)
    everywhere = result_ids(diglot)
    assert "113729" in everywhere and len(everywhere) >= 2
    diglot.workspace.run_command("cycle-search-scope")
    assert panel.field.text() == "Moscow in:original"
    assert panel.scope.actions["original"].isChecked()
    assert diglot.window.status_label.text() == "Searching the originals"
    qtbot.waitUntil(lambda: session.results.query == "Moscow in:original", timeout=10000)
    assert result_ids(diglot) == [] and panel.status.text() == "0 results"
    diglot.workspace.run_command("cycle-search-scope")
    qtbot.waitUntil(lambda: session.results.query == "Moscow in:translation", timeout=10000)
    assert sorted(result_ids(diglot)) == sorted(everywhere)
    assert {hit.pane for hit in session.results.hits} == {"translation"}


def test_a_row_shows_the_aligned_counterpart_of_the_matched_sentence(
    qtbot: QtBot, diglot: DiglotApp
) -> None:
    workspace, panel = diglot.workspace, diglot.window.search_panel
    document = workspace.open_document("113729")
    assert document is not None and document.original is not None
    original, english = document.original, document.translations[0]
    qtbot.waitUntil(lambda: workspace.alignments.has_computed(original, english), timeout=20000)
    diglot.search("Чемульпо")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
    row = panel.model.index(0, 0).data()
    assert "<b>Чемульпо</b>" in row
    assert "en</span> It was on 16 September already that Moscow warned" in row
    assert "≈" not in row  # the window's own alignment, not an estimate


def test_a_note_finds_its_document_and_opens_at_the_annotation(
    qtbot: QtBot, diglot: DiglotApp
) -> None:
    workspace, panel = diglot.workspace, diglot.window.search_panel
    assert workspace.open_document("113729") is not None
    english = workspace.reading.document.translations[0].paragraphs[5]  # type: ignore[union-attr]
    start = english.index("Jemulpo")
    annotation = workspace.annotations.add(
        TextRange("translation", 5, start, start + len("Jemulpo")), "place",
        note="Made-up note: qwertyish <landing> doubt\nsecond line")
    # Another document is open when the reader searches for what they wrote.
    other = next(e.id for e in workspace.catalog.visible() if e.id != "113729")
    workspace.open_document(other)
    workspace.run_command("search")
    qtbot.waitUntil(panel.field.hasFocus)
    panel.field.setText("note:qwertyish")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
    row = panel.model.index(0, 0).data()
    assert "note</span> Made-up note: qwertyish &lt;landing&gt; doubt" in row
    assert "second line" not in row
    with qtbot.waitSignal(panel.hit_activated):
        panel.results.setFocus()
        panel.results.setCurrentIndex(panel.model.index(0, 0))
        QTest.keyClick(panel.results, Qt.Key.Key_Return)
    assert workspace.reading.document is not None
    assert workspace.reading.document.id == "113729"
    pane = diglot.window.split_view.panes["translation"]
    assert pane.textCursor().position() == pane.qt_position(5, start)
    assert diglot.window.status_label.text() == "Place"  # the annotation's own description
    assert workspace.annotations.at("translation", 5, start)[0].id == annotation.id
    # The filters alone list the annotated documents; a wrong category says so inline.
    panel.field.setText("category:place")
    qtbot.waitUntil(lambda: workspace.session.results.query == "category:place", timeout=10000)
    assert [h.id for h in workspace.session.results.hits] == ["113729"]
    panel.field.setText("category:nowhere")
    qtbot.waitUntil(lambda: not panel.error.isHidden(), timeout=10000)
    assert "no annotation category 'nowhere'" in panel.error.text()
