"""NoteEditor: the note and tags of one highlight, written beside the text.

Ctrl+Return saves (the "save-note" command), Escape cancels (the key dispatcher calls
`dismiss` on the nearest widget that has one); neither is a shortcut of this widget.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.model import Annotation
from reader.ui.plain_text import plain_label


class NoteEditor(QWidget):
    """Edits one annotation's note (plain, multi-line) and tags; says when to save or cancel."""

    saved = Signal(str, str, list)  # annotation id, note, tags
    closed = Signal()  # saved or cancelled: the keyboard goes back to the text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Note editor")
        self.annotation_id = ""
        self.heading = plain_label("", self)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Highlight being annotated")
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Your note (Ctrl+Return saves, Escape cancels)")
        self.note.setTabChangesFocus(True)
        self.tags = QLineEdit(self)
        self.tags.setAccessibleName("Tags")
        self.tags.setPlaceholderText("Tags, separated by commas")
        self.save_button = QPushButton("Save", self)
        self.save_button.setAccessibleName("Save note")
        self.save_button.setToolTip("Save (Ctrl+Return)")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Cancel note")
        self.cancel_button.setToolTip("Cancel (Escape)")
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.dismiss)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.tags)
        layout.addLayout(buttons)
        self.hide()

    def open(self, annotation: Annotation, heading: str) -> None:
        """Show `annotation`'s note and tags for editing, the note field focused."""
        self.annotation_id = annotation.id
        self.heading.setText(heading)
        self.note.setPlainText(annotation.note)
        self.tags.setText(", ".join(annotation.tags))
        self.show()
        self.note.setFocus()
        self.note.moveCursor(self.note.textCursor().MoveOperation.End)

    @property
    def editing(self) -> bool:
        """Whether a note is open for editing."""
        return self.isVisible() and bool(self.annotation_id)

    def save(self) -> None:
        """Ask to store what was written, and close."""
        if not self.annotation_id:
            return
        tags = [tag.strip() for tag in self.tags.text().split(",") if tag.strip()]
        annotation_id, self.annotation_id = self.annotation_id, ""
        self.hide()
        self.saved.emit(annotation_id, self.note.toPlainText(), tags)
        self.closed.emit()

    def dismiss(self) -> None:
        """Close without saving (Escape)."""
        self.annotation_id = ""
        self.hide()
        self.closed.emit()
