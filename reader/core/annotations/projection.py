"""Projection: an annotation on one side shown on the aligned sentences of the other side."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.align.alignment import Alignment
from reader.core.document import Text
from reader.core.text_range import Pane, TextRange, other_pane

# Below this a link is uncertain: confidences are a logistic of the bead's cost, so 0.5 is the
# cost at which the aligner is as likely wrong as right (SentenceLinks draws the same line).
UNCERTAIN_BELOW = 0.5


@dataclass(frozen=True)
class Projection:
    """Where an annotation lands on the other side, and how sure the alignment is of it."""

    pane: Pane
    ranges: tuple[TextRange, ...]  # whole sentences of the other pane, in reading order
    confidence: float  # the least confident bead it went through
    manual: bool  # every bead it went through was linked by hand

    @property
    def uncertain(self) -> bool:
        """True when a bead it went through is below `UNCERTAIN_BELOW` and not the user's."""
        return not self.manual and self.confidence < UNCERTAIN_BELOW

    def quote(self, text: Text) -> str:
        """The projected sentences' words, from the other side's `text`, joined by spaces."""
        return " ".join(text.paragraphs[r.paragraph][r.start:r.end].strip() for r in self.ranges)


def project(ranges: Sequence[TextRange], alignment: Alignment) -> Projection | None:
    """The sentences of the other pane aligned with any sentence `ranges` touch.

    Args:
        ranges: an annotation's ranges, all in one pane.
        alignment: the document's alignment for the shown translation, manual links applied.

    Returns:
        The projection, or None when the ranges touch no aligned sentence (the aligner left
        them unpaired, or they lie between sentences).
    """
    if not ranges:
        return None
    pane = ranges[0].pane
    target: set[TextRange] = set()
    confidence, manual = 1.0, True
    for bead in alignment.sentence_beads:
        counterpart = bead.side(other_pane(pane))
        if not counterpart:
            continue
        if any(_overlaps(r, ref) for r in ranges for ref in bead.side(pane)):
            target.update(TextRange(other_pane(pane), *ref) for ref in counterpart)
            confidence = min(confidence, bead.confidence)
            manual = manual and bead.manual
    if not target:
        return None
    return Projection(other_pane(pane), tuple(sorted(target)), confidence, manual)


def _overlaps(part: TextRange, ref: tuple[int, int, int]) -> bool:
    paragraph, start, end = ref
    return part.paragraph == paragraph and part.start < end and start < part.end
