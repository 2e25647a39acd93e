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


def theme_palette(theme: str) -> QPalette:
    import qdarktheme  # the palettes the window really paints with

    palette: QPalette = qdarktheme.load_palette(theme)
    return palette


ANY_COLOURS = ["#000000", "#ffffff", "#ffff00", "#00ff00", "#0000ff", "#ff0000", "#808080",
               "#00ffff", "#ff00ff", "#3465a4"]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_category_colour_leaves_the_text_readable(qapp: object, theme: str) -> None:
    from reader.core.annotations.model import DEFAULT_CATEGORIES
    from reader.core.session.annotation_actions import SUGGESTED_COLOURS
    from reader.ui.mark_styles import MIN_CONTRAST, Highlight, contrast, hard_to_see

    colours = theme_palette(theme)
    text = colours.color(QPalette.ColorRole.Text)
    offered = [c for _, c in DEFAULT_CATEGORIES] + list(SUGGESTED_COLOURS)
    for colour in offered + ANY_COLOURS:
        for style in (Highlight(colour), Highlight(colour, projected=True)):
            tint = mark_format(style, colours).background().color()
            assert contrast(tint, text) >= MIN_CONTRAST, (colour, style, tint.name())
    # What Diglot offers also shows on the paper; white on light paper would not.
    assert not [c for c in offered if hard_to_see(c, colours)]
    assert hard_to_see("#ffffff" if theme == "light" else "#000000", colours)
