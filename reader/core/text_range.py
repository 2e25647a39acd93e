"""Panes and text ranges in core terms: what search hits, alignment links and highlights name."""

from __future__ import annotations

from typing import Literal, NamedTuple

Pane = Literal["original", "translation"]
PANES: tuple[Pane, Pane] = ("original", "translation")


def other_pane(pane: Pane) -> Pane:
    """The pane facing `pane` in the split view."""
    return "translation" if pane == "original" else "original"


class TextRange(NamedTuple):
    """Characters `start` to `end` (exclusive) of one paragraph of one pane's text.

    Offsets count characters of the paragraph string as the Document holds it, so a range
    survives any change in how a view lays the paragraph out.
    """

    pane: Pane
    paragraph: int
    start: int
    end: int
