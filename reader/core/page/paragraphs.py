"""A page's text into paragraphs: runs of non-blank lines, each line stripped of padding.

A huge page is read in pieces of about `PIECE` characters: each step is one C call (a split,
a join of stripped lines, a regular expression), and over a whole 19 MB page one such call held
the interpreter lock for 30-50 ms against the window's thread (issue 12). The pieces are cut
where nothing can change: lines after a line feed, paragraphs after a run of blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import methodcaller

PIECE = 1 << 18

_LINE_BREAKS = "\r\x0b\x0c\x85\u2028\u2029"  # besides "\n"
_LINE_BREAK = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_STRIP_INVISIBLE = methodcaller("strip", _INVISIBLE)
_BLANK_LINES = re.compile(r"\n\n+")


def _cut_at(text: str, mark: str) -> Iterator[str]:
    """`text` in pieces of about `PIECE` characters, each but the last cut inside a `mark`.

    The cut falls after the mark's first character: after a line feed, or between the two
    newlines around a blank line.
    """
    start = 0
    while len(text) - start > PIECE:
        cut = text.rfind(mark, start, start + PIECE)
        if cut < start:
            cut = text.find(mark, start + PIECE)
            if cut < 0:
                break
        yield text[start : cut + 1]
        start = cut + 1
    yield text[start:]


def _stripped_lines(piece: str) -> str:
    # Each line stripped in C (map over the three strips): a Python step per line was 0.1 s
    # for 5 MB. "\r\n" cannot be cut apart: a piece ends in "\n".
    if any(mark in piece for mark in _LINE_BREAKS):  # looking is ten times cheaper than the regex
        piece = _LINE_BREAK.sub("\n", piece)
    return "\n".join(map(str.strip, map(_STRIP_INVISIBLE, map(str.strip, piece.split("\n")))))


def paragraphs_of(text: str) -> list[str]:
    """Split text into paragraphs: runs of non-blank lines, each line stripped of padding.

    Lines holding only whitespace (NBSP included) separate paragraphs; the lines of a paragraph
    stay joined by newlines and their inner spacing is kept as written.

    Args:
        text: the decoded page.

    Returns:
        The paragraphs in order.
    """
    # Runs of non-empty lines are what lies between two or more newlines. A piece ending in a
    # line feed ends its last line, so the pieces' stripped lines simply follow one another.
    lines = "".join(map(_stripped_lines, _cut_at(text, "\n")))
    paragraphs: list[str] = []
    for piece in _cut_at(lines, "\n\n"):
        # Cut between two newlines, each side strips its own, as the whole would split there.
        # A blank first or last line leaves one newline at that end, not two.
        paragraphs.extend(part for part in _BLANK_LINES.split(piece.strip("\n")) if part)
    return paragraphs
