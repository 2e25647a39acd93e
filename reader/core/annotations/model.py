"""Annotations as the core holds them: a range of one text, a category, a note, and its anchor.

An annotation names its text by record (document id and content hash), side and translation
index, and its range by W3C Web Annotation selectors over the text as written
(`Text.full_text`: paragraphs joined by a blank line): a TextQuoteSelector (the exact words
with some context either side) and a TextPositionSelector (character offsets), plus the
paragraph index. The selectors, not the offsets alone, are what re-anchoring trusts when the
text changes.
"""

from __future__ import annotations

import bisect
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, NamedTuple

from reader.core.document import Text
from reader.core.text_range import Pane, TextRange

Status = Literal["anchored", "moved", "fuzzy", "orphaned"]
STATUSES: tuple[Status, ...] = ("anchored", "moved", "fuzzy", "orphaned")
CONTEXT = 32  # characters of prefix and suffix kept, as Hypothesis keeps
PARAGRAPH_BREAK = "\n\n"  # how Text.full_text joins paragraphs

# The defaults a new store starts with; colours read on light and dark paper alike.
DEFAULT_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("claim", "#e6b422"),
    ("person", "#4e9a06"),
    ("place", "#3465a4"),
    ("date", "#c061cb"),
    ("translation doubt", "#e0533d"),
)


@dataclass(frozen=True)
class Category:
    """A user's category: annotations refer to it by `id`, so renaming renames them all."""

    id: int
    name: str
    colour: str  # "#rrggbb"


@dataclass(frozen=True)
class Anchor:
    """Where an annotation sits: W3C TextQuote and TextPosition selectors, and the paragraph.

    `start` and `end` index the text as written (`Text.full_text`); `paragraph` is the one
    `start` falls in. For an orphan they are where it last was, kept for the record.
    """

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Annotation:
    """One highlight, with its note and tags, on one side of one document."""

    id: str  # "urn:uuid:…", also its W3C id, so an import of it twice is one annotation
    document: str  # the record's document id
    content_hash: str  # the page the anchor was last checked against
    side: Pane
    translation: int  # which translation when side is "translation"; 0 for the original
    anchor: Anchor
    category: int  # a Category.id
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""  # ISO 8601, UTC
    modified: str = ""
    status: Status = "anchored"

    @property
    def quote(self) -> str:
        """The annotated words as they were when last anchored."""
        return self.anchor.exact


class Paint(NamedTuple):
    """One range for a pane to paint: an annotation's own or its projection on the other side.

    A tuple (not a dataclass): an opening makes one per highlight and projection of every pane,
    over a thousand for 500 annotations, and a tuple is built in a third of the time.
    """

    range: TextRange
    annotation: str  # the Annotation.id
    colour: str
    projected: bool = False
    uncertain: bool = False  # projected through a link the aligner is unsure of
    status: Status = "anchored"


def now() -> str:
    """The current time as ISO 8601 in UTC, to the millisecond."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_id() -> str:
    """A fresh annotation id, usable as a W3C annotation IRI."""
    return f"urn:uuid:{uuid.uuid4()}"


def paragraph_starts(text: Text) -> list[int]:
    """The offset in `text.full_text` at which each paragraph starts."""
    starts, offset = [], 0
    for paragraph in text.paragraphs:
        starts.append(offset)
        offset += len(paragraph) + len(PARAGRAPH_BREAK)
    return starts


def paragraph_at(starts: list[int], offset: int) -> int:
    """The paragraph holding `offset` of the full text (the last one starting at or before it)."""
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def full_offsets(text: Text, first: TextRange, last: TextRange | None = None) -> tuple[int, int]:
    """A selection from `first.start` to `last.end` (default `first.end`) as full-text offsets.

    Raises:
        ValueError: when the range is empty, reversed or outside the text.
    """
    last = last or first
    starts = paragraph_starts(text)
    for part in (first, last):
        if not 0 <= part.paragraph < len(starts):
            raise ValueError(f"no paragraph {part.paragraph + 1} in this text")
        if not 0 <= part.start <= part.end <= len(text.paragraphs[part.paragraph]):
            raise ValueError(f"offsets {part.start}-{part.end} outside paragraph "
                             f"{part.paragraph + 1}")
    start = starts[first.paragraph] + first.start
    end = starts[last.paragraph] + last.end
    if end <= start:
        raise ValueError("the selection is empty")
    return start, end


def ranges_of(text: Text, pane: Pane, start: int, end: int,
              starts: list[int] | None = None) -> list[TextRange]:
    """The full-text span `start`-`end` as one TextRange per paragraph it touches.

    Args:
        text: the text.
        pane: the pane the ranges name.
        start: where the span starts in `text.full_text`.
        end: where it ends (exclusive).
        starts: `paragraph_starts(text)`, when the caller has it already.
    """
    starts = starts if starts is not None else paragraph_starts(text)
    ranges = []
    for number in range(paragraph_at(starts, start), len(starts)):
        begin = starts[number]
        if begin >= end:
            break
        length = len(text.paragraphs[number])
        low, high = max(start - begin, 0), min(end - begin, length)
        if low < high:
            ranges.append(TextRange(pane, number, low, high))
    return ranges


def make_anchor(full: str, starts: list[int], start: int, end: int) -> Anchor:
    """The selectors of `full[start:end]`, with up to CONTEXT characters of context each side."""
    return Anchor(
        exact=full[start:end],
        prefix=full[max(start - CONTEXT, 0):start],
        suffix=full[end:end + CONTEXT],
        start=start,
        end=end,
        paragraph=paragraph_at(starts, start),
    )


def side_text(texts: tuple[Text | None, tuple[Text, ...]], side: Pane, translation: int
              ) -> Text | None:
    """The text an annotation's side names, from (original, translations); None when missing."""
    original, translations = texts
    if side == "original":
        return original
    return translations[translation] if 0 <= translation < len(translations) else None
