"""Paints a search hit's rich text in a list, so matched words can be bold inside it.

Apart from the search panel: its Qt classes (styles, style options) are not needed before the
first search has results, and bringing them in cost the first frame about 10 ms.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QPainter, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

AnyIndex = QModelIndex | QPersistentModelIndex


class RichTextDelegate(QStyledItemDelegate):
    """Paints an item's HTML, so matched words can be bold inside the list."""

    def _document(self, option: QStyleOptionViewItem, index: AnyIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data()))
        document.setTextWidth(max(option.rect.width() - 8, 50))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text_free = QStyleOptionViewItem(option)
        text_free.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_free, painter,
                              option.widget)
        document = self._document(option, index)
        painter.save()
        rect = option.rect
        painter.translate(rect.left() + 4, rect.top() + 4)
        document.drawContents(painter, QRectF(0, 0, rect.width() - 8, rect.height() - 8))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        self.initStyleOption(option, index)
        document = self._document(option, index)
        return QSize(int(document.idealWidth()) + 8, int(document.size().height()) + 8)
