"""The frame of a printed page: where the running header, the body and the footer go.

The header and footer say what `reader.core.export.furniture.Furniture` says, painted as
plain text (page text is data, never markup) in a small sans-serif, grey enough to read as
apparatus and dark enough for a monochrome laser printer.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPainter
from PySide6.QtPrintSupport import QPrinter

from reader.core.export.furniture import Furniture, page_label
from reader.ui.resources import SANS_FAMILY, SERIF_FAMILY, register_fonts

HEAD_POINT_SIZE = 7.5
HEAD_COLOUR = QColor("#555555")
CITATION_LINES = 3  # the footer's citation wraps to at most this many lines, then is elided


def ensure_fonts() -> None:
    """Register the bundled fonts unless the app has (a script, a test, a worker)."""
    # The app registers the bundled fonts at start-up; a PDF written without them (a script,
    # a test) would fall back to a font with no Cyrillic and print boxes.
    if SERIF_FAMILY not in QFontDatabase.families():
        register_fonts()


class PageFrame:
    """Where the running header, the body and the footer go on a printer's page, and in what.

    Every page of a file has the same frame, so a text laid out once for the body pages
    the same whichever page it starts on.
    """

    def __init__(self, printer: QPrinter) -> None:
        ensure_fonts()
        self.page = printer.pageRect(QPrinter.Unit.DevicePixel)
        self.font = QFont(SANS_FAMILY)
        self.font.setPointSizeF(HEAD_POINT_SIZE)
        self.metrics = QFontMetricsF(self.font, printer)
        line = self.metrics.lineSpacing()
        self.head = line * 2.2  # the header's line, its rule and breathing room
        self.foot = line * (CITATION_LINES + 1) + line * 1.2
        self.width = self.page.width()
        self.body = QSizeF(self.width, self.page.height() - self.head - self.foot)

    def paint(self, painter: QPainter, furniture: Furniture, number: int, pages: int) -> None:
        """Paint the header and footer of page `number` (1-based) of `pages`, as plain text."""
        metrics, width, line = self.metrics, self.width, self.metrics.lineSpacing()
        painter.save()
        painter.setFont(self.font)
        painter.setPen(HEAD_COLOUR)
        ascent = metrics.ascent()
        date_width = metrics.horizontalAdvance(furniture.date) if furniture.date else 0.0
        title = metrics.elidedText(
            furniture.short_title, Qt.TextElideMode.ElideRight, width - date_width - line * 2
        )
        painter.drawText(QPointF(0, ascent), title)
        if furniture.date:
            painter.drawText(QPointF(width - date_width, ascent), furniture.date)
        rule = line * 1.4
        painter.drawLine(QLineF(0, rule, width, rule))
        top = self.page.height() - self.foot + line * 0.6
        painter.drawLine(QLineF(0, top, width, top))
        y = top + line * 0.4
        for text in fit_lines(metrics, furniture.citation, width, CITATION_LINES):
            painter.drawText(QPointF(0, y + ascent), text)
            y += line
        bottom = self.page.height() - line + ascent
        painter.drawText(QPointF(0, bottom), furniture.record_label())
        label = page_label(number, pages)
        painter.drawText(QPointF(width - metrics.horizontalAdvance(label), bottom), label)
        painter.restore()


def fit_lines(metrics: QFontMetricsF, text: str, width: float, most: int) -> list[str]:
    """`text` wrapped at words into at most `most` lines of `width`; the last one elided."""
    words = text.split()
    lines: list[str] = []
    line = ""
    for index, word in enumerate(words):
        candidate = f"{line} {word}" if line else word
        if not line or metrics.horizontalAdvance(candidate) <= width:
            line = candidate
            continue
        lines.append(line)
        if len(lines) == most - 1:
            line = " ".join(words[index:])
            break
        line = word
    if line:
        lines.append(line)
    return [metrics.elidedText(text, Qt.TextElideMode.ElideRight, width) for text in lines]


