from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.align.alignment import Alignment, SentenceBead
from reader.core.align.store import AlignmentStore
from reader.core.index.counterparts import PASSAGE_CHARS, pair_hit
from reader.core.index.hits import Hit
from reader.core.index.search_index import SearchIndex
from reader.core.library.collection import Library
from reader.core.text.sentences import split_sentences
from tests.core.index.test_search_index import ENGLISH_ONLY
from tests.core.seed_variants import SEED_RECORD, write_page


@pytest.fixture
def library(diglot_home: Path, tmp_path: Path) -> Library:
    """The seed and a made-up page whose one text is an English translation."""
    write_page(tmp_path / "pages" / "made_up_english_only.txt", ENGLISH_ONLY)
    library = Library(diglot_home)
    library.add_folder(tmp_path / "pages")
    return library


@pytest.fixture
def index(diglot_home: Path, library: Library) -> SearchIndex:
    built = SearchIndex(diglot_home)
    assert built.update(library).documents == 2
    return built


def seed_hit(index: SearchIndex, query: str, store: AlignmentStore) -> Hit:
    (hit,) = [h for h in index.search(query, alignments=store.stored) if h.id == SEED_RECORD]
    return hit


def test_without_a_stored_alignment_the_counterpart_is_estimated(
    index: SearchIndex, diglot_home: Path
) -> None:
    hit = seed_hit(index, "Чемульпо", AlignmentStore(diglot_home))
    pair = hit.pair
    assert pair is not None and pair.how == "proportional" and pair.approximate
    matched = pair.matched
    assert (matched.pane, matched.language, matched.paragraph) == ("original", "ru", 5)
    assert matched.text.startswith("Москва еще 16 сентября")
    assert [matched.text[s:e] for s, e in matched.marks] == ["Чемульпо"]
    assert pair.counterpart is not None
    assert (pair.counterpart.pane, pair.counterpart.language) == ("translation", "en")
    assert "landing of the U.S. troops at Jemulpo [Incheon]" in pair.counterpart.text
    assert not (diglot_home / "alignments").exists()  # the search aligned nothing


def test_a_stored_alignment_gives_the_aligned_sentence(
    index: SearchIndex, library: Library, diglot_home: Path
) -> None:
    document = library.document(SEED_RECORD)
    store = AlignmentStore(diglot_home)
    store.alignment(document)  # opening the document aligns it
    hit = seed_hit(index, "Seoul in:translation", store)
    pair = hit.pair
    assert pair is not None and pair.how == "aligned" and not pair.approximate
    assert pair.matched.pane == "translation"
    assert [pair.matched.text[s:e] for s, e in pair.matched.marks] == ["Seoul"]
    assert pair.counterpart is not None and "Сеул" in pair.counterpart.text
    assert pair.to_dict()["counterpart"]["text"] == pair.counterpart.text
    # The reader unlinks the Russian sentence: the row says it has no counterpart.
    assert document.original is not None
    russian = document.original.paragraphs[5]
    at = russian.index("Москва предупреждала")  # the sentence of the first "Сеула"
    (sentence,) = [(s, e) for s, e in split_sentences(russian, "ru") if s <= at < e]
    store.unlink(document, [(5, *sentence)], [])
    unlinked = seed_hit(index, "Сеула in:original", store).pair
    assert unlinked is not None and unlinked.how == "unaligned"
    assert unlinked.counterpart is None
    assert unlinked.matched.text.startswith("Москва предупреждала")


def test_a_text_without_another_side_is_one_sided(index: SearchIndex, diglot_home: Path) -> None:
    (hit,) = index.search("Kaesong", alignments=AlignmentStore(diglot_home).stored)
    assert hit.pair is not None and hit.pair.how == "one-sided" and hit.pair.counterpart is None
    assert hit.pair.matched.text == "The divisions crossed the river at dawn near Kaesong."


def test_a_doubtful_bead_is_marked_uncertain_and_long_sentences_are_cut() -> None:
    # Made-up texts: a long sentence, and a bead the aligner is unsure of.
    long_russian = "Слово " * 100 + "Сеул и ещё " + "слово " * 100 + "конец."
    texts = [("original", "ru", ("Вступление.", long_russian)),
             ("translation", "en", ("Introduction.", "Seoul."))]  # fmt: skip
    start = long_russian.index("Сеул")
    bead = SentenceBead(((1, 0, len(long_russian)),), ((1, 0, 6),), confidence=0.2)
    doubtful = Alignment((), (bead,), 2, 2)
    pair = pair_hit("made-up-1", texts, "original", "ru", 1, [(start, start + 4)],
                    lambda *_: doubtful)
    assert pair is not None and pair.how == "uncertain" and pair.approximate
    assert pair.counterpart is not None and pair.counterpart.text == "Seoul."
    matched = pair.matched
    assert len(matched.text) <= PASSAGE_CHARS + 2 and matched.text.startswith("…")
    assert matched.text.endswith("…")
    assert [matched.text[s:e] for s, e in matched.marks] == ["Сеул"]
