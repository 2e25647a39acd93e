"""Correspondence between an original and its translation: paragraphs, then sentences.

The split view scrolls by `ParagraphAlignment` only; `proportional_alignment` pairs paragraphs
by position. The real aligner, `alignment_solver.align_texts`, returns an `Alignment` whose
beads carry confidences and whose `paragraph_alignment()` feeds the split view. The types live
apart from it so that the window can show before the aligner's machinery (stemmers, anchor
patterns) is imported.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reader.core.align.pairing import Group, ParagraphAlignment, proportional_alignment
from reader.core.text_range import Pane

SentenceRef = tuple[int, int, int]  # (paragraph, start, end) in the text as written
# A bead that ties paragraphs together by hand, or marks some as unaligned (one side empty).
FixedBead = tuple[Group, Group]

__all__ = [
    "Alignment",
    "FixedBead",
    "Group",
    "ParagraphAlignment",
    "ParagraphBead",
    "SentenceBead",
    "SentenceRef",
    "proportional_alignment",
]


# Slots: a 5 MB page has 120,000 beads, in the window and in the child that aligned them.
@dataclass(frozen=True, slots=True)
class ParagraphBead:
    """Original paragraphs paired with translation paragraphs; one side empty = unaligned."""

    original: Group
    translation: Group
    confidence: float
    manual: bool = False


@dataclass(frozen=True, slots=True)
class SentenceBead:
    """Original sentences paired with translation sentences; one side empty = unaligned."""

    original: tuple[SentenceRef, ...]
    translation: tuple[SentenceRef, ...]
    confidence: float
    manual: bool = False

    def side(self, pane: Pane) -> tuple[SentenceRef, ...]:
        """The sentences of this bead in `pane`."""
        return self.original if pane == "original" else self.translation


@dataclass(frozen=True)
class Alignment:
    """The full alignment of an original and a translation, in reading order on both sides."""

    paragraph_beads: tuple[ParagraphBead, ...]
    sentence_beads: tuple[SentenceBead, ...]
    n_original: int
    n_translation: int

    def paragraph_alignment(self) -> ParagraphAlignment:
        """The paragraph pairs the split view scrolls by (unaligned paragraphs left out)."""
        pairs = tuple(
            (bead.original, bead.translation)
            for bead in self.paragraph_beads
            if bead.original and bead.translation
        )
        return ParagraphAlignment(pairs, self.n_original, self.n_translation)

    def sentence_bead_at(self, pane: Pane, paragraph: int, offset: int) -> SentenceBead | None:
        """The sentence bead holding the character `offset` of `paragraph` in `pane`.

        Args:
            pane: the pane the position is in.
            paragraph: a paragraph index in that pane's text.
            offset: a character offset in that paragraph.

        Returns:
            The bead, or None when no sentence covers the position (blank space, say).
        """
        for bead in self.sentence_beads:
            for p, start, end in bead.side(pane):
                if p == paragraph and start <= offset < end:
                    return bead
        return None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data with the keys `diglot align --json` documents."""
        return {
            "n_original": self.n_original,
            "n_translation": self.n_translation,
            "paragraph_beads": [
                {
                    "original": list(b.original),
                    "translation": list(b.translation),
                    "confidence": b.confidence,
                    "manual": b.manual,
                }
                for b in self.paragraph_beads
            ],
            "sentence_beads": [
                {
                    "original": [list(r) for r in b.original],
                    "translation": [list(r) for r in b.translation],
                    "confidence": b.confidence,
                    "manual": b.manual,
                }
                for b in self.sentence_beads
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Alignment:
        """Rebuild an alignment from `to_dict` output.

        Raises:
            KeyError, TypeError, ValueError: when the data is not such output.
        """

        def refs(items: Sequence[Sequence[int]]) -> tuple[SentenceRef, ...]:
            return tuple((int(p), int(s), int(e)) for p, s, e in items)

        return cls(
            tuple(
                ParagraphBead(
                    tuple(int(i) for i in b["original"]),
                    tuple(int(i) for i in b["translation"]),
                    float(b["confidence"]),
                    bool(b.get("manual", False)),
                )
                for b in data["paragraph_beads"]
            ),
            tuple(
                SentenceBead(
                    refs(b["original"]),
                    refs(b["translation"]),
                    float(b["confidence"]),
                    bool(b.get("manual", False)),
                )
                for b in data["sentence_beads"]
            ),
            int(data["n_original"]),
            int(data["n_translation"]),
        )
