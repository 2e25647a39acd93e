from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from reader.ui.mark_styles import mark_format


def palette(base: str, text: str) -> QPalette:
    result = QPalette()
    result.setColor(QPalette.ColorRole.Base, QColor(base))
    result.setColor(QPalette.ColorRole.Text, QColor(text))
    return result


THEMES = {"light": palette("#ffffff", "#1f1f1f"), "dark": palette("#202124", "#e1e5e9")}


def lightness_gap(a: QColor, b: QColor) -> float:
    return abs(a.lightnessF() - b.lightnessF())


@pytest.mark.parametrize("theme", THEMES)
def test_the_sentence_cursor_is_plain_to_see_in_either_theme(theme: str) -> None:
    colours = THEMES[theme]
    base = colours.color(QPalette.ColorRole.Base)
    sentence = mark_format("sentence", colours).background().color()
    assert lightness_gap(sentence, base) >= 0.1, sentence.name()


@pytest.mark.parametrize("theme", THEMES)
def test_the_current_match_stands_apart_from_the_others(theme: str) -> None:
    colours = THEMES[theme]
    current = mark_format("current", colours)
    other = mark_format("search", colours)
    assert current.background().color() != other.background().color()
    assert current.fontUnderline() and not other.fontUnderline()
