"""The marks of one text pane, layer by layer: what each shows, and what to draw again.

A pane with more than a few marks draws only those near its viewport (Qt lays out the text
under every selection it is given); `MarkLayers` keeps each layer in text order with the
furthest reach so far, so the marks touching a stretch are found by bisection, and remembers
which layers changed since they were last drawn, so hovering a sentence does not rebuild
hundreds of highlights.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence

from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from reader.ui.mark_styles import LAYERS, MarkStyle, mark_format

Mark = tuple[int, int, int, MarkStyle]  # paragraph, start, end, how it looks
Stretch = tuple[tuple[int, int], tuple[int, int]]  # (paragraph, offset) from, to
Span = Callable[[int, int, int], "tuple[int, int] | None"]  # a mark's document positions


class MarkLayers:
    """Each layer's marks, their drawn selections, and the layers not drawn since they changed."""

    def __init__(self) -> None:
        self.marks: dict[str, list[Mark]] = {}
        self.stale: set[str] = set()  # layers to build again
        self.drawn: Stretch | None = None  # the stretch whose marks are drawn; None: all
        self.selections: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._ordered: dict[str, list[Mark]] = {}
        # Per layer, in text order: each mark's (paragraph, start), and the furthest
        # (paragraph, end) any mark so far reaches.
        self._keys: dict[str, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
        self.clear()

    def clear(self) -> None:
        """No marks at all (a new text)."""
        self.marks = {layer: [] for layer in LAYERS}
        self._ordered = {layer: [] for layer in LAYERS}
        self._keys = {}
        self.drawn = None
        self.selections, self.stale = {}, set()

    def count(self) -> int:
        """How many marks all layers hold."""
        return sum(map(len, self.marks.values()))

    def set(self, layer: str, marks: Sequence[Mark]) -> bool:
        """Replace one layer's marks; False when they are the ones it has (nothing to draw)."""
        new = list(marks)
        if new == self.marks[layer]:
            return False
        self.marks[layer] = new
        ordered = sorted(new, key=lambda mark: mark[:2])
        self._ordered[layer] = ordered
        self._keys[layer] = ([mark[:2] for mark in ordered],
                             list(itertools.accumulate(((p, end) for p, _, end, _ in ordered),
                                                       max)))  # fmt: skip
        self.stale.add(layer)
        return True

    def touching(self, layer: str, stretch: Stretch | None) -> list[Mark]:
        """The layer's marks that reach into `stretch` (all of them for None)."""
        if stretch is None or layer not in self._keys:
            return self.marks[layer]
        keys, reach = self._keys[layer]
        # Those that end past the stretch's start and start at or before its end: the end is
        # where the viewport's last corner hits the text, and the character there can show.
        low, high = bisect.bisect_right(reach, stretch[0]), bisect.bisect_right(keys, stretch[1])
        return [mark for mark in self._ordered[layer][low:high]
                if (mark[0], mark[2]) > stretch[0]]


def selections_of(
    marks: Sequence[Mark],
    document: QTextDocument,
    palette: QPalette,
    formats: dict[MarkStyle, QTextCharFormat],
    span: Span,
) -> list[QTextEdit.ExtraSelection]:
    """The selections that draw `marks`; `span` gives a mark's positions, None if not in yet.

    `formats` is shared by the layers drawn together: one format object per look.
    """
    selections = []
    # One cursor moved from mark to mark: a selection keeps a copy of it.
    cursor = QTextCursor(document)
    move, keep = cursor.setPosition, QTextCursor.MoveMode.KeepAnchor
    for paragraph, start, end, style in marks:
        found = span(paragraph, start, end)
        if found is None:
            continue
        move(found[0])
        move(found[1], keep)
        if style not in formats:
            formats[style] = mark_format(style, palette)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = formats[style]
        selections.append(selection)
    return selections
