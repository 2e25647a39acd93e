"""Reading from the keyboard in the real window: text size, find bar, matches, list keys."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.core.session.reading import ZOOM_MAX, ZOOM_MIN
from reader.ui.app import DiglotApp
from reader.ui.split_view import text_point_size
from tests.ui.test_app import library_home as library_home
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
    assert second.workspace.reading.zoom == 1
    assert text_size(second) == text_point_size(1)
    second.shutdown()


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def type_key(window: QWidget, key: str) -> None:
    press(focused() or window, key)


@pytest.fixture
def three(qtbot: QtBot, library_home: Path) -> Iterator[DiglotApp]:
    app = start(qtbot, library_home)  # the seed and two more pages
    qtbot.waitUntil(lambda: len(app.workspace.catalog.visible()) == 3, timeout=20000)
    yield app
    app.shutdown()


def test_escape_and_the_close_button_close_the_find_bar(
    qtbot: QtBot, reader: DiglotApp
) -> None:
    window, split, bar = reader.window, reader.window.split_view, reader.find_bar
    split.focus_pane("translation")
    type_key(window, "Ctrl+F")
    assert bar.isVisible() and focused() is bar.field
    bar.field.setText("корей")
    assert len(reader.workspace.session.matches) == 7
    type_key(window, "Escape")
    assert not bar.isVisible()
    assert reader.workspace.session.matches == ()  # its highlights go with it
    assert split.panes["original"].highlights() == []
    assert focused() is split.panes["translation"]  # back where the reader came from
    assert window.status_label.text() == ""  # no "match 1 of 7" left over
    type_key(window, "Ctrl+F")
    assert bar.isVisible() and len(reader.workspace.session.matches) == 7
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible() and focused() is split.panes["translation"]
    type_key(window, "Ctrl+F")
    split.focus_pane("original")  # reading on with the bar open: Escape closes it too
    type_key(window, "Escape")
    assert not bar.isVisible() and focused() is split.panes["original"]


def test_n_marks_the_current_match_shows_it_and_counts(qtbot: QtBot, reader: DiglotApp) -> None:
    window, split, session = reader.window, reader.window.split_view, reader.workspace.session
    type_key(window, "Ctrl+F")
    reader.find_bar.field.setText("корей")
    split.focus_pane("original")
    total = len(session.matches)
    for expected in (2, 3, 2):
        type_key(window, "n" if expected != 2 or session.current == 0 else "N")
        assert session.current == expected - 1
        match = session.current_match
        assert match is not None
        pane = split.panes[match.pane]
        styles = dict(zip(pane.highlights(), pane.mark_styles("search"), strict=True))
        assert [r for r, style in styles.items() if style == "current"] == [match[1:]]
        assert list(styles.values()).count("search") == len(pane.highlights()) - 1
        # In view, and its counterpart marked apart in the other pane.
        top = pane.verticalScrollBar().value()
        span = pane.range_span(*match[1:])
        assert span is not None and top <= span[0] and span[1] <= top + pane.viewport().height()
        other = split.panes["translation" if match.pane == "original" else "original"]
        assert other.mark_styles("echo").count("current-echo") >= 1
        assert window.status_label.text() == f"match {expected} of {total}"


def test_list_keys_belong_to_the_list_and_return_opens(qtbot: QtBot, three: DiglotApp) -> None:
    window, split, table = three.window, three.window.split_view, three.window.document_list.table
    split.scroll_to_paragraph("original", 3)
    before = split.panes["original"].verticalScrollBar().value()
    type_key(window, "o")
    assert focused() is table
    table.setCurrentIndex(table.model().index(0, 0))
    type_key(window, "Down")
    assert table.currentIndex().row() == 1
    type_key(window, "End")
    assert table.currentIndex().row() == 2
    type_key(window, "PgUp")
    assert table.currentIndex().row() == 0
    type_key(window, "Home")
    type_key(window, "PgDown")
    assert table.currentIndex().row() == 2
    type_key(window, "Up")
    assert table.currentIndex().row() == 1
    assert focused() is table
    wanted = table.model().index(1, 0).data(Qt.ItemDataRole.UserRole + 1)
    type_key(window, "Return")
    view = three.workspace.reading
    assert view.document is not None and view.document.id == wanted
    assert focused() is split.panes[view.focused]
    del before


def test_search_results_and_facets_keep_their_keys(qtbot: QtBot, three: DiglotApp) -> None:
    window, panel = three.window, three.window.search_panel
    type_key(window, "/")
    panel.field.setText("soviet")
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 2, timeout=10000)
    type_key(window, "Down")  # from the field into the results
    assert focused() is panel.results and panel.results.currentIndex().row() == 0
    type_key(window, "Down")
    assert panel.results.currentIndex().row() == 1
    type_key(window, "Home")
    assert panel.results.currentIndex().row() == 0
    type_key(window, "End")
    last = panel.model.rowCount() - 1
    assert panel.results.currentIndex().row() == last
    hit = three.workspace.session.results.hits[last]
    type_key(window, "Return")
    assert three.workspace.reading.document is not None
    assert three.workspace.reading.document.id == hit.id
    facets = three.window.document_list.facets
    type_key(window, "o")
    facets.setFocus()
    facets.setCurrentItem(facets.topLevelItem(0))
    type_key(window, "Down")
    assert facets.currentItem() is not facets.topLevelItem(0)


def test_the_import_report_lists_every_file_and_the_summary_stays(
    qtbot: QtBot, reader: DiglotApp, tmp_path: Path
) -> None:
    from tests.conftest import SEED_PAGE
    from tests.core.seed_variants import variant, write_page

    new = write_page(tmp_path / "made_up_import.txt", variant(record_id="900301"))
    broken = write_page(tmp_path / "made_up_broken.txt", "")
    reader.import_paths([SEED_PAGE, new, broken])
    assert reader.window.status_label.text() == "Importing 3 items…"
    qtbot.waitUntil(lambda: reader.import_report is not None, timeout=10000)
    dialog = reader.import_report
    assert dialog is not None
    lines = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert lines[0] == f"already there: {SEED_PAGE} is record 113729 ({SEED_PAGE})"
    assert lines[1].startswith(f"imported: {new} as ")
    assert lines[2] == f"failed: {broken}: the file is empty"
    summary = "Imported 1 page; 1 already in the library; 1 not imported."
    assert dialog.heading.text() == summary
    qtbot.waitUntil(lambda: len(reader.workspace.catalog.visible()) == 2, timeout=20000)
    qtbot.waitUntil(lambda: not reader.indexing, timeout=20000)
    # The update that follows does not wipe out what the import said.
    assert reader.window.status_label.text() == f"{summary} 2 documents"


def test_a_page_imported_from_a_terminal_appears_in_the_window(
    qtbot: QtBot, reader: DiglotApp, tmp_path: Path, diglot_home: Path
) -> None:
    import os
    import subprocess
    import sys

    from tests.core.seed_variants import made_up_id, variant, write_page

    qtbot.waitUntil(lambda: reader.library_watcher is not None, timeout=10000)
    new = write_page(tmp_path / "made_up_terminal.txt",
                     variant(record_id="900401", title="Made-up page from a terminal"))
    done = subprocess.run([sys.executable, "-m", "reader", "import", str(new)],
                          env={**os.environ, "DIGLOT_HOME": str(diglot_home)},
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    visible = reader.workspace.catalog.visible
    # "Within a second or two": the bound is generous for a loaded machine; bench/ times it.
    qtbot.waitUntil(lambda: made_up_id(900401) in {e.id for e in visible()}, timeout=5000)
    qtbot.waitUntil(lambda: reader.window.status_label.text().startswith("2 documents"),
                    timeout=5000)
    # Dropped straight into the library folder, and taken out again.
    dropped = write_page(diglot_home / "library" / "made_up_dropped.txt",
                         variant(record_id="900402", title="Made-up dropped page"))
    qtbot.waitUntil(lambda: made_up_id(900402) in {e.id for e in visible()}, timeout=5000)
    dropped.unlink()
    qtbot.waitUntil(lambda: made_up_id(900402) not in {e.id for e in visible()}, timeout=5000)


def test_t_says_which_theme_is_on(qtbot: QtBot, reader: DiglotApp) -> None:
    window = reader.window
    reader.window.split_view.focus_pane("original")
    said = []
    for _ in range(3):
        type_key(window, "t")
        said.append(window.status_label.text())
    assert said == ["Theme: light", "Theme: dark", "Theme: system (follows the desktop)"]


def test_the_export_dialog_opens_where_the_last_pdf_went(
    qtbot: QtBot, reader: DiglotApp, tmp_path: Path
) -> None:
    from reader.ui.printing import view_html

    html = view_html(reader.workspace.reading)
    assert html is not None
    folder = tmp_path / "exports"
    folder.mkdir()
    reader.printing.write_pdf(html, folder / "first.pdf")
    reader.printing.export_pdf()
    dialog = reader.printing.export_dialog
    assert dialog is not None
    assert Path(dialog.directory().absolutePath()) == folder
    dialog.reject()
    assert reader.settings.export_folder() == folder  # kept in the settings file
