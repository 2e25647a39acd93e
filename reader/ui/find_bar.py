"""The find-in-document bar (Ctrl+F): a field, a count and a close button, under the split view."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QStyle, QToolButton, QWidget

from reader.core.session.search import SearchSession
from reader.ui.clear_button import ClearButtonTint


class FindBar(QWidget):
    """Asks for text to find in the open document and shows "3 of 12" from the session."""

    text_changed = Signal(str)
    next_requested = Signal()
    closed = Signal()  # hidden by Escape or its close button

    def __init__(self, session: SearchSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in this document…")
        self.field.setAccessibleName("Find in document")
        ClearButtonTint(self.field)  # a clear button that shows in either theme
        self.count = QLabel(self)
        self.count.setAccessibleName("Find result count")
        self.close_button = QToolButton(self)
        self.close_button.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName("Close the find bar")
        self.close_button.setToolTip("Close (Escape)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.close_button)
        self.field.textChanged.connect(self.text_changed)
        self.field.returnPressed.connect(self.next_requested)
        self.close_button.clicked.connect(self.dismiss)
        self.setFocusProxy(self.field)
        session.changed.connect(self._on_session_changed)
        self.hide()

    def open(self) -> None:
        """Show the bar with its text selected, ready to type over."""
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        if self.field.text():
            self.text_changed.emit(self.field.text())  # its matches went when it closed

    def dismiss(self) -> None:
        """Hide the bar (Escape, or its close button); `closed` says so. Hidden: nothing."""
        if self.isVisible():
            # Told first, so the focus goes where the listener puts it: hiding the focused
            # field would hand it to the next widget in the chain, a pane the reader left.
            self.closed.emit()
            self.hide()
            self.count.setText("")

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
