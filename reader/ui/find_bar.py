"""The find-in-document bar (Ctrl+F): a field and a count, under the split view."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from reader.core.session.search import SearchSession


class FindBar(QWidget):
    """Asks for text to find in the open document and shows "3 of 12" from the session."""

    text_changed = Signal(str)
    next_requested = Signal()

    def __init__(self, session: SearchSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in this document…")
        self.field.setAccessibleName("Find in document")
        self.field.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setAccessibleName("Find result count")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        self.field.textChanged.connect(self.text_changed)
        self.field.returnPressed.connect(self.next_requested)
        self.setFocusProxy(self.field)
        session.changed.connect(self._on_session_changed)
        self.hide()

    def open(self) -> None:
        """Show the bar with its text selected, ready to type over."""
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def _on_session_changed(self, aspect: str) -> None:
        if aspect not in ("matches", "current") or not self.isVisible():
            return
        total = len(self._session.matches)
        if not self.field.text():
            self.count.setText("")
        elif total == 0:
            self.count.setText("not found")
        else:
            self.count.setText(f"{self._session.current + 1} of {total}")
