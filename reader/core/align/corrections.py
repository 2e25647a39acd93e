"""The reader's corrections of an alignment: how each is stored, found again and applied.

A correction names paragraphs, or sentences as (paragraph, start, end), each together with
its text (`describe`), so it survives re-indexing: `locate` finds the text where it was or
wherever it now is, and a correction whose text is gone is dropped. `resolve` turns a
document's stored corrections into `Corrections`, which apply to the aligner's alignment.
The store (`store.AlignmentStore`) keeps them on disk.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from reader.core.align.alignment import (
    Alignment,
    FixedBead,
    ParagraphBead,
    SentenceBead,
    SentenceRef,
)
from reader.core.document import Text

SentencePairs = list[tuple[tuple[SentenceRef, ...], tuple[SentenceRef, ...]]]


@dataclass(frozen=True)
class Corrections:
    """A document's corrections for one translation, resolved in its current texts."""

    paragraphs: list[FixedBead]  # paragraphs linked by hand: they need aligning afresh
    unlinked: set[tuple[int, int]]  # (side, paragraph) taken out of their beads
    sentence_links: SentencePairs
    sentence_unlinks: SentencePairs

    def applied(self, alignment: Alignment) -> Alignment:
        """`alignment` with the unlinks and sentence corrections applied.

        Paragraph links are not: they are fixed beads the aligner must be given.
        """
        unlinked = _apply_unlinks(alignment, self.unlinked)
        return _apply_sentences(unlinked, self.sentence_links, self.sentence_unlinks)


def resolve(entries: Sequence[dict[str, Any]], translation: int, original: Text, target: Text
            ) -> Corrections:
    """The stored corrections of one translation, re-anchored in the current texts.

    Args:
        entries: the document's stored corrections, oldest first (`AlignmentStore.corrections`).
        translation: which translation (0-based); entries of the others are skipped.
        original: the original text as it is now.
        target: that translation as it is now.

    Returns:
        What the entries still name, a later entry overriding an earlier one; an entry whose
        text is gone from the document no longer applies.
    """
    fixed: list[FixedBead] = []
    links: SentencePairs = []
    # Each side apart: a sentence is named by its place in its own text only.
    unlinks: SentencePairs = []
    unlinked: set[tuple[int, int]] = set()  # (side, paragraph)
    for entry in entries:
        if entry.get("translation_index", 0) != translation:
            continue
        a = [locate(unit, original) for unit in entry.get("original", [])]
        b = [locate(unit, target) for unit in entry.get("translation", [])]
        if any(u is None for u in [*a, *b]):
            continue  # the text it named is gone: the correction no longer applies
        if entry.get("level") == "paragraph":
            pa = tuple(sorted(int(u[0]) for u in a if u))
            pb = tuple(sorted(int(u[0]) for u in b if u))
            if entry.get("action") == "link":
                fixed = [
                    f for f in fixed if not set(f[0]) & set(pa) and not set(f[1]) & set(pb)
                ]
                fixed.append((pa, pb))
                unlinked -= {(0, p) for p in pa} | {(1, p) for p in pb}
            else:
                unlinked |= {(0, p) for p in pa} | {(1, p) for p in pb}
                fixed = [f for f in fixed if not set(f[0]) & set(pa) | set(f[1]) & set(pb)]
        elif entry.get("action") == "link":
            links.append((tuple(u for u in a if u), tuple(u for u in b if u)))
        else:
            unlinks += [((u,), ()) for u in a if u] + [((), (u,)) for u in b if u]
    return Corrections(fixed, unlinked, links, unlinks)


_Bead = TypeVar("_Bead", ParagraphBead, SentenceBead)


def describe(unit: int | Sequence[int], text: Text) -> dict[str, Any]:
    """How a paragraph (an index) or a sentence ((paragraph, start, end)) is stored."""
    if isinstance(unit, int):
        return {"paragraph": unit, "text": text.paragraphs[unit]}
    p, start, end = (int(x) for x in unit)
    return {"paragraph": p, "start": start, "end": end, "text": text.paragraphs[p][start:end]}


def locate(unit: Any, text: Text) -> SentenceRef | None:
    """Find a stored unit in the current text: where it was, else wherever its text now is."""
    if not isinstance(unit, dict) or not isinstance(unit.get("text"), str):
        return None
    wanted: str = unit["text"]
    p = unit.get("paragraph")
    start = unit.get("start")
    if start is None:  # a paragraph
        if isinstance(p, int) and 0 <= p < len(text.paragraphs) and text.paragraphs[p] == wanted:
            return (p, 0, len(wanted))
        for index, paragraph in enumerate(text.paragraphs):
            if paragraph == wanted:
                return (index, 0, len(wanted))
        return None
    if isinstance(p, int) and 0 <= p < len(text.paragraphs) and (
        text.paragraphs[p][start : unit.get("end")] == wanted
    ):
        return (p, int(start), int(start) + len(wanted))
    for index, paragraph in enumerate(text.paragraphs):
        found = paragraph.find(wanted)
        if found >= 0:
            return (index, found, found + len(wanted))
    return None


def _apply_unlinks(alignment: Alignment, unlinked: set[tuple[int, int]]) -> Alignment:
    """Take unlinked paragraphs out of their beads; what is left of a bead stays paired."""
    if not unlinked:
        return alignment
    paragraphs = [
        part for bead in alignment.paragraph_beads
        for part in _split_bead(bead, lambda p: (0, p) not in unlinked,
                                lambda p: (1, p) not in unlinked)
    ]
    sentences = [
        part for bead in alignment.sentence_beads
        for part in _split_bead(bead, lambda r: (0, r[0]) not in unlinked,
                                lambda r: (1, r[0]) not in unlinked)
    ]
    return replace(alignment, paragraph_beads=tuple(paragraphs), sentence_beads=tuple(sentences))


def _split_bead(bead: _Bead, keep_original: Callable[[Any], bool],
                keep_translation: Callable[[Any], bool]) -> list[_Bead]:
    """A bead without the units not kept: the rest stays paired if both sides keep some."""
    a = tuple(u for u in bead.original if keep_original(u))
    b = tuple(u for u in bead.translation if keep_translation(u))
    if (a, b) == (bead.original, bead.translation):
        return [bead]
    make = type(bead)
    parts = [make(a, b, bead.confidence, True)] if a and b else []
    if not parts:
        a, b = (), ()
    parts += [make((u,), (), 1.0, True) for u in bead.original if u not in a]
    parts += [make((), (u,), 1.0, True) for u in bead.translation if u not in b]
    return parts


def _apply_sentences(
    alignment: Alignment,
    links: Sequence[tuple[tuple[SentenceRef, ...], tuple[SentenceRef, ...]]],
    unlinks: Sequence[tuple[tuple[SentenceRef, ...], tuple[SentenceRef, ...]]],
) -> Alignment:
    """Sentence corrections on top of an alignment: beads touching them are broken up."""
    if not links and not unlinks:
        # The aligner's own order stands: sorting by first sentence mixes the two texts'
        # offsets, so it moved one-sided beads of a long paragraph, and the window then
        # indexed the "changed" alignment of a huge page again on its GUI thread.
        return alignment
    beads = list(alignment.sentence_beads)
    for a, b in [*links, *unlinks]:
        # Per side: the same (paragraph, start, end) may name a sentence in each text.
        touched_a, touched_b = set(a), set(b)
        kept: list[SentenceBead] = []
        for bead in beads:
            if touched_a & set(bead.original) or touched_b & set(bead.translation):
                # What is left of the bead stays paired when both sides still have a sentence:
                # taking one of two sentences out does not unmake the other's translation.
                rest_a = tuple(r for r in bead.original if r not in touched_a)
                rest_b = tuple(r for r in bead.translation if r not in touched_b)
                if rest_a and rest_b:
                    kept.append(SentenceBead(rest_a, rest_b, bead.confidence, True))
                else:
                    kept += [SentenceBead((r,), (), 0.0, True) for r in rest_a]
                    kept += [SentenceBead((), (r,), 0.0, True) for r in rest_b]
            else:
                kept.append(bead)
        if a and b:
            kept.append(SentenceBead(tuple(sorted(a)), tuple(sorted(b)), 1.0, True))
        else:
            kept += [SentenceBead((r,), (), 1.0, True) for r in a]
            kept += [SentenceBead((), (r,), 1.0, True) for r in b]
        beads = kept
    beads.sort(key=lambda bead: (bead.original[:1] or bead.translation[:1] or ((0, 0, 0),))[0])
    return replace(alignment, sentence_beads=tuple(beads))
