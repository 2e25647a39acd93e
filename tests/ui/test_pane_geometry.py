"""Where a pane's blocks stand: the block at a height, and the character under a point."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from pytestqt.qtbot import QtBot

from reader.core.document import Text
from reader.ui.pane_geometry import block_at_y, block_rect, top_position, viewport_span
from reader.ui.pane_pointing import text_position
from reader.ui.text_pane import TextPane
from tests.ui.conftest import shown_pane

# Made up for these tests: paragraphs of different lengths, so blocks differ in height.
MADE_UP = tuple(f"Paragraph {n}. " + "word " * (3 + 17 * (n % 5)) for n in range(60))


@pytest.fixture
def pane(qtbot: QtBot) -> TextPane:
    return shown_pane(qtbot, Text("en", MADE_UP), 600, 400)


def walked(pane: TextPane, y: float) -> int:
    """The block at `y` the slow way: the last block whose top is at or above it."""
    found, block = 0, pane.document().firstBlock()
    while block.isValid():
        if block_rect(pane, block).top() <= y:
            found = block.blockNumber()
        block = block.next()
    return found


def test_block_at_y_agrees_with_a_walk_over_every_block(pane: TextPane) -> None:
    filled = pane.document().blockCount()
    bottom = block_rect(pane, pane.document().lastBlock()).bottom()
    heights = [-50.0, 0.0, *(y * 7.3 for y in range(int(bottom / 7.3) + 20))]
    for y in heights:
        assert block_at_y(pane, filled, y).blockNumber() == walked(pane, y), y
    # Between two paragraphs (in the spacing), the one above.
    second = pane.document().firstBlock().next()
    gap = (block_rect(pane, second.previous()).bottom() + block_rect(pane, second).top()) / 2
    assert block_rect(pane, second.previous()).bottom() < gap < block_rect(pane, second).top()
    assert block_at_y(pane, filled, gap).blockNumber() == 0


def test_block_at_y_stays_within_the_blocks_filled(pane: TextPane) -> None:
    last = pane.document().lastBlock()
    assert block_at_y(pane, 10, block_rect(pane, last).bottom()).blockNumber() == 9
    assert block_at_y(pane, 0, 100.0).blockNumber() == 0
    assert block_at_y(pane, 10**6, 10.0**9).blockNumber() == pane.document().blockCount() - 1
    pane.document().clear()  # as a new text goes in, before the pane recounts its blocks
    assert block_at_y(pane, len(MADE_UP), 500.0).blockNumber() == 0


def test_top_position_reads_the_paragraph_scrolled_to(pane: TextPane) -> None:
    for paragraph in (0, 7, 23, 41):
        pane.scroll_to_position(paragraph, 0.0)
        assert top_position(pane, pane._blocks, pane.document().blockCount())[0] == paragraph


def test_text_position_agrees_with_qt_and_is_none_between_paragraphs(pane: TextPane) -> None:
    filled = pane.document().blockCount()
    layout = pane.document().documentLayout()
    width, height = pane.viewport().width(), pane.viewport().height()
    checked = nones = 0
    for y in range(0, height, 3):
        for x in range(0, width, 37):
            found = text_position(pane, QPoint(x, y), filled, pane.paragraph_at)
            at = QPointF(x, y + pane.verticalScrollBar().value())
            qt = layout.hitTest(at, Qt.HitTestAccuracy.ExactHit)
            assert found == (None if qt < 0 else pane.paragraph_at(qt)), (x, y)
            checked += 1
            nones += found is None
    assert checked > 1000 and 0 < nones < checked  # some points hit text, some do not


def test_viewport_span_covers_every_block_in_view_and_little_more(pane: TextPane) -> None:
    document, bar = pane.document(), pane.verticalScrollBar()
    filled, height = document.blockCount(), pane.viewport().height()
    for value in range(0, bar.maximum() + 1, 37):
        bar.setValue(value)
        first, last = viewport_span(pane, filled, 0, 1)
        edge = bar.value()
        shown = [document.findBlockByNumber(n) for n in range(filled)
                 if block_rect(pane, document.findBlockByNumber(n)).bottom() >= edge
                 and block_rect(pane, document.findBlockByNumber(n)).top() <= edge + height]
        assert shown, value
        assert first <= shown[0].position() and last >= shown[-1].position(), value
        after = shown[-1].next().next()  # the span reaches at most into the next block
        assert not after.isValid() or last < after.position(), value
