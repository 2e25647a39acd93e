from __future__ import annotations

import pytest

from reader.core.index.types import QueryError
from reader.core.session.annotation_terms import (
    AnnotationTerms,
    annotated_only,
    plain_words,
    split_terms,
    with_annotated_only,
)


def test_annotation_terms_are_taken_out_of_the_query() -> None:
    assert split_terms("Сеул") == AnnotationTerms("Сеул")
    assert not split_terms("Сеул type:Telegram").filters
    terms = split_terms('Сеул note:doubt category:"translation doubt" annotated:YES')
    assert terms == AnnotationTerms("Сеул", "doubt", True, "translation doubt")
    assert terms.filters
    assert split_terms('note:"two words" note:third annotated:no') == AnnotationTerms(
        "", "two words third", False, "")
    # Inside a phrase they are words; glued to another word they are not terms.
    assert split_terms('"note:doubt" footnote:x') == AnnotationTerms('"note:doubt" footnote:x')
    with pytest.raises(QueryError, match="annotated:maybe is not yes or no"):
        split_terms("annotated:maybe")


def test_plain_words_leave_out_fields_phrases_and_operators() -> None:
    assert plain_words('Сеул AND (Moscow OR "38th parallel") type:Telegram in:original') == (
        "Сеул Moscow")



def test_the_annotated_term_is_read_and_rewritten_in_query_text() -> None:
    assert with_annotated_only("Сеул", True) == "Сеул annotated:yes"
    assert with_annotated_only("annotated:no Сеул", True) == "Сеул annotated:yes"
    assert with_annotated_only("Сеул annotated:yes note:x", False) == "Сеул note:x"
    assert with_annotated_only('"annotated:yes" Сеул', False) == '"annotated:yes" Сеул'
    assert annotated_only("x annotated:Yes") and not annotated_only("x annotated:no")
    assert not annotated_only("annotated:maybe")
