"""The cost of a bead: how unlikely it is that these segments translate those.

A bead pairs k segments of the original with l of the translation (1-1, 2-1, 1-0, ...). Its cost
adds three parts, all in nats: the prior of its shape, a length model in the manner of Gale and
Church (1993) whose character ratio is estimated for each document and language pair, and the
agreement of anchors (`reader.core.align.anchors`). Lower is better; a cost converts to a
confidence.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from reader.core.align.anchors import NO_ANCHORS, SegmentAnchors, anchor_score
from reader.core.align.batch import BandAnchors, Floats, Ints, length_costs, tail_cost

Shape = tuple[int, int]

# Prior probabilities of bead shapes: Gale and Church's figures, with skips made rarer since
# archive translations drop little, and 3-1 beads for sentences a translator split in three.
PARAGRAPH_SHAPES: dict[Shape, float] = {
    (1, 1): 0.89, (1, 0): 0.008, (0, 1): 0.008, (2, 1): 0.03, (1, 2): 0.03, (2, 2): 0.006,
    (1, 3): 0.002, (3, 1): 0.002,
}  # fmt: skip
SENTENCE_SHAPES: dict[Shape, float] = {**PARAGRAPH_SHAPES, (1, 3): 0.006, (3, 1): 0.006}
# Variance of the length difference per character (Gale and Church measured 6.8).
VARIANCE = 6.8
# Skipping costs a flat amount plus a little per character: a long dropped paragraph must still
# beat gluing it to a neighbour, whose length cost grows with the square of the difference.
SKIP_PER_CHAR = 0.004
# Titles, headers and signatures at either end are often in one text only: skipping one of the
# END_SPAN first or last segments next to the text's edge costs this fraction of a skip elsewhere.
# A skip pays nothing for the anchors it leaves unmatched: a stamp "Eingang: 6.3.57" left
# untranslated must not be cheaper to pair with a line that lacks its numbers than to skip.
END_SKIP_FACTOR = 0.4
END_SPAN = 2
EDITORIAL_SKIP = 0.5
# Sentences up to this many characters are rarely split in two by a translator: a paragraph
# bead implying such a split pays its full sentence-level cost, longer ones pay less.
SPLIT_SENTENCE_LENGTH = 40.0
# Character ratios translation/original by language pair, before the document's own estimate.
_PAIR_RATIOS: dict[tuple[str, str], float] = {
    ("ru", "en"): 1.0, ("de", "en"): 0.9, ("fr", "en"): 0.9, ("zh", "en"): 3.5,
    ("ja", "en"): 2.8, ("ko", "en"): 2.3,
}  # fmt: skip
# How many characters of the document's own evidence outweigh the pair's prior ratio.
_PRIOR_WEIGHT = 300.0
# A bead costing this much has confidence 0.5; each nat more or less moves it along a logistic.
_HALF_CONFIDENCE_COST = 6.0
_CONFIDENCE_SCALE = 1.5


@dataclass(frozen=True)
class Segment:
    """A unit to align (a sentence or a paragraph): its length and anchors."""

    length: int
    anchors: SegmentAnchors = NO_ANCHORS
    # Wholly an editorial insertion ("[Translator's note: ...]"): skipping it costs little.
    editorial: bool = False


@dataclass(frozen=True)
class LengthModel:
    """Translation length ~ ratio * original length, with variance growing with length."""

    ratio: float = 1.0
    variance: float = VARIANCE

    @classmethod
    def estimate(
        cls,
        original: Sequence[int],
        translation: Sequence[int],
        languages: tuple[str, str] = ("", ""),
    ) -> LengthModel:
        """Estimate the ratio from the totals, pulled towards the language pair's usual ratio.

        Args:
            original: segment lengths of the original (or of its aligned beads).
            translation: segment lengths of the translation.
            languages: the two languages' ISO 639-1 codes.

        Returns:
            The model for this document.
        """
        prior = _PAIR_RATIOS.get(languages, 1.0)
        total_a, total_b = float(sum(original)), float(sum(translation))
        ratio = (total_b + prior * _PRIOR_WEIGHT) / (total_a + _PRIOR_WEIGHT)
        return cls(min(max(ratio, 0.2), 5.0))

    def cost(self, length_a: int, length_b: int) -> float:
        """The length part of a bead's cost, -log P(|delta| this large).

        Args:
            length_a: total characters on the original side.
            length_b: total characters on the translation side.

        Returns:
            A cost in nats (0 for a perfect match).
        """
        scaled_b = length_b / self.ratio
        mean = (length_a + scaled_b) / 2.0
        if mean <= 0:
            return 0.0
        delta = abs(scaled_b - length_a) / math.sqrt(self.variance * mean + 1.0)
        return tail_cost(delta)  # -log of the two-sided tail 2 * (1 - Phi(delta))


class BeadCoster:
    """Costs of beads over two segment sequences (one aligner pass, one level)."""

    def __init__(
        self,
        original: Sequence[Segment],
        translation: Sequence[Segment],
        model: LengthModel,
        shapes: dict[Shape, float],
        cheap_ends: bool = True,
        sentence_counts: tuple[Sequence[int], Sequence[int]] | None = None,
    ) -> None:
        """Prepare the costs of beads over `original` and `translation`.

        Args:
            original: the original's segments.
            translation: the translation's segments.
            model: the length model.
            shapes: allowed bead shapes and their prior probabilities.
            cheap_ends: whether the sequences are whole texts, whose ends hold titles and
                signatures (paragraphs), or the inside of one paragraph group (sentences),
                where no end is special.
            sentence_counts: for paragraphs, how many sentences (editorial ones left out) each
                paragraph of the original and of the translation has; a bead whose two sides
                differ in sentence count then pays for the sentences it implies a translator
                split or joined (`sentence_shape_cost`).
        """
        self.original = original
        self.translation = translation
        self.model = model
        self.cheap_ends = cheap_ends
        self._priors = {shape: -math.log(p) for shape, p in shapes.items()}
        self._widest = max(max(k, m) for k, m in shapes)
        # A skip's cost depends on one segment only: computed once per segment, not per cell.
        self._skips = (
            [self._skip(i, original, (1, 0)) for i in range(len(original))],
            [self._skip(j, translation, (0, 1)) for j in range(len(translation))],
        )
        self._sentences: tuple[list[int], list[int]] | None = None
        if sentence_counts is not None:
            self._sentences = (_prefix(sentence_counts[0]), _prefix(sentence_counts[1]))

    @cached_property
    def _runs(self) -> tuple[list[list[tuple[int, SegmentAnchors]]], ...]:
        """Runs of up to the widest bead's segments merged once: total length, joint anchors."""
        return _runs(self.original, self._widest), _runs(self.translation, self._widest)

    @cached_property
    def _band(self) -> _BandTables:
        return _BandTables(self, self._widest)

    def _skip(
        self, index: int, segments: Sequence[Segment], shape: Shape
    ) -> tuple[float, float]:
        """Skipping one segment: (its cost between pairs, its cost next to the text's edge)."""
        segment = segments[index]
        if segment.editorial:
            return EDITORIAL_SKIP, EDITORIAL_SKIP
        if shape not in self._priors:
            return math.inf, math.inf
        cost = self._priors[shape] + SKIP_PER_CHAR * segment.length
        near_end = index < END_SPAN or index >= len(segments) - END_SPAN
        return cost, cost * END_SKIP_FACTOR if self.cheap_ends and near_end else cost

    def cost(self, i: int, j: int, shape: Shape) -> float:
        """The cost of the bead taking original[i:i+k] and translation[j:j+l], (k, l) = shape.

        Args:
            i: first original segment of the bead.
            j: first translation segment of the bead.
            shape: (k, l) segments on each side.

        Returns:
            The cost in nats; lower is better.
        """
        k, m = shape
        # A skip is cheap at an end only next to the text's edge: before the first pair or
        # after the last (the other text not begun, or used up). A title or a signature left
        # in one text sits there; a line skipped between two pairs is neither.
        if k == 0:
            return self._skips[1][j][i == 0 or i == len(self.original)]
        if m == 0:
            return self._skips[0][i][j == 0 or j == len(self.translation)]
        prior = self._priors[shape]
        length_a, anchors_a = self._runs[0][k - 1][i]
        length_b, anchors_b = self._runs[1][m - 1][j]
        cost = prior + self.model.cost(length_a, length_b) - anchor_score(anchors_a, anchors_b)
        if self._sentences is not None:
            sentences_a, sentences_b = self._sentences
            count_a = sentences_a[i + k] - sentences_a[i]
            count_b = sentences_b[j + m] - sentences_b[j]
            implied = sentence_shape_cost(count_a, count_b)
            if implied and k == m == 1:
                # One paragraph each: the uneven counts may be a sentence the translator split,
                # likely for a long sentence and unlikely for a short line ("Привет" against
                # "Greetings," plus the signature glued on).
                if count_a < count_b:
                    sentence_length = length_a / max(count_a, 1)
                else:
                    sentence_length = length_b / self.model.ratio / max(count_b, 1)
                implied *= min(1.0, SPLIT_SENTENCE_LENGTH / max(sentence_length, 1.0))
            cost += implied
        return cost


    def costs(self, k: Ints, m: Ints, i: Ints, j: Ints) -> Floats:
        """The costs of many beads at once: for each c, `cost(i[c], j[c], (k[c], m[c]))`.

        Args:
            k: each bead's shape on the original side; its shape must be one of the coster's.
            m: each bead's shape on the translation side.
            i: each bead's first original segment.
            j: each bead's first translation segment.

        Returns:
            The costs in nats, each the very float `cost` returns (`align/batch.py`).
        """
        band = self._band
        costs = np.empty(len(i))
        # Skips, cheaper next to the text's edge, as in `cost`.
        at = np.flatnonzero(k == 0)
        edge = (i[at] == 0) | (i[at] == len(self.original))
        costs[at] = band.skips[1][j[at], edge.astype(np.int64)]
        at = np.flatnonzero((k > 0) & (m == 0))
        edge = (j[at] == 0) | (j[at] == len(self.translation))
        costs[at] = band.skips[0][i[at], edge.astype(np.int64)]
        at = np.flatnonzero((k > 0) & (m > 0))
        k, m, i, j = k[at], m[at], i[at], j[at]
        length_a = band.lengths[0][i + k] - band.lengths[0][i]
        length_b = band.lengths[1][j + m] - band.lengths[1][j]
        paired = band.priors[k, m] + length_costs(
            self.model.ratio, self.model.variance, length_a, length_b
        ) - band.anchors.scores(k, i, m, j)
        if band.sentences is not None:
            paired += self._implied(k, m, i, j, length_a, length_b)
        costs[at] = paired
        return costs

    def _implied(self, k: Ints, m: Ints, i: Ints, j: Ints, length_a: Ints, length_b: Ints
                 ) -> Floats:  # fmt: skip
        """The sentence-level cost paragraph beads imply, as `cost` adds it."""
        sentences = self._band.sentences
        assert sentences is not None
        counts_a = sentences[0][i + k] - sentences[0][i]
        counts_b = sentences[1][j + m] - sentences[1][j]
        implied = np.zeros(len(i))
        uneven = np.flatnonzero(counts_a != counts_b)
        counts_a, counts_b = counts_a[uneven], counts_b[uneven]
        pairs = zip(counts_a.tolist(), counts_b.tolist(), strict=True)
        implied[uneven] = [sentence_shape_cost(a, b) for a, b in pairs]
        # One paragraph each: a split sentence is likely when it is long.
        single = np.flatnonzero((k[uneven] == 1) & (m[uneven] == 1))
        counts_a, counts_b = counts_a[single], counts_b[single]
        sentence_length = np.where(
            counts_a < counts_b,
            length_a[uneven[single]] / np.maximum(counts_a, 1),
            length_b[uneven[single]] / self.model.ratio / np.maximum(counts_b, 1),
        )
        implied[uneven[single]] *= np.minimum(
            1.0, SPLIT_SENTENCE_LENGTH / np.maximum(sentence_length, 1.0)
        )
        return implied


class _BandTables:
    """A coster's segments as arrays, for `BeadCoster.costs`: made on its first call."""

    def __init__(self, coster: BeadCoster, widest: int) -> None:
        sides = (coster.original, coster.translation)
        # Prefix sums: a run's length or sentence count is a difference of two.
        self.lengths = tuple(_prefix_array([s.length for s in side]) for side in sides)
        self.anchors = BandAnchors([s.anchors for s in sides[0]], [s.anchors for s in sides[1]],
                                   widest)
        # Shape priors by (k, l); shapes the coster does not allow are never asked for.
        self.priors = np.full((widest + 1, widest + 1), np.nan)
        for (k, m), prior in coster._priors.items():
            self.priors[k, m] = prior
        self.skips = tuple(
            np.array(skips, np.float64).reshape(-1, 2) for skips in coster._skips
        )
        self.sentences = None if coster._sentences is None else (
            np.array(coster._sentences[0], np.int64), np.array(coster._sentences[1], np.int64)
        )  # fmt: skip


def _prefix_array(values: Sequence[int]) -> Ints:
    prefix: Ints = np.zeros(len(values) + 1, np.int64)
    np.cumsum(values, out=prefix[1:])
    return prefix


def _runs(
    segments: Sequence[Segment], widest: int
) -> list[list[tuple[int, SegmentAnchors]]]:
    """For each run length r (1..widest) and start i: (total length, anchors) of segments[i:i+r]."""
    runs: list[list[tuple[int, SegmentAnchors]]] = [
        [(s.length, s.anchors) for s in segments]
    ]
    for size in range(2, widest + 1):
        previous = runs[-1]
        runs.append([
            (previous[i][0] + segments[i + size - 1].length,
             previous[i][1] | segments[i + size - 1].anchors)
            for i in range(len(segments) - size + 1)
        ])
    return runs


def _prefix(counts: Sequence[int]) -> list[int]:
    prefix = [0]
    for count in counts:
        prefix.append(prefix[-1] + count)
    return prefix


@lru_cache(maxsize=256)
def sentence_shape_cost(n_original: int, n_translation: int) -> float:
    """The least a paragraph bead's sentence counts imply it costs in sentence-level events.

    Translators merge and split paragraphs at sentence boundaries, so a true 2-1 paragraph bead
    usually pairs its sentences 1-1. A short paragraph left in one text and glued onto its
    neighbour instead forces a 1-2 sentence bead or a skipped sentence inside the bead. The
    cost is the cheapest excess over 1-1 sentence beads (shape priors only) of any sentence
    path with these counts; 0 when the counts are equal.

    Args:
        n_original: sentences on the original side of the bead (editorial ones left out).
        n_translation: sentences on the translation side.

    Returns:
        The cost in nats.
    """
    one_to_one = -math.log(SENTENCE_SHAPES[(1, 1)])
    excess = {s: -math.log(p) - one_to_one for s, p in SENTENCE_SHAPES.items() if s != (1, 1)}
    best = [[math.inf] * (n_translation + 1) for _ in range(n_original + 1)]
    best[0][0] = 0.0
    for i in range(n_original + 1):
        for j in range(n_translation + 1):
            if i and j:
                best[i][j] = min(best[i][j], best[i - 1][j - 1])
            for (k, m), cost in excess.items():
                if k <= i and m <= j:
                    best[i][j] = min(best[i][j], best[i - k][j - m] + cost)
    return best[n_original][n_translation]


def confidence(cost: float) -> float:
    """Turn a bead's cost into a confidence in [0, 1]: 1 for cheap beads, 0 for dear ones.

    Args:
        cost: the bead's cost in nats.

    Returns:
        A logistic of the cost, rounded to three decimals.
    """
    value = 1.0 / (1.0 + math.exp((cost - _HALF_CONFIDENCE_COST) / _CONFIDENCE_SCALE))
    return round(value, 3)
