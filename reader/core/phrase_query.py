"""Phrase queries matched in one pass over their words' postings, not document by document.

whoosh matches a phrase by stepping an intersection of its words' postings and, in every
document holding all the words, building a Span object per word position and pairing them up.
Profiling phrase searches over 10,000 pages put nearly all their time in that Python stepping.
Here an exact phrase (slop 1: any quoted phrase without `~N`) reads each word's postings block
by block, intersects the document numbers as sets, keeps the documents where some position p
of the first word has p+1 of the second, p+2 of the third, ..., and scores them as whoosh's
intersection does: the sum, in the same order, of each word's score from its own scorer. The
documents, their scores and so the results and their order are the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate
from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.compat import loads
from whoosh.formats import Positions
from whoosh.matching import ListMatcher, NullMatcher, WrappingMatcher
from whoosh.scoring import WeightLengthScorer
from whoosh.system import _INT_SIZE

# docnum -> (weight, raw value) of one term's postings
Postings = dict[int, tuple[float, bytes]]


class Phrase(wq.Phrase):  # type: ignore[misc]
    """whoosh's Phrase query; an exact phrase is matched by `phrase_matcher`."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        """As whoosh's Phrase.matcher (same checks, same term matchers and scorers)."""
        fieldname = self.fieldname
        if self.slop != 1 or fieldname not in searcher.schema:
            return super().matcher(searcher, context)
        field = searcher.schema[fieldname]
        if type(field.format) is not Positions:
            return super().matcher(searcher, context)  # another format: whoosh's own way
        reader = searcher.reader()
        matchers = []
        for word in self.words:
            try:
                term = field.to_bytes(word)
            except ValueError:
                return NullMatcher()
            if (fieldname, term) not in reader:
                return NullMatcher()  # a word absent from the field: nothing can match
            matchers.append(wq.Term(fieldname, term).matcher(searcher, context))
        scorers = [_scorer(m) for m in matchers]
        if not all(isinstance(s, WeightLengthScorer) for s in scorers):
            return super().matcher(searcher, context)
        lengths = scorers[0].dfl  # the words share a field, so a document has one length
        parts = [s._score for s in scorers]  # what each scorer.score(matcher) computes

        def score(doc: int, weights: list[float]) -> float:
            length = lengths(doc)
            return _tree_sum([part(w, length) for part, w in zip(parts, weights, strict=True)])

        matcher: Any = phrase_matcher([all_postings(m) for m in matchers], score)
        if self.boost != 1.0:
            matcher = WrappingMatcher(matcher, boost=self.boost)
        return matcher


def phrase_matcher(
    postings: Sequence[Postings], score: Callable[[int, list[float]], float]
) -> Any:
    """A matcher over the documents where the postings' words stand side by side, in order.

    `postings` holds each word's postings (see `all_postings`), in phrase order; `score`
    gives a document's score from its number and the words' weights there.
    """
    common = set(postings[0]).intersection(*postings[1:])
    ids: list[int] = []
    scores: list[float] = []
    for doc in sorted(common):
        found = [p[doc] for p in postings]
        if phrase_starts([decode_positions(value) for _, value in found]):
            ids.append(doc)
            scores.append(score(doc, [weight for weight, _ in found]))
    if not ids:
        return NullMatcher()
    return ScoredListMatcher(ids, scores)


def phrase_starts(positions: Sequence[Iterable[int]]) -> list[int]:
    """Sorted positions p where word i of a phrase sits at p+i, given each word's positions."""
    starts = set(positions[0])
    for offset, found in enumerate(positions[1:], start=1):
        if not starts:
            break
        starts.intersection_update([position - offset for position in found])
    return sorted(starts)


def all_postings(matcher: Any) -> Postings:
    """Every posting of a term matcher from where it stands; the matcher is used up."""
    found: Postings = {}
    if type(matcher) is W3LeafMatcher:
        # whoosh 2.7.4 (pinned) decodes a whole block at once: take it as it is rather than
        # asking for each posting's id, weight and value in turn.
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            matcher._read_values()
            start = matcher._i
            found.update(zip(matcher._ids[start:], zip(
                matcher._weights[start:], matcher._values[start:], strict=True), strict=True))
            matcher._next_block()
        return found
    while matcher.is_active():
        found[matcher.id()] = (matcher.weight(), matcher.value())
        matcher.next()
    return found


def decode_positions(value: bytes) -> Iterable[int]:
    """The positions in a Positions posting value, as whoosh's `Positions` decodes them.

    whoosh 2.7.4 stores a packed count, then the pickled list of gaps between positions; it
    adds the gaps in a Python loop, `accumulate` does it in C.
    """
    if not value.endswith(b"."):
        value += b"."  # as whoosh does: a stored pickle may lack its STOP opcode
    gaps: list[int] = loads(value[_INT_SIZE:])
    return accumulate(gaps)


class ScoredListMatcher(ListMatcher):  # type: ignore[misc]
    """A ListMatcher whose weights are the documents' final scores, computed up front."""

    def __init__(self, ids: list[int], scores: list[float], position: int = 0) -> None:
        """Match `ids` (ascending), each scoring the matching entry of `scores`."""
        super().__init__(ids, weights=scores, position=position)
        self._top = max(scores)

    def copy(self) -> ScoredListMatcher:  # noqa: D102 - whoosh's matcher protocol
        return ScoredListMatcher(self._ids, self._weights, self._i)

    def block_max_weight(self) -> float:  # noqa: D102 - ListMatcher recomputes the max
        return self._top

    def supports_block_quality(self) -> bool:  # noqa: D102
        return False


def _scorer(matcher: Any) -> Any:
    # W3LeafMatcher keeps it public, ListMatcher (short, inlined postings) private.
    return getattr(matcher, "scorer", None) or getattr(matcher, "_scorer", None)


def _tree_sum(values: list[float]) -> float:
    # Adds as whoosh's intersection tree does (make_binary_tree): the same float, bit for bit.
    if len(values) == 1:
        return values[0]
    half = len(values) // 2
    return _tree_sum(values[:half]) + _tree_sum(values[half:])
