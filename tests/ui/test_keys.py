from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from reader.ui.keys import key_string

K = Qt.Key
M = Qt.KeyboardModifier


def press(key: Qt.Key, mods: Qt.KeyboardModifier = M.NoModifier, text: str = "") -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, key, mods, text)


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (press(K.Key_G, text="g"), "g"),
        (press(K.Key_G, M.ShiftModifier, "G"), "G"),
        (press(K.Key_Question, M.ShiftModifier, "?"), "?"),
        (press(K.Key_Slash, text="/"), "/"),
        (press(K.Key_Plus, M.ShiftModifier, "+"), "+"),
        (press(K.Key_0, text="0"), "0"),
        (press(K.Key_K, M.ControlModifier, "\x0b"), "Ctrl+K"),
        (press(K.Key_P, M.ControlModifier | M.ShiftModifier, "\x10"), "Ctrl+Shift+P"),
        (press(K.Key_Down, M.AltModifier), "Alt+Down"),
        (press(K.Key_PageDown), "PgDown"),
        (press(K.Key_Tab, text="\t"), "Tab"),
        (press(K.Key_Backtab, M.ShiftModifier), "Shift+Tab"),
        (press(K.Key_F1), "F1"),
        (press(K.Key_Return, text="\r"), "Return"),
        (press(K.Key_Space, text=" "), "Space"),
    ],
)
def test_key_strings(event: QKeyEvent, expected: str) -> None:
    assert key_string(event) == expected


def test_lone_modifiers_are_no_key() -> None:
    assert key_string(press(K.Key_Shift, M.ShiftModifier)) is None
    assert key_string(press(K.Key_Control, M.ControlModifier)) is None


def test_key_strings_are_what_the_keymap_calls_them() -> None:
    from reader.core.commands.keynames import normalise_key

    for event in (
        press(K.Key_P, M.ControlModifier | M.ShiftModifier, "\x10"),
        press(K.Key_Down, M.AltModifier),
        press(K.Key_G, M.ShiftModifier, "G"),
        press(K.Key_Question, M.ShiftModifier, "?"),
        press(K.Key_PageDown, M.ControlModifier),
        press(K.Key_Backtab, M.ShiftModifier),
    ):
        name = key_string(event)
        assert name is not None
        assert normalise_key(name) == name
