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
