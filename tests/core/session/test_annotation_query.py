from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.annotations.editing import Annotator
from reader.core.annotations.store import AnnotationStore
from reader.core.library.collection import Library
from reader.core.page.parser import parse_page
from reader.core.session.annotation_query import with_annotations
from reader.core.session.annotation_terms import split_terms
from reader.core.session.workspace import Workspace
from reader.core.text_range import TextRange
from tests.core.seed_variants import SEED_RECORD, made_up_id, variant, write_page


@pytest.fixture
def workspace(diglot_home: Path, tmp_path: Path) -> Workspace:
    """Three made-up pages and the seed, two of the made-up ones annotated."""
    folder = tmp_path / "pages"
    for number in (1, 2, 3):
        write_page(folder / f"made_up_{number}.txt",
                   variant(record_id=str(number), title=f"Made-up page {number}"))
    Library(diglot_home).add_folder(folder)
    workspace = Workspace(diglot_home)
    workspace.index.update(workspace.library)
    workspace.add_entries(workspace.load_entries(), announce=False)
    annotator = Annotator(workspace.annotations.store)
    annotator.add(parse_page(folder / "made_up_1.txt"), TextRange("translation", 8, 0, 7),
                  "claim", note="zeppelinlike hint <b>not bold</b>")
    annotator.add(parse_page(folder / "made_up_2.txt"), TextRange("translation", 3, 0, 3),
                  "person", tags=["Bulganin"])
    return workspace


def ids(workspace: Workspace, query: str) -> list[str]:
    results = workspace.run_search(query)
    assert not results.error, results.error
    return [hit.id for hit in results.hits]


def test_the_window_search_finds_documents_by_what_the_reader_wrote(
    workspace: Workspace,
) -> None:
    one, two, three = made_up_id(1), made_up_id(2), made_up_id(3)
    # No page says "zeppelinlike": a plain query finds it through the note, and so does note:.
    assert ids(workspace, "zeppelinlike") == [one] == ids(workspace, "note:zeppelinlike")
    (hit,) = workspace.run_search("note:zeppelinlike").hits
    assert (hit.pane, hit.paragraph) == ("translation", 8)
    assert hit.snippets == {"note": "zeppelinlike hint &lt;b&gt;not bold&lt;/b&gt;"}
    assert hit.annotation.startswith("urn:uuid:")  # type: ignore[attr-defined]
    everything = set(ids(workspace, "Bulganin"))
    assert everything == {SEED_RECORD, one, two, three}
    assert set(ids(workspace, "Bulganin annotated:yes")) == {one, two}
    assert set(ids(workspace, "Bulganin annotated:no")) == {SEED_RECORD, three}
    assert ids(workspace, "Bulganin category:person") == [two]
    assert ids(workspace, "Bulganin note:bulganin") == [two]  # its tag
    assert ids(workspace, "Сеул note:zeppelinlike") == [one]
    assert ids(workspace, "note:zeppelinlike category:person") == []
    # Alone, the filters list what they name.
    assert ids(workspace, "annotated:yes") == [one, two]  # by title
    assert ids(workspace, "category:claim") == [one]
    assert ids(workspace, "category:Person") == [two]
    bad = workspace.run_search("category:nonsense")
    assert bad.hits == () and "no annotation category 'nonsense'" in bad.error
    assert "claim" in bad.error


def test_a_search_on_another_thread_reads_annotations_with_its_own_connection(
    workspace: Workspace,
) -> None:
    import threading

    found: list[list[str]] = []
    worker = threading.Thread(target=lambda: found.append(ids(workspace, "note:zeppelinlike")))
    worker.start()
    worker.join()
    assert found == [[made_up_id(1)]]


def test_without_filters_the_hits_are_the_indexs(workspace: Workspace) -> None:
    store: AnnotationStore = workspace.annotations.store
    assert with_annotations([], split_terms("type:Telegram"), store, {}) == []


def test_opening_a_hit_of_a_query_with_filters_marks_its_words(workspace: Workspace) -> None:
    query = "Bulganin category:person"
    workspace.session.ask(query)
    workspace.session.answer(workspace.run_search(query))
    assert workspace.open_hit(0) is not None
    marked = workspace.session.matches
    document = workspace.reading.document
    assert document is not None and document.id == made_up_id(2) and marked
    words = {document.pane_texts(0)[1][1].paragraphs[m.paragraph][m.start:m.end]
             for m in marked if m.pane == "translation"}
    assert words == {"Bulganin"}
    workspace.show_matches("annotated:maybe")  # a query the search refused marks nothing
    assert workspace.session.matches == ()
