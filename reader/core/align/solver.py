"""The aligner: paragraphs by dynamic programming, then sentences within them.

`align_texts` aligns paragraphs by dynamic programming over beads (`alignment_path`) costed
by length and anchors (`alignment_cost`), then aligns sentences inside each aligned paragraph
group the same way, and returns an `Alignment` (see `reader.core.align.alignment`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.align import alignment
from reader.core.align.alignment import Alignment, ParagraphBead, SentenceBead
from reader.core.align.anchors import NO_ANCHORS, anchors_of
from reader.core.align.cost import (
    PARAGRAPH_SHAPES,
    SENTENCE_SHAPES,
    BeadCoster,
    LengthModel,
    Segment,
    Shape,
    confidence,
)
from reader.core.align.path import best_path, length_diagonal
from reader.core.document import Text
from reader.core.text.sentences import split_sentences


@dataclass(frozen=True)
class _Side:
    """One text prepared for alignment: its sentences, as refs and as segments."""

    sentences: tuple[tuple[alignment.SentenceRef, ...], ...]  # per paragraph
    segments: tuple[tuple[Segment, ...], ...]  # per paragraph, one per sentence
    paragraphs: tuple[Segment, ...]

    def sentence_counts(self) -> list[int]:
        """Sentences per paragraph, editorial insertions left out: they are skipped freely."""
        return [sum(1 for s in mine if not s.editorial) for mine in self.segments]


_EDITORIAL = re.compile(r"\[[^\[\]\n]*\]")


def _length(text: str) -> int:
    # Editorial insertions ("[Stalin]", "[from Sochi]") are not the author's words: a
    # translation that adds them is no longer for it.
    return len("".join(_EDITORIAL.sub("", text).split()))


def _segment(sentence: str) -> Segment:
    length = _length(sentence)
    editorial = length == 0 and bool(sentence.strip())
    return Segment(length, anchors_of(sentence), editorial)


# A paragraph's sentence spans, their segments and the paragraph's own segment.
_Prepared = tuple[tuple[tuple[int, int], ...], tuple[Segment, ...], Segment]


# Prepared paragraphs by text, for one side: a huge page's sections overlap by a third, and
# sentence splitting and anchors are a quarter of aligning a section.
Prepared = dict[str, _Prepared]


# Sentence spans already known for some paragraphs, per side, by their text.
Split = dict[str, tuple[tuple[int, int], ...]]


def _prepared(paragraph: str, language: str, spans: tuple[tuple[int, int], ...] | None = None
              ) -> _Prepared:  # fmt: skip
    """A paragraph prepared for alignment (split into sentences unless `spans` are given)."""
    if spans is None:
        spans = tuple(split_sentences(paragraph, language))
    mine = tuple(_segment(paragraph[start:end]) for start, end in spans)
    anchors = NO_ANCHORS
    for segment in mine:
        anchors = anchors | segment.anchors
    editorial = bool(mine) and all(s.editorial for s in mine)
    return spans, mine, Segment(sum(s.length for s in mine), anchors, editorial)


def _prepare(text: Text, known: Prepared | None = None, split: Split | None = None) -> _Side:
    sentences: list[tuple[alignment.SentenceRef, ...]] = []
    segments: list[tuple[Segment, ...]] = []
    paragraphs: list[Segment] = []
    for index, paragraph in enumerate(text.paragraphs):
        found = known.get(paragraph) if known is not None else None
        if found is None:
            found = _prepared(paragraph, text.language, split.get(paragraph) if split else None)
            if known is not None:
                known[paragraph] = found
        spans, mine, whole = found
        sentences.append(tuple((index, start, end) for start, end in spans))
        segments.append(mine)
        paragraphs.append(whole)
    return _Side(tuple(sentences), tuple(segments), tuple(paragraphs))


def _align_range(
    coster: BeadCoster, i0: int, i1: int, j0: int, j1: int, shapes: Sequence[Shape]
) -> list[tuple[range, range, float]]:
    centres = length_diagonal(
        [s.length for s in coster.original[i0:i1]], [s.length for s in coster.translation[j0:j1]]
    )
    path = best_path(
        i1 - i0, j1 - j0, shapes, lambda i, j, s: coster.cost(i + i0, j + j0, s), centres,
        lambda k, m, i, j: coster.costs(k, m, i + i0, j + j0),
    )
    return [(range(b.i0 + i0, b.i1 + i0), range(b.j0 + j0, b.j1 + j0), b.cost) for b in path]


def _paragraph_path(
    coster: BeadCoster, fixed: Sequence[alignment.FixedBead]
) -> list[tuple[range, range, float, bool]]:
    """Align paragraphs, keeping `fixed` beads and aligning the stretches between them."""
    n, m = len(coster.original), len(coster.translation)
    result: list[tuple[range, range, float, bool]] = []
    i = j = 0
    for a, b in sorted(fixed, key=lambda f: (f[0][:1] or (-1,), f[1][:1] or (-1,))):
        start_a = a[0] if a else i
        start_b = b[0] if b else j
        if start_a < i or start_b < j:
            continue  # crosses an earlier fixed bead: a monotone alignment cannot hold both
        for ra, rb, cost in _align_range(coster, i, start_a, j, start_b, list(PARAGRAPH_SHAPES)):
            result.append((ra, rb, cost, False))
        end_a = a[-1] + 1 if a else start_a
        end_b = b[-1] + 1 if b else start_b
        result.append((range(start_a, end_a), range(start_b, end_b), 0.0, True))
        i, j = end_a, end_b
    for ra, rb, cost in _align_range(coster, i, n, j, m, list(PARAGRAPH_SHAPES)):
        result.append((ra, rb, cost, False))
    return result


def align_texts(
    original: Text,
    translation: Text,
    fixed: Sequence[alignment.FixedBead] = (),
    prepared: tuple[Prepared, Prepared] | None = None,
    split: tuple[Split, Split] | None = None,
) -> Alignment:
    """Align an original and a translation by paragraphs, then by sentences within them.

    The character ratio of the length model is estimated from the whole document, then
    re-estimated from the first pass's paragraph beads when that changes it noticeably.

    Args:
        original: the original-language text.
        translation: the translation.
        fixed: paragraph beads set by hand, (original paragraphs, translation paragraphs);
            one side empty marks paragraphs as unaligned. Beads crossing an earlier one are
            ignored.
        prepared: paragraphs already prepared, per side, by their text; paragraphs prepared
            here are added (the sections of a huge page pass the same ones to each window).
        split: sentence spans known for some paragraphs, per side, by their text: exactly
            what `split_sentences` returns for them (a huge page's pieces, `align_long`).

    Returns:
        The alignment; every paragraph and sentence of both texts is in exactly one bead.
    """
    known_a, known_b = prepared if prepared is not None else (None, None)
    split_a, split_b = split if split is not None else (None, None)
    side_a = _prepare(original, known_a, split_a)
    side_b = _prepare(translation, known_b, split_b)
    languages = (original.language, translation.language)
    model = LengthModel.estimate(
        [s.length for s in side_a.paragraphs], [s.length for s in side_b.paragraphs], languages
    )
    counts = (side_a.sentence_counts(), side_b.sentence_counts())
    coster = BeadCoster(side_a.paragraphs, side_b.paragraphs, model, PARAGRAPH_SHAPES,
                        sentence_counts=counts)
    path = _paragraph_path(coster, fixed)
    # 1-1 beads only: a wrong merge in the first pass must not confirm the ratio that caused it.
    paired = [(ra, rb) for ra, rb, _, _ in path if len(ra) == len(rb) == 1]
    refined = LengthModel.estimate(
        [sum(side_a.paragraphs[i].length for i in ra) for ra, _ in paired],
        [sum(side_b.paragraphs[j].length for j in rb) for _, rb in paired],
        languages,
    )
    if abs(refined.ratio - model.ratio) > 0.05 * model.ratio:
        model = refined
        coster = BeadCoster(side_a.paragraphs, side_b.paragraphs, model, PARAGRAPH_SHAPES,
                            sentence_counts=counts)
        path = _paragraph_path(coster, fixed)
    paragraph_beads: list[ParagraphBead] = []
    sentence_beads: list[SentenceBead] = []
    for ra, rb, cost, manual in path:
        paragraph_beads.append(
            ParagraphBead(tuple(ra), tuple(rb), 1.0 if manual else confidence(cost), manual)
        )
        sentence_beads.extend(_sentence_beads(side_a, side_b, ra, rb, model))
    return Alignment(
        tuple(paragraph_beads),
        tuple(sentence_beads),
        len(original.paragraphs),
        len(translation.paragraphs),
    )


def _sentence_beads(
    side_a: _Side, side_b: _Side, ra: range, rb: range, model: LengthModel
) -> list[SentenceBead]:
    refs_a = [ref for i in ra for ref in side_a.sentences[i]]
    refs_b = [ref for j in rb for ref in side_b.sentences[j]]
    segments_a = [seg for i in ra for seg in side_a.segments[i]]
    segments_b = [seg for j in rb for seg in side_b.segments[j]]
    coster = BeadCoster(segments_a, segments_b, model, SENTENCE_SHAPES, cheap_ends=False)
    beads: list[SentenceBead] = []
    for bead in best_path(len(refs_a), len(refs_b), SENTENCE_SHAPES, coster.cost,
                          batch=coster.costs):
        beads.append(
            SentenceBead(
                tuple(refs_a[bead.i0 : bead.i1]),
                tuple(refs_b[bead.j0 : bead.j1]),
                confidence(bead.cost),
            )
        )
    return beads


def paragraph_aligner(original: Text, translation: Text) -> alignment.ParagraphAlignment:
    """An aligner for `ReadingState(aligner=...)`: `align_texts`, paragraphs only.

    Args:
        original: the original-language text.
        translation: the translation.

    Returns:
        The paragraph alignment the split view scrolls by.
    """
    return align_texts(original, translation).paragraph_alignment()
