"""Matching documents from postings read whole: the same sets whoosh's own stepping gives."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import whoosh.index
from whoosh import query as wq
from whoosh.fields import ID, TEXT, Schema
from whoosh.matching import UnionMatcher

from reader.core.index.analysis import plain_analyzer
from reader.core.index.speedups.doc_sets import ConstantListMatcher, count_matching

WORDS = ["troops", "border", "railway", "credit", "treaty", "armistice"]


def make_index(folder: Path, segments: int) -> Any:
    """`segments` commits of 400 made-up documents, some deleted after the first."""
    schema = Schema(key=ID(stored=True, unique=True), body=TEXT(analyzer=plain_analyzer()),
                    title=TEXT())  # fmt: skip
    index = whoosh.index.create_in(str(folder), schema)
    rng = random.Random(7)
    for segment in range(segments):
        writer = index.writer()
        for number in range(400):
            writer.add_document(key=f"{segment}-{number}",
                                body=" ".join(rng.choices(WORDS, k=rng.randint(1, 300))),
                                title=rng.choice(WORDS))  # fmt: skip
        if segment:
            for number in range(0, 400, 7):
                writer.delete_by_term("key", f"0-{number}")
        writer.commit(merge=False)
    return index


QUERIES = [
    wq.Term("body", "armistice"),
    wq.Or([wq.Term("body", "troops"), wq.Term("title", "credit"), wq.Term("body", "absent")]),
    wq.And([wq.Term("body", "railway"),
            wq.Or([wq.Term("title", "treaty"), wq.Term("body", "credit")])]),
    wq.AndNot(wq.Term("body", "border"), wq.Term("title", "border")),
    wq.AndMaybe(wq.Term("title", "railway"), wq.Term("body", "troops")),
    wq.Phrase("body", ["troops", "border"]),
    wq.Prefix("body", "tr"),
    wq.Or([]),
]


def test_counts_are_docs_for_query_with_deletions_and_segments(tmp_path: Path) -> None:
    for segments in (1, 3):
        folder = tmp_path / str(segments)
        folder.mkdir()
        with make_index(folder, segments).searcher() as searcher:
            assert segments == 1 or searcher.subsearchers
            for query in QUERIES:
                query = query.normalize()
                expected = set(searcher.docs_for_query(query))
                hidden = set(list(expected)[::5])
                assert count_matching(query, searcher) == len(expected), query
                assert count_matching(query, searcher, hidden) == len(expected - hidden), query


def test_a_constant_list_in_a_union_keeps_its_documents_for_the_top_hits() -> None:
    constant = ConstantListMatcher([2, 5, 9, 40], 0.4)
    assert constant.supports_block_quality() and constant.max_quality() == 0.4
    union = UnionMatcher(ConstantListMatcher([1, 5, 30], 3.0), constant)
    # A collector raising the score it needs to 1.0 may drop the constant side (it cannot
    # lift a document there), never the other one.
    union = union.replace(1.0)
    seen = []
    while union.is_active():
        seen.append((union.id(), union.score()))
        union.next()
    assert [id for id, _ in seen] == [1, 5, 30]
    assert dict(seen)[5] == 3.4
    skipping = ConstantListMatcher([2, 5, 9, 40], 0.4)
    skipping.skip_to(6)
    assert skipping.id() == 9
    assert skipping.skip_to_quality(0.5) == 1 and not skipping.is_active()
