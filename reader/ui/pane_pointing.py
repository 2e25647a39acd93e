"""Pointing into a text pane: the character under a viewport point, the selection as ranges.

The selection comes back as core ranges, one per paragraph it touches, also where a
paragraph is shown in several blocks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QTextEdit

from reader.core.text_range import Pane, TextRange
from reader.ui.pane_geometry import block_at_y, block_rect

# A document position to (paragraph, core offset): the pane's `paragraph_at`.
ParagraphAt = Callable[[int], tuple[int, int]]


def text_position(edit: QTextEdit, point: QPoint, filled: int, paragraph_at: ParagraphAt,
                  ) -> tuple[int, int] | None:  # fmt: skip
    """(paragraph, offset) of the character at a viewport point; None off the text.

    `filled`: how many blocks are in the document so far.
    """
    at = QPointF(point.x() + edit.horizontalScrollBar().value(),
                 point.y() + edit.verticalScrollBar().value())
    # Between two paragraphs, or above the first, Qt's hit test walks every block to the
    # end before it says "nothing": 11 ms a mouse move on a page of 20,000 paragraphs.
    rect = block_rect(edit, block_at_y(edit, filled, at.y()))
    if not rect.top() <= at.y() <= rect.bottom():
        return None
    position = edit.document().documentLayout().hitTest(at, Qt.HitTestAccuracy.ExactHit)
    if position < 0:
        return None
    return paragraph_at(position)


def selection_ranges(edit: QTextEdit, pane: Pane, paragraph_at: ParagraphAt) -> list[TextRange]:
    """The text selected in `edit` as core ranges of `pane`, one per paragraph it touches."""
    cursor = edit.textCursor()
    if not cursor.hasSelection():
        return []
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    ranges: list[TextRange] = []
    block = edit.document().findBlock(start)
    while block.isValid() and block.position() < end:
        first = max(start - block.position(), 0)
        last = min(end - block.position(), block.length() - 1)
        if last > first:
            paragraph, core_first = paragraph_at(block.position() + first)
            core_last = paragraph_at(block.position() + last)[1]
            if ranges and ranges[-1].paragraph == paragraph:  # the same paragraph, on
                core_first = ranges.pop().start
            ranges.append(TextRange(pane, paragraph, core_first, core_last))
        block = block.next()
    return ranges
