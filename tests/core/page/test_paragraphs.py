"""A huge page's paragraphs, found in pieces, are the whole page's (issue 12).

The pieces are made a few characters long here, so that "\r\n", runs of blank lines, lines of
spaces and invisible characters, long lines and paragraphs all meet a piece edge. The reference
is the line-by-line reading in test_parser.py, which says what the docstring says.
"""

from __future__ import annotations

import random

import pytest

from reader.core.page import paragraphs
from reader.core.page.paragraphs import paragraphs_of
from tests.core.page.test_parser import SEED_BYTES, _paragraphs_line_by_line

_BITS = ["a", "Б b", " ", "\u00a0", "\u200b", "\ufeff x \u200d", "\n", "\r\n", "\r",
         "\u2028", "\x0c", "\x1c", "\t", "\n\n", "\n \n\n", "漢字", "\u200bz\u200b ",
         "long" * 30]  # fmt: skip


@pytest.mark.parametrize("size", [1, 2, 3, 8, 50])
def test_paragraphs_found_in_pieces_are_the_whole_texts(
    size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    chooser = random.Random(size)
    texts = ["".join(chooser.choice(_BITS) for _ in range(300)) for _ in range(30)]
    texts += [SEED_BYTES.decode("utf-8"), "\r\n" * 20, "\n" * 40 + "a", "x" * 200, ""]
    monkeypatch.setattr(paragraphs, "PIECE", size)
    for text in texts:
        assert paragraphs_of(text) == _paragraphs_line_by_line(text)


def test_a_carriage_return_and_its_line_feed_are_not_cut_apart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(paragraphs, "PIECE", 2)
    # Cut after "a\r", the "\n" would start a line of its own: a blank line, two paragraphs.
    assert paragraphs_of("a\r\nb\r\n\r\nc") == ["a\nb", "c"]
    assert list(paragraphs._after_line_feeds("a\r\nb")) == ["a\r\n", "b"]
