"""The spelling field's terms: a key, the field holding the name, the name as written."""

from __future__ import annotations

from reader.core.index.spelled_names import index_keys
from reader.core.index.spelling_field import (
    SEPARATOR,
    SpellingAnalyzer,
    spelling_term,
    spelling_value,
)


def test_each_name_gives_a_term_per_key_naming_its_field_and_spelling() -> None:
    value = spelling_value([("title", "Khrushchev to Mao"),
                            ("original_ru", "Хрущёв писал Мао Цзэдуну")])  # fmt: skip
    terms = {token.text for token in SpellingAnalyzer()(value)}
    (khrushchev,) = set(index_keys("Khrushchev"))
    assert spelling_term(khrushchev, "title", "khrushchev") in terms
    assert spelling_term(khrushchev, "original_ru", "хрущев") in terms
    assert not any("писал" in term for term in terms)  # not a name
    # Two names in a row also hold their joined key, as the two words.
    assert any(term.endswith(f"{SEPARATOR}original_ru{SEPARATOR}мао цзэдуну") for term in terms)


def test_a_field_name_or_separator_in_the_text_does_not_mistag_a_name() -> None:
    value = spelling_value([("people", f"Stalin{SEPARATOR}original_ru\x1dMolotov")])
    fields = {token.text.split(SEPARATOR)[1] for token in SpellingAnalyzer()(value)}
    assert fields == {"people"}
