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

# Offered to a new category, the first one no category has yet: distinct hues that the window's
# highlight blend keeps readable on light and dark paper.
SUGGESTED_COLOURS = ("#2aa198", "#d33682", "#859900", "#6c71c4", "#cb4b16", "#268bd2",
                     "#8f5902", "#75507b", "#ce5c00", "#a40000")
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

    # Categories -----------------------------------------------------------------------------
    def suggest_colour(self) -> str:
        """A colour for a new category: the first suggestion no category has yet."""
        taken = {c.colour.casefold() for c in self.session.categories()}
        return next((c for c in SUGGESTED_COLOURS if c not in taken), SUGGESTED_COLOURS[0])

    def uses(self, category_id: int) -> int:
        """How many annotations, across the library, are of the category."""
        return len(self.session.store.annotations_of(category_id))

    def add_category(self, name: str, colour: str) -> Category | None:
        """Add a category after the others; None (said in `message`) when refused."""
        try:
            category = self.session.annotator.add_category(name, colour.lower())
        except StoreError as error:
            self._message.emit(f"Cannot add the category: {error}")
            return None
        number = len(self.session.categories())
        key = f" (Alt+{number} highlights in it)" if number <= 9 else ""
        self._message.emit(f"Added category {category.name}{key}")
        return category

    def rename_category(self, category_id: int, name: str) -> Category | None:
        """Rename a category: every annotation of it shows the new name at once."""
        return self._update_category(category_id, name=name)

    def recolour_category(self, category_id: int, colour: str) -> Category | None:
        """Recolour a category: every highlight of it repaints at once."""
        return self._update_category(category_id, colour=colour.lower())

    def _update_category(self, category_id: int, **change: str) -> Category | None:
        before = next((c for c in self.session.categories() if c.id == category_id), None)
        try:
            after = self.session.annotator.update_category(category_id, **change)
        except StoreError as error:
            self._message.emit(f"Cannot change the category: {error}")
            return None
        if before == after:
            self._message.emit(f"Category {after.name} unchanged")
        elif "name" in change:
            self._message.emit(f"Renamed category {before.name if before else ''} to "
                               f"{after.name}")
        else:
            self._message.emit(f"Recoloured category {after.name}")
        return after

    def delete_category(self, category_id: int, move_to: int | None = None) -> bool:
        """Delete a category, moving its annotations to `move_to`; undoable, nothing lost.

        Returns:
            Whether it was deleted (when not, `message` says why).
        """
        names = {c.id: c.name for c in self.session.categories()}
        if len(names) < 2:
            self._message.emit("The last category cannot be deleted")
            return False
        try:
            moved = self.session.annotator.delete_category(category_id, move_to)
        except StoreError as error:
            self._message.emit(f"Cannot delete the category: {error}")
            return False
        plural = "s are" if moved != 1 else " is"
        where = f"; its {moved} highlight{plural} now {names.get(move_to or -1, '')}" if moved \
            else ""
        self._message.emit(f"Deleted category {names.get(category_id, '')}{where} "
                           "(Ctrl+Z brings it back)")
        return True

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
