"""Huge documents aligned section by section, in time linear in their length.

The solver (`alignment_solver.align_texts`) sees a whole document at once: fine for the pages an
archive holds (tens or hundreds of paragraphs), not for a page of 50,000 paragraphs or one
paragraph of megabytes (issue 12). `align_long` hands such documents to the solver in bounded
sections. Paragraphs of many sentences are first cut into units of `CHUNK` sentences. A window
of `SECTION` units of the original and the translation units where its end is expected (by
length, from where the last section ended) is aligned; its beads are kept up to a confident
pair about two thirds in, and the next window starts there, so no kept bead was decided near a
window's artificial edge. Units are then mapped back to the document's paragraphs.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.core.align.alignment import (
    Alignment,
    FixedBead,
    ParagraphBead,
    SentenceBead,
    SentenceRef,
)
from reader.core.document import Text

# A document is aligned whole below these sizes, exactly as before.
HUGE_PARAGRAPHS = 1500
HUGE_PARAGRAPH_CHARS = 60_000
SECTION = 150  # units of the original per window
CHUNK = 30  # sentences per unit when a long paragraph is cut
_KEEP = 2 / 3  # the share of a window whose beads are kept
_CONFIDENT = 0.5

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class _Unit:
    paragraph: int
    start: int
    end: int
    # The unit's sentences, when splitting it alone is known to give the spans the whole
    # paragraph's split gave (`_spans_within`); None: the solver splits it again.
    sentences: tuple[tuple[int, int], ...] | None = None


def is_huge(original: Text, translation: Text) -> bool:
    """Whether the texts are long enough to be aligned by sections.

    Args:
        original: the original.
        translation: the translation.

    Returns:
        True past `HUGE_PARAGRAPHS` paragraphs or a paragraph of `HUGE_PARAGRAPH_CHARS`.
    """
    texts = (original, translation)
    return any(len(t.paragraphs) > HUGE_PARAGRAPHS for t in texts) or any(
        len(p) > HUGE_PARAGRAPH_CHARS for t in texts for p in t.paragraphs
    )


def _units(text: Text) -> list[_Unit]:
    from reader.core.text.sentences import split_sentences

    units: list[_Unit] = []
    for index, paragraph in enumerate(text.paragraphs):
        spans = split_sentences(paragraph, text.language) if len(paragraph) > 4000 else []
        if len(spans) <= 2 * CHUNK:
            units.append(_Unit(index, 0, len(paragraph), tuple(spans) if spans else None))
            continue
        for first in range(0, len(spans), CHUNK):
            mine = spans[first : first + CHUNK]
            start, end = mine[0][0], mine[-1][1]
            units.append(_Unit(index, start, end, _spans_within(paragraph, mine, start, end)))
    return units


def _spans_within(paragraph: str, spans: list[tuple[int, int]], start: int, end: int
                  ) -> tuple[tuple[int, int], ...] | None:  # fmt: skip
    """The sentences of paragraph[start:end] as the splitter finds them in that piece alone.

    Splitting a 5 MB paragraph's pieces again took as long as splitting it. The splitter looks
    around a full stop for the word before it and the letter after it; inside a piece it finds
    the same ones as in the whole paragraph when the piece is set off by spaces on both sides
    (nothing glued on), begins with a letter or digit (so the word before any stop lies
    inside), and ends with one or with a stop (so no look ahead runs past its end). Otherwise
    None, and the piece is split again.
    """
    glued = (start > 0 and not paragraph[start - 1].isspace()) or (
        end < len(paragraph) and not paragraph[end].isspace()
    )
    last = paragraph[end - 1]
    if glued or not paragraph[start].isalnum() or not (last.isalnum() or last in ".!?…»)”’]"):
        return None
    return tuple((a - start, b - start) for a, b in spans)


def _centres(lengths_a: list[int], lengths_b: list[int]) -> list[float]:
    from reader.core.align.path import length_diagonal

    return length_diagonal(lengths_a, lengths_b)


def _local_fixed(fixed: Sequence[FixedBead], units: tuple[list[_Unit], list[_Unit]],
                 counts: tuple[Counter[int], Counter[int]], a: range, b: range
                 ) -> list[FixedBead]:  # fmt: skip
    """Fixed beads whose units all lie in the window, in the window's unit numbers."""
    local: list[FixedBead] = []
    for paragraphs_a, paragraphs_b in fixed:
        ua = [u - a.start for u in a if units[0][u].paragraph in paragraphs_a]
        ub = [u - b.start for u in b if units[1][u].paragraph in paragraphs_b]
        whole_a = sum(counts[0][p] for p in paragraphs_a) == len(ua)
        whole_b = sum(counts[1][p] for p in paragraphs_b) == len(ub)
        if (ua or ub) and whole_a and whole_b:
            local.append((tuple(ua), tuple(ub)))
    return local


def _cut(beads: Sequence[ParagraphBead], keep_a: int, keep_b: int) -> int:
    """How many beads to keep: up to the last confident pair ending within the kept share."""
    cut = 0
    for index, bead in enumerate(beads):
        end_a = bead.original[-1] + 1 if bead.original else 0
        end_b = bead.translation[-1] + 1 if bead.translation else 0
        if end_a > keep_a or end_b > keep_b:
            break
        if bead.original and bead.translation and bead.confidence >= _CONFIDENT:
            cut = index + 1
    return cut or 1  # always advance


def align_long(
    original: Text,
    translation: Text,
    fixed: Sequence[FixedBead] = (),
    progress: Progress | None = None,
) -> Alignment:
    """Align two texts of any length: whole when small, by bounded sections when huge.

    Args:
        original: the original-language text.
        translation: the translation.
        fixed: paragraph beads set by hand; in a huge document only those that fit in one
            section are kept.
        progress: called with (original paragraphs done, all of them) after each section.

    Returns:
        The alignment; every paragraph and sentence of both texts is in exactly one bead.
    """
    from reader.core.align.solver import Prepared, align_texts

    if not is_huge(original, translation):
        return align_texts(original, translation, fixed)
    units_a, units_b = _units(original), _units(translation)
    pieces_a = [original.paragraphs[u.paragraph][u.start : u.end] for u in units_a]
    pieces_b = [translation.paragraphs[u.paragraph][u.start : u.end] for u in units_b]
    split = tuple({piece: unit.sentences for piece, unit in zip(pieces, units, strict=True)
                   if unit.sentences is not None}
                  for pieces, units in ((pieces_a, units_a), (pieces_b, units_b)))  # fmt: skip
    centres = _centres([len(p) for p in pieces_a], [len(p) for p in pieces_b])
    counts = (Counter(u.paragraph for u in units_a), Counter(u.paragraph for u in units_b))
    n, m = len(units_a), len(units_b)
    kept: list[tuple[list[int], list[int], float, bool]] = []
    sentences: list[SentenceBead] = []
    # The next window starts inside this one: what it shares is prepared once, and what it
    # no longer reaches is dropped, so the cache stays one window's overlap.
    prepared: tuple[Prepared, Prepared] = ({}, {})
    i = j = 0
    while i < n or j < m:
        end_a = min(n, i + SECTION)
        expected = j + centres[end_a] - centres[i]
        # Both ends of a window are pinned: its end on the expected path keeps the solver's
        # band narrow, and what the kept share leaves out absorbs the error.
        end_b = m if end_a == n else min(m, max(j + 1, round(expected)))
        if end_b == m:
            end_a = n  # the translation runs out here: take the rest of the original too
        window = align_texts(
            Text(original.language, tuple(pieces_a[i:end_a])),
            Text(translation.language, tuple(pieces_b[j:end_b])),
            _local_fixed(fixed, (units_a, units_b), counts, range(i, end_a), range(j, end_b)),
            prepared,
            (split[0], split[1]),
        )
        last = end_a == n and end_b == m
        beads = window.paragraph_beads
        cut = len(beads) if last else _cut(
            beads, math.ceil((end_a - i) * _KEEP), math.ceil((end_b - j) * _KEEP)
        )
        done_a = max((b.original[-1] + 1 for b in beads[:cut] if b.original), default=0)
        done_b = max((b.translation[-1] + 1 for b in beads[:cut] if b.translation), default=0)
        for bead in beads[:cut]:
            kept.append(([u + i for u in bead.original], [u + j for u in bead.translation],
                         bead.confidence, bead.manual))  # fmt: skip
        for sentence in window.sentence_beads:
            if all(r[0] < done_a for r in sentence.original) and all(
                r[0] < done_b for r in sentence.translation
            ):
                sentences.append(SentenceBead(
                    _refs(sentence.original, units_a, i), _refs(sentence.translation, units_b, j),
                    sentence.confidence, sentence.manual,
                ))  # fmt: skip
        for piece in pieces_a[i : i + done_a]:
            prepared[0].pop(piece, None)
        for piece in pieces_b[j : j + done_b]:
            prepared[1].pop(piece, None)
        i, j = i + done_a, j + done_b
        if progress is not None:
            progress(units_a[i - 1].paragraph + 1 if i else 0, len(original.paragraphs))
    return Alignment(
        tuple(_paragraph_beads(kept, units_a, units_b)),
        tuple(sentences),
        len(original.paragraphs),
        len(translation.paragraphs),
    )


def _refs(refs: tuple[SentenceRef, ...], units: list[_Unit], offset: int
          ) -> tuple[SentenceRef, ...]:  # fmt: skip
    out = []
    for unit_index, start, end in refs:
        unit = units[unit_index + offset]
        out.append((unit.paragraph, unit.start + start, unit.start + end))
    return tuple(out)


def _paragraph_beads(kept: list[tuple[list[int], list[int], float, bool]],
                     units_a: list[_Unit], units_b: list[_Unit]
                     ) -> list[ParagraphBead]:  # fmt: skip
    """Unit beads as paragraph beads, each paragraph in exactly one.

    The beads from one holding part of a cut paragraph to the one holding its next part
    become one bead.
    """
    merged: list[tuple[set[int], set[int], float, bool]] = []
    last_a = last_b = (-1, -1)  # the last paragraph seen on each side, and its bead
    for ua, ub, confidence, manual in kept:
        pa = {units_a[u].paragraph for u in ua}
        pb = {units_b[u].paragraph for u in ub}
        start = len(merged)
        if last_a[0] in pa:
            start = min(start, last_a[1])
        if last_b[0] in pb:
            start = min(start, last_b[1])
        group = [*merged[start:], (pa, pb, confidence, manual)]
        del merged[start:]
        merged.append((
            set().union(*(g[0] for g in group)), set().union(*(g[1] for g in group)),
            min(g[2] for g in group), all(g[3] for g in group),
        ))  # fmt: skip
        if merged[-1][0]:
            last_a = (max(merged[-1][0]), len(merged) - 1)
        if merged[-1][1]:
            last_b = (max(merged[-1][1]), len(merged) - 1)
    return [ParagraphBead(tuple(sorted(a)), tuple(sorted(b)), c, manual)
            for a, b, c, manual in merged]  # fmt: skip
