"""Page, file and config text on screen as text, never as markup.

Qt guesses from a string's content whether a QLabel (by default) or any tooltip is rich text:
a title or a Source holding `<img src="file:///...">` would then open that file, and `<b>`
would turn bold. Every widget that shows such text goes through these two helpers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiNamespace  # convertFromPlainText lives in QtGui
from PySide6.QtWidgets import QLabel, QWidget


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally (escaped, its line breaks kept); "" for none.

    Args:
        text: page, file or config text.

    Returns:
        Markup whose rendering is exactly `text`.
    """
    return QtGuiNamespace.convertFromPlainText(text) if text else ""


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows its text literally, whatever it holds.

    Args:
        text: the first text.
        parent: the parent widget.

    Returns:
        The label, its text format fixed to plain text.
    """
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
