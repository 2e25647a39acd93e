"""Paragraph numbers painted in the pane's margin: one at each paragraph's first block only."""

from __future__ import annotations

from PySide6.QtGui import QImage, QPalette, QTextBlock

from reader.ui.pane_geometry import block_rect
from reader.ui.text_pane import TextPane
from tests.ui.test_pane_blocks import pane as pane  # the fixture


def ink_beside(pane: TextPane, image: QImage, block: QTextBlock) -> int:
    """Pixels unlike the background in the margin, level with a block's first line."""
    base = pane.palette().color(QPalette.ColorRole.Base).rgb()
    top = round(block_rect(pane, block).top() - pane.verticalScrollBar().value())
    line = block.layout().lineAt(0)
    margin = round(pane.document().rootFrame().frameFormat().leftMargin())
    return sum(image.pixel(x, y) != base
               for x in range(margin - 2) for y in range(top, top + round(line.height()))
               if 0 <= y < image.height())


def test_numbers_mark_each_paragraphs_first_block_only(pane: TextPane) -> None:
    labels = [pane._number_of(n) for n in range(pane.document().blockCount())]
    assert labels[0] == "1" and labels[1] == "2" and labels[-1] == "3"
    assert set(labels[2:-1]) == {""}  # the later blocks of the split paragraph
    image = pane.viewport().grab().toImage()
    first, second = pane.document().firstBlock(), pane.document().firstBlock().next()
    assert ink_beside(pane, image, first) > 0 and ink_beside(pane, image, second) > 0
    assert ink_beside(pane, image, second.next()) == 0
