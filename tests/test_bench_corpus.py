from __future__ import annotations

from pathlib import Path

from bench.corpus import write_corpus
from reader.core.page.parser import parse_page


def test_the_corpus_is_deterministic_and_parses(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "a", 5, seed=11)
    second = write_corpus(tmp_path / "b", 5, seed=11)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert [p.read_bytes() for p in write_corpus(tmp_path / "c", 5, seed=12)] != [
        p.read_bytes() for p in first
    ]
    for path in first:
        document = parse_page(path)
        assert document.translations and document.translations[0].language == "en"
        assert document.summary and document.date.iso and document.source.citations
        if document.original is not None:
            assert document.original.language == "ru"
            assert len(document.original.paragraphs) == len(document.translations[0].paragraphs)
