from __future__ import annotations

import pytest

from reader.core.index.analysis import (
    WordTerms,
    analyzer_for,
    english_analyzer,
    stem_english,
    stem_russian,
    word_spans,
    words_in,
)
from reader.core.index.term_matches import matched_spans, paragraph_spans, paragraph_words

RUSSIAN = [
    "Москва сообщает: Москвы не будет, а в Москве — совещание.",
    "Ничего о столице.",
    "т.Булганину и 38-параллели: москвичи; МОСКВА!",
]
ENGLISH = [
    "It's the divisions' move: the Division crossed at dawn.",
    "It is what it is, and it was.",
    "O'Brien's divisions don't wait; rock'n'roll divisional.",
]


def analyser_spans(family: str, paragraphs: list[str], wanted: set[str]) -> list[object]:
    """The reference: every token of the index analyser whose text is wanted."""
    analyzer = analyzer_for(family)
    found = []
    for index, paragraph in enumerate(paragraphs):
        spans = [(t.startchar, t.endchar) for t in analyzer(paragraph, chars=True, mode="index")
                 if t.text in wanted]  # fmt: skip
        if spans:
            found.append((index, spans))
    return found


@pytest.mark.parametrize(
    ("family", "paragraphs"),
    [
        ("ru", RUSSIAN),
        ("en", ENGLISH),
        ("any", ENGLISH + RUSSIAN),
    ],
)
def test_spans_are_the_analysers_tokens(family: str, paragraphs: list[str]) -> None:
    analyzer = analyzer_for(family)
    every_term = {t.text for p in paragraphs for t in analyzer(p, mode="index")}
    for term in sorted(every_term):
        for wanted in ({term}, {term, "nothing"}):
            expected = analyser_spans(family, paragraphs, wanted)
            assert list(paragraph_spans(paragraphs, family, wanted)) == expected
    assert list(paragraph_spans(paragraphs, family, every_term)) == analyser_spans(
        family, paragraphs, every_term
    )


def test_paragraph_words_are_the_matching_words_as_written() -> None:
    wanted = {stem_russian("москва")}
    assert list(paragraph_words(RUSSIAN, "ru", wanted)) == [
        (0, ["Москва", "Москвы", "Москве"]),
        (2, ["МОСКВА"]),
    ]
    assert list(paragraph_words(RUSSIAN, "ru", {"нет-такого"})) == []


def test_bigram_texts_are_searched_for_the_words_written_out() -> None:
    paragraphs = ["关于三八线的问题，三八", "三线", "The 38th Parallel"]
    assert list(paragraph_words(paragraphs, "cjk", {"三八线"})) == [(0, ["三八线"])]
    assert list(paragraph_spans(paragraphs, "cjk", {"三八线", "三八"})) == [
        (0, [(2, 4), (2, 5), (9, 11)])
    ]
    assert list(paragraph_words(paragraphs, "cjk", {"parallel"})) == [(2, ["Parallel"])]
    assert list(paragraph_words(paragraphs, "cjk", {"三三"})) == []


def test_stop_words_never_match() -> None:
    # Apostrophes are folded away: "it's" is "its", a stop word the index never holds.
    assert english_analyzer().term("it's") is None
    assert list(paragraph_words(ENGLISH, "en", {stem_english("its")})) == []
    terms = WordTerms(english_analyzer())
    assert terms.matching({"it", "It", "it's", "divisions"}, {"it", "its"}) == set()


def test_folded_spellings_match_as_written() -> None:
    paragraphs = ["Хрущёв и Хрущев", "Inch'ŏn, Inchon and INCHŎN", "Ѳедоръ"]
    assert list(paragraph_words(paragraphs, "ru", {stem_russian("хрущев")})) == [
        (0, ["Хрущёв", "Хрущев"])
    ]
    assert list(paragraph_spans(paragraphs, "any", {"inchon"})) == [
        (1, [(0, 7), (9, 15), (20, 26)])
    ]
    assert list(paragraph_words(paragraphs, "ru", {stem_russian("федор")})) == [(2, ["Ѳедоръ"])]


@pytest.mark.parametrize("limit", [0, 2, 50000])
def test_word_terms_answer_the_same_whatever_they_remember(limit: int) -> None:
    terms = WordTerms(english_analyzer(), limit=limit)
    words = set(words_in(" ".join(ENGLISH)))
    divis = {stem_english("divisions")}
    for _ in range(2):  # the second time from what was remembered, where there was room
        assert terms.matching(words, divis) == {"divisions", "Division"}
        assert terms.matching(words, {"dawn", "wait"}) == {"dawn", "wait"}
        assert terms.matching(words, set()) == set()


def test_words_and_spans_are_cut_as_the_analysers_cut() -> None:
    text = "т.Булганину: rock'n'roll, don’t 38-параллели"
    assert words_in(text) == ["т", "Булганину", "rock'n'roll", "don’t", "38", "параллели"]
    spans = word_spans(text, {"don’t", "Булганину"})
    assert [text[start:end] for start, end in spans] == ["Булганину", "don’t"]
    assert word_spans(text, {"rock"}) == []  # part of a word is not the word


@pytest.mark.parametrize(
    ("family", "paragraphs", "wanted"),
    [
        ("ru", RUSSIAN, {stem_russian("москва")}),
        ("en", ENGLISH, {stem_english("divisions"), "it"}),
        ("cjk", ["关于三八线的问题，三八", "The 38th Parallel"], {"三八", "parallel"}),
    ],
)
def test_matched_spans_are_the_spans_of_the_words_found(
    family: str, paragraphs: list[str], wanted: set[str]
) -> None:
    spans = dict(paragraph_spans(paragraphs, family, wanted))
    found = dict(paragraph_words(paragraphs, family, wanted))
    assert found and set(found) == set(spans)
    for index, words in found.items():
        assert matched_spans(paragraphs[index], family, words, wanted) == spans[index]
