"""A long paragraph shown in several blocks, and a long text filled in slices (issue 12).

The texts are made up: sentences numbered so that each is unique, one of them holding a
character beyond U+FFFF (two UTF-16 units in Qt) to keep the offset conversions honest.
"""

from __future__ import annotations

import random
import re

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from reader.core.document import Text
from reader.ui import pane_blocks, text_pane
from reader.ui.pane_blocks import PaneBlocks, core_offset, qt_offset, split_points
from reader.ui.text_pane import TextPane
from tests.ui.conftest import shown_pane

SENTENCES = [f"Sentence {n} of the made-up paragraph runs on a little." for n in range(60)]
SENTENCES[17] = "Sentence 17 holds 𝔄 beyond the basic plane."
SENTENCES[45] = "Sentence 45 has a word [illegible] in it."
LONG = " ".join(SENTENCES)


def sentence_range(n: int) -> tuple[int, int]:
    start = LONG.index(SENTENCES[n])
    return start, start + len(SENTENCES[n])


def test_a_long_paragraph_is_cut_after_sentences() -> None:
    starts = split_points(LONG, 300)
    assert starts[0] == 0 and len(starts) > 5
    pieces = [LONG[a:b] for a, b in zip(starts, [*starts[1:], len(LONG)], strict=True)]
    assert "".join(pieces) == LONG  # nothing lost, nothing doubled
    assert all(len(piece) <= 300 for piece in pieces)
    assert all(piece.endswith(". ") for piece in pieces[:-1])
    assert split_points("x" * 1000, 300) == [0, 300, 600, 900]  # no space: a hard cut


def _split_points_listing_every_match(paragraph: str, longest: int) -> list[int]:
    # How split_points found a block's end before it searched for the last one directly.
    sentence_end, space = re.compile(r"[.!?…;:»\"')\]]\s+"), re.compile(r"\s+")
    starts = [0]
    while len(paragraph) - starts[-1] > longest:
        start = starts[-1]
        cut = start + longest
        window = paragraph[start + longest // 2 : cut]
        end = None
        for pattern in (sentence_end, space):
            found = list(pattern.finditer(window))
            if found:
                end = start + longest // 2 + found[-1].end()
                break
        starts.append(end if end is not None and end < cut else cut)
    return starts


@pytest.mark.parametrize("seed", range(40))
def test_the_last_sentence_end_is_found_as_listing_every_match_found_it(seed: int) -> None:
    rnd = random.Random(seed)
    pieces = ["word", "слово", ".", "!", "?", "…", ";", ":", "»", '"', "'", ")", "]", " ", "  ",
              "\n", "\t", "\u2028", "𝔄", "x" * 40]  # fmt: skip
    made_up = "".join(rnd.choice(pieces) for _ in range(rnd.randint(50, 3000)))
    for longest in (7, 30, 64, 301, 1500):
        assert split_points(made_up, longest) == _split_points_listing_every_match(made_up, longest)


def test_a_paragraph_of_a_books_length_is_cut_finer() -> None:
    # Qt lays a block out whole as it goes in: blocks of a huge paragraph stay short, so a
    # slice of the fill does too; an ordinary long paragraph keeps the usual blocks.
    huge = " ".join(SENTENCES) * (pane_blocks.HUGE_PARAGRAPH // len(LONG) + 1)
    long = huge[: pane_blocks.HUGE_PARAGRAPH - 1]
    blocks = PaneBlocks(("Short one.", huge, long))

    def shown(block: int) -> str:
        piece = blocks.piece(block)
        return blocks.paragraphs[piece.paragraph][piece.start : piece.end]

    sizes = [len(shown(n)) for n in blocks.blocks(1)]
    assert max(sizes) <= pane_blocks.HUGE_PARAGRAPH_BLOCK < pane_blocks.LONGEST_BLOCK
    assert "".join(shown(n) for n in blocks.blocks(1)) == huge
    assert max(len(shown(n)) for n in blocks.blocks(2)) > pane_blocks.HUGE_PARAGRAPH_BLOCK
    assert len(blocks.blocks(2)) == len(split_points(long, pane_blocks.LONGEST_BLOCK))


def test_blocks_map_paragraph_offsets_both_ways() -> None:
    paragraphs = ("Short one.", LONG, "Another short one.")
    blocks = PaneBlocks(paragraphs, longest=300)
    assert blocks.split and blocks.first_block(1) == 1
    assert blocks.first_block(2) == blocks.block_count() - 1
    for offset in range(0, len(LONG), 7):
        block, within = blocks.block_of(1, offset)
        assert block in blocks.blocks(1)
        assert blocks.paragraph_of(block, within) == (1, offset)
        piece = blocks.piece(block)
        assert piece.start <= offset < piece.end
    assert blocks.block_of(2, 3) == (blocks.block_count() - 1, 3)
    assert not PaneBlocks(paragraphs).split  # the usual page: one block a paragraph


def test_qt_offsets_count_astral_characters_twice() -> None:
    text = "a𝔄b𝔄c"
    assert [qt_offset(text, n) for n in range(6)] == [0, 1, 3, 4, 6, 7]
    assert [core_offset(text, qt_offset(text, n)) for n in range(6)] == list(range(6))


@pytest.mark.parametrize("text", ["", "plain", "é", "Пекин", "中文", "𝔄", "Пекин 𝔄 中文",
                                  "x" * 5000 + "𝔄", "\uffff", "\U00010000"])
def test_astral_positions_found_for_every_width_of_string(text: str) -> None:
    # Whether a string can hold astral characters is read from its size, not its text.
    expected = [n for n, character in enumerate(text) if ord(character) > 0xFFFF]
    assert [qt_offset(text, n) - n for n in range(len(text) + 1)] == [
        sum(1 for p in expected if p < n) for n in range(len(text) + 1)
    ]


@pytest.fixture
def pane(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> TextPane:
    monkeypatch.setattr(pane_blocks, "LONGEST_BLOCK", 300)
    return shown_pane(qtbot, Text("en", ("Before.", LONG, "After.")), 700, 500)


def selected(pane: TextPane, index: int) -> str:
    selections = pane.extraSelections()  # held: the cursors die with the list
    cursor = selections[index].cursor
    return cursor.selectedText().replace("\u2029", "")


def drawn_paragraphs(pane: TextPane) -> list[int]:
    selections = pane.extraSelections()
    return [pane.paragraph_at(s.cursor.selectionStart())[0] for s in selections]


def test_marks_land_on_their_characters_in_a_split_paragraph(pane: TextPane) -> None:
    assert pane.document().blockCount() > 5 and pane.paragraph_count() == 3
    marks = [(1, *sentence_range(n), "sentence") for n in range(60)]
    pane.set_marks("link", marks)  # type: ignore[arg-type]
    assert [selected(pane, n) for n in range(60)] == SENTENCES
    # The paragraph after the split one is still paragraph 2, at its own offsets.
    pane.set_marks("link", [(2, 0, 5, "sentence")])
    assert selected(pane, 0) == "After"


def test_positions_in_a_split_paragraph_come_back_to_the_same_offsets(pane: TextPane) -> None:
    for offset in range(0, len(LONG), 11):
        assert pane.paragraph_at(pane.qt_position(1, offset)) == (1, offset)
    # The numbers in the margin and the pointer know the paragraph, whichever block.
    last_block = pane.document().lastBlock().previous()
    assert pane.paragraph_at(last_block.position())[0] == 1


def test_a_selection_across_blocks_is_one_range(pane: TextPane) -> None:
    first, last = sentence_range(3)[0], sentence_range(40)[1]
    cursor = pane.textCursor()
    cursor.setPosition(pane.qt_position(1, first))
    cursor.setPosition(pane.qt_position(1, last), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    ((_, paragraph, start, end),) = pane.selection_ranges()
    assert (paragraph, start, end) == (1, first, last)


def test_scrolling_within_a_split_paragraph_keeps_its_place(pane: TextPane) -> None:
    pane.resize(700, 200)
    pane.scroll_to_position(1, 0.5)
    paragraph, fraction = pane.position()
    assert paragraph == 1 and 0.45 < fraction < 0.55
    pane.scroll_to_position(paragraph, fraction)
    assert pane.position() == (paragraph, fraction)
    top, bottom = pane.range_span(1, *sentence_range(30)) or (0.0, 0.0)
    assert pane.paragraph_top(1) < top < bottom


def test_a_long_text_goes_in_by_slices(qtbot: QtBot, pane: TextPane) -> None:
    paragraphs = tuple(f"Made-up paragraph {n}, a line of its own." for n in range(3000))
    pane.set_text(Text("en", paragraphs))
    assert pane.filling and pane.paragraph_count() == 3000
    assert pane.document().blockCount() < 3000  # the first screens only, so far
    pane.scroll_to_position(2900, 0.0)  # not in yet: taken when it is
    many = [(n, 0, 9, "unaligned") for n in range(3000)]
    pane.set_marks("unaligned", many)  # type: ignore[arg-type]
    with qtbot.waitSignal(pane.filled, timeout=20000):
        pass
    assert pane.document().blockCount() == 3000
    assert pane.position() == (2900, 0.0)
    assert pane.toPlainText().split("\n") == list(paragraphs)
    # Thousands of marks: those near the viewport are drawn, on the right paragraphs.
    drawn = drawn_paragraphs(pane)
    assert 2900 in drawn and 0 not in drawn and len(drawn) < text_pane.FEW_MARKS
    assert all(selected(pane, n) == "Made-up p" for n in range(len(drawn)))
    pane.scroll_to_position(10, 0.0)
    drawn = drawn_paragraphs(pane)
    assert 10 in drawn and 2900 not in drawn


def test_a_long_text_fills_the_first_screen_on_the_next_turn_and_an_ordinary_one_at_once(
    qtbot: QtBot, pane: TextPane
) -> None:
    pane.resize(700, 1200)
    paragraphs = tuple(f"Made-up paragraph {n}, a line of its own." for n in range(3000))
    assert sum(map(len, paragraphs)) > text_pane.LONG_TEXT_CHARS
    document = pane.document()
    room = document.rootFrame().frameFormat().bottomMargin()  # kept past the end
    turns: list[tuple[int, float]] = []  # characters in and text height, after each slice
    document.contentsChanged.connect(lambda: turns.append(
        (document.characterCount(), document.documentLayout().documentSize().height() - room)))
    pane.set_text(Text("en", paragraphs))
    # Nothing laid out while the caller (the window opening a page) still has work to do.
    assert pane.filling and document.characterCount() <= 1
    turns.clear()  # emptying the pane
    with qtbot.waitSignal(pane.filled, timeout=20000):
        pass
    shown, height = turns[0]
    # Less than the first 12,000 characters, but more than a tall pane shows.
    assert text_pane.FIRST_SCREEN_CHARS <= shown < text_pane.FIRST_CHARS
    assert height > pane.viewport().height()
    assert pane.textCursor().position() == 0
    ordinary = paragraphs[:200]  # about 8,000 characters: all of it goes in at once
    assert sum(map(len, ordinary)) < text_pane.FIRST_CHARS
    pane.set_text(Text("en", ordinary))
    assert not pane.filling and pane.toPlainText().split("\n") == list(ordinary)


def test_apparatus_is_styled_in_every_block_of_a_split_paragraph(pane: TextPane) -> None:
    at = LONG.index("[illegible]")
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.qt_position(1, at + 3))
    assert cursor.charFormat().fontItalic()
    cursor.setPosition(pane.qt_position(1, at - 3))
    assert not cursor.charFormat().fontItalic()


def test_many_marks_in_one_split_paragraph_are_drawn_near_the_viewport(
    pane: TextPane, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(text_pane, "FEW_MARKS", 10)
    pane.resize(700, 150)
    marks = [(1, *sentence_range(n), "unaligned") for n in range(60)]
    pane.set_marks("unaligned", marks)  # type: ignore[arg-type]
    shown = {selected(pane, n) for n in range(len(pane.extraSelections()))}
    assert SENTENCES[0] in shown and SENTENCES[59] not in shown
    pane.scroll_to_position(1, 0.99)
    shown = {selected(pane, n) for n in range(len(pane.extraSelections()))}
    assert SENTENCES[59] in shown and SENTENCES[0] not in shown


def test_a_long_mark_starting_above_what_is_drawn_still_shows(
    pane: TextPane, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(text_pane, "FEW_MARKS", 10)
    pane.resize(700, 150)
    unaligned = [(1, *sentence_range(n), "unaligned") for n in range(60)]
    pane.set_marks("unaligned", unaligned)  # type: ignore[arg-type]
    pane.set_marks("link", [(1, 0, len(LONG), "sentence")])
    pane.scroll_to_position(1, 0.9)  # far into the mark: it starts screens above
    shown = [selected(pane, n) for n in range(len(pane.extraSelections()))]
    assert LONG in shown
    assert SENTENCES[0] not in shown and SENTENCES[59] in shown


def test_a_layer_set_again_leaves_the_others_as_they_were_drawn(
    pane: TextPane, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[int] = []
    selections_of = text_pane.selections_of

    def counting(marks, *rest):  # type: ignore[no-untyped-def]
        built.append(len(marks))
        return selections_of(marks, *rest)

    monkeypatch.setattr(text_pane, "selections_of", counting)
    links = [(1, *sentence_range(n), "sentence") for n in range(40)]
    pane.set_marks("link", links)  # type: ignore[arg-type]
    pane.set_highlights([(0, 0, 6)])
    assert built == [40, 1]  # each layer built once, the links not again for the hit
    pane.set_highlights([(2, 0, 5)])
    pane.set_marks("link", links)  # type: ignore[arg-type]  # unchanged: nothing to do
    assert built == [40, 1, 1]
    shown = [selected(pane, n) for n in range(len(pane.extraSelections()))]
    assert shown == [*SENTENCES[:40], "After"]  # links under the hit, in layer order
