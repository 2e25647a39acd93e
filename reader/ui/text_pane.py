"""TextPane: one read-only text of the split view, paragraph numbers painted in its margin."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QFrame, QTextEdit, QWidget

from reader.core.document import Text
from reader.core.text.editorial import editorial_spans
from reader.core.text_range import Pane, TextRange
from reader.ui.mark_styles import LAYERS, MarkStyle, blend, mark_format

LINE_SEPARATOR = "\u2028"  # keeps a page's own line breaks inside one paragraph (one block)
PARAGRAPH_SEPARATOR = "\u2029"
# Characters Qt would start a new block (or frame) at; one for one, so core offsets stay valid.
_BLOCK_BREAKS = str.maketrans(dict.fromkeys("\n\r\u2029\ufdd0\ufdd1", LINE_SEPARATOR))
MEASURE_CHARS = 72  # the longest line we let a text run, in average characters
LINE_HEIGHT_PERCENT = 145
Mark = tuple[int, int, int, MarkStyle]  # paragraph, start, end, how it looks
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _utf16_length(text: str) -> int:
    """Qt counts positions in UTF-16 units: a character beyond U+FFFF takes two."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


@functools.lru_cache(maxsize=64)
def _astral(paragraph: str) -> tuple[int, ...]:
    """Where a paragraph's characters beyond U+FFFF are (mostly nowhere), read once."""
    return () if paragraph.isascii() else tuple(
        m.start() for m in _ASTRAL.finditer(paragraph)
    )  # fmt: skip


def _qt_offset(paragraph: str, offset: int) -> int:
    """The Qt position within a block of a core (code point) offset into its paragraph."""
    # Counted from the cached astral positions: encoding the paragraph's start for every
    # mark made marking a paragraph of megabytes take seconds (issue 12).
    return offset + bisect.bisect_left(_astral(paragraph), offset)


def _core_offset(paragraph: str, position: int) -> int:
    """The core offset of a Qt position within a block (the inverse of `_qt_offset`)."""
    if not _astral(paragraph):
        return position
    units = 0
    for index, ch in enumerate(paragraph):
        if units >= position:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(paragraph)


class TextPane(QTextEdit):
    """A read-only text, one block per paragraph, so block numbers are paragraph numbers.

    Numbers are painted in the left margin rather than written into the document, so a
    selection copies the text alone.
    """

    focus_received = Signal()
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
        self._marks: dict[str, list[Mark]] = {layer: [] for layer in LAYERS}
        # Each layer's selections as last built: setting one layer leaves the others' be
        # (hundreds of highlights are not rebuilt because the sentence cursor moved).
        self._selections: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._gutter = 0.0
        self._paragraphs: tuple[str, ...] = ()
        self._text_font: QFont | None = None  # set by the split view; see set_text_font
        self.viewport().setMouseTracking(True)  # for `pointed`, with no button held

    # Content -------------------------------------------------------------------------------
    def set_text(self, text: Text | None) -> None:
        """Show the paragraphs of `text` (None empties the pane), apparatus styled quietly."""
        document = self.document()
        document.clear()
        self._marks = {layer: [] for layer in LAYERS}
        self._selections = {}
        self.setExtraSelections([])
        # Core offsets count code points, Qt's UTF-16 units; the texts convert between them.
        self._paragraphs = text.paragraphs if text is not None else ()
        if text is None:
            return
        muted = blend(self.palette().color(QPalette.ColorRole.Text),
                      self.palette().color(QPalette.ColorRole.Base), 0.45)
        plain = QTextCharFormat()
        apparatus = QTextCharFormat()
        apparatus.setForeground(muted)
        apparatus.setFontItalic(True)
        # Margins and paragraph spacing go in before the text, so the text is laid out once.
        self._apply_margins()
        block_format = QTextBlockFormat()
        block_format.setLineHeight(
            LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        block_format.setBottomMargin(self._paragraph_spacing())
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        cursor.setBlockFormat(block_format)
        # One insertion for the whole text (Qt starts a block at each paragraph separator,
        # in the cursor's block format), then the few apparatus spans: a Python call per
        # paragraph and span was most of the time a long page took to open.
        shown = [paragraph.translate(_BLOCK_BREAKS) for paragraph in text.paragraphs]
        cursor.insertText(PARAGRAPH_SEPARATOR.join(shown), plain)
        start = 0
        for paragraph in text.paragraphs:
            for span in editorial_spans(paragraph):
                cursor.setPosition(start + _qt_offset(paragraph, span.start))
                cursor.setPosition(start + _qt_offset(paragraph, span.end),
                                   QTextCursor.MoveMode.KeepAnchor)  # fmt: skip
                cursor.setCharFormat(apparatus)
            start += _utf16_length(paragraph) + 1
        cursor.endEditBlock()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def paragraph_count(self) -> int:
        """Number of paragraphs shown (0 when the pane is empty)."""
        return 0 if self.document().isEmpty() else self.document().blockCount()

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
        block = self.document().begin()
        if block.blockFormat().bottomMargin() == spacing:
            return  # set_text spaced every paragraph alike; only a new font changes it
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        while block.isValid():
            block_format = block.blockFormat()
            cursor.setPosition(block.position())
            block_format.setBottomMargin(spacing)
            cursor.setBlockFormat(block_format)
            block = block.next()
        cursor.endEditBlock()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._apply_margins()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.focus_received.emit()

    def _block_rect(self, block: QTextBlock) -> QRectF:
        return self.document().documentLayout().blockBoundingRect(block)

    def paragraph_top(self, paragraph: int) -> float:
        """The document y of a paragraph's top, or 0.0 when there is no such paragraph."""
        block = self.document().findBlockByNumber(paragraph)
        return self._block_rect(block).top() if block.isValid() else 0.0

    def position(self) -> tuple[int, float]:
        """The paragraph at the top of the viewport and how far through it the top edge is."""
        count = self.paragraph_count()
        if not count:
            return 0, 0.0
        # The paragraph is found half a pixel down (scroll values are whole pixels, paragraph
        # tops are not), the fraction at the edge itself, so that `scroll_to_position` of a
        # position read here comes back to the very same pixel.
        edge = self.verticalScrollBar().value()
        y = edge + 0.5
        low, high = 0, count - 1
        while low < high:  # the last paragraph whose top is at or above y
            middle = (low + high + 1) // 2
            if self.paragraph_top(middle) <= y:
                low = middle
            else:
                high = middle - 1
        rect = self._block_rect(self.document().findBlockByNumber(low))
        if rect.height() <= 0 or edge <= rect.top():
            return low, 0.0
        return low, min((edge - rect.top()) / rect.height(), 1.0)

    def scroll_to_position(self, paragraph: int, fraction: float) -> None:
        """Scroll so the top edge stands `fraction` of the way through `paragraph`."""
        block = self.document().findBlockByNumber(paragraph)
        if not block.isValid():
            return
        rect = self._block_rect(block)
        target = rect.top() + fraction * rect.height()
        # The first paragraph at its top means the page top, margin included.
        if paragraph == 0 and fraction == 0.0:
            target = 0.0
        self.verticalScrollBar().setValue(round(target))

    def line_step(self) -> int:
        """Pixels one line of text takes, for line-wise scrolling."""
        metrics = QFontMetricsF(self.document().defaultFont())
        return max(round(metrics.lineSpacing() * LINE_HEIGHT_PERCENT / 100), 1)

    # Marks -------------------------------------------------------------------------------
    def set_marks(self, layer: str, marks: Sequence[Mark]) -> None:
        """Replace the marks of one layer (see `mark_styles.LAYERS`); the text is untouched."""
        self._marks[layer] = list(marks)
        self._selections.pop(layer, None)
        self._apply_marks()

    def marks(self, layer: str) -> list[tuple[int, int, int]]:
        """The (paragraph, start, end) ranges one layer marks."""
        return [mark[:3] for mark in self._marks[layer]]

    def mark_styles(self, layer: str) -> list[MarkStyle]:
        """The styles of one layer's marks, in the order of `marks`."""
        return [mark[3] for mark in self._marks[layer]]

    def set_highlights(self, ranges: Sequence[tuple[int, int, int]],
                       current: tuple[int, int, int] | None = None) -> None:
        """Mark (paragraph, start, end) ranges as search hits, `current` apart from the rest."""
        self.set_marks("search", [(p, start, end, "current" if (p, start, end) == current
                                   else "search") for p, start, end in ranges])  # fmt: skip

    def highlights(self) -> list[tuple[int, int, int]]:
        """The search hits currently marked."""
        return self.marks("search")

    def _apply_marks(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        for layer in LAYERS:
            if layer not in self._selections:
                self._selections[layer] = self._build_selections(self._marks[layer])
            selections += self._selections[layer]
        self.setExtraSelections(selections)

    def _build_selections(self, marks: Sequence[Mark]) -> list[QTextEdit.ExtraSelection]:
        palette = self.palette()
        document = self.document()
        formats: dict[MarkStyle, QTextCharFormat] = {}
        blocks: dict[int, tuple[int, int]] = {}  # paragraph: (position, length), looked up once
        cursor = QTextCursor(document)  # one cursor, copied into each selection
        selections: list[QTextEdit.ExtraSelection] = []
        for paragraph, start, end, style in marks:
            if paragraph not in blocks:
                block = document.findBlockByNumber(paragraph)
                blocks[paragraph] = (block.position(), block.length() - 1) if block.isValid() \
                    else (-1, 0)
            position, length = blocks[paragraph]
            if position < 0:
                continue
            first, last = self._qt_range(paragraph, start, end)
            cursor.setPosition(position + min(max(first, 0), length))
            cursor.setPosition(position + min(max(last, 0), length),
                               QTextCursor.MoveMode.KeepAnchor)
            if style not in formats:
                formats[style] = mark_format(style, palette)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = formats[style]
            selections.append(selection)
        return selections

    def _qt_range(self, paragraph: int, start: int, end: int) -> tuple[int, int]:
        if not 0 <= paragraph < len(self._paragraphs):
            return start, end
        text = self._paragraphs[paragraph]
        return _qt_offset(text, max(start, 0)), _qt_offset(text, max(end, 0))

    def _core_position(self, paragraph: int, position: int) -> int:
        if not 0 <= paragraph < len(self._paragraphs):
            return position
        return _core_offset(self._paragraphs[paragraph], position)

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
            self._selections = {}
            self._apply_marks()  # the marks' colours are blends of the theme's

    # Pointing ------------------------------------------------------------------------------
    def text_position(self, point: QPoint) -> tuple[int, int] | None:
        """(paragraph, offset) of the character at a viewport point; None off the text."""
        at = QPointF(point.x() + self.horizontalScrollBar().value(),
                     point.y() + self.verticalScrollBar().value())
        position = self.document().documentLayout().hitTest(at, Qt.HitTestAccuracy.ExactHit)
        if position < 0:
            return None
        block = self.document().findBlock(position)
        number = block.blockNumber()
        return number, self._core_position(number, position - block.position())

    def selection_ranges(self) -> list[TextRange]:
        """The selected text as core ranges, one per paragraph it touches."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return []
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        ranges = []
        block = self.document().findBlock(start)
        while block.isValid() and block.position() < end:
            first = max(start - block.position(), 0)
            last = min(end - block.position(), block.length() - 1)
            if last > first:
                number = block.blockNumber()
                ranges.append(TextRange(self.pane, number, self._core_position(number, first),
                                        self._core_position(number, last)))  # fmt: skip
            block = block.next()
        return ranges

    def core_position(self, paragraph: int, position: int) -> int:
        """The core offset of a Qt position within paragraph `paragraph`'s block."""
        return self._core_position(paragraph, position)

    def qt_position(self, paragraph: int, offset: int) -> int:
        """The document position of a core offset into `paragraph` (clamped to the block)."""
        block = self.document().findBlockByNumber(paragraph)
        qt = self._qt_range(paragraph, offset, offset)[0]
        return block.position() + min(max(qt, 0), max(block.length() - 1, 0))

    def range_span(self, paragraph: int, start: int, end: int) -> tuple[float, float] | None:
        """Document y of the top of a range's first line and the bottom of its last line."""
        block = self.document().findBlockByNumber(paragraph)
        if not block.isValid():
            return None
        top = self._block_rect(block).top()  # also lays the block out
        layout = block.layout()
        length = max(block.length() - 1, 0)
        start, end = self._qt_range(paragraph, start, end)
        first = layout.lineForTextPosition(min(max(start, 0), length))
        last = layout.lineForTextPosition(min(max(end - 1, start, 0), length))
        if not first.isValid() or not last.isValid():
            rect = self._block_rect(block)
            return rect.top(), rect.bottom()
        return top + first.y(), top + last.y() + last.height()

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
        if not self.paragraph_count():
            return
        painter = QPainter(self.viewport())
        text_font = self.document().defaultFont()
        number_font = QFont(text_font)
        number_font.setFamilies(["DejaVu Sans", "Sans Serif"])
        number_font.setPointSizeF(max(text_font.pointSizeF() * 0.68, 6.0))
        painter.setFont(number_font)
        number_metrics = QFontMetricsF(number_font)
        palette = self.palette()
        painter.setPen(blend(palette.color(QPalette.ColorRole.Text),
                             palette.color(QPalette.ColorRole.Base), 0.6))
        offset = self.verticalScrollBar().value()
        right = self.document().rootFrame().frameFormat().leftMargin() - self._gutter * 0.35
        visible = event.rect()
        block = self.cursorForPosition(visible.topLeft()).block()
        block = block.previous() if block.previous().isValid() else block
        while block.isValid():
            rect = self._block_rect(block).translated(0, -offset)
            if rect.top() > visible.bottom():
                break
            line = block.layout().lineAt(0) if block.layout().lineCount() else None
            if line is not None:
                baseline = rect.top() + line.y() + line.ascent()
                label = str(block.blockNumber() + 1)
                x = right - number_metrics.horizontalAdvance(label)
                painter.drawText(QPointF(x, baseline), label)
            block = block.next()
        painter.end()
