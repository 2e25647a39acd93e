"""Paragraph numbers painted in a text pane's left margin, never written into its text.

Painted rather than written, so a selection copies the text alone; a quiet grey in the theme's
colours, in a sans face a little smaller than the text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QTextBlock
from PySide6.QtWidgets import QTextEdit

from reader.ui.mark_styles import blend


def paint_numbers(
    pane: QTextEdit,
    visible: QRect,
    right: float,
    block_rect: Callable[[QTextBlock], QRectF],
    block_at_y: Callable[[float], QTextBlock],
    number_of: Callable[[int], str],
) -> None:
    """Paint the number of each paragraph that starts in `visible`, ending at x = `right`.

    Args:
        pane: the text edit whose viewport is painted.
        visible: the viewport rectangle being painted.
        right: where the numbers end, in viewport x.
        block_rect: a block's rectangle in document coordinates.
        block_at_y: the block at a document y (`pane_geometry.block_at_y`).
        number_of: a block's label by block number ("" for none).
    """
    painter = QPainter(pane.viewport())
    text_font = pane.document().defaultFont()
    number_font = QFont(text_font)
    number_font.setFamilies(["DejaVu Sans", "Sans Serif"])
    number_font.setPointSizeF(max(text_font.pointSizeF() * 0.68, 6.0))
    painter.setFont(number_font)
    metrics = QFontMetricsF(number_font)
    palette = pane.palette()
    painter.setPen(blend(palette.color(QPalette.ColorRole.Text),
                         palette.color(QPalette.ColorRole.Base), 0.6))
    offset = pane.verticalScrollBar().value()
    block = block_at_y(visible.top() + offset)
    block = block.previous() if block.previous().isValid() else block
    while block.isValid():
        rect = block_rect(block).translated(0, -offset)
        if rect.top() > visible.bottom():
            break
        line = block.layout().lineAt(0) if block.layout().lineCount() else None
        label = number_of(block.blockNumber())
        if line is not None and label:
            baseline = rect.top() + line.y() + line.ascent()
            painter.drawText(QPointF(right - metrics.horizontalAdvance(label), baseline), label)
        block = block.next()
    painter.end()
