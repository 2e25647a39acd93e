"""Fixtures of the index tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.index.search_index import SearchIndex
from reader.core.library.collection import Library
from tests.core.seed_variants import variant, write_page


@pytest.fixture
def spelled_index(diglot_home: Path, tmp_path: Path) -> SearchIndex:
    """The real seed (Чжоу Эньлаю, Цзэдуну, Ким Ир Сена, Чемульпо) and two made-up pages."""
    pages = tmp_path / "pages"
    write_page(pages / "made_up_chruschtschow.txt", variant(
        record_id="9101", title="Made-up page one", words="Chruschtschow wrote to Kim Il-sŏng."))
    write_page(pages / "made_up_khrushchev.txt", variant(
        record_id="9102", title="Made-up page two", words="Khrushchev wrote to Kim Il-sŏng."))
    library = Library(diglot_home)
    library.add_folder(pages)
    index = SearchIndex(diglot_home)
    index.update(library)
    return index
