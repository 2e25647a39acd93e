"""Sentence links in the real window: pointing, the sentence cursor, marks, link and unlink."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from reader.core.document import Document, Text
from reader.core.session.workspace import Workspace
from reader.core.text_range import TextRange
from reader.ui.app import DiglotApp
from reader.ui.text_pane import TextPane
from tests.ui.rendered import as_shown
from tests.ui.test_app import press


@pytest.fixture
def reader(qtbot: QtBot, diglot_home: Path, seed_document: Document) -> Iterator[DiglotApp]:
    app = DiglotApp(Workspace(diglot_home), settings_path=diglot_home / "settings.ini")
    qtbot.addWidget(app.window)
    app.window.resize(1400, 900)
    app.window.show()
    qtbot.waitExposed(app.window)
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow)  # keys need the active window
    app.workspace.reading.set_document(seed_document)
    yield app
    app.shutdown()


def seoul(document: Document) -> tuple[TextRange, TextRange, TextRange]:
    """Russian "В районе Сеула ... открытым." and its two English sentences."""
    assert document.original is not None
    russian = document.original.paragraphs[5]
    english = document.translations[0].paragraphs[5]
    ru = TextRange("original", 5, russian.find("В районе Сеула"), len(russian))
    first = TextRange("translation", 5, english.find("Our Korean friends"),
                      english.find("Seoul.") + len("Seoul."))
    second = TextRange("translation", 5, english.find("Hence,"), len(english))
    return ru, first, second


def point_at(pane: TextPane, paragraph: int, offset: int) -> QPoint:
    """The viewport point in the middle of the character at `offset` of `paragraph`."""
    cursor = QTextCursor(pane.document().findBlockByNumber(paragraph))
    cursor.setPosition(cursor.position() + offset + 1)
    rect = pane.cursorRect(cursor)
    return QPoint(rect.left() - 3, rect.center().y())


def click(reader: DiglotApp, sentence: TextRange) -> None:
    split = reader.window.split_view
    split.reveal([sentence], lead=True)
    pane = split.panes[sentence.pane]
    QTest.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier,
                     point_at(pane, sentence.paragraph, sentence.start + 2))


def spans(*ranges: TextRange) -> list[tuple[int, int, int]]:
    return [(r.paragraph, r.start, r.end) for r in ranges]


def test_clicking_a_sentence_lights_its_counterparts(
    reader: DiglotApp, seed_document: Document
) -> None:
    ru, first, second = seoul(seed_document)
    assert ru.start > 0 and first.start > 0 and second.start > 0
    click(reader, ru)
    panes = reader.window.split_view.panes
    assert reader.workspace.links.cursor == ru
    assert panes["translation"].marks("link") == spans(first, second)
    assert panes["translation"].mark_styles("link") == ["counterpart", "counterpart"]
    assert panes["original"].marks("link") == spans(ru)
    assert panes["original"].mark_styles("link") == ["sentence"]


def test_pointing_lights_counterparts_and_explains_unaligned(
    qtbot: QtBot, reader: DiglotApp, seed_document: Document
) -> None:
    ru, first, second = seoul(seed_document)
    split = reader.window.split_view
    split.reveal([first], lead=True)
    pane = split.panes["translation"]
    QTest.mouseMove(pane.viewport(), point_at(pane, 5, second.start + 2))
    qtbot.waitUntil(lambda: split.panes["original"].marks("link") == spans(ru))
    assert pane.marks("link") == spans(second)
    assert reader.workspace.links.cursor is None  # pointing is not choosing
    assert pane.viewport().toolTip() == ""


def test_brackets_move_the_sentence_cursor(reader: DiglotApp, seed_document: Document) -> None:
    ru, _, _ = seoul(seed_document)
    click(reader, ru)
    links = reader.workspace.links
    sentences = links.sentences("original")
    pane = reader.window.split_view.panes["original"]
    press(pane, "]")
    assert links.cursor == sentences[sentences.index(ru) + 1]
    assert links.cursor is not None and links.cursor.paragraph == 6
    assert pane.marks("link") == spans(links.cursor)
    press(pane, "[")
    assert links.cursor == ru


def test_return_brings_the_other_pane_to_the_counterpart(
    qtbot: QtBot, reader: DiglotApp
) -> None:
    workspace, split = reader.workspace, reader.window.split_view
    workspace.reading.toggle_scroll_lock()  # so only the jump moves the translation
    split.scroll_to_paragraph("translation", 0)
    split.scroll_to_paragraph("original", 7)
    links = workspace.links
    (sentence,) = [s for s in links.sentences("original") if s.paragraph == 7][:1]
    click(reader, sentence)
    # At the reading size the click itself shows the counterpart: put it out of view again.
    split.scroll_to_paragraph("translation", 0)
    assert split.paragraph_at_top("translation") == 0
    press(split.panes["original"], "Return")
    (counterpart,) = links.counterparts_of(sentence)
    assert counterpart.paragraph == 7
    assert split.paragraph_at_top("translation") > 0
    mine, theirs = split.viewport_y(sentence), split.viewport_y(counterpart)
    assert mine is not None and theirs is not None and abs(mine - theirs) <= 1


def without_however(document: Document) -> Document:
    """The seed with the Russian "Однако ..." dropped: its English sentence has no partner."""
    assert document.original is not None
    russian = list(document.original.paragraphs)
    russian[4] = russian[4][: russian[4].index("Однако")].rstrip()
    return replace(document, original=Text("ru", tuple(russian)))


def test_an_unaligned_sentence_is_marked(
    qtbot: QtBot, reader: DiglotApp, seed_document: Document
) -> None:
    reader.workspace.reading.set_document(without_however(seed_document))
    english = seed_document.translations[0].paragraphs[4]
    start = english.find("However, judging by the information")
    end = english.find(".", start) + 1
    panes = reader.window.split_view.panes
    (mark,) = panes["translation"].marks("unaligned")
    assert mark[:2] == (4, start) and mark[2] >= end
    assert panes["original"].marks("unaligned") == []
    pane = panes["translation"]
    QTest.mouseMove(pane.viewport(), point_at(pane, 4, start + 2))
    no_counterpart = ("No counterpart in the original", 0)
    qtbot.waitUntil(lambda: as_shown(pane.viewport().toolTip()) == no_counterpart)


def select(pane: TextPane, paragraph: int, start: int, end: int) -> None:
    block = pane.document().findBlockByNumber(paragraph)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + start)
    cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)


def test_link_and_unlink_by_keys_survive_a_new_workspace(
    reader: DiglotApp, seed_document: Document, diglot_home: Path
) -> None:
    ru, first, second = seoul(seed_document)
    panes = reader.window.split_view.panes
    select(panes["original"], 5, ru.start + 3, ru.start + 10)
    select(panes["translation"], 5, first.start, first.start + 5)
    reader.window.split_view.focus_pane("original")
    press(panes["original"], "L")
    links = reader.workspace.links
    assert links.counterparts_of(ru) == [first]
    assert spans(second)[0] in panes["translation"].marks("unaligned")
    fresh = Workspace(diglot_home)
    fresh.reading.set_document(seed_document)
    assert fresh.links.counterparts_of(ru) == [first]

    click(reader, first)
    press(panes["translation"], "U")
    assert links.counterparts_of(first) == []
    assert spans(first)[0] in panes["translation"].marks("unaligned")
    again = Workspace(diglot_home)
    again.reading.set_document(seed_document)
    assert again.links.counterparts_of(first) == []


def test_search_matches_echo_in_the_other_language(
    reader: DiglotApp, seed_document: Document
) -> None:
    _, first, second = seoul(seed_document)
    reader.workspace.find_in_document("Сеула")
    panes = reader.window.split_view.panes
    assert panes["original"].highlights()
    assert set(spans(first, second)) <= set(panes["translation"].marks("echo"))
    reader.workspace.find_in_document("")
    assert panes["translation"].marks("echo") == []


def test_scrolling_follows_the_aligned_paragraphs(
    qtbot: QtBot, reader: DiglotApp, seed_document: Document
) -> None:
    english = list(seed_document.translations[0].paragraphs)
    # The translator ran Russian paragraphs 5 and 6 (English 4 and 5) together.
    merged = (*english[:4], english[4] + " " + english[5], *english[6:])
    reader.workspace.reading.set_document(
        replace(seed_document, translations=(Text("en", merged),))
    )
    split = reader.window.split_view
    reader.window.resize(1000, 500)  # short panes, so paragraph 6 can reach the top
    qtbot.waitUntil(lambda: split.panes["original"].viewport().height() < 450)
    split.scroll_to_paragraph("original", 6)
    # Position pairing would put English 6 here; the alignment knows it is English 5.
    qtbot.waitUntil(lambda: split.paragraph_at_top("translation") == 5)
