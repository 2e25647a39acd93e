"""How a run of display blocks goes into a text pane's QTextDocument, apparatus styled."""

from __future__ import annotations

import re

from PySide6.QtGui import QPalette, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from reader.core.text.editorial import EditorialSpan, editorial_spans
from reader.ui.mark_styles import blend
from reader.ui.pane_blocks import PaneBlocks

LINE_HEIGHT_PERCENT = 145

LINE_SEPARATOR = "\u2028"  # keeps a page's own line breaks inside one paragraph (one block)
PARAGRAPH_SEPARATOR = "\u2029"
# Characters Qt would start a new block (or frame) at; one for one, so core offsets stay valid.
_BREAKS = "\n\r\u2029\ufdd0\ufdd1"
_BLOCK_BREAKS = str.maketrans(dict.fromkeys(_BREAKS, LINE_SEPARATOR))
# Looked for before translating: most text has none, and translating (a dictionary lookup a
# character) took 90 us a 1,500-character block against 4 us for the search.
_ANY_BREAK = re.compile(f"[{_BREAKS}]")


def _shown(text: str) -> str:
    """`text` with every character Qt would break a block at made a line separator."""
    return text.translate(_BLOCK_BREAKS) if _ANY_BREAK.search(text) else text


_REACH = 400  # characters read either side of a block of a long paragraph for its apparatus


def _spans(paragraph: str, start: int, end: int) -> list[EditorialSpan]:
    """The apparatus of `paragraph` between `start` and `end`.

    A long paragraph's blocks are read with some text either side, not whole: reading
    megabytes for each block held the window (issue 12). A span running into the edge of
    what was read is left out unless the edge is the paragraph's own.
    """
    if start == 0 and end == len(paragraph):
        return editorial_spans(paragraph)
    low, high = max(start - _REACH, 0), min(end + _REACH, len(paragraph))
    found = []
    for span in editorial_spans(paragraph[low:high]):
        span = EditorialSpan(span.start + low, span.end + low, span.kind)
        if (span.start > low or low == 0) and (span.end < high or high == len(paragraph)):
            found.append(span)
    return found


def insert_blocks(
    cursor: QTextCursor, blocks: PaneBlocks, at: tuple[int, int], chars: int,
    formats: tuple[QTextBlockFormat, QTextCharFormat],
) -> tuple[int, int]:  # fmt: skip
    """Put the blocks after those in the document in, about `chars` characters of them.

    Args:
        cursor: a cursor on the document.
        blocks: the text's display blocks.
        at: the number of blocks in the document already, and the position after them.
        chars: how many characters to put in (at least one block).
        formats: the paragraphs' block format, and the apparatus' character format.

    Returns:
        The number of blocks in the document now, and the position after them.
    """
    block_format, apparatus = formats
    first, position = at
    last, size = first, 0
    while last < blocks.block_count() and (size < chars or last == first):
        piece = blocks.piece(last)
        size += piece.end - piece.start
        last += 1
    plain = QTextCharFormat()
    cursor.beginEditBlock()
    cursor.setPosition(position)
    if first == 0:
        cursor.setBlockFormat(block_format)
    else:
        cursor.insertBlock(block_format, plain)
        position += 1
    # One insertion for the run (Qt starts a block at each paragraph separator, in the
    # cursor's block format), then the few apparatus spans: a Python call per paragraph and
    # span was most of the time a long page took to open.
    pieces = [blocks.piece(number) for number in range(first, last)]
    shown = [_shown(blocks.paragraphs[p.paragraph][p.start : p.end]) for p in pieces]
    cursor.insertText(PARAGRAPH_SEPARATOR.join(shown), plain)
    for number, piece in enumerate(pieces, start=first):
        paragraph = blocks.paragraphs[piece.paragraph]
        for span in _spans(paragraph, piece.start, piece.end):
            if span.end <= piece.start or span.start >= piece.end:
                continue
            cursor.setPosition(position + blocks.qt_within(piece, max(span.start, piece.start)))
            cursor.setPosition(position + blocks.qt_within(piece, min(span.end, piece.end)),
                               QTextCursor.MoveMode.KeepAnchor)  # fmt: skip
            cursor.setCharFormat(apparatus)
        if piece.end < len(paragraph):  # not the paragraph's last block: no spacing
            cursor.setPosition(position)
            joined = QTextBlockFormat(block_format)
            joined.setBottomMargin(0)
            cursor.setBlockFormat(joined)
        position += blocks.qt_within(piece, piece.end) + (1 if number + 1 < last else 0)
    cursor.endEditBlock()
    return last, position


def fill_formats(palette: QPalette, spacing: float) -> tuple[QTextBlockFormat, QTextCharFormat]:
    """A paragraph's block format (`spacing` below it) and the apparatus' quieter one."""
    block_format = QTextBlockFormat()
    block_format.setLineHeight(
        LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )
    block_format.setBottomMargin(spacing)
    apparatus = QTextCharFormat()
    apparatus.setForeground(blend(palette.color(QPalette.ColorRole.Text),
                                  palette.color(QPalette.ColorRole.Base), 0.45))  # fmt: skip
    apparatus.setFontItalic(True)
    return block_format, apparatus


def respace_blocks(document: QTextDocument, blocks: PaneBlocks, filled: int,
                   spacing: float) -> None:  # fmt: skip
    """Give the first `filled` blocks a paragraph's `spacing` below them (a new font's).

    A block that does not end its paragraph gets none, so a paragraph cut in blocks reads
    as one.
    """
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    block = document.begin()
    while block.isValid() and block.blockNumber() < filled:
        block_format = block.blockFormat()
        cursor.setPosition(block.position())
        piece = blocks.piece(block.blockNumber())
        ends = piece.end == len(blocks.paragraphs[piece.paragraph])
        block_format.setBottomMargin(spacing if ends else 0)
        cursor.setBlockFormat(block_format)
        block = block.next()
    cursor.endEditBlock()
