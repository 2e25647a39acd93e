"""The reading state: what the split view shows and how; saved between sessions."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal, get_args

from reader.core.align.alignment import ParagraphAlignment, proportional_alignment
from reader.core.document import Document, Text
from reader.core.events import Event
from reader.core.text_range import PANES, Pane, other_pane

Layout = Literal["side_by_side", "stacked"]
Visible = Literal["both", "original", "translation"]
# What a `changed` event reports, so a view redoes only the work that aspect needs.
Aspect = Literal[
    "document", "translation", "layout", "swapped", "visible", "scroll_lock", "zoom", "focus",
    "paragraph", "alignment",
]
Aligner = Callable[[Text, Text], ParagraphAlignment]

ZOOM_MIN = -5
ZOOM_MAX = 12
NO_ORIGINAL_NOTICE = "This page has no original-language text; the translation is shown alone."
NO_TRANSLATION_NOTICE = "This page has no translation; the original is shown alone."


def _proportional(original: Text, translation: Text) -> ParagraphAlignment:
    return proportional_alignment(len(original.paragraphs), len(translation.paragraphs))


class ReadingState:
    """The state of the split view: document, translation, layout, panes, lock, zoom, focus.

    Every change goes through a method that emits `changed` with the aspect that changed,
    and only when something actually changed, so a view that mirrors this object can call
    back into it without looping.
    """

    def __init__(self, aligner: Aligner = _proportional) -> None:
        self.changed: Event[Aspect] = Event()
        self._aligner = aligner
        self._alignment = ParagraphAlignment((), 0, 0)
        self.document: Document | None = None
        self.translation_index = 0
        self.layout: Layout = "side_by_side"
        self.swapped = False
        self.visible: Visible = "both"
        self.scroll_locked = True
        self.zoom = 0
        self.focused: Pane = "original"
        self.paragraphs: dict[Pane, int] = {"original": 0, "translation": 0}

    # Derived state -------------------------------------------------------------------------
    @property
    def original(self) -> Text | None:
        """The original-language text of the current document, if the page has one."""
        return self.document.original if self.document else None

    @property
    def translation(self) -> Text | None:
        """The translation currently chosen, if the page has any."""
        if not self.document or not self.document.translations:
            return None
        return self.document.translations[self.translation_index]

    def text(self, pane: Pane) -> Text | None:
        """The text shown in `pane`, or None when the document has none for it."""
        return self.original if pane == "original" else self.translation

    @property
    def alignment(self) -> ParagraphAlignment:
        """Paragraph correspondence between the original and the chosen translation."""
        return self._alignment

    @property
    def shown_panes(self) -> tuple[Pane, ...]:
        """The panes on screen, first (left or top) first."""
        order: tuple[Pane, ...] = PANES[::-1] if self.swapped else PANES
        wanted = order if self.visible == "both" else (self.visible,)
        present = tuple(p for p in wanted if self.text(p) is not None)
        if present or self.document is None:
            return present
        # The chosen pane has no text (one pane alone on a page without an original):
        # show whatever the page has rather than nothing.
        return tuple(p for p in order if self.text(p) is not None)

    @property
    def notice(self) -> str:
        """A sentence for the reader when the page lacks one of the two texts, else ""."""
        if self.document is None:
            return ""
        if self.original is None and self.translation is not None:
            return NO_ORIGINAL_NOTICE
        if self.translation is None and self.original is not None:
            return NO_TRANSLATION_NOTICE
        return ""

    # Changes -------------------------------------------------------------------------------
    def _realign(self) -> None:
        original, translation = self.original, self.translation
        if original is None or translation is None:
            self._alignment = ParagraphAlignment((), 0, 0)
        else:
            self._alignment = self._aligner(original, translation)

    def realign(self) -> None:
        """Ask the aligner again (after a correction by hand); announces a changed alignment."""
        before = self._alignment
        self._realign()
        if self._alignment != before:
            self.changed.emit("alignment")

    def set_document(self, document: Document | None) -> None:
        """Show `document` (None clears the view) from its first translation and paragraph."""
        self.document = document
        self.translation_index = 0
        self.paragraphs = {"original": 0, "translation": 0}
        self._realign()
        if self.focused not in self.shown_panes and self.shown_panes:
            self.focused = self.shown_panes[0]
        self.changed.emit("document")

    def set_translation(self, index: int) -> None:
        """Show the document's translation number `index` (0-based).

        Raises:
            IndexError: when the document has no such translation.
        """
        count = len(self.document.translations) if self.document else 0
        if not 0 <= index < count:
            raise IndexError(f"translation {index} of {count}")
        if index != self.translation_index:
            self.translation_index = index
            self.paragraphs["translation"] = 0
            self._realign()
            self.changed.emit("translation")

    def swap(self) -> None:
        """Exchange the sides (or top and bottom) of the original and the translation."""
        self.swapped = not self.swapped
        self.changed.emit("swapped")

    def set_layout(self, layout: Layout) -> None:
        """Place the panes side by side or one above the other."""
        if layout != self.layout:
            self.layout = layout
            self.changed.emit("layout")

    def toggle_orientation(self) -> None:
        """Switch between side by side and stacked."""
        self.set_layout("stacked" if self.layout == "side_by_side" else "side_by_side")

    def show_only(self, pane: Pane) -> None:
        """Show `pane` alone; it takes the focus."""
        if self.visible != pane:
            self.visible = pane
            self.changed.emit("visible")
        self.focus(pane)

    def show_both(self) -> None:
        """Show the original and the translation together."""
        if self.visible != "both":
            self.visible = "both"
            self.changed.emit("visible")

    def toggle_scroll_lock(self) -> None:
        """Turn on or off the following of one pane's scrolling by the other."""
        self.scroll_locked = not self.scroll_locked
        self.changed.emit("scroll_lock")

    def set_zoom(self, zoom: int) -> None:
        """Set the zoom in steps from the default size, clamped to the allowed range."""
        zoom = min(max(zoom, ZOOM_MIN), ZOOM_MAX)
        if zoom != self.zoom:
            self.zoom = zoom
            self.changed.emit("zoom")

    def zoom_in(self) -> None:
        """Make the text one step larger."""
        self.set_zoom(self.zoom + 1)

    def zoom_out(self) -> None:
        """Make the text one step smaller."""
        self.set_zoom(self.zoom - 1)

    def zoom_reset(self) -> None:
        """Return the text to its default size."""
        self.set_zoom(0)

    def focus(self, pane: Pane) -> None:
        """Make `pane` the one commands (scrolling, copying) act on."""
        if pane != self.focused:
            self.focused = pane
            self.changed.emit("focus")

    def switch_pane(self) -> None:
        """Move the focus to the other pane, when both are shown."""
        if other_pane(self.focused) in self.shown_panes:
            self.focus(other_pane(self.focused))

    def set_paragraph(self, pane: Pane, paragraph: int) -> None:
        """Record the paragraph at the top of `pane` (the view reports it as the reader scrolls)."""
        if self.paragraphs[pane] != paragraph:
            self.paragraphs[pane] = paragraph
            self.changed.emit("paragraph")

    # Settings ------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The saveable state as JSON-ready data; the document itself is saved by its id."""
        return {
            "document_id": self.document.id if self.document else None,
            "translation": self.translation_index,
            "layout": self.layout,
            "swapped": self.swapped,
            "visible": self.visible,
            "scroll_locked": self.scroll_locked,
            "zoom": self.zoom,
            "focused": self.focused,
            "paragraphs": dict(self.paragraphs),
        }

    def restore(self, data: Mapping[str, Any]) -> None:
        """Take back the settings saved by `to_dict`, announcing each change.

        Settings files get hand-edited and outlive versions, so any missing or malformed value
        keeps its current setting instead of failing. The document is not reopened here: the
        caller opens it (by `document_id`) and may then restore `paragraphs`.

        Args:
            data: what `to_dict` returned, possibly damaged.
        """
        if data.get("layout") in get_args(Layout):
            self.set_layout(data["layout"])
        visible = data.get("visible")
        if visible == "both":
            self.show_both()
        elif visible in PANES:
            self.show_only(visible)
        if data.get("focused") in PANES:
            self.focus(data["focused"])
        if isinstance(data.get("swapped"), bool) and data["swapped"] != self.swapped:
            self.swap()
        locked = data.get("scroll_locked")
        if isinstance(locked, bool) and locked != self.scroll_locked:
            self.toggle_scroll_lock()
        zoom = data.get("zoom")
        if isinstance(zoom, int) and not isinstance(zoom, bool):
            self.set_zoom(zoom)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], aligner: Aligner = _proportional) -> ReadingState:
        """A new view with the settings saved by `to_dict` (see `restore`), no document."""
        view = cls(aligner)
        view.restore(data)
        return view
