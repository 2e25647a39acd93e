"""Phrase queries matched from their words' postings read whole, not document by document.

whoosh matches a phrase by stepping an intersection of its words' postings and, in every
document holding all the words, building a Span object per word position and pairing them up.
Profiling phrase searches over 10,000 pages put nearly all their time in that Python stepping.
Here an exact phrase (slop 1: any quoted phrase without `~N`) reads each word's postings block
by block and intersects the document numbers as sets. `PhraseListMatcher` then walks those
candidates for whoosh's collector: a candidate matches where some position p of the first
word has p+1 of the second, p+2 of the third, ..., and scores as whoosh's intersection does
(the sum, in the same order, of each word's score from its own scorer). The documents, their
scores and so the results and their order are the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.formats import Positions
from whoosh.matching import FilterMatcher, NullMatcher
from whoosh.scoring import BM25FScorer, WeightLengthScorer

from reader.core.index.analysis import WordPositions
from reader.core.index.speedups.phrase_matcher import PhraseListMatcher, decode_many, words_in_a_row

# Formats whose postings are whoosh's Positions encoding (ours writes the same bytes).
_POSITIONS = (Positions, WordPositions)
# One term's postings: docnum -> weight, docnum -> raw value
Postings = tuple[dict[int, float], dict[int, bytes]]
# (documents, each word's weight in each) -> the documents' scores
BulkScorer = Callable[[list[int], list[list[float]]], list[float]]


class Phrase(wq.Phrase):  # type: ignore[misc]
    """whoosh's Phrase query; an exact phrase is matched by `phrase_matcher`."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        """As whoosh's Phrase.matcher (same checks, same term matchers and scorers)."""
        fieldname = self.fieldname
        if self.slop != 1 or fieldname not in searcher.schema:
            return super().matcher(searcher, context)
        field = searcher.schema[fieldname]
        if type(field.format) not in _POSITIONS:
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
            # What wq.Term(fieldname, term).matcher gives, without looking the term up again.
            weighting = searcher.weighting if context is None else context.weighting
            matchers.append(searcher.postings(fieldname, term, weighting=weighting))
        scorers = [_scorer(m) for m in matchers]
        score = document_scorer(scorers)
        if score is None:
            return super().matcher(searcher, context)
        # As whoosh bounds its intersection of the words (and a WrappingMatcher the boost).
        top = sum(s.max_quality() for s in scorers) * self.boost
        # The boost goes into the scores, not a WrappingMatcher: that would pass the score a
        # document needs (replace) on to the phrase unboosted.
        return phrase_matcher([all_postings(m) for m in matchers], score, top, self.boost)


def phrase_matcher(
    postings: Sequence[Postings], score: BulkScorer, top: float, boost: float = 1.0
) -> Any:
    """A matcher over the documents where the postings' words stand side by side, in order.

    `postings` holds each word's postings (see `all_postings`), in phrase order; `score`
    (see `document_scorer`) scores documents from the words' weights in them, `top` bounds
    those scores. Documents holding all the words are scored, and checked for the words in
    a row, only as a search reaches them (see `PhraseListMatcher`).
    """
    common = sorted(set(postings[0][0]).intersection(*(weights for weights, _ in postings[1:])))
    if not common:
        return NullMatcher()

    def scores(docs: list[int]) -> list[float]:
        found = score(docs, [list(map(weights.__getitem__, docs)) for weights, _ in postings])
        if boost == 1.0:
            return found
        return [value * boost for value in found]  # as WrappingMatcher.score computes

    def in_a_row(docs: list[int]) -> list[bool]:
        return words_in_a_row(
            [decode_many(list(map(values.__getitem__, docs))) for _, values in postings]
        )

    return PhraseListMatcher(common, scores, in_a_row, top)


def document_scorer(scorers: Sequence[Any]) -> BulkScorer | None:
    """What whoosh's intersection of these term scorers scores documents, from their weights.

    The result takes documents and, per word, its weight in each; the words share a field,
    hence a document length. None for scorers that do not score by weight and length.
    """
    if not all(isinstance(s, WeightLengthScorer) for s in scorers):
        return None
    lengths = scorers[0].dfl
    if not all(type(s) is BM25FScorer for s in scorers):
        parts = [s._score for s in scorers]  # what each scorer.score(matcher) computes

        def score(docs: list[int], weights: list[list[float]]) -> list[float]:
            found = list(map(lengths, docs))
            return _tree_sum([[part(w, length) for w, length in zip(word, found, strict=True)]
                              for part, word in zip(parts, weights, strict=True)])  # fmt: skip

        return score
    # whoosh's bm25() with the length part worked out once per document rather than once per
    # word: the same operations in the same order, so the same floats (tests compare them).
    idfs = [s.idf for s in scorers]
    k1, b, average = scorers[0].K1, scorers[0].B, scorers[0].avgfl
    k1_plus_1, one_minus_b = k1 + 1, 1 - b

    def bm25f(docs: list[int], weights: list[list[float]]) -> list[float]:
        norms = [k1 * (one_minus_b + b * length / average) for length in map(lengths, docs)]
        return _tree_sum([[idf * ((tf * k1_plus_1) / (tf + norm))
                           for tf, norm in zip(word, norms, strict=True)]
                          for idf, word in zip(idfs, weights, strict=True)])  # fmt: skip

    return bm25f


def all_postings(matcher: Any) -> Postings:
    """Every posting of a term matcher from where it stands; the matcher is used up."""
    weights: dict[int, float] = {}
    values: dict[int, bytes] = {}
    if type(matcher) is FilterMatcher and matcher._exclude:
        # A segment with deleted records wraps its postings so: read the postings whole
        # and drop the deleted, rather than stepping the wrapper posting by posting.
        weights, values = all_postings(matcher.child)
        for docnum in matcher._ids.intersection(weights):
            del weights[docnum], values[docnum]
        return weights, values
    if type(matcher) is W3LeafMatcher and not matcher._byteids:
        # whoosh 2.7.4 (pinned) decodes a whole block at once: take it as it is rather than
        # asking for each posting's id, weight and value in turn (and add the gaps between
        # ids in C, where whoosh's delta_decode is a Python generator).
        while matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            matcher._read_weights()
            matcher._read_values()
            start = matcher._i
            ids = list(accumulate(matcher._data[0]))[start:]
            weights.update(zip(ids, matcher._weights[start:], strict=True))
            values.update(zip(ids, matcher._values[start:], strict=True))
            matcher._next_block()
        return weights, values
    while matcher.is_active():
        weights[matcher.id()] = matcher.weight()
        values[matcher.id()] = matcher.value()
        matcher.next()
    return weights, values


def _scorer(matcher: Any) -> Any:
    # W3LeafMatcher keeps it public, ListMatcher (short, inlined postings) private; a
    # segment with deleted records wraps either in a FilterMatcher (which scores as it).
    if type(matcher) is FilterMatcher and matcher.boost == 1.0:
        matcher = matcher.child
    return getattr(matcher, "scorer", None) or getattr(matcher, "_scorer", None)


def _tree_sum(words: list[list[float]]) -> list[float]:
    # Adds the words' scores per document as whoosh's intersection tree does
    # (make_binary_tree: a + (b + c) for three): the same floats, bit for bit.
    if len(words) == 1:
        return words[0]
    half = len(words) // 2
    left, right = _tree_sum(words[:half]), _tree_sum(words[half:])
    return [a + b for a, b in zip(left, right, strict=True)]
