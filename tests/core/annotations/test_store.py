from __future__ import annotations

import sqlite3
from dataclasses import FrozenInstanceError, fields, replace
from pathlib import Path

import pytest

from reader.core.annotations.editing import Annotator
from reader.core.annotations.model import DEFAULT_CATEGORIES, Anchor, Annotation
from reader.core.annotations.schema import FILE_NAME, SCHEMA_VERSION, SchemaError
from reader.core.annotations.store import AnnotationStore, StoreError
from reader.core.document import Document
from tests.core.annotations.seed_quotes import SEOUL, seoul_range


def test_a_new_store_is_wal_with_foreign_keys_and_the_default_categories(
        store: AnnotationStore, diglot_home: Path) -> None:
    assert store.path == diglot_home / FILE_NAME
    assert [c.name for c in store.categories()] == [n for n, _ in DEFAULT_CATEGORIES]
    db = sqlite3.connect(store.path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()
    assert store.integrity() == "ok"


def test_annotations_survive_reopening(store: AnnotationStore, page: Document,
                                       diglot_home: Path) -> None:
    added = Annotator(store).add(page, seoul_range(page), "place", note="Seoul\nline two",
                                 tags=["front", "Front", " ", "1950"])
    assert added.tags == ("front", "1950")
    assert added.anchor.exact == SEOUL
    store.close()
    again = AnnotationStore(diglot_home)
    assert again.annotations(page.id) == [added]
    assert again.get(added.id) == added
    again.close()



def test_a_loaded_annotation_has_every_field_and_behaves_as_one_built(
        store: AnnotationStore, page: Document) -> None:
    # The store builds annotations without __init__ (opening speed): each field must be there,
    # of its type, and the object must compare, hash and `replace` as one built normally.
    added = Annotator(store).add(page, seoul_range(page), "place", note="a note", tags=["x"])
    loaded = store.get(added.id)
    assert loaded is not None and loaded is not added
    for cls, obj in ((Annotation, loaded), (Anchor, loaded.anchor)):
        assert set(vars(obj)) == {f.name for f in fields(cls)}
    assert (type(loaded.translation), type(loaded.category), type(loaded.anchor.start),
            type(loaded.anchor.end), type(loaded.anchor.paragraph)) == (int,) * 5
    assert loaded == added and hash(loaded) == hash(added) and {loaded} == {added}
    assert replace(loaded, note="other") == replace(added, note="other")
    with pytest.raises(FrozenInstanceError):
        loaded.note = "changed"  # type: ignore[misc]

def test_renaming_a_category_renames_its_annotations(store: AnnotationStore,
                                                     page: Document) -> None:
    annotator = Annotator(store)
    added = annotator.add(page, seoul_range(page), "place")
    annotator.update_category("place", name="location", colour="#112233")
    [stored] = store.annotations(page.id)
    assert stored.category == added.category
    assert store.category(stored.category) is not None
    assert store.category(stored.category).name == "location"  # type: ignore[union-attr]
    assert store.category("LOCATION").colour == "#112233"  # type: ignore[union-attr]
    with pytest.raises(StoreError, match="already a category"):
        annotator.update_category("location", name="claim")
    with pytest.raises(StoreError, match="#rrggbb"):
        annotator.update_category("location", colour="red")
    with pytest.raises(StoreError, match="used by 1"):
        annotator.delete_category("location")


def test_notes_tags_and_quotes_are_searchable(store: AnnotationStore, page: Document) -> None:
    annotator = Annotator(store)
    added = annotator.add(page, seoul_range(page), "place",
                          note="Stalin admits the front collapsed", tags=["collapse"])
    assert store.search("collaps") == [added]  # a prefix of a tag and of a note word
    assert store.search("сеула") == [added]  # the quote, case folded
    assert store.search("admits STALIN") == [added]
    assert store.search("Mao") == []
    assert store.search('"; DROP TABLE') == []  # operators and quotes are only words
    assert store.search("stalin", category=store.category("claim").id) == []  # type: ignore[union-attr]
    annotator.edit(added.id, note="rewritten")
    assert store.search("admits") == []  # the FTS table follows edits
    assert store.search("rewritten")[0].id == added.id
    annotator.delete(added.id)
    assert store.search("rewritten") == []
    assert store.documents() == set()


def test_a_newer_schema_is_refused_by_name(diglot_home: Path) -> None:
    diglot_home.mkdir(parents=True)
    db = sqlite3.connect(diglot_home / FILE_NAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(SchemaError, match="newer Diglot"):
        AnnotationStore(diglot_home)


def test_a_damaged_file_is_reported_not_replaced(diglot_home: Path) -> None:
    diglot_home.mkdir(parents=True)
    (diglot_home / FILE_NAME).write_bytes(b"not a database at all" * 100)
    with pytest.raises(SchemaError, match="not an annotation database"):
        AnnotationStore(diglot_home)
    assert (diglot_home / FILE_NAME).read_bytes().startswith(b"not a database")
