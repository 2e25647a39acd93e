"""TextPane: one read-only text of the split view, paragraph numbers painted in its margin."""

from __future__ import annotations

import functools
import time
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QFrame, QTextEdit, QWidget

from reader.core.document import Text
from reader.core.text_range import Pane, TextRange
from reader.ui.mark_styles import LAYERS, MarkStyle
from reader.ui.pane_blocks import PaneBlocks
from reader.ui.pane_fill import LINE_HEIGHT_PERCENT, fill_formats, insert_blocks, respace_blocks
from reader.ui.pane_geometry import (
    block_at_y,
    block_rect,
    paragraph_at,
    paragraph_top,
    qt_position,
    qt_span,
    range_span,
    scroll_target,
    top_position,
    viewport_span,
)
from reader.ui.pane_marks import Mark, MarkLayers, selections_of
from reader.ui.pane_numbers import paint_numbers
from reader.ui.pane_pointing import selection_ranges, text_position

MEASURE_CHARS = 72  # the longest line we let a text run, in average characters
# A long text goes into the pane a slice per turn of the event loop: Qt lays each slice out
# as it goes in, and a whole page of megabytes at once held the window for seconds (issue 12).
FIRST_CHARS = 12_000  # at once: the first screens (and the whole of an ordinary page)
# A text this long is filled in slices anyway: at once only about what a tall pane shows, since
# laying out the first 12,000 characters of both panes was half the window's 0.1 s of work
# when a 5 MB page arrived.
LONG_TEXT_CHARS = 4 * FIRST_CHARS
# About 45 lines of a full measure, more than a pane 1,000 pixels tall shows; a paragraph's
# block may be longer (6,000, or 1,500 in a paragraph of a book's length).
FIRST_SCREEN_CHARS = 3_000
# Then slices of about this long, a few paragraphs at a time: both panes fill in the same
# turn of the event loop, and with a repaint that turn has to stay well under 50 ms.
SLICE_SECONDS = 0.005
STEP_CHARS = 1_500
FEW_MARKS = 100  # up to this many marks are all drawn; more, only those near the viewport


class TextPane(QTextEdit):
    """A read-only text, one block per paragraph, so block numbers are paragraph numbers.

    Numbers are painted in the left margin rather than written into the document, so a
    selection copies the text alone.
    """

    focus_received = Signal()
    filled = Signal()  # the last slice of a long text went in
    # (paragraph, offset) of the character under the mouse; (-1, -1) off the text.
    pointed = Signal(int, int)
    clicked = Signal(int, int)  # a click that selected nothing, at (paragraph, offset)

    def __init__(self, pane: Pane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pane = pane
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        # A scroll bar that came and went with the text's length would change the width and
        # lay the whole text out a second time on opening; the column would shift, too.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._layers = MarkLayers()
        self._gutter = 0.0
        self._spacing = -1.0  # the paragraph spacing the blocks have
        self._paragraphs: tuple[str, ...] = ()
        self._blocks = PaneBlocks()
        self._filled = 0  # blocks in the document so far; the rest go in slice by slice
        self._fill_end = 0  # the document position after them
        self._pending_scroll: tuple[int, float] | None = None  # to a block not yet in
        self._first_slice = 0  # characters the fill's first turn puts in (a long text's)
        self._fill_timer = QTimer(self)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill_turn)
        self._text_font: QFont | None = None  # set by the split view; see set_text_font
        self.viewport().setMouseTracking(True)  # for `pointed`, with no button held
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._apply_marks())
        # After a resize (once for a burst of them), the marks of any text it brings into view.
        self._resized = QTimer(self, singleShot=True, interval=0)
        self._resized.timeout.connect(lambda: self._apply_marks())

    # Content -------------------------------------------------------------------------------
    def set_text(self, text: Text | None) -> None:
        """Show the paragraphs of `text` (None empties the pane), apparatus styled quietly.

        An ordinary text goes in at once. A long one goes in by slices, one per turn of the
        event loop, starting on the next turn with what fills the first screen (`filling`
        until `filled` is emitted).
        """
        self._fill_timer.stop()
        self._first_slice = 0
        self.document().clear()
        self._layers.clear()
        self._pending_scroll = None
        self.setExtraSelections([])
        # Core offsets count code points, Qt's UTF-16 units; the blocks convert between them.
        self._paragraphs = text.paragraphs if text is not None else ()
        self._blocks = PaneBlocks(self._paragraphs)
        self._filled = self._fill_end = 0
        if text is None or not self._paragraphs:
            return
        # Margins and paragraph spacing go in before the text, so the text is laid out once.
        self._apply_margins()
        if sum(map(len, self._paragraphs)) > LONG_TEXT_CHARS:
            # The first screen goes in on the next turn of the event loop: laid out here, with
            # the other pane's and the window's repaint, it made one turn of over 50 ms when a
            # 5 MB page arrived (issue 12).
            self._first_slice = FIRST_SCREEN_CHARS
            self._fill_timer.start()
            return
        self._fill_slice(FIRST_CHARS)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    @property
    def filling(self) -> bool:
        """Whether part of the text is still to go in."""
        return self._filled < self._blocks.block_count()

    def _fill_turn(self) -> None:
        first, self._first_slice = self._first_slice, 0
        self._fill_slice(first)
        if first:
            self.moveCursor(QTextCursor.MoveOperation.Start)

    def _fill_slice(self, chars: int = 0) -> None:
        """Put the next blocks in: `chars` characters' worth, or SLICE_SECONDS' worth."""
        began = time.perf_counter()
        first = self._filled
        while self.filling:
            self._fill_step(chars or STEP_CHARS)
            if chars or time.perf_counter() - began > SLICE_SECONDS:
                break
        if self._pending_scroll is not None:
            self.scroll_to_position(*self._pending_scroll)
        if self.filling:
            self._fill_timer.start()
        else:
            self._fill_timer.stop()
        if not self.filling or self._layers.count() > FEW_MARKS:
            self._apply_marks(force=not self.filling)
        if not self.filling and first > 0:
            self.filled.emit()

    def _fill_step(self, chars: int) -> None:
        self._spacing = self._paragraph_spacing()
        self._filled, self._fill_end = insert_blocks(
            QTextCursor(self.document()), self._blocks, (self._filled, self._fill_end),
            chars, fill_formats(self.palette(), self._spacing),
        )  # fmt: skip

    def paragraph_count(self) -> int:
        """Number of paragraphs of the text shown (0 when the pane is empty)."""
        return len(self._paragraphs)

    def paragraph_at(self, position: int) -> tuple[int, int]:
        """(paragraph, core offset) of a document position (the text cursor's, say)."""
        return paragraph_at(self, self._blocks, self._filled, position)

    def qt_position(self, paragraph: int, offset: int) -> int:
        """The document position of a core offset into `paragraph` (clamped to it)."""
        return qt_position(self, self._blocks, self._fill_end, paragraph, offset)

    def set_text_font(self, font: QFont) -> None:
        """Use `font` for the text; margins and paragraph spacing follow its size.

        It is the widget's own font, not only the document's: QTextEdit hands its widget
        font to the document whenever the font changes, and a theme's new stylesheet changes
        it, so a font set on the document alone fell back to the widget's size on the first
        theme change (and was never the size at launch).
        """
        self._text_font = QFont(font)
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._apply_margins()

    # Geometry ------------------------------------------------------------------------------
    def _paragraph_spacing(self) -> float:
        return QFontMetricsF(self.document().defaultFont()).height() * 0.8

    def _apply_margins(self) -> None:
        # A centred column of a readable measure, with room on its left for the numbers.
        metrics = QFontMetricsF(self.document().defaultFont())
        em = metrics.height()
        self._gutter = metrics.horizontalAdvance("000") + em
        width = self.viewport().width()
        measure = metrics.averageCharWidth() * MEASURE_CHARS
        spare = max(width - measure - self._gutter - em, 0.0)
        frame = self.document().rootFrame()
        frame_format: QTextFrameFormat = frame.frameFormat()
        # Room past the end, so the last paragraphs can be scrolled level with their
        # counterparts in a longer text instead of being pinned to the bottom edge.
        margins = (self._gutter + spare / 2, em + spare / 2, em * 1.2,
                   max(em * 3, self.viewport().height() * 0.5))  # fmt: skip
        current = (frame_format.leftMargin(), frame_format.rightMargin(),
                   frame_format.topMargin(), frame_format.bottomMargin())  # fmt: skip
        if margins != current:  # setting a frame format lays the whole text out again
            frame_format.setLeftMargin(margins[0])
            frame_format.setRightMargin(margins[1])
            frame_format.setTopMargin(margins[2])
            frame_format.setBottomMargin(margins[3])
            frame.setFrameFormat(frame_format)
        spacing = self._paragraph_spacing()
        if spacing == self._spacing or self.document().isEmpty():
            return  # the text went in spaced alike; only a new font changes it
        self._spacing = spacing
        respace_blocks(self.document(), self._blocks, self._filled, spacing)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._apply_margins()
        if self._layers.count() > FEW_MARKS:  # only marks near the viewport are drawn
            self._resized.start()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.focus_received.emit()

    def paragraph_top(self, paragraph: int) -> float:
        """The document y of a paragraph's top, or 0.0 when there is no such paragraph."""
        return paragraph_top(self, self._blocks, self._filled, paragraph)

    def position(self) -> tuple[int, float]:
        """The paragraph at the top of the viewport and how far through it the top edge is."""
        return top_position(self, self._blocks, self._filled)

    def scroll_to_position(self, paragraph: int, fraction: float) -> None:
        """Scroll so the top edge stands `fraction` of the way through `paragraph`.

        A paragraph not in the pane yet is scrolled to when its slice goes in.
        """
        if not 0 <= paragraph < len(self._paragraphs):
            return
        length = len(self._paragraphs[paragraph])
        offset = min(int(fraction * length), max(length - 1, 0))
        number, _ = self._blocks.block_of(paragraph, offset)
        if number >= self._filled:
            self._pending_scroll = (paragraph, fraction)
            return
        self._pending_scroll = None
        target = scroll_target(self, self._blocks, number, paragraph, fraction)
        bar = self.verticalScrollBar()
        if self.filling and round(target) > bar.maximum():
            self._pending_scroll = (paragraph, fraction)  # until the text below it is in
        bar.setValue(round(target))

    def line_step(self) -> int:
        """Pixels one line of text takes, for line-wise scrolling."""
        metrics = QFontMetricsF(self.document().defaultFont())
        return max(round(metrics.lineSpacing() * LINE_HEIGHT_PERCENT / 100), 1)

    # Marks -------------------------------------------------------------------------------
    def set_marks(self, layer: str, marks: Sequence[Mark]) -> None:
        """Replace the marks of one layer (see `mark_styles.LAYERS`); the text is untouched."""
        # Unchanged marks are drawn already (no sentence links before opening and after, say).
        if self._layers.set(layer, marks):
            self._apply_marks()

    def marks(self, layer: str) -> list[tuple[int, int, int]]:
        """The (paragraph, start, end) ranges one layer marks."""
        return [mark[:3] for mark in self._layers.marks[layer]]

    def mark_styles(self, layer: str) -> list[MarkStyle]:
        """The styles of one layer's marks, in the order of `marks`."""
        return [mark[3] for mark in self._layers.marks[layer]]

    def set_highlights(self, ranges: Sequence[tuple[int, int, int]],
                       current: tuple[int, int, int] | None = None) -> None:
        """Mark (paragraph, start, end) ranges as search hits, `current` apart from the rest."""
        self.set_marks("search", [(p, start, end, "current" if (p, start, end) == current
                                   else "search") for p, start, end in ranges])  # fmt: skip

    def highlights(self) -> list[tuple[int, int, int]]:
        """The search hits currently marked."""
        return self.marks("search")

    def _text_between(self, top: float, bottom: float) -> tuple[tuple[int, int], tuple[int, int]]:
        """(paragraph, offset) of the text from `top` to `bottom` screens down the viewport."""
        first, last = viewport_span(self, self._filled, top, bottom)
        return self.paragraph_at(first), self.paragraph_at(last)

    def _apply_marks(self, force: bool = False) -> None:
        """Draw the marks of the layers that changed; `force`: of every layer."""
        # A text with more than a few marks (the unaligned sentences of a huge page, hundreds
        # of highlights) has only those near the viewport drawn, again as it scrolls out of
        # what is drawn: Qt lays out the text under every selection it is given, which held
        # the window for seconds (issue 12), and building them all made opening slow (14).
        layers = self._layers
        if force:
            layers.stale.update(LAYERS)
        few = layers.count() <= FEW_MARKS
        if not self._filled or (few and not layers.stale):
            return
        drawn, near = layers.drawn, None  # None: all of them
        if not few:
            seen = self._text_between(0, 1)
            inside = drawn is not None and drawn[0] <= seen[0] and seen[1] <= drawn[1]
            near = drawn if inside else self._text_between(-0.5, 1)
        if near != drawn:
            layers.stale.update(LAYERS)
        if not layers.stale:
            return
        layers.drawn = near
        formats: dict[MarkStyle, QTextCharFormat] = {}
        for layer in layers.stale:
            # One lookup of each paragraph's block position and room per layer.
            span = functools.partial(qt_span, self, self._blocks, (self._filled, self._fill_end),
                                     cache={})
            layers.selections[layer] = selections_of(
                layers.touching(layer, near), self.document(), self.palette(), formats, span)
        layers.stale.clear()
        self.setExtraSelections([selection for layer in LAYERS
                                 for selection in layers.selections.get(layer, ())])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange and self._text_font is not None:
            # A restyle (a theme change) re-resolves the widget font; keep the reading size
            # and the paragraph at the top, which a relayout at another size would move.
            position = self.position()
            super().changeEvent(event)
            if self.document().defaultFont() != self._text_font:
                self.document().setDefaultFont(self._text_font)
                self._apply_margins()
            self.scroll_to_position(*position)
            return
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_marks(force=True)  # the marks' colours are blends of the theme's

    # Pointing ------------------------------------------------------------------------------
    def text_position(self, point: QPoint) -> tuple[int, int] | None:
        """(paragraph, offset) of the character at a viewport point; None off the text."""
        return text_position(self, point, self._filled, self.paragraph_at)

    def selection_ranges(self) -> list[TextRange]:
        """The selected text as core ranges, one per paragraph it touches."""
        return selection_ranges(self, self.pane, self.paragraph_at)

    def range_span(self, paragraph: int, start: int, end: int) -> tuple[float, float] | None:
        """Document y of the top of a range's first line and the bottom of its last line."""
        return range_span(self, self._blocks, self._filled, paragraph, start, end)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            found = self.text_position(event.position().toPoint())
            self.pointed.emit(*(found or (-1, -1)))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            found = self.text_position(event.position().toPoint())
            if found is not None:
                self.clicked.emit(*found)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        super().leaveEvent(event)
        self.pointed.emit(-1, -1)

    # Painting ------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.paragraph_count():
            right = self.document().rootFrame().frameFormat().leftMargin() - self._gutter * 0.35
            paint_numbers(self, event.rect(), right, functools.partial(block_rect, self),
                          functools.partial(block_at_y, self, self._filled), self._number_of)

    def _number_of(self, block: int) -> str:
        """The paragraph number a block starts, "" for a later block of a split paragraph."""
        piece = self._blocks.piece(block) if block < self._filled else None
        return str(piece.paragraph + 1) if piece is not None and piece.start == 0 else ""
