"""The user's changes to annotations and categories, each one transaction, with undo and redo.

`Annotator` is what a window, the CLI or a test calls to change anything; it writes through
the store and keeps the session's history. A `Change` lists (before, after) pairs of records,
so undoing it is writing the pairs the other way round.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from reader.core.annotations.model import (
    Annotation,
    Category,
    full_offsets,
    make_anchor,
    new_id,
    now,
    paragraph_starts,
    side_text,
)
from reader.core.annotations.store import AnnotationStore, Record, StoreError
from reader.core.document import Document
from reader.core.events import Event
from reader.core.text_range import Pane, TextRange

Pair = tuple[Record | None, Record | None]


@dataclass(frozen=True)
class Change:
    """One user change: what it did (for an Undo menu), and each record before and after."""

    label: str
    pairs: tuple[Pair, ...]

    def inverse(self) -> Change:
        """The change that undoes this one."""
        return Change(self.label, tuple((after, before) for before, after in self.pairs))

    def annotation_ids(self) -> set[str]:
        """The ids of the annotations it touched."""
        return {r.id for pair in self.pairs for r in pair if isinstance(r, Annotation)}


class Annotator:
    """Adds, edits and deletes annotations and categories; undoes and redoes within a session.

    Events:
        changed: emits each Change once written (also an undo's or redo's); listeners
            re-read what they show.
    """

    def __init__(self, store: AnnotationStore) -> None:
        """Change annotations in `store`."""
        self.store = store
        self.changed: Event[Change] = Event()
        self._done: list[Change] = []
        self._undone: list[Change] = []

    # History ----------------------------------------------------------------------------------
    def _do(self, change: Change, history: bool = True) -> Change:
        puts = [after for _, after in change.pairs if after is not None]
        deletes = [before for before, after in change.pairs
                   if before is not None and after is None]
        self.store.write(puts, deletes)
        if history:
            self._done.append(change)
            self._undone.clear()
        self.changed.emit(change)
        return change

    @property
    def can_undo(self) -> str | None:
        """The label of the change Undo would undo, or None."""
        return self._done[-1].label if self._done else None

    @property
    def can_redo(self) -> str | None:
        """The label of the change Redo would redo, or None."""
        return self._undone[-1].label if self._undone else None

    def undo(self) -> Change | None:
        """Undo the last change of this session; None when there is none."""
        if not self._done:
            return None
        change = self._done.pop()
        self._do(change.inverse(), history=False)
        self._undone.append(change)
        return change

    def redo(self) -> Change | None:
        """Redo the last undone change; None when there is none."""
        if not self._undone:
            return None
        change = self._undone.pop()
        self._do(change, history=False)
        self._done.append(change)
        return change

    # Annotations ------------------------------------------------------------------------------
    def add(
        self,
        document: Document,
        selection: TextRange | Sequence[TextRange],
        category: int | str,
        note: str = "",
        tags: Iterable[str] = (),
        translation: int = 0,
    ) -> Annotation:
        """Annotate a selection of one side of `document`.

        Args:
            document: the open document.
            selection: a range, or several (first to last) for a selection across paragraphs;
                their pane is the side annotated.
            category: a category id or name.
            note: plain text, any number of lines.
            tags: the user's tags; blanks and repeats are dropped.
            translation: which translation, when the pane is the translation.

        Returns:
            The stored annotation.

        Raises:
            ValueError: for an empty or out-of-range selection, or a missing text.
            StoreError: for an unknown category.
        """
        ranges = [selection] if isinstance(selection, TextRange) else list(selection)
        if not ranges:
            raise ValueError("nothing is selected")
        side: Pane = ranges[0].pane
        text = side_text((document.original, document.translations), side, translation)
        if text is None:
            raise ValueError(f"document {document.id} has no {side} text "
                             f"{translation + 1 if side == 'translation' else ''}".rstrip())
        start, end = full_offsets(text, ranges[0], ranges[-1])
        stamp = now()
        annotation = Annotation(
            id=new_id(), document=document.id, content_hash=document.content_hash, side=side,
            translation=translation if side == "translation" else 0,
            anchor=make_anchor(text.full_text, paragraph_starts(text), start, end),
            category=self._category(category).id, note=note, tags=clean_tags(tags),
            created=stamp, modified=stamp)
        self._do(Change("Add annotation", ((None, annotation),)))
        return annotation

    def edit(self, annotation_id: str, *, note: str | None = None,
             tags: Iterable[str] | None = None, category: int | str | None = None
             ) -> Annotation:
        """Change an annotation's note, tags or category (those given); one undoable change.

        Raises:
            KeyError: when there is no such annotation.
            StoreError: for an unknown category.
        """
        before = self._annotation(annotation_id)
        after = replace(
            before,
            note=before.note if note is None else note,
            tags=before.tags if tags is None else clean_tags(tags),
            category=before.category if category is None else self._category(category).id,
            modified=now())
        if after == replace(before, modified=after.modified):
            return before  # nothing changed: nothing to undo
        label = "Recategorise annotation" if category is not None else "Edit annotation"
        self._do(Change(label, ((before, after),)))
        return after

    def delete(self, *annotation_ids: str) -> None:
        """Delete annotations, all in one undoable change.

        Raises:
            KeyError: when one of them does not exist (then none is deleted).
        """
        pairs = tuple((self._annotation(i), None) for i in annotation_ids)
        if pairs:
            self._do(Change("Delete annotation" if len(pairs) == 1 else "Delete annotations",
                            pairs))

    # Categories -------------------------------------------------------------------------------
    def add_category(self, name: str, colour: str) -> Category:
        """A new category, after the others.

        Raises:
            StoreError: when the name is blank or taken, or the colour not "#rrggbb".
        """
        category = self.store.new_category(name, colour)
        self._do(Change("Add category", ((None, category),)))
        return category

    def update_category(self, key: int | str, *, name: str | None = None,
                        colour: str | None = None) -> Category:
        """Rename or recolour a category: every annotation of it follows, as they refer to it.

        Raises:
            StoreError: for an unknown category, a taken name or a bad colour.
        """
        before = self._category(key)
        after = replace(before, name=before.name if name is None else name.strip(),
                        colour=before.colour if colour is None else colour)
        if after != before:
            self._do(Change("Rename category" if name is not None else "Recolour category",
                            ((before, after),)))
        return after

    def delete_category(self, key: int | str, move_to: int | str | None = None) -> int:
        """Delete a category; its annotations move to `move_to`, in the same undoable change.

        Nothing is lost: undoing it brings the category back, in its place, and its
        annotations back to it.

        Returns:
            How many annotations moved.

        Raises:
            StoreError: when either category is unknown, when `move_to` is the category
                deleted, or when annotations use it and `move_to` is None.
        """
        category = self._category(key)
        used = self.store.annotations_of(category.id)
        target = None if move_to is None else self._category(move_to)
        if target is not None and target.id == category.id:
            raise StoreError(f"the highlights of {category.name!r} cannot move to itself")
        if used and target is None:
            raise StoreError(f"category {category.name!r} is used by {len(used)} annotation(s):"
                             " say which category they move to")
        stamp = now()
        pairs: list[Pair] = [(a, replace(a, category=target.id, modified=stamp))
                             for a in used if target is not None]
        pairs.append((category, None))
        self._do(Change("Delete category", tuple(pairs)))
        return len(used)

    # Interchange ------------------------------------------------------------------------------
    def import_annotations(self, records: Sequence[tuple[Annotation, Category]]
                           ) -> tuple[int, int, int]:
        """Store annotations read from a file, as one undoable change.

        An annotation already stored (same id) is replaced by the file's version, so importing
        a file twice adds nothing. Categories are matched by name; a missing one is created
        with the file's colour.

        Args:
            records: (annotation, category) pairs as `w3c.from_w3c` reads them.

        Returns:
            How many annotations were added, updated and already identical.
        """
        categories = {c.name.casefold(): c for c in self.store.categories()}
        next_id = max((c.id for c in categories.values()), default=0) + 1
        pairs: list[Pair] = []
        added = updated = same = 0
        for annotation, category in records:
            known = categories.get(category.name.casefold())
            if known is None:
                known = replace(self.store.new_category(category.name, category.colour),
                                id=next_id)
                next_id += 1
                categories[known.name.casefold()] = known
                pairs.append((None, known))
            annotation = replace(annotation, category=known.id)
            before = self.store.get(annotation.id)
            if before == annotation:
                same += 1
                continue
            added, updated = (added + 1, updated) if before is None else (added, updated + 1)
            pairs.append((before, annotation))
        if pairs:
            self._do(Change("Import annotations", tuple(pairs)))
        return added, updated, same

    # Helpers ----------------------------------------------------------------------------------
    def _annotation(self, annotation_id: str) -> Annotation:
        annotation = self.store.get(annotation_id)
        if annotation is None:
            raise KeyError(annotation_id)
        return annotation

    def _category(self, key: int | str) -> Category:
        category = self.store.category(key)
        if category is None:
            names = ", ".join(c.name for c in self.store.categories())
            raise StoreError(f"no category {key!r} (there are: {names})")
        return category


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags stripped, blanks and repeats (case-insensitive) dropped, first spelling kept."""
    seen: dict[str, str] = {}
    for tag in tags:
        tag = tag.strip()
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())
