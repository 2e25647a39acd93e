"""The cost of a bead: how unlikely it is that these segments translate those.

A bead pairs k segments of the original with l of the translation (1-1, 2-1, 1-0, ...). Its cost
adds three parts, all in nats: the prior of its shape, a length model in the manner of Gale and
Church (1993) whose character ratio is estimated for each document and language pair, and the
agreement of anchors (`reader.core.align.anchors`). Lower is better; a cost converts to a confidence.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.core.align.anchors import NO_ANCHORS, WEIGHTS, SegmentAnchors, anchor_score

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
# Titles, headers and signatures at either end are often in one text only: skipping them there
# costs this fraction of a skip elsewhere.
END_SKIP_FACTOR = 0.4
END_SPAN = 2
EDITORIAL_SKIP = 0.5
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
        # log of the two-sided tail 2 * (1 - Phi(delta)); erfc underflows beyond delta ~ 37.
        tail = math.erfc(delta / math.sqrt(2.0))
        return -math.log(tail) if tail > 1e-300 else delta * delta / 2.0 + math.log(delta)


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
        widest = max(max(k, m) for k, m in shapes)
        # Runs of up to `widest` segments merged once: their total length and joint anchors.
        self._runs = (_runs(original, widest), _runs(translation, widest))
        # A skip's cost depends on one segment only: computed once per segment, not per cell.
        self._skips = (
            [self._skip(i, original, (1, 0)) for i in range(len(original))],
            [self._skip(j, translation, (0, 1)) for j in range(len(translation))],
        )
        self._sentences: tuple[list[int], list[int]] | None = None
        if sentence_counts is not None:
            self._sentences = (_prefix(sentence_counts[0]), _prefix(sentence_counts[1]))

    def _skip(self, index: int, segments: Sequence[Segment], shape: Shape) -> float:
        segment = segments[index]
        if segment.editorial:
            return EDITORIAL_SKIP
        if shape not in self._priors:
            return math.inf
        missing = sum(WEIGHTS[a[0]][1] for a in segment.anchors.required)
        cost = self._priors[shape] + SKIP_PER_CHAR * segment.length + missing
        if self.cheap_ends and (index < END_SPAN or index >= len(segments) - END_SPAN):
            cost *= END_SKIP_FACTOR
        return cost

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
        if k == 0:
            return self._skips[1][j]
        if m == 0:
            return self._skips[0][i]
        prior = self._priors[shape]
        length_a, anchors_a = self._runs[0][k - 1][i]
        length_b, anchors_b = self._runs[1][m - 1][j]
        cost = prior + self.model.cost(length_a, length_b) - anchor_score(anchors_a, anchors_b)
        if self._sentences is not None and k + m > 2:
            sentences_a, sentences_b = self._sentences
            cost += sentence_shape_cost(
                sentences_a[i + k] - sentences_a[i], sentences_b[j + m] - sentences_b[j]
            )
        return cost


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
