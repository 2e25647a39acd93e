"""Projection: an annotation on one side shown on the aligned sentences of the other side."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.align.alignment import Alignment, SentenceBead
from reader.core.document import Text
from reader.core.text_range import PANES, Pane, TextRange, other_pane

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


class Projector:
    """Projects many annotations through one alignment: beads indexed by pane and paragraph."""

    def __init__(self, alignment: Alignment) -> None:
        """Index `alignment`'s sentence beads that have sentences on both sides."""
        self._beads: dict[tuple[Pane, int], list[tuple[int, int, SentenceBead]]] = {}
        self._made: dict[tuple[object, ...], Projection] = {}
        for bead in alignment.sentence_beads:
            if not (bead.original and bead.translation):
                continue
            for pane in PANES:
                for paragraph, start, end in bead.side(pane):
                    self._beads.setdefault((pane, paragraph), []).append((start, end, bead))

    def project(self, ranges: Sequence[TextRange]) -> Projection | None:
        """The sentences of the other pane aligned with any sentence `ranges` touch.

        Args:
            ranges: an annotation's ranges, all in one pane.

        Returns:
            The projection, or None when the ranges touch no aligned sentence (the aligner
            left them unpaired, or they lie between sentences).
        """
        if not ranges:
            return None
        pane = ranges[0].pane
        other = other_pane(pane)
        beads: dict[int, SentenceBead] = {}
        for part in ranges:
            for start, end, bead in self._beads.get((pane, part.paragraph), ()):
                if part.start < end and start < part.end:
                    beads[id(bead)] = bead
        if not beads:
            return None
        key = (pane, *sorted(beads))  # the same sentences seen from either side
        made = self._made.get(key)
        if made is None:  # many annotations sit in the same sentences: one Projection serves
            target = sorted({TextRange(other, *ref) for b in beads.values()
                             for ref in b.side(other)})
            made = Projection(other, tuple(target), min(b.confidence for b in beads.values()),
                              all(b.manual for b in beads.values()))
            self._made[key] = made
        return made


def project(ranges: Sequence[TextRange], alignment: Alignment) -> Projection | None:
    """`Projector(alignment).project(ranges)`: for one annotation; see `Projector` for many."""
    return Projector(alignment).project(ranges)
