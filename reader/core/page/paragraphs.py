"""A page's text into paragraphs: runs of non-blank lines, each line stripped of padding.

A huge page is read in pieces of about `PIECE` characters: each step is one C call (a split,
a join of stripped lines, a regular expression), and over a whole 19 MB page one such call held
the interpreter lock for 30-50 ms against the window's thread (issue 12). The pieces are cut
after a line feed, and a paragraph that goes on past a piece's end is joined up after.
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


def _after_line_feeds(text: str) -> Iterator[str]:
    """`text` in pieces of about `PIECE` characters, each but the last ending in a line feed."""
    start = 0
    while len(text) - start > PIECE:
        cut = text.rfind("\n", start, start + PIECE)
        if cut < start:
            cut = text.find("\n", start + PIECE)
            if cut < 0:
                break
        yield text[start : cut + 1]
        start = cut + 1
    yield text[start:]


def _stripped_lines(piece: str) -> list[str]:
    # Each line stripped in C (map over the three strips): a Python step per line was 0.1 s
    # for 5 MB. "\r\n" cannot be cut apart: a piece ends in "\n".
    if any(mark in piece for mark in _LINE_BREAKS):  # looking is ten times cheaper than the regex
        piece = _LINE_BREAK.sub("\n", piece)
    lines = piece.split("\n")
    if piece.endswith("\n"):
        lines.pop()  # what follows the last line feed is the next piece's first line
    return list(map(str.strip, map(_STRIP_INVISIBLE, map(str.strip, lines))))


def paragraphs_of(text: str) -> list[str]:
    """Split text into paragraphs: runs of non-blank lines, each line stripped of padding.

    Lines holding only whitespace (NBSP included) separate paragraphs; the lines of a paragraph
    stay joined by newlines and their inner spacing is kept as written.

    Args:
        text: the decoded page.

    Returns:
        The paragraphs in order.
    """
    paragraphs: list[str] = []
    going_on: list[str] = []  # a paragraph's lines so far, when it may go on in the next piece

    def close() -> None:
        if going_on:
            paragraphs.append("\n".join(going_on))
            going_on.clear()

    for piece in _after_line_feeds(text):
        lines = _stripped_lines(piece)
        if not lines:
            continue
        # Runs of non-empty lines are what lies between two or more newlines; a blank first or
        # last line leaves one newline at that end, not two.
        parts = [part for part in _BLANK_LINES.split("\n".join(lines).strip("\n")) if part]
        if not lines[0] or not parts:
            close()
        for index, part in enumerate(parts):
            if index:
                close()
            going_on.append(part)
        if not lines[-1]:
            close()
    close()
    return paragraphs
