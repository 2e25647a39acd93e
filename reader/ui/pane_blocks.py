"""PaneBlocks: which display block of a text pane shows which part of which paragraph.

A pane shows one block per paragraph, except that a very long paragraph is shown as several
blocks: Qt lays a block out in one piece, and a paragraph of megabytes held the window for
seconds (issue 12). Every conversion between paragraphs and blocks goes through here, so
sentence, search and annotation marks, the pointer and scroll sync agree on where text is.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from dataclasses import dataclass

LONGEST_BLOCK = 6000  # characters; a paragraph longer than this is shown in several blocks
# A paragraph of a book's length is cut finer: Qt lays a block out whole when it goes in, and a
# 6,000-character block took 10-13 ms, so a slice of the fill could not stay short (issue 12).
HUGE_PARAGRAPH = 60_000
HUGE_PARAGRAPH_BLOCK = 1500
# The last sentence end, or run of spaces, of a stretch: `.*` runs to the stretch's end and
# backs off, found in one call where listing every match of a 5 MB paragraph's 3,000 blocks
# took the window 6 ms.
_LAST_SENTENCE_END = re.compile(r".*[.!?…;:»\"')\]]\s+", re.DOTALL)
_LAST_SPACE = re.compile(r".*\s+", re.DOTALL)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


# CPython stores a string in 1, 2 or 4 bytes a character, the fewest its characters allow, so
# its size says whether any is beyond U+FFFF without reading it: reading a 5 MB paragraph for
# them took 4 ms of each pane's opening (issue 12).
_TWO_BYTE_BASE = sys.getsizeof("\u0100") - 2 * 2


def _beyond_two_bytes(paragraph: str) -> bool:
    return sys.getsizeof(paragraph) > _TWO_BYTE_BASE + 2 * (len(paragraph) + 1)


@functools.lru_cache(maxsize=64)
def _astral(paragraph: str) -> tuple[int, ...]:
    """Where a paragraph's characters beyond U+FFFF are (mostly nowhere), read once."""
    if not _beyond_two_bytes(paragraph):
        return ()
    return tuple(m.start() for m in _ASTRAL.finditer(paragraph))


def qt_offset(paragraph: str, offset: int) -> int:
    """The Qt (UTF-16) position of a core (code point) offset into `paragraph`.

    Qt counts a character beyond U+FFFF as two; counted from the cached astral positions,
    since encoding the paragraph's start for every mark made marking a paragraph of
    megabytes take seconds (issue 12).
    """
    return offset + bisect.bisect_left(_astral(paragraph), offset)


def core_offset(paragraph: str, position: int) -> int:
    """The first core offset whose Qt position is at or past `position` (`qt_offset`'s inverse)."""
    astral = _astral(paragraph)
    if not astral:
        return min(max(position, 0), len(paragraph))
    low, high = 0, len(paragraph)
    while low < high:
        middle = (low + high) // 2
        if middle + bisect.bisect_left(astral, middle) >= position:
            high = middle
        else:
            low = middle + 1
    return low


def split_points(paragraph: str, longest: int) -> list[int]:
    """Where the display blocks of a paragraph start: [0] unless it is longer than `longest`.

    A block ends after a sentence in the second half of its allowance if there is one, else
    after a space, else at the allowance itself, so a break looks like a line ending early.
    """
    starts = [0]
    while len(paragraph) - starts[-1] > longest:
        start = starts[-1]
        cut = start + longest
        end = None
        for last in (_LAST_SENTENCE_END, _LAST_SPACE):
            found = last.match(paragraph, start + longest // 2, cut)
            if found:
                end = found.end()
                break
        starts.append(end if end is not None and end < cut else cut)
    return starts


@dataclass(frozen=True)
class Piece:
    """One display block: `paragraph`'s text from `start` (core offset) to `end`."""

    paragraph: int
    start: int
    end: int


class PaneBlocks:
    """The display blocks of a text, in order; block numbers are positions in this list.

    Offsets here are core offsets (code points); the pane converts to Qt positions.
    """

    def __init__(self, paragraphs: tuple[str, ...] = (), longest: int | None = None) -> None:
        longest = longest or LONGEST_BLOCK
        self.paragraphs = paragraphs
        count = len(paragraphs)
        # The first block of each paragraph (then the block count), each block's start within
        # its paragraph and each block's paragraph; for the usual page, one block each.
        self._first: list[int] = list(range(count + 1))
        self._starts: list[int] = [0] * count
        self._paragraph: list[int] = list(range(count))
        if not paragraphs or max(map(len, paragraphs)) <= longest:
            return
        self._first, self._starts, self._paragraph = [], [], []
        for number, paragraph in enumerate(paragraphs):
            self._first.append(len(self._starts))
            size = len(paragraph)
            allowance = min(longest, HUGE_PARAGRAPH_BLOCK) if size > HUGE_PARAGRAPH else longest
            points = split_points(paragraph, allowance) if size > allowance else [0]
            self._starts.extend(points)
            self._paragraph.extend([number] * len(points))
        self._first.append(len(self._starts))

    @property
    def split(self) -> bool:
        """Whether some paragraph takes more than one block."""
        return len(self._starts) != len(self.paragraphs)

    def block_count(self) -> int:
        """The number of display blocks."""
        return len(self._starts)

    def first_block(self, paragraph: int) -> int:
        """The first block of `paragraph` (the block count for one past the last)."""
        return self._first[min(max(paragraph, 0), len(self.paragraphs))]

    def last_block(self, paragraph: int) -> int:
        """The last block of `paragraph`."""
        return self.first_block(paragraph + 1) - 1

    def piece(self, block: int) -> Piece:
        """What block `block` shows."""
        paragraph = self._paragraph[block]
        following = self._first[paragraph + 1]
        end = len(self.paragraphs[paragraph]) if block + 1 >= following else self._starts[block + 1]
        return Piece(paragraph, self._starts[block], end)

    def block_of(self, paragraph: int, offset: int) -> tuple[int, int]:
        """The block showing `paragraph`'s character at `offset`, and the offset within it.

        An offset on a boundary between two blocks belongs to the later one; offsets past
        either end are clamped to the paragraph.
        """
        first, last = self.first_block(paragraph), self.last_block(paragraph)
        if last <= first:
            return first, max(offset, 0)
        block = bisect.bisect_right(self._starts, offset, first, last + 1) - 1
        block = max(block, first)
        return block, offset - self._starts[block]

    def paragraph_of(self, block: int, offset: int) -> tuple[int, int]:
        """The (paragraph, core offset) of `offset` within block `block`."""
        return self._paragraph[block], self._starts[block] + offset

    def qt_within(self, piece: Piece, offset: int) -> int:
        """The Qt position within `piece`'s block of its paragraph's core `offset`."""
        paragraph = self.paragraphs[piece.paragraph]
        return qt_offset(paragraph, offset) - qt_offset(paragraph, piece.start)

    def blocks(self, paragraph: int) -> range:
        """The blocks of `paragraph`, in order."""
        return range(self.first_block(paragraph), self.first_block(paragraph + 1))
