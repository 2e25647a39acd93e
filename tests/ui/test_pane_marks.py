"""MarkLayers: which marks reach into a stretch of text, and which layers changed."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.ui.pane_marks import MarkLayers


def test_touching_finds_the_marks_that_reach_into_a_stretch() -> None:
    layers = MarkLayers()
    marks = [(0, 0, 5, "search"), (2, 10, 20, "search"), (2, 0, 400, "search"),
             (1, 0, 400, "search"), (4, 0, 3, "search"), (6, 1, 2, "search")]
    assert layers.set("search", marks)
    stretch = ((2, 15), (4, 1))
    # The long mark starting at (2, 0) reaches in; those ending in paragraphs 0 and 1 and
    # the one starting at (6, 1) do not; (4, 0) starts before the stretch's end.
    assert layers.touching("search", stretch) == [(2, 0, 400, "search"),
                                                  (2, 10, 20, "search"), (4, 0, 3, "search")]
    assert layers.touching("search", None) == marks
    # A mark starting where the stretch ends (the character at the viewport's last corner).
    assert layers.touching("search", ((0, 0), (6, 1)))[-1] == (6, 1, 2, "search")
    assert layers.touching("annotation", stretch) == []


def test_an_unchanged_layer_is_not_stale_again() -> None:
    layers = MarkLayers()
    assert layers.set("annotation", [(0, 1, 2, "claim")])
    assert layers.stale == {"annotation"} and layers.count() == 1
    layers.stale.clear()
    assert not layers.set("annotation", [(0, 1, 2, "claim")])
    assert layers.stale == set()
    layers.clear()
    assert layers.count() == 0 and layers.drawn is None


def test_each_selection_holds_its_own_marks_characters(qtbot: QtBot) -> None:
    from PySide6.QtGui import QPalette, QTextCharFormat, QTextDocument

    from reader.ui.mark_styles import MarkStyle
    from reader.ui.pane_marks import selections_of

    document = QTextDocument("first paragraph\nsecond one")
    formats: dict[MarkStyle, QTextCharFormat] = {}
    starts = (0, 16)  # the blocks' positions

    def span(paragraph: int, start: int, end: int) -> tuple[int, int] | None:
        return None if paragraph > 1 else (starts[paragraph] + start, starts[paragraph] + end)

    marks = [(0, 0, 5, "search"), (1, 0, 6, "echo"), (5, 0, 1, "search"), (0, 6, 15, "search")]
    selections = selections_of(marks, document, QPalette(), formats, span)
    # One selection per mark in the text (the one in no paragraph yet has none), each with
    # its own characters although they are made with one moving cursor, one format per look.
    assert [s.cursor.selectedText() for s in selections] == ["first", "second", "paragraph"]
    assert set(formats) == {"search", "echo"}
    assert selections[0].format == selections[2].format != selections[1].format
