"""What Qt puts on screen for a string: rich text is rendered as Qt would, plain text as is."""

from __future__ import annotations

from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextDocument


def as_shown(markup: str, rich: bool | None = None) -> tuple[str, int]:
    """The text a tooltip (or a label of `rich` format) shows, and how many images it holds.

    Qt reads a tooltip as rich text when `mightBeRichText` says so; `rich` forces the choice.
    """
    if not (QtGuiNamespace.mightBeRichText(markup) if rich is None else rich):
        return markup, 0
    document = QTextDocument()
    document.setHtml(markup)
    images = 0
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            if iterator.fragment().charFormat().isImageFormat():
                images += 1
            iterator += 1
        block = block.next()
    return document.toPlainText(), images
