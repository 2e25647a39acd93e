from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import whoosh.index
from whoosh import query as wq
from whoosh import scoring
from whoosh.fields import TEXT, Schema
from whoosh.matching import ListMatcher
from whoosh.searching import Searcher

from reader.core.index.analysis import english_analyzer, plain_analyzer
from reader.core.index.speedups.phrase_query import Phrase, all_postings

WORDS = ["red", "army", "of", "the", "north", "front", "line", "red", "army"]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A real index of 600 documents: common words span many posting blocks, rare ones not."""
    folder: Path = tmp_path_factory.mktemp("phrase-index")
    schema = Schema(plain=TEXT(analyzer=plain_analyzer()), en=TEXT(analyzer=english_analyzer()))
    index = whoosh.index.create_in(str(folder), schema)
    writer = index.writer()
    rng = random.Random(7)
    for number in range(600):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 40)))
        if number == 300:
            text += " unique phrase here"
        writer.add_document(plain=text, en=text)
    writer.commit()
    with index.searcher() as opened:
        yield opened


def scored(searcher: Any, query: Any, limit: int | None = None) -> list[tuple[int, float]]:
    return [(hit.docnum, hit.score) for hit in searcher.search(query, limit=limit)]


PHRASES = [
    ("plain", ["red", "army"]),
    ("plain", ["army", "red"]),
    ("plain", ["red", "army", "of", "the"]),
    ("plain", ["red", "red"]),
    ("plain", ["army", "army", "army"]),
    ("plain", ["unique", "phrase"]),  # in one document only
    ("plain", ["unique", "phrase", "here"]),
    ("plain", ["here", "unique"]),
    ("plain", ["red", "nowhere"]),
    ("en", ["red", "armi"]),
    ("en", ["armi", "north"]),  # "of the" are stop words: positions skip nothing
]


@pytest.mark.parametrize(("field", "words"), PHRASES)
def test_the_same_documents_and_scores_as_whoosh(
    searcher: Any, field: str, words: list[str]
) -> None:
    expected = scored(searcher, wq.Phrase(field, words))
    assert scored(searcher, Phrase(field, words)) == expected
    assert scored(searcher, Phrase(field, words), limit=10) == scored(
        searcher, wq.Phrase(field, words), limit=10
    )
    boosted = wq.Phrase(field, words, boost=2.5)
    assert scored(searcher, Phrase(field, words, boost=2.5)) == scored(searcher, boosted)


def test_within_larger_queries(searcher: Any) -> None:
    def both(make: Any) -> None:
        mine = make(Phrase("plain", ["red", "army"]))
        theirs = make(wq.Phrase("plain", ["red", "army"]))
        assert scored(searcher, mine, limit=20) == scored(searcher, theirs, limit=20)
        assert scored(searcher, mine) == scored(searcher, theirs)

    both(lambda phrase: wq.Or([phrase, wq.Term("plain", "north")]))
    both(lambda phrase: wq.And([phrase, wq.Term("plain", "front")]))
    both(lambda phrase: wq.AndNot(wq.Term("plain", "line"), phrase))
    both(lambda phrase: wq.Or([phrase, wq.Phrase("en", ["red", "armi"])]))
    both(lambda phrase: wq.Not(phrase))
    both(lambda phrase: wq.Or([phrase, wq.Term("plain", "line", boost=3.0)]))


def test_postings_are_read_whole_from_any_matcher(searcher: Any) -> None:
    def one_by_one(matcher: Any) -> tuple[dict[int, float], dict[int, bytes]]:
        weights, values = {}, {}
        while matcher.is_active():
            weights[matcher.id()], values[matcher.id()] = matcher.weight(), matcher.value()
            matcher.next()
        return weights, values

    on_disk = wq.Term("plain", "red").matcher(searcher)
    assert type(on_disk).__name__ == "W3LeafMatcher"  # read block by block
    expected = one_by_one(wq.Term("plain", "red").matcher(searcher))
    assert len(expected[0]) > 300 and all_postings(on_disk) == expected
    started = wq.Term("plain", "red").matcher(searcher)
    started.skip_to(200)  # from where the matcher stands, mid-block
    assert all_postings(started)[0] == {d: w for d, w in expected[0].items() if d >= 200}
    ids = sorted(expected[0])
    weights, values = [expected[0][i] for i in ids], [expected[1][i] for i in ids]
    assert all_postings(ListMatcher(ids, weights, values)) == expected


def test_other_slops_and_unknown_fields_are_whooshs(searcher: Any) -> None:
    loose = scored(searcher, wq.Phrase("plain", ["red", "north"], slop=3))
    assert scored(searcher, Phrase("plain", ["red", "north"], slop=3)) == loose
    assert scored(searcher, Phrase("nosuchfield", ["red", "army"])) == []


@pytest.mark.parametrize("model", [scoring.PL2(), scoring.TF_IDF(), scoring.Frequency()])
def test_other_rankings_score_as_whoosh(searcher: Any, model: Any) -> None:
    other = Searcher(searcher.reader(), weighting=model, closereader=False)
    for words in (["red", "army"], ["red", "army", "of"]):
        expected = scored(other, wq.Phrase("plain", words))
        assert scored(other, Phrase("plain", words)) == expected


def test_our_schema_takes_the_fast_path(tmp_path: Path) -> None:
    from reader.core.index.schema import build_schema
    from reader.core.index.speedups.phrase_matcher import PhraseListMatcher

    index = whoosh.index.create_in(str(tmp_path), build_schema())
    writer = index.writer()
    writer.add_document(path="a", kind="doc", translation_en="the red army crossed the river")
    writer.commit()
    with index.searcher() as found:
        matcher = Phrase("translation_en", ["red", "armi"]).matcher(found)
        assert isinstance(matcher, PhraseListMatcher)
        assert scored(found, Phrase("translation_en", ["red", "armi"])) == scored(
            found, wq.Phrase("translation_en", ["red", "armi"])
        )


def test_segments_with_deleted_records_take_the_fast_path(tmp_path: Path) -> None:
    from reader.core.index.speedups.phrase_matcher import PhraseListMatcher

    schema = Schema(plain=TEXT(analyzer=plain_analyzer()))
    index = whoosh.index.create_in(str(tmp_path), schema)
    rng = random.Random(11)
    for _batch in range(2):  # two segments, as one-page updates leave them
        writer = index.writer()
        for _ in range(300):
            writer.add_document(plain=" ".join(rng.choice(WORDS) for _ in range(20)))
        writer.commit(merge=False)
    writer = index.writer()
    for docnum in range(0, 600, 7):
        writer.delete_document(docnum)
    writer.commit(merge=False)
    with index.searcher() as found:
        assert len(found.subsearchers) == 2 and found.reader().has_deletions()
        for sub, _offset in found.subsearchers:
            matcher = Phrase("plain", ["red", "army"]).matcher(sub)
            assert isinstance(matcher, PhraseListMatcher)
            matched = list(matcher.all_ids())
            assert matched and not any(sub.reader().is_deleted(d) for d in matched)
        for words in (["red", "army"], ["army", "of", "the"], ["red", "red"]):
            expected = scored(found, wq.Phrase("plain", words))
            assert expected and scored(found, Phrase("plain", words)) == expected
