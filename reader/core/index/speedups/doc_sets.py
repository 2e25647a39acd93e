"""Sets of matching documents read from postings whole: a query's total, a key set's matcher.

A search reports how many documents match in all, not only the top hits. whoosh counts them
by stepping the query's matcher tree document by document (`docs_for_query`), and profiling
name queries over 10,000 pages put half their time there once spelling keys joined the tree.
`count_matching` reads each term's document numbers block by block into a set and combines
the sets as the query's Or, And, AndNot and AndMaybe do; any other node (phrases, prefixes,
ranges) is asked for its documents as whoosh does. The count is `docs_for_query`'s.

`ConstantListMatcher` is a sorted list of documents that all score alike (the spelling keys
of one query word: `spelling_terms.SpellingTerm`), with whoosh's block-quality protocol, so that
a union holding it is not cut down as if it could never reach the top hits.

whoosh private names used:
    whoosh.matching.mcore.ListMatcher._all_weights
    whoosh.matching.mcore.ListMatcher._ids
    whoosh.matching.mcore.ListMatcher._i
    whoosh.matching.wrappers.FilterMatcher._exclude
    whoosh.matching.wrappers.FilterMatcher._ids
    whoosh.codec.whoosh3.W3LeafMatcher._byteids
    whoosh.codec.whoosh3.W3LeafMatcher._data
    whoosh.codec.whoosh3.W3LeafMatcher._i
    whoosh.codec.whoosh3.W3LeafMatcher._read_data
    whoosh.codec.whoosh3.W3LeafMatcher._next_block
"""

from __future__ import annotations

import bisect
from collections.abc import Set as AbstractSet
from itertools import accumulate
from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import FilterMatcher, ListMatcher, ReadTooFar, WrappingMatcher


class ConstantListMatcher(ListMatcher):  # type: ignore[misc]
    """Sorted documents scored alike, as one block of that quality for whoosh's collector."""

    def __init__(self, ids: list[int], score: float) -> None:
        super().__init__(ids, all_weights=score)

    def copy(self) -> ConstantListMatcher:  # noqa: D102 - whoosh's matcher protocol
        copied = ConstantListMatcher(self._ids, self._all_weights)
        copied._i = self._i
        return copied

    def supports_block_quality(self) -> bool:  # noqa: D102
        return True

    def max_quality(self) -> float:  # noqa: D102
        return float(self._all_weights)

    def block_quality(self) -> float:  # noqa: D102
        return float(self._all_weights)

    def skip_to_quality(self, minquality: float) -> int:  # noqa: D102
        if self._all_weights <= minquality:
            self._i = len(self._ids)
            return 1
        return 0

    def skip_to(self, id: int) -> None:  # noqa: D102 - whoosh's names
        if not self.is_active():
            raise ReadTooFar
        self._i = max(self._i, bisect.bisect_left(self._ids, id, self._i))


def matcher_ids(matcher: Any) -> set[int]:
    """The documents of a term's matcher from where it stands; the matcher is used up."""
    while type(matcher) is WrappingMatcher:  # a boost: the same documents
        matcher = matcher.child
    if type(matcher) is FilterMatcher and matcher._exclude:
        return matcher_ids(matcher.child) - set(matcher._ids)  # deleted records
    if type(matcher) is W3LeafMatcher and not matcher._byteids:
        found: set[int] = set()
        while matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            found.update(list(accumulate(matcher._data[0]))[matcher._i :])
            matcher._next_block()
        return found
    if type(matcher) in (ListMatcher, ConstantListMatcher):
        return set(matcher._ids[matcher._i :])
    return set(matcher.all_ids())


def _docs(query: Any, searcher: Any) -> set[int]:
    kind = type(query)
    if kind is wq.Or or kind is wq.And:
        sets = [_docs(sub, searcher) for sub in query.subqueries]
        if not sets:
            return set()
        return set.union(*sets) if kind is wq.Or else set.intersection(*sets)
    if kind is wq.AndNot:
        return _docs(query.a, searcher) - _docs(query.b, searcher)
    if kind is wq.AndMaybe:
        return _docs(query.a, searcher)
    if isinstance(query, wq.Term) and not isinstance(query, wq.MultiTerm):
        return matcher_ids(query.matcher(searcher))
    return set(query.docs(searcher))


def count_matching(query: Any, searcher: Any, hidden: AbstractSet[int] = frozenset()) -> int:
    """How many documents `query` (normalized) matches in `searcher`, not counting `hidden`.

    The documents of `docs_for_query`. (whoosh's own total, `len(results)`, counts those its
    collector stepped: where it cut a union down for the top hits, as for phrases, too few.)
    """
    leaves = searcher.subsearchers or [(searcher, 0)]
    return sum(len({docnum + offset for docnum in _docs(query, leaf)} - hidden)
               for leaf, offset in leaves)  # fmt: skip
