"""Ranges of the seed's own text that the annotation tests highlight."""

from __future__ import annotations

from reader.core.document import Document
from reader.core.text_range import TextRange

SEOUL = "В районе Сеула"


def seoul_range(page: Document) -> TextRange:
    """Where the seed's Russian says "В районе Сеула" (the sentence the English splits in two)."""
    assert page.original is not None
    for number, paragraph in enumerate(page.original.paragraphs):
        if SEOUL in paragraph:
            at = paragraph.index(SEOUL)
            return TextRange("original", number, at, at + len(SEOUL))
    raise AssertionError("the seed has no 'В районе Сеула'")
