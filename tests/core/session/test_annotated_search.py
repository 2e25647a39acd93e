from __future__ import annotations

from pathlib import Path

from reader.core.annotations.editing import Annotator
from reader.core.annotations.store import AnnotationStore
from reader.core.index.search_index import SearchIndex
from reader.core.library.collection import Library
from reader.core.page.parser import parse_page
from reader.core.session.annotated_search import annotated_search
from reader.core.text_range import TextRange
from tests.core.seed_variants import made_up_id, variant, write_page


def test_a_note_finds_its_document_and_filters_limit_the_hits(diglot_home: Path,
                                                              tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    for number in (1, 2, 3):
        write_page(folder / f"made_up_{number}.txt",
                   variant(record_id=str(number), title=f"Made-up page {number}"))
    library = Library(diglot_home)
    library.add_folder(folder)
    index = SearchIndex(diglot_home)
    index.update(library)
    titles = {entry.id: entry.title for entry in index.documents()}
    store = AnnotationStore(diglot_home)
    annotator = Annotator(store)
    first = parse_page(folder / "made_up_1.txt")
    second = parse_page(folder / "made_up_2.txt")
    annotator.add(first, TextRange("translation", 8, 0, 7), "claim", note="zeppelinlike hint")
    annotator.add(second, TextRange("translation", 3, 0, 3), "person", tags=["Bulganin"])

    # No page says "zeppelinlike": only the note does.
    assert index.search("zeppelinlike") == []
    found = annotated_search([], store, "zeppelinlike", titles)
    assert [(h.id, h.pane, h.paragraph) for h in found] == [(made_up_id(1), "translation", 8)]
    assert found[0].snippets == {"note": "zeppelinlike hint"}
    assert found[0].title == "Made-up page 1"

    hits = index.search("Bulganin", limit=10)
    assert len(hits) == 4  # the three made-up pages and the seed
    everything = annotated_search(hits, store, "Bulganin", titles)
    assert [h.id for h in everything] == [h.id for h in hits]
    tagged = next(h for h in everything if h.id == made_up_id(2))
    assert tagged.snippets["note"] == "Bulganin"  # its tag, beside the text's own snippets
    assert len(tagged.snippets) > 1
    annotated = annotated_search(hits, store, "Bulganin", titles, annotated_only=True)
    assert {h.id for h in annotated} == {made_up_id(1), made_up_id(2)}
    person = store.category("person")
    assert person is not None
    only = annotated_search(hits, store, "Bulganin", titles, category=person.id)
    assert [h.id for h in only] == [made_up_id(2)]
    store.close()
