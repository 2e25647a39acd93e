"""Key names: one spelling for every key and key sequence, so keys.toml can be forgiving.

The notation is Qt's portable text ("Ctrl+Shift+P", "Alt+Down", "PgDown", "F1") with vim's
case rule for bare letters, and spaces between the keys of a sequence:

- A key is modifiers and a key name joined by "+". Modifiers come in Qt's order:
  Ctrl, Alt, Shift, Meta. On macOS Qt's "Ctrl" is the Command key.
- A sequence is keys separated by spaces: "g g" is g, then g again.
- A bare letter is case-sensitive: "g" is the g key, "G" is Shift+g, and "Shift+g" is written
  "G". Alongside Ctrl, Alt or Meta the letter is upper case and Shift is spelled out, as Qt
  writes it: "Ctrl+P", "Ctrl+Shift+P".
- Any other printable character already says whether Shift was held: "?" and "+" are
  written as such. "Shift+/" is refused, because which character it types depends on the
  keyboard layout.

`reader/ui/keys.py` turns Qt key events into this notation; this module never imports Qt.
"""

from __future__ import annotations

import re


class KeySpecError(ValueError):
    """A key or key sequence that cannot be read."""


_MODIFIER_ORDER = ("Ctrl", "Alt", "Shift", "Meta")

_MODIFIERS = {
    "ctrl": "Ctrl",
    "control": "Ctrl",
    "ctl": "Ctrl",
    # Qt maps its Ctrl to the Command key on macOS, so a Mac user's "Cmd" is our "Ctrl".
    "cmd": "Ctrl",
    "command": "Ctrl",
    "alt": "Alt",
    "option": "Alt",
    "opt": "Alt",
    "shift": "Shift",
    "meta": "Meta",
    "super": "Meta",
    "win": "Meta",
}

_NAMED_KEYS = {
    "esc": "Esc",
    "escape": "Esc",
    "tab": "Tab",
    "backspace": "Backspace",
    "bs": "Backspace",
    "return": "Return",
    # Qt tells the keypad Enter from Return; nobody binds them differently here.
    "enter": "Return",
    "ins": "Ins",
    "insert": "Ins",
    "del": "Del",
    "delete": "Del",
    "pause": "Pause",
    "print": "Print",
    "home": "Home",
    "end": "End",
    "left": "Left",
    "right": "Right",
    "up": "Up",
    "down": "Down",
    "pgup": "PgUp",
    "pageup": "PgUp",
    "page_up": "PgUp",
    "prior": "PgUp",
    "pgdown": "PgDown",
    "pgdn": "PgDown",
    "pagedown": "PgDown",
    "page_down": "PgDown",
    "next": "PgDown",
    "space": "Space",
    "spc": "Space",
    "menu": "Menu",
    # "+" separates modifiers, so a user may prefer to spell these keys out.
    "plus": "+",
    "minus": "-",
    "equal": "=",
    "equals": "=",
}

_FUNCTION_KEY = re.compile(r"[fF]([1-9]|[12][0-9]|3[0-5])")


def _key_name(text: str, chord: str) -> str:
    """The canonical name of the key part of a chord (modifiers already removed)."""
    if len(text) == 1:
        if not text.isprintable() or text.isspace():
            raise KeySpecError(f"{chord!r} is not a key")
        return text
    if _FUNCTION_KEY.fullmatch(text):
        return text.upper()
    lowered = text.lower()
    if lowered == "backtab":
        return "Backtab"
    if lowered in _NAMED_KEYS:
        return _NAMED_KEYS[lowered]
    raise KeySpecError(
        f"unknown key {text!r} in {chord!r} (write a sequence with spaces, e.g. 'g g')"
    )


def _normalise_chord(chord: str) -> str:
    """One key with its modifiers, in canonical spelling."""
    if chord == "+":
        mods, key = [], "+"
    elif chord.endswith("++"):
        mods, key = chord[:-2].split("+"), "+"
    else:
        *mods, key = chord.split("+")
    if not key or any(not m for m in mods):
        raise KeySpecError(f"{chord!r} is not a key (modifiers and key are joined by '+')")
    modifiers: set[str] = set()
    for mod in mods:
        canonical = _MODIFIERS.get(mod.lower())
        if canonical is None:
            raise KeySpecError(f"unknown modifier {mod!r} in {chord!r}")
        modifiers.add(canonical)
    name = _key_name(key, chord)
    if name == "Backtab":
        # Qt reports Shift+Tab as Backtab; one spelling keeps the two from looking different.
        name = "Tab"
        modifiers.add("Shift")
    if len(name) == 1:
        cased_letter = name.lower() != name.upper()
        if cased_letter and modifiers - {"Shift"}:
            name = name.upper()
        elif cased_letter:
            name = name.upper() if "Shift" in modifiers or name.isupper() else name.lower()
            modifiers.discard("Shift")
        elif "Shift" in modifiers:
            raise KeySpecError(
                f"{chord!r}: write the character the key types (e.g. '?' rather than "
                "'Shift+/'), since it depends on the keyboard layout"
            )
    return "+".join([m for m in _MODIFIER_ORDER if m in modifiers] + [name])


def normalise_key(text: str) -> str:
    """Return the canonical spelling of a key or key sequence.

    Forgiving about spelling, strict about meaning: "control+shift+p" becomes "Ctrl+Shift+P",
    "pgdn" becomes "PgDown", "Shift+g" becomes "G", "alt+DOWN" becomes "Alt+Down", and
    "g  g" becomes "g g".

    Args:
        text: A key ("Ctrl+O") or a space-separated sequence of keys ("g g").

    Returns:
        The sequence in canonical notation; its keys are separated by single spaces.

    Raises:
        KeySpecError: The text is empty, or names an unknown key or modifier.
    """
    chords = text.split()
    if not chords:
        raise KeySpecError("empty key")
    return " ".join(_normalise_chord(chord) for chord in chords)


def split_sequence(sequence: str) -> tuple[str, ...]:
    """Split a key sequence into canonical single keys: "g g" -> ("g", "g").

    Raises:
        KeySpecError: As `normalise_key`.
    """
    return tuple(normalise_key(sequence).split(" "))
