"""QKeyEvent -> key string in the keymap's notation: the only place that knows Qt key codes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

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
