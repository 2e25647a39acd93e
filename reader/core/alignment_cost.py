"""The cost of a bead: how unlikely it is that these segments translate those.

A bead pairs k segments of the original with l of the translation (1-1, 2-1, 1-0, ...). Its cost
adds three parts, all in nats: the prior of its shape, a length model in the manner of Gale and
Church (1993) whose character ratio is estimated for each document and language pair, and the
agreement of anchors (`reader.core.anchors`). Lower is better; a cost converts to a confidence.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.anchors import NO_ANCHORS, WEIGHTS, SegmentAnchors, anchor_score

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
        """
        self.original = original
        self.translation = translation
        self.model = model
        self.cheap_ends = cheap_ends
        self._priors = {shape: -math.log(p) for shape, p in shapes.items()}
        widest = max(max(k, m) for k, m in shapes)
        # Runs of up to `widest` segments merged once: their total length and joint anchors.
        self._runs = (_runs(original, widest), _runs(translation, widest))

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
        prior = self._priors[shape]
        if k == 0 or m == 0:
            segment = self.original[i] if k else self.translation[j]
            if segment.editorial:
                return EDITORIAL_SKIP
            index, count = (i, len(self.original)) if k else (j, len(self.translation))
            missing = sum(WEIGHTS[a[0]][1] for a in segment.anchors.required)
            cost = prior + SKIP_PER_CHAR * segment.length + missing
            if self.cheap_ends and (index < END_SPAN or index >= count - END_SPAN):
                cost *= END_SKIP_FACTOR
            return cost
        length_a, anchors_a = self._runs[0][k - 1][i]
        length_b, anchors_b = self._runs[1][m - 1][j]
        return prior + self.model.cost(length_a, length_b) - anchor_score(anchors_a, anchors_b)


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


def confidence(cost: float) -> float:
    """Turn a bead's cost into a confidence in [0, 1]: 1 for cheap beads, 0 for dear ones.

    Args:
        cost: the bead's cost in nats.

    Returns:
        A logistic of the cost, rounded to three decimals.
    """
    value = 1.0 / (1.0 + math.exp((cost - _HALF_CONFIDENCE_COST) / _CONFIDENCE_SCALE))
    return round(value, 3)
