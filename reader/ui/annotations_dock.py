"""AnnotationsPanel: the open document's highlights, or the library's, listed and filtered.

Highlights are grouped (by document for the library), orphans in a group of their own with
the words and context they had; filters narrow by category, tag and words. Return on a row
asks to jump to it; the annotation commands (note, category, delete) act on the rows chosen.
The note editor opens at the top of the panel, beside the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.model import Annotation
from reader.core.session.annotating import AnnotationsChanged
from reader.core.session.annotation_actions import STATUS_WORDS, AnnotationActions, shorten
from reader.ui.clear_button import ClearButtonTint
from reader.ui.note_editor import NoteEditor
from reader.ui.plain_text import plain_label, plain_tooltip

ID_ROLE = Qt.ItemDataRole.UserRole
DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 1
SCOPES = ("This document", "Whole library")


class AnnotationsPanel(QWidget):
    """Lists annotations with filters; rows carry the annotation and document ids."""

    jump_requested = Signal(str, str)  # document id, annotation id

    def __init__(self, actions: AnnotationActions, title_of: Callable[[str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        self._session = actions.session
        self._title_of = title_of
        self.editor = NoteEditor(self)
        self.scope = QComboBox(self)
        self.scope.setAccessibleName("Annotations of")
        self.scope.addItems(SCOPES)
        self.category = QComboBox(self)
        self.category.setAccessibleName("Filter by category")
        self.tag = QComboBox(self)
        self.tag.setAccessibleName("Filter by tag")
        self.filter = QLineEdit(self)
        self.filter.setAccessibleName("Filter annotations")
        self.filter.setPlaceholderText("Filter by words of the highlight, note or tags")
        ClearButtonTint(self.filter)  # a clear button that shows in either theme
        for combo, name in ((self.scope, "Annotations of"), (self.category, "Categories"),
                            (self.tag, "Tags")):
            combo.view().setAccessibleName(f"{name}: choices")
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("Annotations")
        self.tree.setHeaderLabels(["Highlight", "Note"])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setColumnWidth(0, 190)  # the words first; the note takes what is left
        row = QHBoxLayout()
        row.addWidget(self.scope)
        row.addWidget(self.category)
        row.addWidget(self.tag)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.editor)
        layout.addLayout(row)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        self._layout = layout
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        self.category.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tag.currentIndexChanged.connect(lambda _i: self.refresh())
        self.filter.textChanged.connect(lambda _t: self.refresh())
        self.tree.itemActivated.connect(self._on_activated)
        self._stale = False
        self._session.changed.connect(self._on_changed)
        self._fill_categories()
        self.refresh()

    def add_section(self, title: str, widget: QWidget) -> None:
        """Put `widget` under the list, headed by `title` (also its accessible description)."""
        heading = plain_label(title, self)
        heading.setBuddy(widget)
        self._layout.addWidget(heading)
        self._layout.addWidget(widget)

    # Following the core ----------------------------------------------------------------------
    def _on_changed(self, change: AnnotationsChanged) -> None:
        if change.aspect == "categories":
            self._fill_categories()
        if change.aspect != "projection":
            if self.isVisible() and not self.visibleRegion().isEmpty():
                self.refresh()
            else:
                # Listing a document's hundreds of highlights in a hidden tab would slow its
                # opening for nothing: the list is filled when it shows.
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.refresh_if_stale()
        super().showEvent(event)

    def refresh_if_stale(self) -> None:
        """Fill the list if changes came while it was out of sight (its dock tab shows)."""
        if self._stale:
            self.refresh()

    def _fill_categories(self) -> None:
        chosen = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem("All categories", None)
        for number, category in enumerate(self._session.categories(), start=1):
            self.category.addItem(swatch(category.colour), f"{number} {category.name}",
                                  category.id)
        self.category.setCurrentIndex(max(self.category.findData(chosen), 0))
        self.category.blockSignals(False)

    def _fill_tags(self, annotations: list[Annotation]) -> None:
        chosen = self.tag.currentData()
        tags = sorted({tag for a in annotations for tag in a.tags}, key=str.casefold)
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem("All tags", None)
        for tag in tags:
            self.tag.addItem(f"#{tag}", tag)
        self.tag.setCurrentIndex(max(self.tag.findData(chosen), 0))
        self.tag.blockSignals(False)

    def library_wide(self) -> bool:
        """Whether the whole library's annotations are listed."""
        return self.scope.currentIndex() == 1

    def _scope_annotations(self) -> list[Annotation]:
        if not self.library_wide():
            return self._session.annotations()
        # The open document's as re-anchored now; the others' as last saved.
        current = self._session.document.id if self._session.document else None
        return [a for a in self._session.store.annotations() if a.document != current] + (
            self._session.annotations())

    def _shows(self, annotation: Annotation) -> bool:
        category, tag = self.category.currentData(), self.tag.currentData()
        if category is not None and annotation.category != category:
            return False
        if tag is not None and tag not in annotation.tags:
            return False
        words = self.filter.text().casefold().split()
        hay = " ".join((annotation.quote, annotation.note, *annotation.tags)).casefold()
        return all(word.lstrip("#") in hay for word in words)

    def refresh(self) -> None:
        """List the annotations again, keeping the rows chosen and the current one."""
        self._stale = False
        chosen = set(self.selected_ids())
        current = self.current_id()
        annotations = self._scope_annotations()
        self._fill_tags(annotations)
        shown = [a for a in annotations if self._shows(a)]
        icons = {c.id: swatch(c.colour) for c in self._session.categories()}
        grey = swatch("#888888")
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for annotation in shown:
            key = ("orphaned" if annotation.status == "orphaned" else annotation.document
                   if self.library_wide() else annotation.side)
            if key not in groups:
                groups[key] = self._group(key)
            item = QTreeWidgetItem(groups[key], self._columns(annotation))
            item.setData(0, ID_ROLE, annotation.id)
            item.setData(0, DOCUMENT_ROLE, annotation.document)
            item.setIcon(0, icons.get(annotation.category, grey))
            item.setToolTip(0, plain_tooltip(self._detail(annotation)))
            item.setToolTip(1, plain_tooltip(annotation.note))
            if annotation.id in chosen:
                item.setSelected(True)
            if annotation.id == current:
                self.tree.setCurrentItem(item, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
        if "orphaned" in groups:  # last: what could not be found is read after what could
            orphans = self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(groups["orphaned"]))
            if orphans is not None:
                self.tree.addTopLevelItem(orphans)
        for group in groups.values():
            group.setText(0, f"{group.text(0)} ({group.childCount()})")
            group.setExpanded(True)
        first = next(self._rows(), None)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first[1])
        self.tree.setUpdatesEnabled(True)

    def _group(self, key: str) -> QTreeWidgetItem:
        if key == "orphaned":
            label = "Orphaned: no longer found in the text"
        elif self.library_wide():
            label = self._title_of(key)
        else:
            label = "In the original" if key == "original" else "In the translation"
        group = QTreeWidgetItem(self.tree, [label])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return group

    def _columns(self, annotation: Annotation) -> list[str]:
        if annotation.status == "orphaned":
            before = shorten(annotation.anchor.prefix[-20:], 20)
            after = shorten(annotation.anchor.suffix[:20], 20)
            words = f"…{before} «{shorten(annotation.quote, 50)}» {after}…"
        else:
            words = shorten(annotation.quote, 50)
            if annotation.status in ("moved", "fuzzy"):
                words += f"  ({annotation.status})"
        side = "" if not self.library_wide() or annotation.side == "original" else "(tr.) "
        return [side + words, shorten(annotation.note, 80)]

    def _detail(self, annotation: Annotation) -> str:
        lines = [self._actions.describe(annotation)]
        if annotation.status == "orphaned":
            anchor = annotation.anchor
            lines.append(f"Last seen in paragraph {anchor.paragraph + 1} of the {annotation.side}"
                         f":\n…{anchor.prefix}«{anchor.exact}»{anchor.suffix}…")
        elif STATUS_WORDS.get(annotation.status):
            lines.append(f"«{annotation.quote}»")
        return "\n".join(lines)

    # What is chosen ----------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        """The ids of the annotation rows selected, in list order."""
        rows = [item for item in self.tree.selectedItems() if item.data(0, ID_ROLE)]
        return [str(item.data(0, ID_ROLE)) for item in rows]

    def current_id(self) -> str | None:
        """The id of the row the keyboard is on, if it is an annotation."""
        item = self.tree.currentItem()
        value = item.data(0, ID_ROLE) if item is not None else None
        return str(value) if value else None

    def chosen(self) -> list[str]:
        """The rows the commands act on: the selected ones, else the current one."""
        self.refresh_if_stale()
        current = self.current_id()
        return self.selected_ids() or ([current] if current else [])

    def _rows(self) -> Iterator[tuple[QTreeWidgetItem, QTreeWidgetItem]]:
        """(group, row) for every annotation row, in list order."""
        for top in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(top)
            for index in range(group.childCount() if group else 0):
                item = group.child(index) if group else None
                if group is not None and item is not None:
                    yield group, item

    def visible_ids(self) -> list[str]:
        """Every annotation listed, in list order (for tests and scripts)."""
        self.refresh_if_stale()
        return [str(item.data(0, ID_ROLE)) for _, item in self._rows()]

    def group_of(self, annotation_id: str) -> str:
        """The label of the group an annotation is listed under; "" when not listed."""
        self.refresh_if_stale()
        return next((group.text(0) for group, item in self._rows()
                     if item.data(0, ID_ROLE) == annotation_id), "")

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        annotation_id = item.data(0, ID_ROLE)
        if annotation_id:
            self.jump_requested.emit(str(item.data(0, DOCUMENT_ROLE)), str(annotation_id))


def swatch(colour: str) -> QIcon:
    """A small square of a category's colour."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    icon = QIcon(pixmap)
    # The colour itself on a chosen row too: Qt's selected mode tinted it to another colour.
    icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon
