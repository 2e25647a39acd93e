"""The real window over a real library in a temporary DIGLOT_HOME."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from reader.core.commands.keymap import DEFAULT_KEYMAP
from reader.core.commands.keynames import split_sequence
from reader.core.index.search_index import SearchIndex
from reader.core.library.collection import Library
from reader.core.session.workspace import Workspace
from reader.ui.app import DiglotApp
from reader.ui.workers import SWITCH_INTERVAL
from tests.conftest import DATA
from tests.core.index.pre_move_index import write_pre_move_index
from tests.core.seed_variants import write_variants

_NAMED = {
    "Down": Qt.Key.Key_Down, "Up": Qt.Key.Key_Up, "PgDown": Qt.Key.Key_PageDown,
    "PgUp": Qt.Key.Key_PageUp, "Home": Qt.Key.Key_Home, "End": Qt.Key.Key_End,
    "Tab": Qt.Key.Key_Tab, "Return": Qt.Key.Key_Return, "Escape": Qt.Key.Key_Escape,
    "Esc": Qt.Key.Key_Escape, "Ins": Qt.Key.Key_Insert, "Del": Qt.Key.Key_Delete,
    "Left": Qt.Key.Key_Left, "Right": Qt.Key.Key_Right, "Backspace": Qt.Key.Key_Backspace,
    **{f"F{n}": getattr(Qt.Key, f"Key_F{n}") for n in range(1, 13)},
}
_MODIFIERS = {
    "Ctrl": Qt.KeyboardModifier.ControlModifier, "Alt": Qt.KeyboardModifier.AltModifier,
    "Shift": Qt.KeyboardModifier.ShiftModifier, "Meta": Qt.KeyboardModifier.MetaModifier,
}


def press(widget: QWidget, key: str) -> None:
    """Type one key of the keymap's notation at `widget`, as a user would."""
    *mods, name = key.split("+") if key != "+" and not key.endswith("++") else (
        [*key[:-2].split("+"), "+"] if key.endswith("++") else ["+"]
    )
    modifiers = Qt.KeyboardModifier.NoModifier
    for mod in mods:
        modifiers |= _MODIFIERS[mod]
    if name in _NAMED:
        QTest.keyClick(widget, _NAMED[name], modifiers)
    elif len(name) == 1 and not mods:
        QTest.keyClick(widget, name)  # a printable key: its text is the key
    else:
        QTest.keyClick(widget, Qt.Key(ord(name.upper())), modifiers)


@pytest.fixture
def library_home(diglot_home: Path) -> Path:
    library = diglot_home / "library"
    library.mkdir(parents=True)
    shutil.copy(DATA / "made_up_no_original.txt", library)
    shutil.copy(DATA / "made_up_german_original.txt", library)
    return diglot_home


def start(qtbot: QtBot, home: Path) -> DiglotApp:
    app = DiglotApp(Workspace(home), settings_path=home / "settings.ini")
    qtbot.addWidget(app.window)
    app.start()
    qtbot.waitExposed(app.window)
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow)  # focus and keys need the active window
    qtbot.waitUntil(lambda: not app.indexing and app.workspace.reading.document is not None,
                    timeout=30000)
    return app


@pytest.fixture
def diglot(qtbot: QtBot, library_home: Path) -> Iterator[DiglotApp]:
    app = start(qtbot, library_home)
    yield app
    app.shutdown()


def test_first_launch_indexes_and_opens_a_document(diglot: DiglotApp) -> None:
    workspace = diglot.workspace
    assert len(workspace.catalog.visible()) == 3
    assert diglot.window.windowTitle().startswith("Diglot — ")
    assert diglot.last_report is not None and diglot.last_report.documents == 3


def test_the_window_thread_gets_the_interpreter_promptly(qtbot: QtBot, library_home: Path,
                                                         ) -> None:  # fmt: skip
    # Python's own 5 ms switch interval made the window wait on workers (issue 12).
    sys.setswitchinterval(0.005)
    app = start(qtbot, library_home)
    try:
        assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL)
    finally:
        app.shutdown()


def test_opening_the_seed_shows_both_texts(qtbot: QtBot, diglot: DiglotApp) -> None:
    diglot.workspace.open_document("113729")
    panes = diglot.window.split_view.panes
    assert panes["original"].toPlainText().startswith("Передано т.Булганину [из Сочи]")
    assert "Transmitted to Bulganin" in panes["translation"].toPlainText()
    assert diglot.window.windowTitle() == (
        "Diglot — Ciphered Telegram, Filippov [Stalin] to Mao Zedong and Zhou Enlai (via Roshchin)"
    )
    row = diglot.window.document_list.table.currentIndex().row()
    assert diglot.window.document_list.model.entry(row).id == "113729"


def test_search_opens_the_right_paragraph_with_highlights(
    qtbot: QtBot, diglot: DiglotApp
) -> None:
    panel = diglot.window.search_panel
    diglot.workspace.registry.run("search")
    qtbot.waitUntil(panel.field.hasFocus)
    panel.field.setText("Сеул")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
    with qtbot.waitSignal(panel.hit_activated):
        panel.results.setFocus()
        panel.results.setCurrentIndex(panel.model.index(0, 0))
        QTest.keyClick(panel.results, Qt.Key.Key_Return)
    workspace = diglot.workspace
    assert workspace.reading.document is not None and workspace.reading.document.id == "113729"
    matches = workspace.session.matches
    assert {(m.pane, m.paragraph) for m in matches} >= {("original", 5)}
    split = diglot.window.split_view
    assert split.panes["original"].highlights()
    qtbot.waitUntil(lambda: split.paragraph_at_top("original") in (4, 5))
    before = workspace.session.current
    diglot.workspace.registry.run("next-match")
    assert workspace.session.current == (before + 1) % len(matches)


def test_names_match_in_other_spellings_until_switched_off(
    qtbot: QtBot, diglot: DiglotApp
) -> None:
    panel, window = diglot.window.search_panel, diglot.window
    diglot.workspace.registry.run("search")
    panel.field.setText("Chemulpo")  # the seed writes Чемульпо and Jemulpo
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
    row = panel.model.index(0, 0)
    assert "Чемульпо, for Chemulpo" in row.data()
    assert "Чемульпо, for Chemulpo" in row.data(Qt.ItemDataRole.AccessibleTextRole)
    assert panel.spelling_action in panel.field_menu().actions()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    (key,) = diglot.workspace.keymap.keys_for("toggle-spelling")  # Ctrl+Shift+E: exact
    press(QApplication.focusWidget() or window, key)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=10000)
    assert not diglot.workspace.session.spelling and not panel.spelling_action.isChecked()
    assert panel.status.text() == "0 results (names as typed only)"
    panel.spelling_action.trigger()  # the field's menu turns it back on
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
    assert diglot.workspace.session.spelling


def test_query_errors_show_inline(qtbot: QtBot, diglot: DiglotApp) -> None:
    panel = diglot.window.search_panel
    diglot.search("title:(")
    qtbot.waitUntil(lambda: not panel.error.isHidden(), timeout=10000)
    assert "(" in panel.error.text()


def test_find_in_document_counts_matches(qtbot: QtBot, diglot: DiglotApp) -> None:
    diglot.workspace.open_document("113729")
    diglot.workspace.registry.run("find-in-document")
    diglot.find_bar.field.setText("корей")
    assert len(diglot.workspace.session.matches) == 7
    assert diglot.find_bar.count.text() == "1 of 7"


def close_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


def test_every_command_runs_from_its_key(qtbot: QtBot, diglot: DiglotApp) -> None:
    window, workspace = diglot.window, diglot.workspace
    workspace.open_document("113729")
    ran: list[str] = []
    workspace.registry.running.connect(ran.append)
    for entry in DEFAULT_KEYMAP:
        if entry.name == "quit":
            continue
        keys = workspace.keymap.keys_for(entry.name)
        assert keys, f"{entry.name} has no key"
        close_dialogs()
        window.activateWindow()
        pane = window.split_view.panes[workspace.reading.focused]
        if not pane.isVisible():
            workspace.reading.show_both()
        window.split_view.focus_pane(workspace.reading.focused)
        qtbot.waitUntil(lambda: window.isActiveWindow())
        ran.clear()
        target = QApplication.focusWidget() or window
        for key in split_sequence(keys[0]):
            press(target, key)
        assert ran == [entry.name], f"{keys[0]!r} ran {ran} instead of {entry.name}"
    close_dialogs()
    ran.clear()
    press(QApplication.focusWidget() or window, workspace.keymap.keys_for("quit")[0])
    assert ran == ["quit"]
    assert not window.isVisible()


def test_import_reports_a_broken_file_and_loads_the_good(
    qtbot: QtBot, diglot: DiglotApp, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02 binary")
    assert diglot.index_job is not None
    child = diglot.index_job.pid  # the first launch's index process, waiting for more
    diglot.import_paths([DATA / "made_up_year_only.txt", broken])
    qtbot.waitUntil(lambda: diglot.import_report is not None, timeout=10000)
    assert diglot.import_report is not None
    lines = [diglot.import_report.problems.item(i).text()
             for i in range(diglot.import_report.problems.count())]
    assert len(lines) == 2 and "year_only.txt" in lines[0] and "broken.txt" in lines[1]
    qtbot.waitUntil(lambda: len(diglot.workspace.catalog.visible()) == 4, timeout=20000)
    qtbot.waitUntil(lambda: not diglot.indexing, timeout=20000)
    # The imported page was indexed by that same process, told which file was new.
    assert diglot.index_job.pid == child
    assert diglot.last_report is not None and diglot.last_report.added == 1


def test_settings_survive_a_restart(qtbot: QtBot, library_home: Path) -> None:
    first = start(qtbot, library_home)
    workspace = first.workspace
    workspace.open_document("113729")
    workspace.reading.toggle_orientation()
    workspace.reading.zoom_in()
    workspace.appearance.set_theme("dark")
    first.window.resize(712, 534)  # inside the offscreen screen, which restoreGeometry respects
    first.window.split_view.scroll_to_paragraph("translation", 6)
    first.window.close()

    second = start(qtbot, library_home)
    view = second.workspace.reading
    assert view.document is not None and view.document.id == "113729"
    assert view.layout == "stacked"
    assert view.zoom == 1
    assert second.workspace.appearance.theme == "dark"
    assert second.window.size().width() == 712
    assert second.window.split_view.paragraph_at_top("translation") in (5, 6)
    second.shutdown()


def test_export_pdf_writes_the_open_document(diglot: DiglotApp, tmp_path: Path) -> None:
    from reader.ui.printing import view_html

    diglot.workspace.open_document("113729")
    html = view_html(diglot.workspace.reading)
    assert html is not None
    target = tmp_path / "out" / "telegram.pdf"
    target.parent.mkdir()
    diglot.printing.write_pdf(html, target)
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in diglot.window.status_label.text()
    diglot.printing.write_pdf(html, tmp_path / "missing-folder" / "x.pdf")
    assert diglot.window.status_label.text().startswith("Could not write")


def test_the_progress_bar_has_room_for_its_words(qtbot: QtBot, diglot: DiglotApp) -> None:
    window = diglot.window
    window.show()
    qtbot.waitExposed(window)
    window.show_progress(500, 20_002, "Aligning")
    bar = window.progress
    qtbot.waitUntil(lambda: bar.isVisible() and bar.width() >= bar.minimumWidth())
    assert bar.text() == "Aligning 500/20002"
    assert bar.width() > bar.fontMetrics().horizontalAdvance("Aligning 20002/20002")
    window.show_progress(20_002, 20_002, "Aligning")
    assert not bar.isVisible()


def test_every_control_has_an_accessible_name(diglot: DiglotApp) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QHeaderView,
        QLineEdit,
        QProgressBar,
        QTextEdit,
    )

    controls = (QAbstractButton, QAbstractItemView, QLineEdit, QTextEdit, QProgressBar)
    found = [w for w in diglot.window.findChildren(QWidget) if isinstance(w, controls)]
    # Qt's own parts of composite widgets (dock title buttons, the table's corner button,
    # scroll-area internals) carry "qt_" object names and are named by Qt's accessibility layer.
    # So are the clear buttons Qt puts inside line edits and the headers of item views,
    # which assistive tools read as part of their view.
    ours = [w for w in found if not w.objectName().startswith("qt_")
            and not isinstance(w.parent(), QLineEdit) and not isinstance(w, QHeaderView)]
    assert len(ours) >= 10
    unnamed = [f"{type(w).__name__} {w.objectName()!r} under {type(w.parent()).__name__}"
               for w in ours if not w.accessibleName()]
    assert unnamed == []


def test_without_a_display_the_app_says_so_in_one_line(diglot_home: Path) -> None:
    import subprocess
    import sys

    env = {"DIGLOT_HOME": str(diglot_home), "PATH": "", "HOME": str(diglot_home)}
    result = subprocess.run([sys.executable, "-m", "reader"], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "no display" in lines[0] and "diglot --help" in lines[0]


# Builds and paints the window the way `run_app` does, then lists the heavy modules loaded.
_FIRST_FRAME = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reader.core.paths import data_home
from reader.core.session.workspace import Workspace
from reader.ui.app import DiglotApp
diglot = DiglotApp(Workspace(data_home()), settings_path=Path(sys.argv[1]))
diglot.window.show()
diglot.window.repaint()
heavy = [name for name in ("whoosh", "qdarktheme", "py3langid", "numpy", "reader.core.page.parser",
                           "reader.core.align.solver", "multiprocessing", "tomllib")
         if name in sys.modules]
print(json.dumps({"heavy": heavy, "styled": bool(app.styleSheet())}))
"""


def test_first_frame_loads_neither_the_index_nor_qdarktheme_nor_the_parser(
    diglot_home: Path, tmp_path: Path
) -> None:
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "HOME": str(tmp_path / "user"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}  # fmt: skip

    def first_frame() -> dict[str, object]:
        done = subprocess.run([sys.executable, "-c", _FIRST_FRAME, str(tmp_path / "s.ini")],
                              capture_output=True, text=True, env=env, timeout=120, check=True)
        answer: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
        return answer

    cold = first_frame()  # no theme cache yet: qdarktheme builds it
    assert cold == {"heavy": ["qdarktheme"], "styled": True}
    assert first_frame() == {"heavy": [], "styled": True}


def test_searches_answer_while_an_update_waits(
    qtbot: QtBot, diglot: DiglotApp, tmp_path: Path
) -> None:
    write_variants(tmp_path / "pages", 5, 60000)
    diglot.workspace.library.add_folder(tmp_path / "pages")
    panel = diglot.window.search_panel
    with diglot.workspace.index.store.writing():  # another writer: the update waits for it
        diglot.update_index()
        diglot.search("Сеул")
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
        assert diglot.indexing
    qtbot.waitUntil(lambda: not diglot.indexing, timeout=60000)
    diglot.search("Сеул")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 6, timeout=10000)


def test_an_update_keeps_the_selection_as_documents_arrive(
    qtbot: QtBot, diglot: DiglotApp, tmp_path: Path
) -> None:
    write_variants(tmp_path / "pages", 30, 61000)
    diglot.workspace.library.add_folder(tmp_path / "pages")
    diglot.workspace.open_document("113729")
    grew: list[int] = []
    diglot.workspace.catalog.changed.connect(lambda _: grew.append(len(diglot.workspace.catalog)))
    diglot.update_index()
    qtbot.waitUntil(lambda: not diglot.indexing, timeout=60000)
    assert len(diglot.workspace.catalog.visible()) == 33 and max(grew) == 33
    table = diglot.window.document_list
    assert table.model.entry(table.table.currentIndex().row()).id == "113729"


def test_a_build_killed_midway_is_reported_and_the_next_recovers(
    qtbot: QtBot, diglot_home: Path, tmp_path: Path
) -> None:
    write_variants(tmp_path / "pages", 80, 62000)
    Library(diglot_home).add_folder(tmp_path / "pages")
    app = DiglotApp(Workspace(diglot_home), settings_path=diglot_home / "settings.ini")
    qtbot.addWidget(app.window)
    app.start()
    # Documents reach the list while the first build runs; then its process dies.
    qtbot.waitUntil(lambda: len(app.workspace.catalog) > 0, timeout=60000)
    assert app.indexing and app.index_feed is not None and app.index_feed.job.pid
    os.kill(app.index_feed.job.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: not app.indexing, timeout=30000)
    assert app.window.status_label.text().startswith("Indexing failed")
    assert SearchIndex(diglot_home).count == 0  # nothing half-built was published
    app.update_index()
    qtbot.waitUntil(lambda: not app.indexing, timeout=60000)
    assert app.last_report is not None and app.last_report.documents == 81
    assert len(app.workspace.catalog.visible()) == 81
    app.shutdown()


def test_quitting_during_an_update_keeps_the_last_index(
    qtbot: QtBot, library_home: Path, tmp_path: Path
) -> None:
    first = start(qtbot, library_home)
    write_variants(tmp_path / "pages", 80, 63000)
    first.workspace.library.add_folder(tmp_path / "pages")
    # Holding the writer, the update cannot commit before the window closes, however fast
    # the machine: what is tested is the quitting, never a race with the update.
    with first.workspace.index.store.writing():
        first.update_index()
        feed = first.index_feed
        assert first.indexing and feed is not None
        qtbot.waitUntil(lambda: feed.job.pid is not None, timeout=30000)
        first.window.close()  # stops the update's process
        assert feed.job.finished and feed.job.wait(10)
        assert SearchIndex(library_home).count == 3
    second = start(qtbot, library_home)
    assert second.last_report is not None and second.last_report.documents == 83
    second.shutdown()


def test_an_idle_index_process_ends_and_the_next_update_starts_another(
    qtbot: QtBot, diglot: DiglotApp
) -> None:
    job = diglot.index_job
    assert job is not None and not job.wait(0)  # kept after the first launch's update
    diglot._idle.setInterval(50)
    diglot.update_index()
    qtbot.waitUntil(lambda: not diglot.indexing, timeout=30000)
    qtbot.waitUntil(lambda: job.wait(0), timeout=10000)  # idle: it ended
    first = job.pid
    diglot.update_index()
    qtbot.waitUntil(lambda: not diglot.indexing, timeout=30000)
    assert job.pid != first and diglot.last_report is not None
    assert diglot.last_report.documents == 3


def test_an_index_from_an_older_version_is_rebuilt_and_the_status_says_so(
    qtbot: QtBot, library_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_pre_move_index(library_home, Library(library_home), monkeypatch)
    app = start(qtbot, library_home)
    try:
        assert app.last_report is not None and app.last_report.rebuilt
        assert app.last_report.documents == 3
        assert app.window.status_label.text() == (
            "3 documents; index rebuilt (it was made by an older version of Diglot)"
        )
    finally:
        app.shutdown()
