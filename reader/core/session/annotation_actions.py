"""AnnotationActions: what the annotation commands do, given what the window has selected.

The window knows the selection and the text cursor; everything decided about them (which
category a key means, which highlight the cursor is on, what the status bar says, what a note
looks like as a tooltip) is decided here, without Qt, so the CLI and tests can drive it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.annotations.model import Annotation, Category
from reader.core.annotations.store import StoreError
from reader.core.events import Event
from reader.core.session.annotating import AnnotationSession
from reader.core.text_range import Pane, TextRange

STATUS_WORDS = {"anchored": "", "moved": "moved: the text changed, the words were found again",
                "fuzzy": "re-anchored by a close match: check it",
                "orphaned": "orphaned: the words are no longer in the text"}


class AnnotationActions:
    """Highlight, recategorise, delete, undo and redo, saying in `message` what happened."""

    def __init__(self, session: AnnotationSession, message: Event[str]) -> None:
        """Act on `session`; one status line per command goes to `message`."""
        self.session = session
        self._message = message

    def category(self, number: int | None) -> Category | None:
        """The category key `number` (1-9) picks; None picks the first. None when there is none."""
        categories = self.session.categories()
        index = 0 if number is None else number - 1
        return categories[index] if 0 <= index < len(categories) else None

    def highlight(self, selection: Sequence[TextRange], number: int | None = None
                  ) -> Annotation | None:
        """Highlight `selection` (ranges of one pane) in category `number` (1-9; None: the first).

        Returns:
            The new annotation, or None when there was nothing to highlight (said in `message`).
        """
        category = self.category(number)
        if category is None:
            self._message.emit(f"There is no category {number}")
            return None
        if not selection:
            self._message.emit("Select some text first (shift and the arrow keys, or S for the "
                               "sentence)")
            return None
        try:
            annotation = self.session.add(list(selection), category.id)
        except (ValueError, StoreError) as error:
            self._message.emit(f"Cannot highlight: {error}")
            return None
        self._message.emit(f"Highlighted as {category.name}")
        return annotation

    def recategorise(self, ids: Sequence[str], number: int) -> None:
        """Move the annotations `ids` to category `number` (1-9), in one undoable change each."""
        category = self.category(number)
        if category is None:
            self._message.emit(f"There is no category {number}")
            return
        for annotation_id in ids:
            self.session.edit(annotation_id, category=category.id)
        self._message.emit(f"Now {category.name}" if ids else "No highlight here")

    def save_note(self, annotation_id: str, note: str, tags: Sequence[str]) -> None:
        """Store the note and tags of an annotation, as one undoable change."""
        self.session.edit(annotation_id, note=note, tags=tags)
        self._message.emit("Note saved" if note.strip() else "Note cleared")

    def delete(self, ids: Sequence[str]) -> None:
        """Delete the annotations `ids` in one undoable change."""
        if not ids:
            self._message.emit("No highlight here to delete")
            return
        self.session.delete(*ids)
        self._message.emit(f"Deleted {len(ids)} highlight{'s' if len(ids) != 1 else ''} "
                           "(Ctrl+Z brings back)")

    def undo(self) -> None:
        """Undo the session's last annotation change, and say which."""
        change = self.session.undo()
        self._message.emit(f"Undone: {change.label}" if change else "Nothing to undo")

    def redo(self) -> None:
        """Redo the last undone annotation change, and say which."""
        change = self.session.redo()
        self._message.emit(f"Redone: {change.label}" if change else "Nothing to redo")

    def under(self, pane: Pane, paragraph: int, offset: int) -> list[Annotation]:
        """The annotations painted at a position (own first, then projections)."""
        found = self.session.at(pane, paragraph, offset)
        return sorted(found, key=lambda a: a.side != pane)

    def own_under(self, pane: Pane, paragraph: int, offset: int) -> list[Annotation]:
        """The annotations of `pane` itself at a position; a projection is not one of them."""
        return [a for a in self.under(pane, paragraph, offset) if a.side == pane]

    def describe(self, annotation: Annotation, pane: Pane | None = None) -> str:
        """A plain-text line or few about an annotation: category, where from, note, tags."""
        names = {c.id: c.name for c in self.session.categories()}
        head = names.get(annotation.category, "highlight").capitalize()
        if pane is not None and annotation.side != pane:
            head += f" (in the {annotation.side}: “{shorten(annotation.quote)}”)"
        lines = [head]
        if STATUS_WORDS.get(annotation.status):
            lines.append(f"[{STATUS_WORDS[annotation.status]}]")
        lines.append(annotation.note or "(no note)")
        if annotation.tags:
            lines.append("Tags: " + ", ".join(annotation.tags))
        return "\n".join(lines)


def shorten(text: str, limit: int = 60) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"
