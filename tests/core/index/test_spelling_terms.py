"""The spelling field as queries read it: other spellings only, and per side."""

from __future__ import annotations

from reader.core.index.search_index import SearchIndex
from reader.core.index.spelling_field import SEPARATOR
from reader.core.index.spelling_terms import SpellingTerm, spelling_query
from reader.core.page.parser import parse_page
from tests.conftest import SEED_PAGE
from tests.core.seed_variants import SEED_RECORD, made_up_id


def _terms(index: SearchIndex, word: str, pane: str = "") -> list[tuple[str, str]]:
    """(field, name) of each term the spelling query of `word` reads in `index`."""
    query = spelling_query(word, pane=pane)
    assert isinstance(query, SpellingTerm)
    searcher = index._current_searcher()
    terms = query.held(searcher.reader())[1]
    return [(field, name) for _, field, name in (term.split(SEPARATOR, 2) for term in terms)]


def test_a_word_reads_the_other_spellings_of_its_keys_only(spelled_index: SearchIndex) -> None:
    spelled_index.search("warm up")  # opens the index
    # The seed's original writes Чемульпо, its translation Jemulpo: only the latter is read.
    terms = _terms(spelled_index, "Чемульпо")
    assert ("translation_en", "jemulpo") in terms
    assert all(name != "чемульпо" for _, name in terms)
    assert ("original_ru", "чемульпо") in _terms(spelled_index, "Chemulpo")
    assert ("original_ru", "чемульпо") not in _terms(spelled_index, "Chemulpo", "translation")


def test_a_word_limited_to_one_side_matches_other_spellings_there(
        spelled_index: SearchIndex) -> None:  # fmt: skip
    # Chruschtschow is in the English of one made-up page only; no original names Khrushchev.
    found = {hit.id: hit for hit in spelled_index.search("Khrushchev in:translation")}
    assert list(found) == [made_up_id(9102), made_up_id(9101)]
    assert found[made_up_id(9101)].spellings == ("Chruschtschow, for Khrushchev",)
    assert spelled_index.search("Khrushchev in:original") == []
    # The seed's Чемульпо (the made-up pages keep the seed's text) is in its original: found
    # there, and marked there only.
    pages = {SEED_RECORD, made_up_id(9101), made_up_id(9102)}
    hits = spelled_index.search("Chemulpo in:original")
    assert {hit.id for hit in hits} == pages
    marked = {(hit.pane, hit.spellings) for hit in hits}
    assert marked == {("original", ("Чемульпо, for Chemulpo",))}
    hits = spelled_index.search("Chemulpo in:translation")
    assert {hit.id for hit in hits} == pages
    marked = {(hit.pane, hit.spellings) for hit in hits}
    assert marked == {("translation", ("Jemulpo, for Chemulpo",))}
    # `original:` is a field: the word as spelled.
    assert spelled_index.search("original:Chemulpo") == []


def test_a_word_limited_to_one_side_is_marked_on_that_side_only(
        spelled_index: SearchIndex) -> None:  # fmt: skip
    document = parse_page(SEED_PAGE)
    for scope, pane, name in (("original", "original", "Чемульпо"),
                              ("translation", "translation", "Jemulpo")):  # fmt: skip
        ranges = spelled_index.match_ranges(f"Chemulpo in:{scope}", document)
        texts = dict(document.pane_texts(0))
        marked = {(r.pane, texts[r.pane].paragraphs[r.paragraph][r.start : r.end]) for r in ranges}
        assert marked == {(pane, name)}
