"""Scoring an alignment against a gold standard: strict and lax precision, recall and F1.

A bead is a pair (original units, translation units); units are paragraph indices or sentence
references (paragraph, start, end). Beads with one side empty (unaligned units) are scored too,
so missing a dropped paragraph costs as much as pairing it wrongly.

- Strict: a predicted bead is correct when the gold has exactly the same bead.
- Lax: a bead's links are the unit pairs it asserts (every original unit with every translation
  unit; (unit, None) or (None, unit) for an unaligned one). A predicted bead counts for precision
  when it shares a link with some gold bead; a gold bead counts for recall when it shares a link
  with some predicted bead. Lax scores forgive a 2-1 bead where the gold has 1-1 plus 1-0, or a
  sentence boundary placed one clause off, but not a bead in the wrong place.

Scores add up over documents by counting (micro-averaging), so long documents weigh more.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

Unit = Hashable
Bead = tuple[tuple[Unit, ...], tuple[Unit, ...]]


@dataclass(frozen=True)
class Counts:
    """Correct predictions, predictions, gold beads found and gold beads, for one measure."""

    correct: int = 0
    predicted: int = 0
    found: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.correct + other.correct,
            self.predicted + other.predicted,
            self.found + other.found,
            self.gold + other.gold,
        )

    @property
    def precision(self) -> float:
        """Share of predicted beads that are right (1.0 when nothing was predicted)."""
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of gold beads the prediction found (1.0 when the gold is empty)."""
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class BeadScore:
    """Strict and lax counts for one level (paragraphs or sentences)."""

    strict: Counts = Counts()
    lax: Counts = Counts()

    def __add__(self, other: BeadScore) -> BeadScore:
        return BeadScore(self.strict + other.strict, self.lax + other.lax)


def _links(bead: Bead) -> set[tuple[Unit | None, Unit | None]]:
    a, b = bead
    if a and b:
        return {(x, y) for x in a for y in b}
    return {(x, None) for x in a} | {(None, y) for y in b}


def score_beads(predicted: Iterable[Bead], gold: Iterable[Bead]) -> BeadScore:
    """Score predicted beads against gold beads.

    Args:
        predicted: the aligner's beads, (original units, translation units).
        gold: the gold standard's beads, in the same terms.

    Returns:
        Strict and lax counts; see the module docstring for the definitions.
    """
    predicted_set = {(tuple(a), tuple(b)) for a, b in predicted}
    gold_set = {(tuple(a), tuple(b)) for a, b in gold}
    exact = len(predicted_set & gold_set)
    gold_links: set[tuple[Unit | None, Unit | None]] = set()
    for bead in gold_set:
        gold_links |= _links(bead)
    predicted_links: set[tuple[Unit | None, Unit | None]] = set()
    for bead in predicted_set:
        predicted_links |= _links(bead)
    lax_correct = sum(1 for bead in predicted_set if _links(bead) & gold_links)
    lax_found = sum(1 for bead in gold_set if _links(bead) & predicted_links)
    return BeadScore(
        Counts(exact, len(predicted_set), exact, len(gold_set)),
        Counts(lax_correct, len(predicted_set), lax_found, len(gold_set)),
    )


def format_score(name: str, score: BeadScore) -> str:
    """One line of figures: strict and lax precision, recall and F1.

    Args:
        name: what was scored.
        score: its counts.

    Returns:
        A fixed-width line for reports.
    """
    s, lax = score.strict, score.lax
    return (
        f"{name:<28} strict P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}   "
        f"lax P {lax.precision:.3f} R {lax.recall:.3f} F1 {lax.f1:.3f}   ({s.gold} gold)"
    )


def sum_scores(scores: Sequence[BeadScore]) -> BeadScore:
    """Add up the counts of several documents' scores (micro-averaging)."""
    total = BeadScore()
    for score in scores:
        total = total + score
    return total
