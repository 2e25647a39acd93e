"""Pointing into a text pane: the character under a viewport point, the selection as ranges.

The selection comes back as core ranges, one per paragraph it touches, also where a
paragraph is shown in several blocks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QTextEdit

from reader.core.text_range import Pane, TextRange

# A document position to (paragraph, core offset): the pane's `paragraph_at`.
ParagraphAt = Callable[[int], tuple[int, int]]


def text_position(edit: QTextEdit, point: QPoint, paragraph_at: ParagraphAt,
                  ) -> tuple[int, int] | None:  # fmt: skip
    """(paragraph, offset) of the character at a viewport point; None off the text."""
    at = QPointF(point.x() + edit.horizontalScrollBar().value(),
                 point.y() + edit.verticalScrollBar().value())
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
