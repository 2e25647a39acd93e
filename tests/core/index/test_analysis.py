from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from whoosh.formats import Positions

from reader.core.index.analysis import WordPositions, analyzer_for
from reader.core.index.schema import TEXT_FIELDS, build_schema
from reader.core.page.parser import parse_page


def _paragraphs(seed_page: Path) -> list[str]:
    document = parse_page(seed_page)
    assert document.original is not None
    edge_cases = ["", "the of and", "İstanbul's ‘quoted’ don't", "Москва, ёлка; 38-параллели"]
    return [*document.original.paragraphs, *document.translations[0].paragraphs, *edge_cases]


@pytest.mark.parametrize("family", ["ru", "en", "any"])
def test_term_positions_match_the_token_stream(seed_page: Path, family: str) -> None:
    analyzer = analyzer_for(family)
    for text in _paragraphs(seed_page):
        expected: dict[str, list[int]] = defaultdict(list)
        for token in analyzer(text, positions=True):
            expected[token.text].append(token.pos)
        assert analyzer.term_positions(text) == dict(expected)


@pytest.mark.parametrize("family", ["ru", "en", "any", "cjk"])
def test_word_positions_write_what_positions_wrote(seed_page: Path, family: str) -> None:
    analyzer = analyzer_for(family)
    texts = [*_paragraphs(seed_page), "我们决定用志愿军名义派一部分军队"]
    for text in texts:
        ours = sorted(WordPositions(field_boost=2.0).word_values(text, analyzer, mode="index"))
        theirs = sorted(Positions(field_boost=2.0).word_values(text, analyzer, mode="index"))
        assert ours == theirs


def test_every_positional_field_uses_word_positions() -> None:
    schema = build_schema()
    for name in [*TEXT_FIELDS, "title", "summary", "source"]:
        assert type(schema[name].format) is WordPositions
