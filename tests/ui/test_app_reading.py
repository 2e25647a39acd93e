"""Reading from the keyboard in the real window: text size, find bar, matches, list keys."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.reading import ZOOM_MAX, ZOOM_MIN
from reader.ui.app import DiglotApp
from reader.ui.split_view import text_point_size
from tests.ui.test_app import press, start


@pytest.fixture
def reader(qtbot: QtBot, diglot_home: Path) -> Iterator[DiglotApp]:
    app = start(qtbot, diglot_home)  # the bundled seed alone
    app.workspace.open_document("113729")
    yield app
    app.shutdown()


def text_size(app: DiglotApp) -> float:
    """The point size the reading panes lay their text out in."""
    sizes = {pane.document().defaultFont().pointSizeF()
             for pane in app.window.split_view.panes.values()}
    assert len(sizes) == 1
    return sizes.pop()


def test_zoom_steps_are_even() -> None:
    sizes = [text_point_size(zoom) for zoom in range(ZOOM_MIN, ZOOM_MAX + 1)]
    steps = [b / a for a, b in itertools.pairwise(sizes)]
    assert all(1.09 <= step <= 1.11 for step in steps), steps


def test_one_text_size_from_launch_through_zoom_theme_and_restart(
    qtbot: QtBot, diglot_home: Path
) -> None:
    first = start(qtbot, diglot_home)
    window, split = first.window, first.window.split_view
    assert text_size(first) == text_point_size(0)  # at launch, before any key
    split.scroll_to_paragraph("original", 5)
    split.focus_pane("original")
    top = split.panes["original"].verticalScrollBar().value()
    press(QApplication.focusWidget() or window, "+")
    assert text_size(first) == text_point_size(1)
    press(QApplication.focusWidget() or window, "0")
    assert text_size(first) == text_point_size(0)
    bar = split.panes["original"].verticalScrollBar()
    assert split.paragraph_at_top("original") == 5
    assert abs(bar.value() - top) <= 1  # a pixel of rounding between two sizes, no more
    press(QApplication.focusWidget() or window, "+")
    top = bar.value()
    for _ in range(3):  # system -> light -> dark -> system
        press(QApplication.focusWidget() or window, "t")
        assert text_size(first) == text_point_size(1)
        assert bar.value() == top
    first.window.close()
    second = start(qtbot, diglot_home)
    assert second.workspace.view.zoom == 1
    assert text_size(second) == text_point_size(1)
    second.shutdown()
