"""The timeline strip in the real window: dragging filters the list, keys move the range."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from reader.ui.app import DiglotApp
from reader.ui.timeline import TimelineStrip
from tests.ui.test_app import press
from tests.ui.test_archive_browser import start_with

# With the seed (1 October 1950): a day, a year-only, a month-only and an undated page.
PAGES = {
    "made_up_several_translations.txt": "made-up-120017",  # 13 October 1950
    "made_up_spaced_letters.txt": "made-up-120016",  # 1 December 1949
    "made_up_year_only.txt": "made-up-120002",  # 1958
    "made_up_month_only.txt": "made-up-120003",  # November 1967
    "made_up_no_date.txt": "made-up-120004",  # undated
}


@pytest.fixture
def diglot(qtbot: QtBot, diglot_home: Path) -> Iterator[DiglotApp]:
    app = start_with(qtbot, diglot_home, PAGES)
    app.window.resize(1400, 800)
    app.workspace.open_document("113729")
    yield app
    app.shutdown()


def listed(diglot: DiglotApp) -> set[str]:
    model = diglot.window.document_list.model
    return {model.entry(row).id for row in range(model.rowCount())}


def x(strip: TimelineStrip, day: str) -> int:
    return round(strip.x_of(date.fromisoformat(day).toordinal()))


def drag(strip: TimelineStrip, start: int, end: int) -> None:
    y = strip.height() // 2
    QTest.mousePress(strip, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(start, y))
    for step in range(1, 6):
        QTest.mouseMove(strip, QPoint(start + (end - start) * step // 5, y))
    QTest.mouseRelease(strip, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(end, y))


def test_dragging_over_the_strip_filters_the_list(qtbot: QtBot, diglot: DiglotApp) -> None:
    strip = diglot.window.timeline_strip
    qtbot.waitExposed(strip)
    assert strip.timeline.undated == 1
    assert "1 undated" in strip.accessibleDescription()
    drag(strip, x(strip, "1950-02-15"), x(strip, "1950-11-15"))
    assert listed(diglot) == {"113729", "made-up-120017"}
    # Right to left works the same; the range holds whole months.
    drag(strip, x(strip, "1950-11-15"), x(strip, "1949-06-15"))
    assert listed(diglot) == {"113729", "made-up-120017", "made-up-120016"}
    # "1958" says only the year: a click on June 1958 finds it, as on any month of 1958.
    drag(strip, x(strip, "1958-06-15"), x(strip, "1958-06-15"))
    assert listed(diglot) == {"made-up-120002"}
    QTest.mouseDClick(strip, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      QPoint(x(strip, "1958-06-15"), strip.height() // 2))
    assert len(listed(diglot)) == 6


def test_keys_move_and_widen_the_range(qtbot: QtBot, diglot: DiglotApp) -> None:
    window, catalog = diglot.window, diglot.workspace.catalog
    table = window.document_list.table
    window.list_dock.show()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    press(table, "Alt+Right")  # no range yet: the open document's year
    assert catalog.date_range == (date(1950, 1, 1).toordinal(), date(1950, 12, 31).toordinal())
    assert listed(diglot) == {"113729", "made-up-120017"}
    press(table, "Alt+Right")
    assert catalog.date_range[0] == date(1951, 1, 1).toordinal()
    assert listed(diglot) == set()
    press(table, "Alt+Left")
    press(table, "Alt+Left")
    assert catalog.date_range == (date(1949, 1, 1).toordinal(), date(1949, 12, 31).toordinal())
    assert listed(diglot) == {"made-up-120016"}
    press(table, "Alt+Shift+Right")  # twice as wide: about its middle, within the data
    assert catalog.date_range == (date(1949, 1, 1).toordinal(), date(1950, 12, 31).toordinal())
    assert listed(diglot) == {"made-up-120016", "113729", "made-up-120017"}
    press(table, "Alt+Shift+Left")  # half as wide, about its middle
    assert catalog.date_range == (date(1949, 7, 1).toordinal(), date(1950, 6, 30).toordinal())
    press(table, "Alt+Backspace")
    assert catalog.date_range is None and len(listed(diglot)) == 6


def test_the_open_document_is_marked_at_its_date(qtbot: QtBot, diglot: DiglotApp) -> None:
    strip = diglot.window.timeline_strip
    qtbot.waitExposed(strip)
    seed = strip.open_span()
    assert seed == (date(1950, 10, 1).toordinal(),) * 2
    image = strip.grab().toImage()
    mark = round(strip.x_of(seed[0] + 0.5))
    assert QColor(image.pixel(mark, 3)).name() == "#d9534f"
    # A year-only document is marked by a bracket over its whole year, not at 1 January.
    diglot.workspace.open_document("made-up-120002")
    assert strip.open_span() == (date(1958, 1, 1).toordinal(), date(1958, 12, 31).toordinal())
    image = strip.grab().toImage()
    middle = round(strip.x_of(date(1958, 7, 1).toordinal()))
    assert QColor(image.pixel(middle, 2)).name() == "#d9534f"
    assert QColor(image.pixel(mark, 3)).name() != "#d9534f"


def test_toggle_timeline_hides_and_shows_the_strip(qtbot: QtBot, diglot: DiglotApp) -> None:
    strip = diglot.window.timeline_strip
    qtbot.waitExposed(strip)
    diglot.workspace.run_command("toggle-timeline")
    assert not strip.isVisible()
    diglot.workspace.run_command("toggle-timeline")
    assert strip.isVisible()


def bar_middle(strip: TimelineStrip, day: str) -> int:
    """The x of the middle of the drawn bar holding a day (months may be drawn joined)."""
    ordinal = date.fromisoformat(day).toordinal()
    bars = strip._bars(strip._plot())
    left, right, _ = next(b for b in bars if b[2].first <= ordinal <= b[2].last)
    return int((left + right) / 2) - 1


def test_the_list_filter_draws_its_share_of_each_bar(qtbot: QtBot, diglot: DiglotApp) -> None:
    strip = diglot.window.timeline_strip
    qtbot.waitExposed(strip)
    plot = strip._plot()
    october = bar_middle(strip, "1950-10-15")
    near_bottom = round(plot.bottom()) - 2
    whole = QColor(strip.grab().toImage().pixel(october, near_bottom))
    table = diglot.window.document_list.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    press(table, "O")  # the list's filter field, from the keyboard
    field = diglot.window.document_list.filter_box
    qtbot.waitUntil(field.hasFocus)
    QTest.keyClicks(field, "liu shaoqi")  # December 1949 only
    assert listed(diglot) == {"made-up-120016"}
    assert "the list's filter keeps 1 dated and 0 undated" in strip.accessibleDescription()
    assert strip._undated_text() == "0 of 1 undated"
    # October 1950's documents are left out: their bar turns faint, on the same scale.
    faint = QColor(strip.grab().toImage().pixel(october, near_bottom))
    assert faint != whole and faint.lightness() != whole.lightness()
    december = bar_middle(strip, "1949-12-15")
    assert QColor(strip.grab().toImage().pixel(december, near_bottom)) == whole
    bar = next(b for b in strip.timeline.bins if b.first == date(1950, 10, 1).toordinal())
    assert strip.bar_text(bar) == "October 1950: 2 documents; the list's filter keeps 0"
    diglot.window.document_list.filter_box.clear()
    assert QColor(strip.grab().toImage().pixel(october, near_bottom)) == whole
