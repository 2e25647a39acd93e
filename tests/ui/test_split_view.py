from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock, QTextCursor
from pytestqt.qtbot import QtBot

from reader.core.document import Document, Text
from reader.core.session.reading import NO_ORIGINAL_NOTICE, ReadingState
from reader.core.text_range import TextRange
from reader.ui.resources import register_fonts
from reader.ui.split_view import SplitView


@pytest.fixture
def view() -> ReadingState:
    return ReadingState()


def make_split(qtbot: QtBot, view: ReadingState, document: Document) -> SplitView:
    register_fonts()
    widget = SplitView(view)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    view.set_document(document)
    return widget


@pytest.fixture
def split(qtbot: QtBot, view: ReadingState, seed_document: Document) -> Iterator[SplitView]:
    yield make_split(qtbot, view, seed_document)


def fragments(block: QTextBlock) -> list[tuple[str, bool]]:
    found = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        found.append((fragment.text(), fragment.charFormat().fontItalic()))
        iterator += 1
    return found


def test_opening_shows_both_texts(split: SplitView) -> None:
    original, translation = split.panes["original"], split.panes["translation"]
    assert original.paragraph_count() == 12
    assert translation.paragraph_count() == 12
    assert original.isVisible() and translation.isVisible()
    assert original.toPlainText().startswith("Передано т.Булганину [из Сочи]")
    assert translation.toPlainText().startswith("Transmitted to Bulganin [from Sochi]")
    assert original.accessibleName() == "Original text (Russian)"
    assert translation.accessibleName() == "Translation (English)"
    assert not split.notice.isVisible()
    assert original.isReadOnly()
    # Numbers live in the margin, not in the text, so copying never picks them up.
    assert not original.toPlainText().startswith("1")


def test_paragraph_lines_stay_lines(qtbot: QtBot, view: ReadingState) -> None:
    document = Document(
        id="x",
        title="Header",
        original=Text("ru", ("Пекин\nСовпосол", "Текст")),
        translations=(Text("en", ("Beijing\nSoviet Ambassador", "Text")),),
    )
    widget = make_split(qtbot, view, document)
    pane = widget.panes["translation"]
    assert pane.paragraph_count() == 2
    assert pane.document().findBlockByNumber(0).text() == "Beijing\u2028Soviet Ambassador"
    assert pane.document().findBlockByNumber(0).layout().lineCount() == 2


def test_editorial_brackets_are_styled(split: SplitView) -> None:
    block = split.panes["original"].document().findBlockByNumber(0)
    assert fragments(block) == [("Передано т.Булганину ", False), ("[из Сочи]", True)]


def test_scrolling_one_pane_moves_the_other(qtbot: QtBot, split: SplitView) -> None:
    original, translation = split.panes["original"], split.panes["translation"]
    assert translation.verticalScrollBar().maximum() > 0
    original.scroll_to_position(5, 0.25)
    qtbot.waitUntil(lambda: split.paragraph_at_top("translation") == 5)
    paragraph, fraction = translation.position()
    assert paragraph == 5
    assert fraction == pytest.approx(0.25, abs=0.05)
    assert split.reading.paragraphs == {"original": 5, "translation": 5}
    # And back the other way.
    translation.scroll_to_position(3, 0.0)
    qtbot.waitUntil(lambda: split.paragraph_at_top("original") == 3)


def test_following_never_bounces_back(split: SplitView) -> None:
    moves: list[int] = []
    bar = split.panes["original"].verticalScrollBar()
    bar.valueChanged.connect(moves.append)
    split.panes["original"].scroll_to_position(6, 0.5)
    assert len(moves) == 1


def test_scroll_lock_off_stops_following(qtbot: QtBot, split: SplitView) -> None:
    split.reading.toggle_scroll_lock()
    split.panes["original"].scroll_to_position(6, 0.0)
    assert split.paragraph_at_top("original") == 6
    assert split.paragraph_at_top("translation") == 0
    # Turning it back on brings the follower level again.
    split.reading.toggle_scroll_lock()
    qtbot.waitUntil(lambda: split.paragraph_at_top("translation") == 6)


def test_swap_stacked_and_one_pane(split: SplitView) -> None:
    boxes = {pane: split.panes[pane].parentWidget() for pane in ("original", "translation")}
    assert boxes["original"] is not None and boxes["translation"] is not None
    assert split.splitter.indexOf(boxes["original"]) == 0
    split.reading.swap()
    assert split.splitter.indexOf(boxes["translation"]) == 0
    assert split.splitter.orientation() == Qt.Orientation.Horizontal
    split.reading.toggle_orientation()
    assert split.splitter.orientation() == Qt.Orientation.Vertical
    split.reading.show_only("translation")
    assert not split.panes["original"].isVisible()
    assert split.panes["translation"].isVisible()
    split.reading.show_both()
    assert split.panes["original"].isVisible()


def test_next_document_keeps_the_panes_as_dragged(
    split: SplitView, seed_document: Document
) -> None:
    split.splitter.setSizes([300, 900])
    dragged = split.splitter.sizes()
    assert dragged[0] < dragged[1]
    split.reading.set_document(seed_document)
    assert split.splitter.sizes() == dragged
    split.reading.swap()  # a new arrangement starts from even halves again
    halves = split.splitter.sizes()
    assert abs(halves[0] - halves[1]) <= 1


def test_document_without_original_shows_notice(
    qtbot: QtBot, view: ReadingState, translation_only: Document
) -> None:
    widget = make_split(qtbot, view, translation_only)
    assert widget.notice.isVisible()
    assert widget.notice.text() == NO_ORIGINAL_NOTICE
    assert not widget.panes["original"].isVisible()
    assert widget.panes["translation"].isVisible()
    assert widget.panes["translation"].paragraph_count() == 12


def test_zoom_changes_font_size(split: SplitView) -> None:
    def size() -> float:
        return split.panes["original"].document().defaultFont().pointSizeF()

    before = size()
    split.reading.zoom_in()
    assert size() > before
    split.reading.zoom_out()
    split.reading.zoom_out()
    assert size() < before
    split.reading.zoom_reset()
    assert size() == before
    assert split.panes["translation"].document().defaultFont().pointSizeF() == before


def test_zoom_keeps_the_reading_position(split: SplitView) -> None:
    split.panes["original"].scroll_to_position(6, 0.0)
    split.reading.zoom_in()
    assert split.paragraph_at_top("original") == 6
    assert split.paragraph_at_top("translation") == 6


def test_highlight_marks_ranges(split: SplitView) -> None:
    split.highlight([TextRange("translation", 4, 1, 3), TextRange("original", 0, 0, 8)])
    selections = split.panes["translation"].extraSelections()
    assert [s.cursor.selectedText() for s in selections] == ["I "]
    assert split.panes["original"].highlights() == [(0, 0, 8)]
    split.highlight([])
    assert split.panes["translation"].extraSelections() == []


def test_scroll_commands_move_focused_pane(qtbot: QtBot, split: SplitView) -> None:
    split.focus_pane("translation")
    assert split.reading.focused == "translation"
    bar = split.panes["translation"].verticalScrollBar()
    split.scroll_lines(2)
    assert bar.value() == 2 * split.panes["translation"].line_step()
    split.scroll_pages(1)
    assert bar.value() > 2 * split.panes["translation"].line_step()
    split.scroll_to_bottom()
    assert bar.value() == bar.maximum()
    original_bar = split.panes["original"].verticalScrollBar()
    qtbot.waitUntil(lambda: original_bar.value() == original_bar.maximum())
    split.scroll_to_top()
    assert bar.value() == 0
    assert original_bar.value() == 0


def test_scroll_to_paragraph(split: SplitView) -> None:
    split.scroll_to_paragraph("original", 6)
    assert split.paragraph_at_top("original") == 6
    assert split.paragraph_at_top("translation") == 6


def test_sync_other_pane_aligns_cursor_paragraph(split: SplitView) -> None:
    split.reading.toggle_scroll_lock()
    original = split.panes["original"]
    split.focus_pane("original")
    original.scroll_to_position(4, 0.0)
    cursor = original.textCursor()
    cursor.setPosition(original.document().findBlockByNumber(6).position())
    original.setTextCursor(cursor)
    cursor.movePosition(QTextCursor.MoveOperation.NoMove)
    assert split.paragraph_at_top("translation") == 0
    split.sync_other_pane()
    translation = split.panes["translation"]
    original_height = original.paragraph_top(6) - original.verticalScrollBar().value()
    translation_height = translation.paragraph_top(6) - translation.verticalScrollBar().value()
    assert translation_height == pytest.approx(original_height, abs=1.5)
    assert translation.textCursor().blockNumber() == 6


def test_several_translations_follow_the_view(
    qtbot: QtBot, view: ReadingState, seed_document: Document
) -> None:
    from dataclasses import replace

    second = Text("de", ("Erster Absatz", "Zweiter Absatz"))
    document = replace(seed_document, translations=(*seed_document.translations, second))
    widget = make_split(qtbot, view, document)
    choice = widget.translation_choice
    assert choice.isVisible()
    assert [choice.itemText(i) for i in range(choice.count())] == [
        "Translation 1: English", "Translation 2: German"
    ]
    view.set_translation(1)
    assert widget.panes["translation"].toPlainText().startswith("Erster Absatz")
    assert widget.panes["translation"].accessibleName() == "Translation (German)"
    assert choice.currentIndex() == 1
    choice.activated.emit(0)  # what picking the first entry in the list sends
    assert view.translation_index == 0
    assert widget.panes["translation"].toPlainText().startswith("Transmitted to Bulganin")


def test_one_translation_offers_no_choice(split: SplitView) -> None:
    assert split.translation_choice.isHidden()


def test_clicking_a_pane_focuses_it_in_the_view(qtbot: QtBot, split: SplitView) -> None:
    qtbot.mouseClick(split.panes["translation"].viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: split.reading.focused == "translation")


def test_apparatus_after_characters_beyond_the_basic_plane(
    qtbot: QtBot, view: ReadingState, seed_document: Document
) -> None:
    # 𠀀 (U+20000, a rare Han character) is two positions for Qt and one for Python.
    text = Text(language="zh", paragraphs=("𠀀字 [注]", "第二 [按]"))
    document = replace(seed_document, original=text)
    widget = make_split(qtbot, view, document)
    blocks = widget.panes["original"].document()
    assert blocks.blockCount() == 2
    assert fragments(blocks.findBlockByNumber(0))[-1] == ("[注]", True)
    assert fragments(blocks.findBlockByNumber(1)) == [("第二 ", False), ("[按]", True)]
    # Marks and selections speak core offsets (code points) on both sides of Qt.
    pane = widget.panes["original"]
    pane.set_highlights([(0, 1, 2)])  # 字
    assert pane.extraSelections()[0].cursor.selectedText() == "字"
    cursor = QTextCursor(blocks.findBlockByNumber(0))
    cursor.setPosition(2)  # after 𠀀, which is two UTF-16 units
    cursor.setPosition(3, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    assert pane.selection_ranges() == [TextRange("original", 0, 1, 2)]
