"""The archive browser: the library as archivists arranged it, archive → fond → opis → delo.

Mirrors `Browsing`: a tree view over its arrangement, with a count per level and each document
under its delo with its folios. Return (or a double click) on a document opens it, as the
document list does. Everything shown is plain text (QStandardItem never reads markup).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QVBoxLayout, QWidget

from reader.core.provenance.arrangement import Node, Placement
from reader.core.session.browsing import Browsing
from reader.core.wording import plural
from reader.ui.plain_text import plain_tooltip

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # a document row's id
PATH_ROLE = Qt.ItemDataRole.UserRole + 2  # a level row's keys from the archive down
UNCITED = "Without an archival citation"
REFRESH_MS = 1000


def _row(text: str, count: str = "") -> list[QStandardItem]:
    items = [QStandardItem(text), QStandardItem(count)]
    for item in items:
        item.setEditable(False)
    items[1].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return items


class ArchiveBrowser(QWidget):
    """A tree of archives, fonds, opisi and delos; says which document the user opened."""

    document_activated = Signal(str)

    def __init__(self, browsing: Browsing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._browsing = browsing
        self._stale = True
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(["Archive, fond, opis, delo", "Documents"])
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setAccessibleName("Archive arrangement")
        self.tree.setUniformRowHeights(True)  # 50,000 rows lay out without measuring each
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setExpandsOnDoubleClick(False)  # activation toggles levels, once
        self.tree.activated.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.setFocusProxy(self.tree)
        # While an index builds, entries come several times a second: the shown tree is
        # rebuilt at most every REFRESH_MS, not per batch.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh_if_shown)
        browsing.changed.connect(self._on_browsing_changed)

    def _on_browsing_changed(self, _: None) -> None:
        self._stale = True
        if self.isVisible() and not self._timer.isActive():
            self._timer.start()

    def _refresh_if_shown(self) -> None:
        if self.isVisible() and self._stale:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:  # built when first looked at, not while hidden in a dock
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the rows from the arrangement, keeping what was expanded and current."""
        expanded = {path for path in self._paths() if self.tree.isExpanded(self._index(path))}
        current = self.tree.currentIndex()
        current_path = current.data(PATH_ROLE) or current.data(ID_ROLE)
        arrangement = self._browsing.arrangement
        self._stale = False
        self.model.removeRows(0, self.model.rowCount())
        root = self.model.invisibleRootItem()
        for archive in arrangement.archives:
            self._add_node(root, archive, ())
        if arrangement.uncited:
            row = _row(UNCITED, str(len(arrangement.uncited)))
            row[0].setData((UNCITED,), PATH_ROLE)
            row[0].setToolTip(plain_tooltip(
                f"{plural(len(arrangement.uncited), 'document')} cite no archive the "
                "arrangement can place (a publication, or no source)"))
            for doc_id, title in arrangement.uncited:
                row[0].appendRow(self._document_row(doc_id, title, ""))
            root.appendRow(row)
        for path in expanded:
            index = self._index(path)
            if index.isValid():
                self.tree.setExpanded(index, True)
        if current_path:
            index = self._index(current_path) if isinstance(current_path, tuple) else (
                self.index_of_document(current_path))
            if index.isValid():
                self.tree.setCurrentIndex(index)

    def _add_node(self, parent: QStandardItem, node: Node, path: tuple[str, ...]) -> None:
        text = node.label
        if node.name_original:
            text += f" — {node.name_original}"  # the archive's own name beside it
        row = _row(text, str(node.count))
        here = (*path, node.key)
        row[0].setData(here, PATH_ROLE)
        row[0].setToolTip(plain_tooltip(text))
        for child in node.children:
            self._add_node(row[0], child, here)
        for placement in node.documents:
            row[0].appendRow(self._placement_row(placement))
        parent.appendRow(row)

    def _placement_row(self, placement: Placement) -> list[QStandardItem]:
        return self._document_row(placement.doc_id, placement.title, placement.locator.place)

    @staticmethod
    def _document_row(doc_id: str, title: str, place: str) -> list[QStandardItem]:
        text = " · ".join(part for part in (place, title or "(untitled)") if part)
        row = _row(text, "")
        row[0].setData(doc_id, ID_ROLE)
        row[0].setToolTip(plain_tooltip(f"{title}\n{doc_id}" + (f", {place}" if place else "")))
        return row

    def _paths(self) -> list[tuple[str, ...]]:
        found: list[tuple[str, ...]] = []
        stack = [self.model.invisibleRootItem()]
        while stack:
            item = stack.pop()
            for number in range(item.rowCount()):
                child = item.child(number)
                if child is not None and child.hasChildren():
                    found.append(child.data(PATH_ROLE))
                    stack.append(child)
        return found

    def _index(self, path: tuple[str, ...]) -> QModelIndex:
        """The row of a level by its keys from the archive down; invalid when it is gone."""
        item: QStandardItem | None = self.model.invisibleRootItem()
        for depth in range(1, len(path) + 1):
            assert item is not None
            parent = item
            item = next((child for number in range(parent.rowCount())
                         if (child := parent.child(number)) is not None
                         and child.data(PATH_ROLE) == path[:depth]), None)  # fmt: skip
            if item is None:
                return QModelIndex()
        return item.index() if item is not None else QModelIndex()

    def index_of_document(self, doc_id: str) -> QModelIndex:
        """The first row of a document (it has one per citation); invalid when not shown."""
        found = self.model.match(self.model.index(0, 0), ID_ROLE, doc_id, 1,
                                 Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return found[0] if found else QModelIndex()

    def _on_activated(self, index: QModelIndex) -> None:
        doc_id = index.siblingAtColumn(0).data(ID_ROLE)
        if doc_id:
            self.document_activated.emit(doc_id)
        else:
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
