"""CommandPalette: find any command by typing part of its name, and run it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.commands.keymap import Keymap
from reader.core.commands.registry import Command, CommandRegistry, fuzzy_filter
from reader.ui.clear_button import ClearButtonTint
from reader.ui.mark_styles import blend

TITLE, CATEGORY, KEYS = range(3)
NAME_ROLE = Qt.ItemDataRole.UserRole
NOT_AVAILABLE = "Not available here"
# Keys the filter field hands to the list, so the reader never has to leave the field. These
# move inside the dialog; they are not commands and have no place in the keymap.
_LIST_KEYS = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})
_RETURN_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})


KEY_SEPARATOR = "  ·  "  # not a comma or a plus: both are keys themselves ("+", "Ctrl++")


def keys_label(keymap: Keymap, name: str) -> str:
    """The keys of a command as the palette and help show them, e.g. "Ctrl+Shift+P  ·  :"."""
    return KEY_SEPARATOR.join(keymap.keys_for(name))


class CommandPalette(QDialog):
    """A filter field over every declared command; Return runs the highlighted one.

    Commands without a handler right now are listed after the others, greyed out, so the
    reader learns they exist without being able to run them.
    """

    command_chosen = Signal(str)

    def __init__(
        self,
        registry: CommandRegistry,
        keymap: Keymap,
        parent: QWidget | None = None,
        run: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.registry = registry
        self._run = run or registry.run  # the window passes Workspace.run_command
        self.keymap = keymap
        self.setWindowTitle("Command palette")
        self.setAccessibleName("Command palette")
        self.setModal(True)
        self.resize(560, 420)

        self.filter = QLineEdit(self)
        self.filter.setAccessibleName("Filter commands")
        self.filter.setPlaceholderText("Type part of a command's name")
        ClearButtonTint(self.filter)  # a clear button that shows in either theme
        self.filter.textChanged.connect(self._on_filter_changed)
        self.filter.installEventFilter(self)

        self.list = QTreeWidget(self)
        self.list.setAccessibleName("Commands")
        self.list.setColumnCount(3)
        self.list.setHeaderLabels(["Command", "Category", "Keys"])
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing always goes to the filter
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CATEGORY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KEYS, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemActivated.connect(self._on_item_activated)

        self.empty = QLabel("No command matches.", self)
        self.empty.setAccessibleName("No matches")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self._populate()
        self.filter.setFocus()

    # Contents ------------------------------------------------------------------------------
    def _populate(self) -> None:
        commands = fuzzy_filter(self.filter.text(), self.registry.commands())
        # Stable partition: runnable first, each part keeping the fuzzy ranking.
        ordered = sorted(commands, key=lambda c: not self.registry.is_bound(c.name))
        palette = self.palette()
        muted = QBrush(
            blend(
                palette.color(QPalette.ColorRole.Text),
                palette.color(QPalette.ColorRole.Base),
                0.45,
            )
        )
        self.list.clear()
        for command in ordered:
            self.list.addTopLevelItem(self._item(command, muted))
        self.empty.setVisible(not ordered)
        self.list.setVisible(bool(ordered))
        first = self.list.topLevelItem(0)
        if first is not None and first.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.list.setCurrentItem(first)

    def _item(self, command: Command, muted: QBrush) -> QTreeWidgetItem:
        keys = keys_label(self.keymap, command.name)
        item = QTreeWidgetItem([command.title, command.category, keys])
        item.setData(TITLE, NAME_ROLE, command.name)
        item.setTextAlignment(KEYS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for column in (CATEGORY, KEYS):
            item.setForeground(column, muted)
        spoken = f"{command.title}, {command.category}" + (f", keys {keys}" if keys else "")
        item.setData(TITLE, Qt.ItemDataRole.AccessibleTextRole, spoken)
        item.setToolTip(TITLE, command.description)
        if not self.registry.is_bound(command.name):
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            item.setToolTip(TITLE, NOT_AVAILABLE)
        return item

    def shown_commands(self) -> list[str]:
        """The names listed, top to bottom; for tests and accessibility checks."""
        return [
            str(self.list.topLevelItem(i).data(TITLE, NAME_ROLE))  # type: ignore[union-attr]
            for i in range(self.list.topLevelItemCount())
        ]

    def current_command(self) -> str | None:
        """The name of the highlighted command, or None when nothing runnable is highlighted."""
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return str(item.data(TITLE, NAME_ROLE))

    # Choosing ------------------------------------------------------------------------------
    def choose(self) -> None:
        """Close, announce and run the highlighted command; nothing when none is runnable."""
        name = self.current_command()
        if name is None or not self.registry.is_bound(name):
            return
        # Close first: the command may open another dialog or move focus in the main window,
        # which must not happen underneath a modal palette.
        self.accept()
        self.command_chosen.emit(name)
        self._run(name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = Qt.Key(event.key())
            if key in _LIST_KEYS:
                QApplication.sendEvent(self.list, event)
                return True
            if key in _RETURN_KEYS:
                self.choose()
                return True
        return super().eventFilter(watched, event)

    def _on_filter_changed(self, _text: str) -> None:
        self._populate()

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.list.setCurrentItem(item)  # a double-click may land on a row other than current
        self.choose()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._populate()  # the muted colour follows a theme switch
