from __future__ import annotations

import gc
import random
from pathlib import Path
from typing import Any

import pytest
import whoosh.index
from whoosh import query as wq
from whoosh.fields import TEXT, Schema

from reader.core.index.analysis import plain_analyzer
from reader.core.index.speedups.scoring import CachedLengthsBM25F, lengths


def make_index(folder: Path) -> Any:
    schema = Schema(body=TEXT(analyzer=plain_analyzer()), title=TEXT(field_boost=2.0))
    index = whoosh.index.create_in(str(folder), schema)
    writer = index.writer()
    rng = random.Random(3)
    words = ["troops", "border", "railway", "credit", "treaty"]
    for _ in range(300):
        writer.add_document(body=" ".join(rng.choices(words, k=rng.randint(1, 60))),
                            title=rng.choice(words))  # fmt: skip
    writer.commit()
    return index


def ranked(searcher: Any, query: Any, weighting: Any = None) -> list[tuple[int, float]]:
    collector = searcher.collector(limit=40)
    context = searcher.context() if weighting is None else searcher.context(weighting=weighting)
    searcher.search_with_collector(query, collector, context=context)
    return [(hit.docnum, hit.score) for hit in collector.results()]


def test_the_same_scores_as_whooshs_bm25f(tmp_path: Path) -> None:
    index = make_index(tmp_path)
    queries = [
        wq.Term("body", "troops"),
        wq.Or([wq.Term("body", "border"), wq.Term("title", "border")]),
        wq.And([wq.Term("body", "credit"), wq.Term("body", "treaty")]),
    ]
    with index.searcher() as searcher:
        for query in queries:
            expected = ranked(searcher, query)
            assert ranked(searcher, query, CachedLengthsBM25F()) == expected
            assert ranked(searcher, query, CachedLengthsBM25F()) == expected  # from the cache
        cached = lengths(searcher.reader(), "body")
        assert all(
            cached(doc) == searcher.doc_field_length(doc, "body", 1) for doc in range(300)
        )


def test_lengths_do_not_keep_a_reader_alive(tmp_path: Path) -> None:
    index = make_index(tmp_path)
    searcher = index.searcher()
    found = lengths(searcher.reader(), "body")
    assert found(0) == searcher.doc_field_length(0, "body", 1)
    searcher.close()
    del searcher
    gc.collect()
    with pytest.raises(LookupError):
        found(1)  # the reader is gone: no scorer can ask for its lengths any more
    assert found(0) > 0  # what was read stays
