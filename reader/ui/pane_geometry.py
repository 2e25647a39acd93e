"""Where a text pane's paragraphs stand in its laid-out document.

Document positions of core offsets and back, the viewport's position in the text, the
scroll value that puts a paragraph at the top, and a range's lines. Functions of the pane's
QTextEdit, its display blocks and how many of them are in so far (a long text goes in slice
by slice), so they never reach a block that is not in yet.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QTextEdit

from reader.ui.pane_blocks import PaneBlocks, core_offset, qt_offset


def paragraph_at(edit: QTextEdit, blocks: PaneBlocks, filled: int,
                 position: int) -> tuple[int, int]:
    """(paragraph, core offset) of a document position (the text cursor's, say)."""
    block = edit.document().findBlock(position)
    number = block.blockNumber()
    if not 0 <= number < filled:
        return max(number, 0), max(position - block.position(), 0)
    piece = blocks.piece(number)
    paragraph = blocks.paragraphs[piece.paragraph]
    units = qt_offset(paragraph, piece.start) + position - block.position()
    return piece.paragraph, core_offset(paragraph, units)


def qt_position(edit: QTextEdit, blocks: PaneBlocks, fill_end: int, paragraph: int,
                offset: int) -> int:
    """The document position of a core offset into `paragraph` (clamped to it).

    `fill_end` (the document position after the blocks in so far) for a block not in yet.
    """
    if not 0 <= paragraph < len(blocks.paragraphs):
        return 0
    number, _ = blocks.block_of(paragraph, max(offset, 0))
    block = edit.document().findBlockByNumber(number)
    if not block.isValid():
        return fill_end
    within = blocks.qt_within(blocks.piece(number), min(max(offset, 0),
                                                        len(blocks.paragraphs[paragraph])))
    return block.position() + min(max(within, 0), max(block.length() - 1, 0))


def qt_span(edit: QTextEdit, blocks: PaneBlocks, filled: tuple[int, int], paragraph: int,
            start: int, end: int, cache: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    """The document positions of a mark, as `qt_position` has them; None if not in yet.

    `filled`: the blocks in so far and the document position after them; `cache` keeps
    each paragraph's block position and room across the marks of one layer.
    """
    if not 0 <= paragraph < len(blocks.paragraphs):
        return None
    if blocks.split:  # a paragraph may span blocks: the general way
        if blocks.block_of(paragraph, start)[0] >= filled[0]:
            return None
        first = qt_position(edit, blocks, filled[1], paragraph, start)
        last = qt_position(edit, blocks, filled[1], paragraph, end)
        return first, max(last, first)
    if paragraph >= filled[0]:
        return None
    # One block per paragraph (block number = paragraph), looked up once per paragraph.
    if paragraph not in cache:
        block = edit.document().findBlockByNumber(paragraph)
        cache[paragraph] = block.position(), max(block.length() - 1, 0)
    position, room = cache[paragraph]
    text = blocks.paragraphs[paragraph]
    first = position + min(qt_offset(text, min(max(start, 0), len(text))), room)
    last = position + min(qt_offset(text, min(max(end, 0), len(text))), room)
    return first, max(last, first)


def block_rect(edit: QTextEdit, block: QTextBlock) -> QRectF:
    """A block's rectangle in document coordinates (laying the block out if need be)."""
    return edit.document().documentLayout().blockBoundingRect(block)


def block_at_y(edit: QTextEdit, filled: int, y: float) -> QTextBlock:
    """The last of the first `filled` blocks whose top is at or above document y `y`.

    The first block when none is. Found by bisection over where Qt has laid blocks out,
    then checked against their rectangles: Qt's own hit test walks every block after a point
    that falls in a margin or between two paragraphs, 11 ms a call on a page of 20,000
    paragraphs, and each repaint and scroll asked it (issue 12). A block not laid out yet
    counts as below `y`: Qt lays a document out from its top.
    """
    document = edit.document()
    # `filled` can still count a text the document was just cleared of (a scroll signal
    # while a new text goes in).
    low, high = 0, max(min(filled, document.blockCount()), 1) - 1
    while low < high:
        middle = (low + high + 1) // 2
        layout = document.findBlockByNumber(middle).layout()
        if layout.lineCount() and layout.position().y() <= y:
            low = middle
        else:
            high = middle - 1
    block = document.findBlockByNumber(low)
    while block.previous().isValid() and block_rect(edit, block).top() > y:
        block = block.previous()
    while block.next().isValid() and block.next().blockNumber() < filled \
            and block_rect(edit, block.next()).top() <= y:  # fmt: skip
        block = block.next()
    return block


def viewport_span(edit: QTextEdit, filled: int, top: float, bottom: float) -> tuple[int, int]:
    """Document positions of the text from `top` to `bottom` screens down the viewport.

    Whole blocks, through the start of the one after (the bottom edge may fall in the
    spacing above it): near enough to choose which marks to draw, and finding them never
    walks the document (`block_at_y`).
    """
    height, edge = edit.viewport().height(), edit.verticalScrollBar().value()
    first = block_at_y(edit, filled, edge + top * height)
    last = block_at_y(edit, filled, edge + bottom * height)
    if last.next().isValid() and last.next().blockNumber() < filled:
        return first.position(), last.next().position()
    return first.position(), last.position() + max(last.length() - 1, 0)


def block_at(
    edit: QTextEdit, blocks: PaneBlocks, filled: int, paragraph: int, offset: int = 0
) -> tuple[QTextBlock, int]:
    """The block showing a paragraph's character at `offset`, and its Qt offset there.

    An invalid block when that block is not in the document yet.
    """
    number, _ = blocks.block_of(paragraph, offset)
    block = edit.document().findBlockByNumber(number) if number < filled else None
    if block is None or not block.isValid():
        return QTextBlock(), 0
    return block, blocks.qt_within(blocks.piece(number), offset)


def top_position(edit: QTextEdit, blocks: PaneBlocks, filled: int) -> tuple[int, float]:
    """The paragraph at the top of the viewport and how far through it the top edge is.

    The fraction is of the paragraph's height; for a paragraph shown in several blocks,
    of its characters, so finding it never lays out more than is on screen.
    """
    if not filled:
        return 0, 0.0
    # The block is found half a pixel down (scroll values are whole pixels, block tops
    # are not), the fraction at the edge itself, so that `scroll_target` of a position
    # read here comes back to the very same pixel.
    edge = edit.verticalScrollBar().value()
    block = block_at_y(edit, filled, edge + 0.5)
    rect = block_rect(edit, block)
    piece = blocks.piece(min(block.blockNumber(), filled - 1))
    through = 0.0
    if rect.height() > 0 and edge > rect.top():
        through = min((edge - rect.top()) / rect.height(), 1.0)
    length = len(blocks.paragraphs[piece.paragraph])
    if piece.start == 0 and piece.end == length:
        return piece.paragraph, through
    return piece.paragraph, (piece.start + through * (piece.end - piece.start)) / length


def scroll_target(edit: QTextEdit, blocks: PaneBlocks, number: int, paragraph: int,
                  fraction: float) -> float:
    """The document y that puts the top edge `fraction` of the way through `paragraph`.

    `number` is the block showing that point (`PaneBlocks.block_of`), already in.
    """
    rect = block_rect(edit, edit.document().findBlockByNumber(number))
    piece = blocks.piece(number)
    length = len(blocks.paragraphs[paragraph])
    if piece.start == 0 and piece.end == length:
        through = fraction
    else:
        through = (fraction * length - piece.start) / max(piece.end - piece.start, 1)
    # The first paragraph at its top means the page top, margin included.
    if paragraph == 0 and fraction == 0.0:
        return 0.0
    return rect.top() + through * rect.height()


def paragraph_top(edit: QTextEdit, blocks: PaneBlocks, filled: int, paragraph: int) -> float:
    """The document y of a paragraph's top, or 0.0 when there is no such paragraph (yet)."""
    if not 0 <= paragraph < len(blocks.paragraphs):
        return 0.0
    block, _ = block_at(edit, blocks, filled, paragraph)
    return block_rect(edit, block).top() if block.isValid() else 0.0


def range_span(edit: QTextEdit, blocks: PaneBlocks, filled: int, paragraph: int, start: int,
               end: int) -> tuple[float, float] | None:
    """Document y of the top of a range's first line and the bottom of its last line."""
    first_block, first = block_at(edit, blocks, filled, paragraph, max(start, 0))
    last_block, last = block_at(edit, blocks, filled, paragraph, max(end - 1, start, 0))
    if not first_block.isValid() or not last_block.isValid():
        return None
    spans = []
    for block, at in ((first_block, first), (last_block, last)):
        rect = block_rect(edit, block)  # also lays the block out
        line = block.layout().lineForTextPosition(min(max(at, 0), max(block.length() - 1, 0)))
        spans.append((rect.top() + line.y(), rect.top() + line.y() + line.height())
                     if line.isValid() else (rect.top(), rect.bottom()))  # fmt: skip
    return spans[0][0], spans[1][1]
