from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import whoosh.index

from reader.core.index.hits import indexed_terms, make_hit, positive_terms
from reader.core.index.query import build_parser, parse_query
from reader.core.index.schema import build_schema

TEXTS = [
    ("original", "ru", ("Совещание в Москве.", "Москва и Москвы: войска у Москвы.", "Конец.")),
    ("translation", "en", ("A meeting in Moscow.", "Moscow, Moscow: troops near Moscow.", "End.")),
]


@pytest.fixture(scope="module")
def parser() -> Any:
    return build_parser(build_schema())


def terms(parser: Any, query: str) -> set[tuple[str, str]]:
    return positive_terms(parse_query(parser, query), None)


def hit_for(parser: Any, query: str, texts: Any = TEXTS) -> Any:
    return make_hit({"id": "1", "title": "T", "texts": texts}, 1.0, terms(parser, query))


def test_the_query_terms_find_the_best_paragraph_and_mark_it(parser: Any) -> None:
    hit = hit_for(parser, "Москва OR troops OR zeppelin OR title:meeting")
    assert (hit.pane, hit.paragraph, hit.language) == ("original", 1, "ru")
    assert hit.snippets["ru"] == "<b>Москва</b> и <b>Москвы</b>: войска у <b>Москвы</b>."
    assert hit.snippets["en"] == "Moscow, Moscow: <b>troops</b> near Moscow."
    # More different words beat more of one word; ties go to the original.
    hit = hit_for(parser, "meeting OR Moscow")
    assert (hit.pane, hit.paragraph) == ("translation", 0)
    assert hit.snippets["en"] == "A <b>meeting</b> in <b>Moscow</b>."


def test_terms_of_other_fields_leave_the_hit_on_its_metadata(parser: Any) -> None:
    hit = hit_for(parser, "title:Москва people:Molotov date:[1950 TO 1951]")
    assert (hit.pane, hit.paragraph, hit.language) == ("metadata", None, "")
    assert hit.snippets == {"ru": "Совещание в Москве.", "en": "A meeting in Moscow."}


def test_positive_terms_skip_not_and_other_fields(parser: Any) -> None:
    assert terms(parser, "date:[1950 TO 1960] people:Molotov type:telegram") == set()
    found = terms(parser, "Москва NOT troops")
    assert ("original_ru", "москв") in found
    assert not any(term == "troop" for _, term in found)


def test_bigram_fields_seek_whole_words(parser: Any) -> None:
    found = terms(parser, "三八线 parallel")
    assert {("original_cjk", "三八线"), ("original_cjk", "parallel")} <= found
    assert ("original_cjk", "三八") not in found
    texts = [("original", "zh", ("在Panmunjom会谈", "三八线")), ("translation", "en",
             ("Talks at Panmunjom", "The 38th parallel"))]  # fmt: skip
    # "pa", "ar", "al" ... of "parallel" stand in "Panmunjom": they are no match.
    hit = hit_for(parser, "parallel", texts)
    assert (hit.pane, hit.paragraph, hit.language) == ("translation", 1, "en")
    hit = hit_for(parser, "三八线", texts)
    assert (hit.pane, hit.paragraph) == ("original", 1)
    assert hit.snippets["zh"] == "<b>三八线</b>"


def test_indexed_terms_keep_only_what_some_document_holds(tmp_path: Path) -> None:
    index = whoosh.index.create_in(str(tmp_path), build_schema())
    writer = index.writer()
    writer.add_document(path="a", kind="doc", original_ru="Москва", translation_en="troops")
    writer.commit()
    asked = {
        ("original_ru", "москв"),
        ("translation_en", "troop"),
        ("translation_en", "москва"),  # an English field never holds Cyrillic words
        ("original_ru", "troops"),
        ("original_cjk", "三八线"),  # a word written out, not an index term: kept
    }
    with index.reader() as reader:
        assert indexed_terms(asked, reader) == {
            ("original_ru", "москв"),
            ("translation_en", "troop"),
            ("original_cjk", "三八线"),
        }
