"""Huge texts in pieces, so that no single C call holds the interpreter lock over megabytes.

One regular expression, `str.translate` or `str.lower` over a whole text holds the interpreter
lock for all of it: over a 5 MB paragraph, long enough to stall the window's thread while a worker
parses a huge page (issue 12). Texts longer than `PIECE` are read in pieces of about that many
characters instead, cut where the answer cannot change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# About 10 ms of the slowest per-character work done over a piece (`str.translate` by a table).
PIECE = 1 << 17
_WHITESPACE = re.compile(r"\s")


def text_pieces(text: str, size: int = 0) -> Iterator[str]:
    """`text` in consecutive pieces of about `size` characters, each cut after whitespace.

    No word (no run of non-space characters) is cut, so a regular expression whose matches
    hold no whitespace and look back at most one character, a word count or `str.lower`
    give over the pieces what they give over the whole text. A run of over `size` characters
    without whitespace stays whole.

    Args:
        text: any text.
        size: the piece length aimed at; `PIECE` when 0.

    Yields:
        The pieces; joined, they are `text`. An empty text is one empty piece.
    """
    size = size or PIECE
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
        if cut < start:
            found = _WHITESPACE.search(text, end)
            if found is None:
                break
            cut = found.start()
        yield text[start : cut + 1]
        start = cut + 1
    yield text[start:]
