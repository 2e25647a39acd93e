from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import whoosh.index
from whoosh import query as wq
from whoosh import scoring
from whoosh.fields import TEXT, Schema
from whoosh.formats import Positions
from whoosh.matching import ListMatcher
from whoosh.searching import Searcher

from reader.core.analysis import english_analyzer, plain_analyzer
from reader.core.phrase_query import (
    Phrase,
    PhraseListMatcher,
    all_postings,
    decode_positions,
    phrase_starts,
)

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


def test_candidates_below_the_needed_score_are_never_checked() -> None:
    checked: list[int] = []

    def confirm(doc: int) -> bool:
        checked.append(doc)
        return doc % 2 == 0  # odd documents do not hold the phrase

    matcher = PhraseListMatcher([1, 2, 3, 4, 6, 8], [5.0, 1.0, 9.0, 2.0, 7.0, 7.5], confirm)
    assert matcher.id() == 2 and checked == [1, 2]
    raised = matcher.replace(7.0)  # the collector now needs 7.0 at least
    assert [raised.id(), raised.score()] == [6, 7.0]
    raised.next()
    assert raised.id() == 8 and checked == [1, 2, 3, 6, 8]  # 4 (2.0) is never checked
    raised.next()
    assert not raised.is_active()
    assert list(matcher.all_ids()) == [2, 4, 6, 8] and matcher.id() == 2
    assert matcher.replace(8.0).is_active() is False  # no candidate scores that much
    skipped = matcher.copy()
    skipped.skip_to(5)
    assert skipped.id() == 6


def test_postings_are_read_whole_from_any_matcher(searcher: Any) -> None:
    def one_by_one(matcher: Any) -> dict[int, tuple[float, bytes]]:
        found = {}
        while matcher.is_active():
            found[matcher.id()] = (matcher.weight(), matcher.value())
            matcher.next()
        return found

    on_disk = wq.Term("plain", "red").matcher(searcher)
    assert type(on_disk).__name__ == "W3LeafMatcher"  # read block by block
    expected = one_by_one(wq.Term("plain", "red").matcher(searcher))
    assert len(expected) > 300 and all_postings(on_disk) == expected
    ids = sorted(expected)
    listed = ListMatcher(ids, [expected[i][0] for i in ids], [expected[i][1] for i in ids])
    assert all_postings(listed) == expected


def test_other_slops_and_unknown_fields_are_whooshs(searcher: Any) -> None:
    loose = scored(searcher, wq.Phrase("plain", ["red", "north"], slop=3))
    assert scored(searcher, Phrase("plain", ["red", "north"], slop=3)) == loose
    assert scored(searcher, Phrase("nosuchfield", ["red", "army"])) == []


def test_phrase_starts() -> None:
    assert phrase_starts([[1, 5, 9], [2, 7, 10]]) == {1, 9}
    assert phrase_starts([[0, 1, 2], [0, 1, 2]]) == {0, 1}  # "red red" in "red red red"
    assert phrase_starts([[3], [4], [6]]) == set()
    assert phrase_starts([iter([3, 8]), iter([4, 9]), iter([5])]) == {3}


@pytest.mark.parametrize("model", [scoring.PL2(), scoring.TF_IDF(), scoring.Frequency()])
def test_other_rankings_score_as_whoosh(searcher: Any, model: Any) -> None:
    other = Searcher(searcher.reader(), weighting=model, closereader=False)
    for words in (["red", "army"], ["red", "army", "of"]):
        expected = scored(other, wq.Phrase("plain", words))
        assert scored(other, Phrase("plain", words)) == expected


@pytest.mark.parametrize("positions", [[0], [0, 1, 2], [5, 300, 70000], list(range(0, 900, 3))])
def test_positions_decode_as_whoosh_decodes_them(positions: list[int]) -> None:
    value = Positions().encode(positions)
    assert list(decode_positions(value)) == Positions().decode_positions(value) == positions
