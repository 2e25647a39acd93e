"""A parsed query's best documents as hits: exact spellings first, then other spellings.

The ranking half of `SearchIndex.search_counted`, which parses, holds the reader and turns
failures into QueryError or IndexDamaged around it.
"""

from __future__ import annotations

from typing import Any

from whoosh import query as wq

from reader.core.index.counterparts import AlignmentLookup
from reader.core.index.hits import (
    Hit,
    indexed_terms,
    make_hit,
    positive_terms,
    spelling_pane,
    spelling_words,
    with_pair,
)
from reader.core.index.query import has_negation, spelling_only, without_spelling
from reader.core.index.schema import KIND_DUP, KIND_ERROR, IndexEntry, entry_column
from reader.core.index.speedups.doc_sets import count_matching
from reader.core.index.speedups.scoring import CachedLengthsBM25F

_WEIGHTING = CachedLengthsBM25F()


def ranked_hits(searcher: Any, parsed: Any, limit: int,
                alignments: AlignmentLookup | None) -> tuple[list[Hit], int]:  # fmt: skip
    """The top `limit` hits of a parsed query, and how many documents match in all.

    Args:
        searcher: an open whoosh searcher of the current index.
        parsed: the query as `query.parse_query` made it.
        limit: the most hits to return.
        alignments: stored alignments, for each hit's sentence pair (see `SearchIndex.search`).
    """
    reader = searcher.reader()
    # Hidden copies and bad files are few: masking them out is cheaper than a filter
    # on kind:doc, which builds a set of every document on each search. Which words
    # each hit holds is found from its stored texts, not recorded by whoosh for every
    # matching document (terms=True), most of which never make the top `limit`.
    hidden = set(searcher.docs_for_query(
        wq.Or([wq.Term("kind", KIND_DUP), wq.Term("kind", KIND_ERROR)])))
    # Keys no document holds in another spelling than the word's own add nothing: most
    # words' keys, for most queries (`spelling_terms`).
    spelled, pane = spelling_words(parsed, reader), spelling_pane(parsed)
    # Under NOT, other spellings leave out documents the exact query keeps: one pass.
    negated = has_negation(parsed)
    if not spelled and not negated:  # the spelling field adds nothing: as without it
        results = _ranked(searcher, without_spelling(parsed), None, limit, hidden)
        total = len(results)
        results = list(results)
    else:
        exact = None if negated else without_spelling(parsed)
        rest = spelling_only(parsed)
        results = list(_ranked(searcher, exact, parsed, limit, hidden, rest))
        total = count_matching(parsed, searcher, hidden)  # hidden copies not counted
    wanted = indexed_terms(positive_terms(parsed, reader), reader)
    entries = entry_column(reader)
    hits = []
    for result in results:
        entry = IndexEntry.from_bytes(entries[result.docnum])
        stored = dict(result.fields(), id=entry.id, title=entry.title, path=entry.path,
                      date_text=entry.date_text)
        hits.append(with_pair(make_hit(stored, result.score or 0.0, wanted, spelled, pane),
                              stored, alignments))
    return hits, total


def _ranked(searcher: Any, exact: Any, parsed: Any, limit: int, hidden: set[int],
            rest: Any = None) -> Any:  # fmt: skip
    """The top `limit` documents: those `exact` matches first, then those only `parsed` does.

    Exact spellings rank above other spellings by construction, and the spelling field is
    only searched for the places the exact matches leave: most name searches fill their page
    with exact matches, at the cost of a search without spelling-blind matches. Either query
    may be None; with `parsed` None, whoosh's own results (their len is whoosh's total).
    `rest` (`query.spelling_only`), when given with `exact`, ranks the places left instead
    of `parsed`: the same scores for the documents no exact part matches.
    """
    if exact is not None and rest is not None:
        parsed = rest
    # BM25F as the searcher's own, with field lengths cached per segment. Matchers built as
    # for terms=True (needs_current): on indexes of up to 5,000 documents whoosh would
    # otherwise preload OR queries, adding scores in another order.
    context = searcher.context(weighting=_WEIGHTING, needs_current=True)
    found: list[Any] = []
    for query in (exact, parsed):
        if query is None or len(found) >= limit:
            continue
        masked = hidden | {result.docnum for result in found}
        collector = searcher.collector(limit=limit - len(found), mask=masked or None)
        searcher.search_with_collector(query, collector, context=context)
        if parsed is None:
            return collector.results()
        # Iterated, not list(): list() asks whoosh's Results for its len, which counts every
        # matching document (the total is counted once, by count_matching).
        found.extend(iter(collector.results()))
    return found
