"""An index whose pickled schema names our analysers where they lived before is rebuilt.

The analyser classes moved from `reader.core.analysis` to `reader.core.index.analysis` (see
`pre_move_index`). SCHEMA_VERSION was bumped for it: such an index is never opened, only
rebuilt, and the update says why.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import reader.core.index.analysis as analysis
from reader.cli import main
from reader.core.index.schema import SCHEMA_VERSION
from reader.core.index.search_index import SearchIndex
from reader.core.index.store import IndexStore
from reader.core.library.collection import Library
from tests.core.index.pre_move_index import (
    OLD_MODULE,
    PRE_MOVE_SCHEMA,
    toc_bytes,
    write_pre_move_index,
)
from tests.core.seed_variants import SEED_RECORD, variant, write_page


@pytest.fixture
def library(diglot_home: Path, tmp_path: Path) -> Library:
    folder = tmp_path / "pages"
    write_page(folder / "made_up_korea.txt",
               variant(record_id="9001", title="Report on Korea", words="armistice"))  # fmt: skip
    library = Library(diglot_home)
    library.add_folder(folder)
    return library


def test_the_schema_pickles_the_analysers_from_their_module(
    diglot_home: Path, library: Library
) -> None:
    SearchIndex(diglot_home).update(library)
    generation = IndexStore(diglot_home / "index").current(SCHEMA_VERSION)
    assert generation is not None
    toc = toc_bytes(generation)
    assert analysis.__name__.encode() in toc and b"WordAnalyzer" in toc
    assert OLD_MODULE.encode() not in toc


def test_an_index_from_before_the_move_is_rebuilt_saying_why(
    diglot_home: Path,
    library: Library,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    old = write_pre_move_index(diglot_home, library, monkeypatch)
    index = SearchIndex(diglot_home)
    assert index.schema_version == PRE_MOVE_SCHEMA < SCHEMA_VERSION
    with caplog.at_level(logging.WARNING):
        assert index.count == 0 and index.documents() == [] and index.search("armistice") == []
        report = index.update(library)
    assert caplog.records == []  # never unpickled: no "cannot open the index" on the way
    assert report.rebuilt and report.documents == 2 and report.errors == []
    assert report.rebuilt_because == "it was made by an older version of Diglot"
    assert report.summary().startswith(
        "Rebuilt the index (it was made by an older version of Diglot): 2 documents"
    )
    assert index.schema_version == SCHEMA_VERSION and not old.exists()
    assert {hit.id for hit in index.search("armistice")} == {"made-up-9001"}
    assert SEED_RECORD in {hit.id for hit in index.search("Москва")}
    again = SearchIndex(diglot_home).update(library)
    assert not again.rebuilt and again.rebuilt_because == ""
    assert again.summary().startswith("Updated the index: 2 documents")


def test_a_rebuild_of_a_current_index_gives_no_reason(diglot_home: Path, library: Library) -> None:
    index = SearchIndex(diglot_home)
    index.update(library)
    report = index.rebuild(library)
    assert report.rebuilt and report.rebuilt_because == ""
    assert report.summary().startswith("Rebuilt the index: 2 documents")


def test_diglot_index_says_the_old_index_was_rebuilt(
    diglot_home: Path,
    library: Library,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_pre_move_index(diglot_home, library, monkeypatch)
    assert main(["index"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Rebuilt the index (it was made by an older version of Diglot): ")
    assert main(["search", "armistice"]) == 0
    assert "made-up-9001" in capsys.readouterr().out
