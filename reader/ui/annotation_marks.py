"""AnnotationMarks: the open document's highlights painted on the split view, notes on demand.

Each pane paints its own highlights in the category colour and, fainter and underlined, the
projections of the other side's (dashed where the alignment is unsure). Hovering a highlight,
or putting the text cursor on one, shows its note as a plain-text tooltip. Everything shown is
asked of the core `AnnotationSession`.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QToolTip

from reader.core.session.annotating import AnnotationsChanged
from reader.core.session.annotation_actions import AnnotationActions
from reader.core.session.reading import Aspect
from reader.core.text_range import PANES, Pane, TextRange
from reader.ui.mark_styles import Highlight, MarkStyle
from reader.ui.pane_marks import Mark
from reader.ui.plain_text import plain_tooltip
from reader.ui.split_view import SplitView
from reader.ui.text_pane import TextPane


class AnnotationMarks(QObject):
    """Paints an `AnnotationSession` on a `SplitView`; shows notes under the mouse and cursor."""

    def __init__(self, actions: AnnotationActions, split: SplitView) -> None:
        super().__init__(split)
        self._actions = actions
        self._session = actions.session
        self._split = split
        self.note_shown = ""  # the note last shown for the text cursor, for tests and scripts
        # What the panes show now: the session hears of a new document or translation before
        # the split view has put its text in, and painting then would be thrown away.
        self._viewing = self._view()
        self._session.changed.connect(self._on_annotations_changed)
        # After the split view (built first) has put the new text in: set_text clears marks.
        split.reading.changed.connect(self._on_view_changed)
        for pane, text_pane in split.panes.items():
            text_pane.viewport().installEventFilter(self)
            text_pane.cursorPositionChanged.connect(lambda pane=pane: self.show_note(pane))
        self.repaint()

    def _view(self) -> tuple[object, int]:
        reading = self._split.reading
        return reading.document, reading.translation_index

    def _on_view_changed(self, aspect: Aspect) -> None:
        if aspect in ("document", "translation"):
            self._viewing = self._view()
            self.repaint()

    def _on_annotations_changed(self, change: AnnotationsChanged) -> None:
        if self._view() != self._viewing or self._session.document is not self._viewing[0]:
            return  # the split view is about to show other text: painted once it has
        self.repaint()
        if change.aspect == "annotations":
            self.show_note(self._split.reading.focused)  # its note may have changed

    def repaint(self) -> None:
        """Paint every pane's highlights and projections again."""
        styles: dict[tuple[str, bool, bool, bool], Highlight] = {}  # a few, for hundreds
        for pane in PANES:
            projected: list[Mark] = []
            own: list[Mark] = []
            for paint in self._session.paints(pane):
                key = (paint.colour, paint.projected, paint.uncertain, paint.status == "fuzzy")
                style = styles.get(key) or styles.setdefault(key, Highlight(*key))
                (projected if paint.projected else own).append((*paint.range[1:], style))
            # Projections underneath, the pane's own highlights over them: a highlight made
            # here shows in its own colour even where the other side's projects onto it.
            # Flattened together, no two marks overlap: Qt draws a block's visible lines again
            # for each selection in it, and a highlight over a projection was one more.
            self._split.panes[pane].set_marks("annotation", flatten(projected + own))

    # Notes -----------------------------------------------------------------------------------
    def note_at(self, pane: Pane, paragraph: int, offset: int) -> str:
        """The plain text shown for the highlights at a position; "" where there are none."""
        found = self._actions.under(pane, paragraph, offset)
        return "\n\n".join(self._actions.describe(a, pane) for a in found)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not isinstance(event, QHelpEvent) or event.type() != QEvent.Type.ToolTip:
            return False
        for pane, text_pane in self._split.panes.items():
            if watched is text_pane.viewport():
                found = text_pane.text_position(event.pos())
                text = self.note_at(pane, *found) if found else ""
                if text:
                    QToolTip.showText(event.globalPos(), plain_tooltip(text), text_pane)
                    return True
        return False  # elsewhere the sentence's own tooltip stands

    def show_note(self, pane: Pane) -> None:
        """Show the note of the highlight at `pane`'s text cursor (nothing off highlights)."""
        text_pane = self._split.panes[pane]
        if not text_pane.hasFocus() and pane != self._split.reading.focused:
            return
        if self._view() != self._viewing:
            return  # the cursor moved because other text is going in, not to a highlight
        paragraph, offset = caret(text_pane)
        text = self.note_at(pane, paragraph, offset)
        if text == self.note_shown:
            return
        self.note_shown = text
        if text and text_pane.isVisible():
            rect = text_pane.cursorRect()
            at = text_pane.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom() + 4))
            QToolTip.showText(at, plain_tooltip(text), text_pane)
        elif not text:
            QToolTip.hideText()


def flatten(marks: list[Mark]) -> list[Mark]:
    """The same picture in marks that never overlap, each character painted once.

    Qt paints every mark by filling its background and drawing its text again, later marks
    over earlier ones: hundreds of overlapping highlights drew the same words many times at
    every repaint. Where marks overlap, the one painted last (the one seen) alone covers the
    characters, and touching pieces of one style join.
    """
    # A mark repeated (the projection of every annotation in one sentence) is seen where its
    # last copy is painted: the earlier copies change nothing and go.
    by_paragraph: dict[int, list[Mark]] = {}
    for mark in list(dict.fromkeys(reversed(marks)))[::-1]:  # each once, in painting order
        if mark[1] < mark[2]:
            by_paragraph.setdefault(mark[0], []).append(mark)
    flat: list[Mark] = []
    for paragraph in sorted(by_paragraph):
        items = by_paragraph[paragraph]
        # Paint the stretches between the marks' edges as Qt would, later marks over earlier
        # ones (slice assignments, not a sweep in Python: hundreds of marks at each opening),
        # then join neighbouring stretches that look alike.
        cuts = sorted({edge for _, start, end, _ in items for edge in (start, end)})
        index = {edge: number for number, edge in enumerate(cuts)}
        seen: list[MarkStyle | None] = [None] * (len(cuts) - 1)
        for _, start, end, style in items:
            low, high = index[start], index[end]
            seen[low:high] = [style] * (high - low)
        low = 0
        for look, run in itertools.groupby(seen):
            high = low + sum(1 for _ in run)
            if look is not None:
                flat.append((paragraph, cuts[low], cuts[high], look))
            low = high
    return flat


def caret(text_pane: TextPane) -> tuple[int, int]:
    """(paragraph, core offset) of a pane's text cursor; where a selection starts if any."""
    cursor = text_pane.textCursor()
    position = cursor.selectionStart() if cursor.hasSelection() else cursor.position()
    return text_pane.paragraph_at(position)


def select_range(text_pane: TextPane, first: TextRange, last: TextRange | None = None) -> None:
    """Select from `first.start` to `last.end` (default `first.end`), the cursor at the end."""
    last = last or first
    cursor = text_pane.textCursor()
    cursor.setPosition(text_pane.qt_position(first.paragraph, first.start))
    cursor.setPosition(text_pane.qt_position(last.paragraph, last.end),
                       QTextCursor.MoveMode.KeepAnchor)
    text_pane.setTextCursor(cursor)
