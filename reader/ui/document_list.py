"""The document list: a sortable table over the catalog, a filter box and facets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.session.catalog import COLUMNS, FACETS, Catalog, CatalogEntry, FacetName
from reader.ui.clear_button import ClearButtonTint
from reader.ui.plain_text import plain_tooltip

_HEADERS = {"date": "Date", "title": "Title", "type": "Type", "archive": "Archive",
            "languages": "Languages"}
_FACET_TITLES = {"type": "Type", "archive": "Archive", "language": "Language",
                 "decade": "Decade"}
# Every column but the title fits its contents; the title takes all that is left, so the
# table needs no horizontal scrolling. (Caps on the widths at sample texts such as
# "Telegram" clipped longer types, "Memorandum of Conversation", however wide the list.)
_SIZED = ("date", "type", "archive", "languages")
# When even the capped columns leave the title less than this share of the width, they give
# way in this order (the date last: an elided date is the least readable).
_TITLE_SHARE = 0.3
_SHRINK_ORDER = ("languages", "archive", "type", "date")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
FIT_DELAY_MS = 500
AnyIndex = QModelIndex | QPersistentModelIndex
_ANSWERED = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                       Qt.ItemDataRole.ToolTipRole, ID_ROLE})  # fmt: skip


class DocumentListModel(QAbstractTableModel):
    """Mirrors the catalog's visible entries as rows; sorting is delegated to the catalog."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._rows: list[CatalogEntry] = catalog.visible()
        catalog.changed.connect(self._on_catalog_changed)

    def _on_catalog_changed(self, _: None) -> None:
        self.beginResetModel()
        self._rows = self._catalog.visible()
        self.endResetModel()

    def entry(self, row: int) -> CatalogEntry:
        return self._rows[row]

    def row_of(self, doc_id: str) -> int:
        return self._catalog.index_of(doc_id, self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Painting asks for eight roles per cell; the ones not answered leave at once.
        if role not in _ANSWERED or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole row answers with the full title, which the narrow list elides; the
            # capped columns add their own full text, elided just as often.
            if column in ("archive", "languages") and (text := self._text(entry, column)):
                return plain_tooltip(f"{entry.title}\n{_HEADERS[column]}: {text}")
            return plain_tooltip(entry.title)
        if role == ID_ROLE:
            return entry.id
        return None

    @staticmethod
    def _text(entry: CatalogEntry, column: str) -> str:
        return {
            "date": entry.date_text or "undated",
            "title": entry.title,
            "type": entry.type,
            "archive": ", ".join(entry.archives),
            "languages": ", ".join(entry.languages),
        }[column]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return _HEADERS[COLUMNS[section]]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self._catalog.sort_by(COLUMNS[column], order == Qt.SortOrder.DescendingOrder)


class _RowTable(QTableView):
    """A table read row by row: Home and End go to the first and last row, not column."""

    def moveCursor(  # noqa: N802
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        if action in (QAbstractItemView.CursorAction.MoveHome,
                      QAbstractItemView.CursorAction.MoveEnd):  # fmt: skip
            modifiers |= Qt.KeyboardModifier.ControlModifier  # QTableView's "whole table"
        return super().moveCursor(action, modifiers)


class DocumentList(QWidget):
    """Filter box, table and facets over a catalog; says which document the user picked."""

    document_activated = Signal(str)

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._current = ""
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText("Filter documents…")
        ClearButtonTint(self.filter_box)  # a clear button that shows in either theme
        self.filter_box.setAccessibleName("Filter the document list")
        self.filter_box.textChanged.connect(catalog.set_filter)
        # How many rows the filters leave of the library: "23 of 601".
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setAccessibleName("Documents listed")

        self.model = DocumentListModel(catalog, self)
        self.table = _RowTable(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Documents")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Ctrl+click and Shift+click choose several documents, e.g. to export them together.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(True)
        # The columns are fitted to the width (see _fit_columns); a scrollbar would only ever
        # reveal the tail of a column the user widened by hand.
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(32)
        # Measure contents over the rows in view only: measuring every row made refitting
        # after each batch of a first 10k build cost the GUI thread minutes (bench/gui.py).
        header.setResizeContentsPrecision(0)
        # Left-aligned, a header wider than its squeezed column keeps its start ("Langua"); a
        # centred one loses both ends.
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.viewport().installEventFilter(self)  # refit the columns to a new width
        # New entries refit the columns at most every FIT_DELAY_MS: while an index builds,
        # batches come several times a second, and each fit measures every cell in view.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(FIT_DELAY_MS)
        self._fit_timer.timeout.connect(self._fit_columns)
        self.table.activated.connect(self._on_row_activated)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

        self.facets = QTreeWidget(self)
        self.facets.setHeaderHidden(True)
        self.facets.setAccessibleName("Facets")
        self.facets.itemChanged.connect(self._on_facet_item_changed)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.facets)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        filter_row = QHBoxLayout()
        filter_row.setContentsMargins(0, 0, 4, 0)
        filter_row.addWidget(self.filter_box, 1)
        filter_row.addWidget(self.count_label)
        layout.addLayout(filter_row)
        layout.addWidget(splitter)
        self.setFocusProxy(self.table)
        catalog.changed.connect(self._on_catalog_changed)
        self._on_catalog_changed(None)

    def select_document(self, doc_id: str) -> None:
        """Make `doc_id` the selected row (without announcing it), if it is listed."""
        self._current = doc_id
        row = self.model.row_of(doc_id)
        selection = self.table.selectionModel()
        if row < 0:
            selection.clearSelection()
            return
        index = self.model.index(row, 0)
        self.table.blockSignals(True)
        selection.setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.blockSignals(False)
        self.table.scrollTo(index)

    def selected_ids(self) -> list[str]:
        """The ids of the selected rows, top to bottom as the list shows them."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.entry(row).id for row in rows]

    def step(self, delta: int) -> str | None:
        """The id of the document `delta` rows from the current one, or None past the ends."""
        rows = self.model.rowCount()
        if rows == 0:
            return None
        row = self.model.row_of(self._current)
        target = (0 if delta > 0 else rows - 1) if row < 0 else row + delta
        if not 0 <= target < rows:
            return None
        return self.model.entry(target).id

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit_columns()  # contents are measured in the font the shown table has

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        widths: dict[str, int] = {}
        for name in _SIZED:
            column = COLUMNS.index(name)
            widths[name] = max(self.table.sizeHintForColumn(column),
                               header.sectionSizeHint(column))  # fmt: skip
        title = int(self.table.viewport().width() * _TITLE_SHARE)
        excess = sum(widths.values()) + title - self.table.viewport().width()
        for name in _SHRINK_ORDER:
            if excess <= 0:
                break
            give = min(excess, widths[name] - header.minimumSectionSize())
            if give > 0:
                widths[name] -= give
                excess -= give
        for name, width in widths.items():
            header.resizeSection(COLUMNS.index(name), width)

    def _on_row_activated(self, index: QModelIndex) -> None:
        self._announce(index.row())

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self.table.signalsBlocked():
            self._announce(current.row())

    def _announce(self, row: int) -> None:
        doc_id = self.model.entry(row).id
        if doc_id != self._current:
            self._current = doc_id
            self.document_activated.emit(doc_id)

    def _on_catalog_changed(self, _: None) -> None:
        if not self._fit_timer.isActive():
            self._fit_timer.start()
        if self._current:
            self.select_document(self._current)
        self._rebuild_facets()
        shown, held = self._catalog.visible_count, len(self._catalog)
        self.count_label.setText(f"{shown:,}" if shown == held else f"{shown:,} of {held:,}")

    def _rebuild_facets(self) -> None:
        self.facets.blockSignals(True)
        groups = [self.facets.topLevelItem(i) for i in range(self.facets.topLevelItemCount())]
        expanded = {group.text(0) for group in groups if group is not None and group.isExpanded()}
        self.facets.clear()
        for facet in FACETS:
            title = _FACET_TITLES[facet]
            group = QTreeWidgetItem(self.facets, [title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for count in self._catalog.facet_counts(facet):
                item = QTreeWidgetItem(group, [f"{count.value} ({count.count})"])
                item.setData(0, Qt.ItemDataRole.UserRole, (facet, count.value))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(0, Qt.CheckState.Checked if count.selected
                                   else Qt.CheckState.Unchecked)
            group.setExpanded(title in expanded or bool(self._catalog.selected(facet)))
        self.facets.blockSignals(False)

    def _on_facet_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if not data:
            return
        facet, value = data
        checked = item.checkState(0) == Qt.CheckState.Checked
        if checked != (value in self._catalog.selected(facet)):
            facet_name: FacetName = facet
            # Deferred: the catalog's change rebuilds this tree, which must not happen inside
            # the tree's own itemChanged (it would delete `item` under Qt's feet).
            QTimer.singleShot(0, lambda: self._catalog.toggle_facet(facet_name, value))
