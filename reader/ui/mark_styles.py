"""How marks on the text look: search hits, sentence links, unaligned sentences, highlights.

Every colour is a blend towards the pane's own base colour, so the same marks sit quietly in
the light and the dark theme alike; `TextPane` asks again whenever its palette changes.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from PySide6.QtGui import QColor, QPalette, QTextCharFormat


class Highlight(NamedTuple):
    """A reader's highlight in its category colour; a projection is fainter and underlined."""

    colour: str  # "#rrggbb"
    projected: bool = False
    uncertain: bool = False  # projected through a doubtful alignment: dashed, fainter still
    fuzzy: bool = False  # re-anchored by a close match: a wavy line asks to check it


MarkStyle = Literal["search", "current", "echo", "current-echo", "sentence", "counterpart",
                    "uncertain", "unaligned"] | Highlight
# Layers in painting order: later ones are drawn over earlier ones, so a search hit always
# shows, even inside a highlight, and a highlight shows inside the sentence pointed at.
LAYERS = ("unaligned", "link", "annotation", "echo", "search")

_AMBER = QColor("#f2b632")  # search
_BLUE = QColor("#4f8fd6")  # alignment
_CURRENT = QColor("#ff9f1a")  # the current search match
_INK = QColor("#1a1a1a")
MIN_CONTRAST = 4.5  # WCAG AA for body text: the ink on a highlight reads at least this well
MIN_TINT = 40.0  # how far (RGB distance, of 441) a highlight stands from the paper to be seen
_HIGHLIGHT = 0.42  # how much of its colour a highlight takes, when the ink still reads on it


def blend(a: QColor, b: QColor, amount: float) -> QColor:
    """Colour `amount` of the way from `a` to `b`; muted tones that follow light or dark themes."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def mark_format(style: MarkStyle, palette: QPalette) -> QTextCharFormat:
    """The character format that paints a mark of `style` over a pane with `palette`."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    fmt = QTextCharFormat()
    if isinstance(style, Highlight):
        return _highlight_format(style, base, text)
    if style == "search":
        fmt.setBackground(blend(base, _AMBER, 0.45))
    elif style == "current":
        # The match n/N is on: full amber with dark ink in either theme, and underlined, so it
        # stands out from the other matches without relying on colour alone.
        fmt.setBackground(_CURRENT)
        fmt.setForeground(_INK)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(_INK)
    elif style == "current-echo":
        # The other language's sentence of the current match.
        fmt.setBackground(blend(base, _AMBER, 0.4))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(_CURRENT)
    elif style == "echo":
        # The other language's sentence of a hit: found by alignment, not by the words.
        fmt.setBackground(blend(base, _AMBER, 0.17))
    elif style == "sentence":
        # The sentence the reader points at: quiet, yet plain to see in either theme (at
        # 8 % of the ink it was #F1F1F2 on white, next to invisible; 16 % is #DDDDDE).
        fmt.setBackground(blend(base, text, 0.16))
    elif style == "counterpart":
        fmt.setBackground(blend(base, _BLUE, 0.22))
    elif style == "uncertain":
        fmt.setBackground(blend(base, _BLUE, 0.09))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(blend(base, _BLUE, 0.55))
    else:  # unaligned
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(blend(base, text, 0.5))
    return fmt


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of a colour, 0 (black) to 1 (white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def distance(a: QColor, b: QColor) -> float:
    """How far apart two colours are, in RGB units (0 to 441)."""
    pairs = ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))
    return float(sum((x - y) ** 2 for x, y in pairs) ** 0.5)


def highlight_tint(colour: QColor, base: QColor, text: QColor) -> QColor:
    """A highlight's background: its colour blended into the paper, as far as the ink reads.

    A user's colour may be any colour: a bright one on dark paper (white, yellow) would leave
    the light ink unreadable at the usual strength, so it is blended in more lightly, until
    the text on it reaches MIN_CONTRAST.
    """
    amount = _HIGHLIGHT
    tint = blend(base, colour, amount)
    while amount > 0.1 and contrast(tint, text) < MIN_CONTRAST:
        amount -= 0.02
        tint = blend(base, colour, amount)
    return tint


def hard_to_see(colour: str, palette: QPalette) -> bool:
    """Whether a highlight of `colour` would hardly show on `palette`'s paper (white on white)."""
    base = palette.color(QPalette.ColorRole.Base)
    tint = highlight_tint(QColor(colour), base, palette.color(QPalette.ColorRole.Text))
    return distance(tint, base) < MIN_TINT


def _highlight_format(style: Highlight, base: QColor, text: QColor) -> QTextCharFormat:
    fmt = QTextCharFormat()
    colour = QColor(style.colour)
    if not style.projected:
        fmt.setBackground(highlight_tint(colour, base, text))
        if style.fuzzy:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(colour)
        return fmt
    # Where the alignment puts it on the other side: a tint and a line in the same colour,
    # so it reads as the same highlight without claiming these words were chosen.
    fmt.setBackground(blend(base, colour, 0.08 if style.uncertain else 0.16))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline if style.uncertain
                          else QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(blend(base, colour, 0.6 if style.uncertain else 0.85))
    return fmt
