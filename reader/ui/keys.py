"""Keys into commands: Qt key events as the keymap's key strings, and the one dispatcher.

`key_string` is the only place that knows Qt key codes; `KeyDispatcher` is the only place where
keys become commands (through the workspace's keymap), so widgets never hold shortcuts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QWidget,
)

from reader.core.commands.keymap import MatchState
from reader.core.session.workspace import Workspace

_MODIFIER_KEYS = {
    Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
    Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_ScrollLock,
}

_NAMED_KEYS = {
    Qt.Key.Key_Down: "Down", Qt.Key.Key_Up: "Up", Qt.Key.Key_Left: "Left",
    Qt.Key.Key_Right: "Right", Qt.Key.Key_PageDown: "PgDown", Qt.Key.Key_PageUp: "PgUp",
    Qt.Key.Key_Home: "Home", Qt.Key.Key_End: "End", Qt.Key.Key_Tab: "Tab",
    Qt.Key.Key_Return: "Return", Qt.Key.Key_Enter: "Return", Qt.Key.Key_Escape: "Escape",
    Qt.Key.Key_Space: "Space", Qt.Key.Key_Backspace: "Backspace", Qt.Key.Key_Delete: "Delete",
    Qt.Key.Key_Insert: "Insert",
    **{getattr(Qt.Key, f"Key_F{n}"): f"F{n}" for n in range(1, 13)},
}


def key_string(event: QKeyEvent) -> str | None:
    """The key an event stands for, e.g. "g", "G", "?", "Ctrl+Shift+P", "Alt+Down".

    Printable keys without Ctrl, Alt or Meta are their text (so Shift is already applied:
    "G", "?", "+"); everything else is spelled as modifiers plus a key name. Returns None
    for a lone modifier press, which is never a key on its own.
    """
    key = Qt.Key(event.key())
    if key in _MODIFIER_KEYS or key == Qt.Key.Key_unknown:
        return None
    mods = event.modifiers()
    ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
    alt = bool(mods & Qt.KeyboardModifier.AltModifier)
    meta = bool(mods & Qt.KeyboardModifier.MetaModifier)
    shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
    if key == Qt.Key.Key_Backtab:  # Qt reports Shift+Tab as its own key
        key, shift = Qt.Key.Key_Tab, True
    text = event.text()
    if key not in _NAMED_KEYS and not (ctrl or alt or meta) and text and text.isprintable():
        return text
    name = _NAMED_KEYS.get(key)
    if name is None:
        if not 0x20 < key < 0x7F:  # Qt's codes for ASCII keys are the characters themselves
            return None
        name = chr(key)
    # The keymap's order of modifiers: Ctrl, Alt, Shift, Meta.
    parts = [label for flag, label in ((ctrl, "Ctrl"), (alt, "Alt"), (shift, "Shift"),
                                       (meta, "Meta")) if flag]
    return "+".join([*parts, name])


_FUNCTION_KEY = re.compile(r"(Shift\+)?F\d{1,2}")
# Editing chords a field keeps for itself (its own undo, clipboard and select-all).
_EDITING_KEYS = frozenset({"Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Ctrl+A", "Ctrl+C", "Ctrl+V",
                           "Ctrl+X"})


def _is_text_input(widget: QWidget | None) -> bool:
    """Widgets where plain keys are typing, not commands (a note being written, too)."""
    return isinstance(widget, QLineEdit | QAbstractSpinBox | QPlainTextEdit) or (
        isinstance(widget, QComboBox) and widget.isEditable()
    )


def _activates_on_return(widget: QWidget | None) -> bool:
    """Lists and buttons, where Return opens or presses what has the focus."""
    return isinstance(widget, QAbstractItemView | QAbstractButton)


# Keys that move the current row of a list, table or tree: there they are the view's own, as
# in every list users know; only the reading panes take them as scrolling commands.
_LIST_KEYS = frozenset({"Up", "Down", "Left", "Right", "Home", "End", "PgUp", "PgDown",
                        "Space", "Shift+Up", "Shift+Down", "Shift+Home", "Shift+End",
                        "Shift+PgUp", "Shift+PgDown", "Ctrl+Home", "Ctrl+End"})  # fmt: skip


def _dismissable(widget: QWidget | None) -> QWidget | None:
    """The nearest widget around `widget` that Escape closes (one with a `dismiss` method)."""
    while widget is not None:
        if callable(getattr(widget, "dismiss", None)):
            return widget
        widget = widget.parentWidget()
    return None


class KeyDispatcher(QObject):
    """Turns key presses anywhere in the window into commands, through the keymap.

    Installed on the application so it sees keys before any widget; this is the only place
    where keys become commands, so widgets never hold shortcuts of their own.
    """

    def __init__(
        self, workspace: Workspace, window: QMainWindow, on_escape: Callable[[], None]
    ) -> None:
        """Dispatch the keys of `window` to `workspace`'s commands.

        Args:
            workspace: whose keymap reads the keys and whose commands run.
            window: the window whose keys these are (other windows keep theirs).
            on_escape: where the keyboard goes when Escape leaves a text field.
        """
        super().__init__(window)
        self._workspace = workspace
        self._window = window
        self._on_escape = on_escape

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # isinstance first: this sees every event of the application (hundreds per repaint),
        # and event.type() builds a Python enum each time it is asked.
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        if not self._window.isActiveWindow():
            return False
        focus = QApplication.focusWidget()
        if focus is not None and focus.window() is not self._window:
            return False
        key = key_string(event)
        if key is None:
            return False
        if key == "Return" and isinstance(watched, QWidget) and watched is not focus:
            # Return that a list or button took travels on to its parents, and we see it
            # again there; by then it may have moved the focus to a pane (a search result
            # opened), where it must not jump to a counterpart as well.
            return False
        keymap = self._workspace.keymap
        if _is_text_input(focus):
            if key == "Escape":
                keymap.reset()
                bar = _dismissable(focus)
                if bar is not None:
                    bar.dismiss()  # type: ignore[attr-defined]  # it says where focus goes
                    return True
                self._window.setFocus()
                self.escaped_text_input()
                return True
            # Typing stays typing; only chords with Ctrl/Alt/Meta and F-keys reach commands.
            if not (key.startswith(("Ctrl+", "Alt+", "Meta+")) or _FUNCTION_KEY.fullmatch(key)):
                return False
            if key in _EDITING_KEYS:
                return False
        if key == "Return" and _activates_on_return(focus):
            # Return is jump-to-counterpart in the panes, but in a list it opens the row.
            return False
        if key in _LIST_KEYS and isinstance(focus, QAbstractItemView) and not keymap.pending:
            return False
        match = keymap.feed(key)
        if match.state == MatchState.PARTIAL:
            return True
        if match.state == MatchState.COMPLETE and match.command:
            self._workspace.run_command(match.command)
            return True
        return False

    def escaped_text_input(self) -> None:
        """Escape left a text field: the keyboard goes where the window wants it."""
        self._on_escape()
