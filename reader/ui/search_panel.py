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
from reader.ui.search_scope import SearchScopeMenu

DEBOUNCE_MS = 180
_TAGS = re.compile(r"<[^>]+>")
AnyIndex = QModelIndex | QPersistentModelIndex


_GREY = "<span style='color:gray'>{}</span>"


def _marked(text: str, marks: Any = ()) -> str:
    """Page text as rich text: escaped, its matched words bold, white space as one space."""
    pieces, cursor = [], 0
    for start, end in marks:
        pieces.append(html.escape(text[cursor:start]))
        pieces.append(f"<b>{html.escape(text[start:end])}</b>")
        cursor = end
    pieces.append(html.escape(text[cursor:]))
    return " ".join("".join(pieces).split())


def hit_lines(hit: Any) -> list[tuple[str, str]]:
    """A result's lines after its title, as (label, rich text) pairs.

    With a matched sentence (`hit.pair`): that sentence, then its counterpart in the other
    language, marked "≈" when it is estimated; else a snippet per language (metadata hits).
    A note the reader wrote that matched comes next, then the names matched in another
    spelling ("Хрущёв, for Khrushchev").
    """
    pair = getattr(hit, "pair", None)
    lines: list[tuple[str, str]] = []
    if pair is None:
        lines = [(language, snippet) for language, snippet in hit.snippets.items()
                 if language != "note"]  # the index escapes snippets and marks matches <b>
    else:
        lines.append((pair.matched.language, _marked(pair.matched.text, pair.matched.marks)))
        if pair.counterpart is not None:
            lines.append((pair.counterpart_label(), _marked(pair.counterpart.text)))
        elif pair.how == "unaligned":
            lines.append(("", "<i>no counterpart: the alignment pairs this sentence with "
                              "nothing</i>"))
    if "note" in hit.snippets:
        lines.append(("note", hit.snippets["note"]))  # escaped as every snippet is
    spellings = getattr(hit, "spellings", ())
    if spellings:  # page text: escaped, shown as written
        lines.append(("", html.escape("; ".join(spellings))))
    return lines


def hit_html(hit: Any) -> str:
    """One result as rich text: title, date, then its lines (see `hit_lines`)."""
    date = html.escape(hit.date_text)
    lines = [f"<b>{html.escape(hit.title)}</b>" + (" " + _GREY.format(f"— {date}") if date else "")]
    for label, text in hit_lines(hit):
        lines.append((_GREY.format(html.escape(label)) + " " if label else "") + text)
    return "<br>".join(lines)


def hit_plain(hit: Any) -> str:
    """One result as plain text, for assistive tools: title, then each line with its label."""
    lines = [hit.title]
    for label, text in hit_lines(hit):
        plain = html.unescape(_TAGS.sub("", text))
        lines.append(f"{label}: {plain}" if label else plain)
    return ". ".join(lines)


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
            return hit_plain(hit)
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
        self.scope = SearchScopeMenu(session, self.field)
        self.spelling_action = QAction("Match names in every &spelling", self.field)
        self.spelling_action.setCheckable(True)
        self.spelling_action.setChecked(session.spelling)
        self.spelling_action.setToolTip("Khrushchev also finds Хрущёв and Chruschtschow; "
                                        "write =Khrushchev for one word as typed")  # fmt: skip
        self.spelling_action.toggled.connect(session.set_spelling)
        self.scope.menu.addSeparator()
        self.scope.menu.addAction(self.spelling_action)
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
        self.field.textChanged.connect(self._on_text_changed)
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

    def _on_text_changed(self, text: str) -> None:
        self._session.edit(text)
        self._debounce.start()

    def field_menu(self) -> QMenu:
        """The field's menu: where to search, annotated only, names in every spelling."""
        return self.scope.menu

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
        if aspect == "draft" and self.field.text() != self._session.draft:
            self.field.setText(self._session.draft)  # asked after the pause, as if typed
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
