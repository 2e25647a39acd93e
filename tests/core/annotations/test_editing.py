from __future__ import annotations

import pytest

from reader.core.annotations.editing import Annotator, Change
from reader.core.annotations.store import AnnotationStore, StoreError
from reader.core.document import Document
from reader.core.text_range import TextRange


def test_add_edit_delete_undo_and_redo(store: AnnotationStore, page: Document) -> None:
    annotator = Annotator(store)
    seen: list[Change] = []
    annotator.changed.connect(seen.append)
    added = annotator.add(page, TextRange("translation", 8, 0, 19), "claim", note="reply")
    assert added.anchor.exact == "I await your reply."
    edited = annotator.edit(added.id, note="asks Mao", category="translation doubt")
    assert annotator.can_undo == "Recategorise annotation"
    annotator.delete(added.id)
    assert store.annotations() == []
    assert annotator.undo() is not None
    assert store.get(added.id) == edited
    annotator.undo()
    assert store.get(added.id) == added
    annotator.undo()
    assert store.get(added.id) is None and annotator.undo() is None
    assert annotator.can_redo == "Add annotation"
    annotator.redo()
    annotator.redo()
    assert store.get(added.id) == edited
    assert len(seen) == 8  # three changes, three undos, two redos
    annotator.edit(added.id, note="asks Mao")  # no change: nothing on the history
    assert annotator.can_undo == "Recategorise annotation"
    assert annotator.can_redo == "Delete annotation"
    annotator.edit(added.id, tags=["x"])
    assert annotator.can_redo is None  # a new change forgets what was undone


def test_a_selection_across_paragraphs(store: AnnotationStore, page: Document) -> None:
    added = Annotator(store).add(
        page, [TextRange("translation", 8, 2, 19), TextRange("translation", 9, 0, 9)], "claim")
    assert added.anchor.exact == "await your reply.\n\nGreetings"
    assert added.anchor.paragraph == 8


def test_bad_selections_and_categories_are_refused(store: AnnotationStore,
                                                   page: Document) -> None:
    annotator = Annotator(store)
    with pytest.raises(ValueError, match="empty"):
        annotator.add(page, TextRange("translation", 8, 4, 4), "claim")
    with pytest.raises(ValueError, match="no paragraph 99"):
        annotator.add(page, TextRange("translation", 98, 0, 1), "claim")
    with pytest.raises(ValueError, match="outside paragraph"):
        annotator.add(page, TextRange("translation", 8, 0, 500), "claim")
    with pytest.raises(StoreError, match="no category 'gossip'"):
        annotator.add(page, TextRange("translation", 8, 0, 5), "gossip")
    with pytest.raises(KeyError):
        annotator.delete("urn:uuid:none")
    assert store.annotations() == []


def test_undoing_a_category_rename(store: AnnotationStore) -> None:
    annotator = Annotator(store)
    annotator.update_category("date", name="when")
    annotator.add_category("rumour", "#00aa00")
    annotator.undo()
    annotator.undo()
    assert [c.name for c in store.categories()][-2:] == ["date", "translation doubt"]


def test_deleting_a_category_moves_its_annotations_and_undo_restores_all(
        store: AnnotationStore, page: Document) -> None:
    annotator = Annotator(store)
    order = [c.name for c in store.categories()]
    reply = annotator.add(page, TextRange("translation", 8, 0, 19), "person", note="kept")
    greeting = annotator.add(page, TextRange("translation", 9, 0, 9), "claim")
    with pytest.raises(StoreError, match="used by 1 annotation"):
        annotator.delete_category("person")
    with pytest.raises(StoreError, match="cannot move to itself"):
        annotator.delete_category("person", move_to="person")
    assert annotator.delete_category("person", move_to="date") == 1
    assert "person" not in [c.name for c in store.categories()]
    moved = store.get(reply.id)
    assert moved is not None and moved.category == store.category("date").id  # type: ignore[union-attr]
    assert moved.note == "kept" and store.get(greeting.id) == greeting
    annotator.undo()
    # Back in its place (keys 1-9 mean what they meant), its annotation back in it.
    assert [c.name for c in store.categories()] == order
    assert store.get(reply.id) == reply
    annotator.redo()
    assert store.annotations_of(store.category("date").id) == [store.get(reply.id)]  # type: ignore[union-attr]
    # An unused category goes without asking where its annotations go.
    assert annotator.delete_category("place") == 0
    assert store.integrity() == "ok"


def test_renaming_and_recolouring_changes_every_annotation_of_it(
        store: AnnotationStore, page: Document) -> None:
    annotator = Annotator(store)
    made = [annotator.add(page, TextRange("translation", 8, 0, 19), "place"),
            annotator.add(page, TextRange("translation", 9, 0, 9), "place")]
    renamed = annotator.update_category("place", name="locality", colour="#123456")
    assert {a.category for a in store.annotations()} == {renamed.id}
    assert store.category("locality") == renamed and renamed.colour == "#123456"
    assert [store.get(a.id) for a in made] == made  # the annotations themselves untouched
    with pytest.raises(StoreError, match="already a category 'claim'"):
        annotator.update_category("locality", name="Claim")
    with pytest.raises(StoreError, match="not #rrggbb"):
        annotator.update_category("locality", colour="blue")
