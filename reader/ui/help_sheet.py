"""HelpSheet: the keyboard help, generated from the keymap in force, with a filter."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.commands.keymap import HelpRow, Keymap
from reader.ui.clear_button import ClearButtonTint
from reader.ui.command_palette import KEY_SEPARATOR
from reader.ui.mark_styles import blend

COMMAND, KEYS, DESCRIPTION = range(3)
NAME_ROLE = Qt.ItemDataRole.UserRole
NO_KEYS = "(palette only)"


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their description wrapped to the column's width.

    QTreeView sizes a row by its items' hints, which Qt computes for one unwrapped line.
    """

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != DESCRIPTION:
            return size
        width = self._tree.header().sectionSize(DESCRIPTION) - 12  # the cell's margins
        text = str(index.data() or "")
        box = option.fontMetrics.boundingRect(
            QRect(0, 0, max(width, 40), 100_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(size.width(), max(size.height(), box.height() + 6))


def _first_key(keymap: Keymap, command: str, fallback: str) -> str:
    keys = keymap.keys_for(command)
    return keys[0] if keys else fallback


def about_text(keymap: Keymap) -> str:
    """The line at the top of the sheet, its keys taken from `keymap` (they may be rebound)."""
    palette = _first_key(keymap, "command-palette", "the Help menu")
    search = _first_key(keymap, "search", "the Search menu")
    return (
        "Diglot shows a document's original beside its translation, with where it came from. "
        f"Press <b>{escape(palette)}</b> to run any command by name, <b>{escape(search)}</b> to "
        "search the library. A key written <b>g g</b> means g, then g again. Keys can be "
        "changed in keys.toml."
    )


class HelpSheet(QDialog):
    """Every command with its keys and what it does, grouped by category, filtered as you type.

    Built from `Keymap.help_rows()`, so it always shows the keys actually in force.
    """

    def __init__(self, keymap: Keymap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keymap = keymap
        self.setWindowTitle("Keyboard help")
        self.setAccessibleName("Keyboard help")
        self.resize(720, 600)

        self.about = QLabel(about_text(keymap), self)
        self.about.setAccessibleName("About Diglot")
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.about.setWordWrap(True)

        self.filter = QLineEdit(self)
        self.filter.setAccessibleName("Filter keyboard help")
        self.filter.setPlaceholderText("Filter by command, key or description")
        ClearButtonTint(self.filter)  # a clear button that shows in either theme
        self.filter.textChanged.connect(self._on_filter_changed)

        self.table = QTreeWidget(self)
        self.table.setAccessibleName("Commands and keys")
        self.table.setColumnCount(3)
        self.table.setHeaderLabels(["Command", "Keys", "What it does"])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Rows as tall as their wrapped description: uniform heights kept every row one line
        # high, so descriptions were cut off with an ellipsis instead of wrapping.
        self.table.setUniformRowHeights(False)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setItemDelegate(_WrappingDelegate(self.table))
        header = self.table.header()
        header.setSectionResizeMode(COMMAND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KEYS, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # A narrower description column wraps into more lines: lay the rows out again.
        header.sectionResized.connect(lambda *_: self.table.scheduleDelayedItemsLayout())

        self.empty = QLabel("No command matches.", self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)

        self._descriptions = {c.name: c.description for c in keymap.commands()}
        self._build(keymap.help_rows())
        self.filter.setFocus()

    def _build(self, rows: list[HelpRow]) -> None:
        palette = self.palette()
        muted = QBrush(
            blend(
                palette.color(QPalette.ColorRole.Text),
                palette.color(QPalette.ColorRole.Base),
                0.45,
            )
        )
        bold = QFont(self.font())
        bold.setBold(True)
        groups: dict[str, tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = {}
        for row in rows:
            if row.category not in groups:
                heading = QTreeWidgetItem([row.category])
                heading.setFont(COMMAND, bold)
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.addTopLevelItem(heading)
                heading.setFirstColumnSpanned(True)
                groups[row.category] = (heading, [])
            group, children = groups[row.category]
            keys = KEY_SEPARATOR.join(row.keys) or NO_KEYS
            description = self._descriptions.get(row.command, "")
            item = QTreeWidgetItem([row.title, keys, description])
            item.setToolTip(DESCRIPTION, description)
            item.setData(COMMAND, NAME_ROLE, row.command)
            if not row.keys:
                item.setForeground(KEYS, muted)
            item.setData(
                COMMAND,
                Qt.ItemDataRole.AccessibleTextRole,
                f"{row.title}: {', '.join(row.keys) or 'no keys, palette only'}",
            )
            group.addChild(item)
            children.append(item)
        # Kept alongside the tree so filtering needs no None checks on Qt's item lookups.
        self._items = list(groups.values())
        self.table.expandAll()

    def visible_commands(self) -> list[str]:
        """The names of the commands the filter leaves visible, top to bottom."""
        return [
            str(child.data(COMMAND, NAME_ROLE))
            for group, children in self._items
            if not group.isHidden()
            for child in children
            if not child.isHidden()
        ]

    def _on_filter_changed(self, text: str) -> None:
        # Every word must appear somewhere in the row (title, keys, description or category),
        # so "zoom ctrl" finds the Ctrl zoom keys.
        words = text.casefold().split()
        any_shown = False
        for group, children in self._items:
            category = group.text(COMMAND)
            group_shown = False
            for child in children:
                texts = [child.text(column) for column in (COMMAND, KEYS, DESCRIPTION)]
                haystack = " ".join([category, *texts, str(child.data(COMMAND, NAME_ROLE))])
                haystack = haystack.casefold()
                match = all(word in haystack for word in words)
                child.setHidden(not match)
                group_shown = group_shown or match
            group.setHidden(not group_shown)
            any_shown = any_shown or group_shown
        self.table.setVisible(any_shown)
        self.empty.setVisible(not any_shown)
