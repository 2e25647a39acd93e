"""AnnotationSession: the open document's annotations, as the window shows and changes them.

It follows what the reading state shows (document, translation) and the sentence alignment
(manual links included), and answers in `TextRange` terms: which ranges each pane paints in
which colour, which of them are projections from the other side (and uncertain ones), which
annotations sit at a position, which are orphans. Every change goes through its `Annotator`
(one transaction each, undoable within the session).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from reader.core.align.alignment import Alignment
from reader.core.annotations.editing import Annotator, Change
from reader.core.annotations.model import Annotation, Category, Paint
from reader.core.annotations.opening import Placed, open_annotations, paints, place
from reader.core.annotations.store import AnnotationStore
from reader.core.document import Document
from reader.core.events import Event
from reader.core.text_range import Pane, TextRange

AnnotationAspect = Literal["document", "annotations", "categories", "projection"]


class ShownDocument(Protocol):
    """What the session needs of the reading state: the document and translation shown."""

    @property
    def document(self) -> Document | None:
        """The open document."""

    @property
    def translation_index(self) -> int:
        """The translation shown beside the original."""

    @property
    def changed(self) -> Event[Any]:
        """Emits "document", "translation", ... when they change."""


class AlignmentSource(Protocol):
    """What the session needs of SentenceLinks: the shown texts' alignment, corrections in."""

    @property
    def alignment(self) -> Alignment | None:
        """The alignment of what is shown, or None."""

    @property
    def changed(self) -> Event[Any]:
        """Emits "alignment" when the reader links or unlinks."""


@dataclass(frozen=True)
class AnnotationsChanged:
    """What an AnnotationSession's `changed` event carries.

    `aspect` is "document" (another document opened: repaint all), "annotations" (added,
    edited, deleted, undone: `ids` says which), "categories" (a name or colour changed:
    repaint all) or "projection" (the alignment or translation changed: repaint projections).
    """

    aspect: AnnotationAspect
    ids: frozenset[str] = frozenset()


class AnnotationSession:
    """The open document's annotations: list, paint, add, edit, delete, undo and redo.

    Events:
        changed: an `AnnotationsChanged` after anything the window shows changed.
    """

    def __init__(self, shown: ShownDocument, links: AlignmentSource,
                 store: AnnotationStore) -> None:
        """Follow `shown` (the reading state) and `links`; keep annotations in `store`."""
        self.changed: Event[AnnotationsChanged] = Event()
        self.store = store
        self.annotator = Annotator(store)
        self._shown = shown
        self._links = links
        self._document: Document | None = None
        self._annotations: list[Annotation] = []
        self._placed_now: list[Placed] | None = []  # None: to be placed when next asked
        self._paints: dict[Pane, list[Paint]] = {}  # per pane, until the next change
        self._categories: list[Category] = store.categories()
        shown.changed.connect(self._on_shown)
        links.changed.connect(self._on_links)
        self.annotator.changed.connect(self._on_change)
        self.reload()

    # Following the reading state ---------------------------------------------------------------
    def _on_shown(self, aspect: object) -> None:
        if aspect == "document" or self._shown.document is not self._document:
            self.reload()
        elif aspect == "translation":
            self._replace()
            self.changed.emit(AnnotationsChanged("projection"))

    def _on_links(self, aspect: object) -> None:
        if self._shown.document is not self._document:
            return  # another document is opening: its own reload places everything
        if aspect == "alignment":
            self._replace()
            self.changed.emit(AnnotationsChanged("projection"))

    def _on_change(self, change: Change) -> None:
        if any(isinstance(r, Category) for pair in change.pairs for r in pair):
            self._categories = self.store.categories()
            self._paints.clear()
            self.changed.emit(AnnotationsChanged("categories"))
        ids = change.annotation_ids()
        if ids and self._document is not None:
            self._replace(self.store.annotations(self._document.id))
            self.changed.emit(AnnotationsChanged("annotations", frozenset(ids)))

    def reload(self) -> None:
        """Read the shown document's annotations again, re-anchoring them if its text changed."""
        self._document = self._shown.document
        saved = open_annotations(self.store, self._document) if self._document else []
        self._replace(saved)
        self.changed.emit(AnnotationsChanged("document"))

    def _replace(self, annotations: Sequence[Annotation] | None = None) -> None:
        # Placing waits until something asks: opening a document changes the alignment and
        # the annotations one after the other, and hundreds of highlights are placed once.
        self._paints.clear()
        if annotations is not None:
            self._annotations = list(annotations)
        if self._document is None:
            self._annotations = []
        self._placed_now = None

    @property
    def _placed(self) -> list[Placed]:
        if self._placed_now is None:
            self._placed_now = [] if self._document is None else place(
                self._document, self._annotations, self._shown.translation_index,
                self._links.alignment)
        return self._placed_now

    # What the window shows ------------------------------------------------------------------
    @property
    def document(self) -> Document | None:
        """The document whose annotations these are."""
        return self._document

    def annotations(self) -> list[Annotation]:
        """The open document's annotations in text order (original, then translations)."""
        return list(self._annotations)

    def placed(self) -> list[Placed]:
        """Each annotation with its current ranges and projection (for the dock and exports)."""
        return list(self._placed)

    def orphans(self) -> list[Annotation]:
        """Annotations that could not be found in the current text, with their old quotes."""
        return [p.annotation for p in self._placed if p.annotation.status == "orphaned"]

    def categories(self) -> list[Category]:
        """Every category, in order (keys 1-9 pick the first nine)."""
        return list(self._categories)

    def paints(self, pane: Pane) -> list[Paint]:
        """The ranges `pane` paints, in text order: own highlights, then projections."""
        if pane not in self._paints:
            self._paints[pane] = paints(self._placed, self._categories, pane,
                                        self._shown.translation_index)
        return list(self._paints[pane])

    def at(self, pane: Pane, paragraph: int, offset: int) -> list[Annotation]:
        """The annotations painted at a position of `pane` (own or projected): hover shows them."""
        ids = {p.annotation for p in self.paints(pane) if p.range.paragraph == paragraph
               and p.range.start <= offset < p.range.end}
        return [a for a in self.annotations() if a.id in ids]

    def step(self, pane: Pane, after: TextRange | None, backwards: bool = False
             ) -> Paint | None:
        """The next (or previous) own highlight of `pane` after a position, wrapping around."""
        own = [p for p in self.paints(pane) if not p.projected]
        if not own:
            return None
        key = (after.paragraph, after.start) if after else (-1, -1)
        if backwards:
            earlier = [p for p in own if (p.range.paragraph, p.range.start) < key]
            return earlier[-1] if earlier else own[-1]
        later = [p for p in own if (p.range.paragraph, p.range.start) > key]
        return later[0] if later else own[0]

    # Changes --------------------------------------------------------------------------------------
    def add(self, selection: TextRange | Sequence[TextRange], category: int | str,
            note: str = "", tags: Iterable[str] = ()) -> Annotation:
        """Annotate a selection of the shown document (its pane is the side).

        Raises:
            ValueError: when no document is open or the selection is empty or out of range.
            StoreError: for an unknown category.
        """
        if self._document is None:
            raise ValueError("no document is open")
        return self.annotator.add(self._document, selection, category, note, tags,
                                  translation=self._shown.translation_index)

    def edit(self, annotation_id: str, *, note: str | None = None,
             tags: Iterable[str] | None = None, category: int | str | None = None
             ) -> Annotation:
        """Change the note, tags or category of an annotation; see `Annotator.edit`."""
        return self.annotator.edit(annotation_id, note=note, tags=tags, category=category)

    def delete(self, *annotation_ids: str) -> None:
        """Delete annotations in one undoable change."""
        self.annotator.delete(*annotation_ids)

    def undo(self) -> Change | None:
        """Undo the session's last change; None when there is nothing to undo."""
        return self.annotator.undo()

    def redo(self) -> Change | None:
        """Redo the last undone change; None when there is nothing to redo."""
        return self.annotator.redo()
