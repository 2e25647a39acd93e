from __future__ import annotations

import pytest

from reader.core.commands.keynames import KeySpecError, normalise_key, split_sequence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("control+shift+p", "Ctrl+Shift+P"),
        ("shift+ctrl+P", "Ctrl+Shift+P"),
        ("CTRL+o", "Ctrl+O"),
        ("ctrl+alt+shift+meta+x", "Ctrl+Alt+Shift+Meta+X"),
        ("super+alt+x", "Alt+Meta+X"),
        ("cmd+q", "Ctrl+Q"),
        ("pgdn", "PgDown"),
        ("PageUp", "PgUp"),
        ("alt+DOWN", "Alt+Down"),
        ("escape", "Esc"),
        ("enter", "Return"),
        ("f1", "F1"),
        ("shift+f3", "Shift+F3"),
        ("backtab", "Shift+Tab"),
        ("Shift+Tab", "Shift+Tab"),
        ("g", "g"),
        ("G", "G"),
        ("Shift+g", "G"),
        ("shift+G", "G"),
        ("Ctrl+Shift+p", "Ctrl+Shift+P"),
        ("+", "+"),
        ("plus", "+"),
        ("Ctrl++", "Ctrl++"),
        ("ctrl+plus", "Ctrl++"),
        ("Ctrl+-", "Ctrl+-"),
        ("?", "?"),
        ("/", "/"),
        (":", ":"),
        ("ж", "ж"),
        ("Shift+ж", "Ж"),
        ("  g   g ", "g g"),
        ("c B", "c B"),
    ],
)
def test_normalise_key(text: str, expected: str) -> None:
    assert normalise_key(text) == expected
    # Canonical spelling is a fixed point.
    assert normalise_key(expected) == expected


def test_shifted_letter_is_one_key() -> None:
    assert normalise_key("Shift+g") == normalise_key("G")
    assert normalise_key("g") != normalise_key("G")
    # With Ctrl, letter case carries no Shift, as in Qt.
    assert normalise_key("Ctrl+p") == normalise_key("Ctrl+P") != normalise_key("Ctrl+Shift+P")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("Hyper+x", "unknown modifier"),
        ("Ctrl+Foo", "unknown key"),
        ("gg", "g g"),
        ("Ctrl+", "not a key"),
        ("+Ctrl", "not a key"),
        ("Ctrl++x", "not a key"),
        ("Shift+/", "depends on the keyboard layout"),
        ("Shift+1", "depends on the keyboard layout"),
        ("F36", "unknown key"),
        ("\t", "empty"),
        ("\x07", "not a key"),
    ],
)
def test_nonsense_is_refused(text: str, message: str) -> None:
    with pytest.raises(KeySpecError, match=message):
        normalise_key(text)


def test_split_sequence() -> None:
    assert split_sequence("g  g") == ("g", "g")
    assert split_sequence("control+k") == ("Ctrl+K",)
