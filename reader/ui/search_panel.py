"""The search field and its live results, with snippets highlighted in both languages."""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from reader.core.session.search import SearchSession
from reader.ui.clear_button import ClearButtonTint
from reader.ui.plain_text import plain_label

DEBOUNCE_MS = 180
_TAGS = re.compile(r"<[^>]+>")
AnyIndex = QModelIndex | QPersistentModelIndex


def hit_html(hit: Any) -> str:
    """One result as rich text: title, date, then a snippet per language."""
    date = html.escape(hit.date_text)
    lines = [f"<b>{html.escape(hit.title)}</b>"
             + (f" <span style='color:gray'>— {date}</span>" if date else "")]
    for language, snippet in hit.snippets.items():
        lines.append(f"<span style='color:gray'>{html.escape(language)}</span> "
                     f"{snippet}")  # the index escapes snippets and marks matches <b>
    spellings = getattr(hit, "spellings", ())
    if spellings:  # page text: escaped, shown as written
        lines.append(f"<span style='color:gray'>{html.escape('; '.join(spellings))}</span>")
    return "<br>".join(lines)


class SearchResultsModel(QAbstractListModel):
    """Mirrors the session's hits as rows of rich text."""

    def __init__(self, session: SearchSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._rows: list[Any] = []
        session.changed.connect(self._on_session_changed)

    def _on_session_changed(self, aspect: str) -> None:
        if aspect == "results":
            self.beginResetModel()
            self._rows = list(self._session.results.hits)
            self.endResetModel()

    def hit(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        hit = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit_html(hit)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            plain = _TAGS.sub("", " ".join(hit.snippets.values()))
            spellings = "; ".join(getattr(hit, "spellings", ()))
            return f"{hit.title}. {html.unescape(plain)}" + (f" {spellings}." if spellings else "")
        return None


class SearchPanel(QWidget):
    """A search field with live, debounced results; errors show inline under the field."""

    query_changed = Signal(str)  # after the user paused typing
    hit_activated = Signal(int)  # a row of the session's hits

    def __init__(self, session: SearchSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.field = QLineEdit(self)
        self.field.setPlaceholderText('Search…  Сеул, "38th parallel", type:Telegram')
        ClearButtonTint(self.field)  # a clear button that shows in either theme
        self.field.setAccessibleName("Search the library")
        self.spelling_action = QAction("Match names in every spelling", self.field)
        self.spelling_action.setCheckable(True)
        self.spelling_action.setChecked(session.spelling)
        self.spelling_action.setToolTip("Khrushchev also finds Хрущёв and Chruschtschow; "
                                        "write =Khrushchev for one word as typed")  # fmt: skip
        self.spelling_action.toggled.connect(session.set_spelling)
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.field.customContextMenuRequested.connect(self._show_field_menu)
        self.error = plain_label(parent=self)  # it quotes the query
        self.error.setAccessibleName("Search problem")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        self.status = QLabel(self)
        self.status.setAccessibleName("Search status")
        self.results = QListView(self)
        self.results.setAccessibleName("Search results")
        self.model = SearchResultsModel(session, self)
        self.results.setModel(self.model)
        self._delegate: QObject | None = None  # made with the first results
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.activated.connect(lambda index: self.hit_activated.emit(index.row()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.field, self.error, self.status, self.results):
            layout.addWidget(widget)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.field.textChanged.connect(lambda _text: self._debounce.start())
        self.field.returnPressed.connect(self._on_return_pressed)
        self.field.installEventFilter(self)
        self.setFocusProxy(self.field)
        session.changed.connect(self._on_session_changed)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
        # Down from the field moves into the results, as in every search box users know.
        if (watched is self.field and isinstance(event, QKeyEvent)
                and event.type() == QKeyEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down and self.model.rowCount()):
            self.results.setFocus()
            self.results.setCurrentIndex(self.model.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    def field_menu(self) -> QMenu:
        """The field's own edit menu, with the spelling switch below it."""
        menu = self.field.createStandardContextMenu()
        menu.addSeparator()
        menu.addAction(self.spelling_action)
        return menu

    def _show_field_menu(self, position: Any) -> None:
        menu = self.field_menu()
        menu.exec(self.field.mapToGlobal(position))
        menu.deleteLater()

    def _on_debounce_timeout(self) -> None:
        self.query_changed.emit(self.field.text())

    def _on_return_pressed(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self.query_changed.emit(self.field.text())
        elif self.model.rowCount():
            self.hit_activated.emit(max(self.results.currentIndex().row(), 0))

    def _on_session_changed(self, aspect: str) -> None:
        if aspect == "spelling":
            self.spelling_action.setChecked(self._session.spelling)
            return
        if aspect != "results":
            return
        if self._delegate is None:
            from reader.ui.rich_text_delegate import RichTextDelegate  # see its docstring

            self._delegate = RichTextDelegate(self.results)
            self.results.setItemDelegate(self._delegate)
        results = self._session.results
        self.error.setText(results.error)
        self.error.setVisible(bool(results.error))
        if results.error or not results.query.strip():
            self.status.setText("")
        else:
            count = len(results.hits)
            exact = "" if self._session.spelling else " (names as typed only)"
            self.status.setText(f"{count} result{'s' if count != 1 else ''}{exact}")
