"""The window over a damaged index and a broken keys.toml: it starts, says so, and recovers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bench.concurrent import WINDOW_SCRIPT
from reader.core.commands.keymap import DEFAULT_KEYMAP
from reader.core.index.search_index import SearchIndex
from reader.core.library.collection import Library
from reader.core.session.workspace import Workspace
from reader.ui.app import DiglotApp
from tests.conftest import ROOT
from tests.core.seed_variants import variant, write_page
from tests.test_cli_disks import chmod_tree, denying

PAGES = 40
LEAKS = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


def build(home: Path) -> Path:
    for number in range(PAGES):
        write_page(home / "library" / f"page-{number}.txt",
                   variant(record_id=str(900700 + number), title=f"Window page {number}"))
    SearchIndex(home).update(Library(home))
    (segment,) = (home / "index").glob("gen-*/*.seg")
    return segment


def start(qtbot: QtBot, home: Path) -> tuple[DiglotApp, list[int]]:
    app = DiglotApp(Workspace(home), settings_path=home / "settings.ini")
    qtbot.addWidget(app.window)
    shown: list[int] = []  # the progress bar's values, as the user saw them
    app.window.progress.valueChanged.connect(shown.append)
    app.start()
    qtbot.waitExposed(app.window)
    return app, shown


def settled(app: DiglotApp) -> bool:
    return not app.indexing and app.workspace.reading.document is not None


@LEAKS
def test_a_damaged_index_is_rebuilt_at_start_with_its_progress_bar(
    qtbot: QtBot, diglot_home: Path
) -> None:
    segment = build(diglot_home)
    corrections = diglot_home / "corrections" / "made_up_links.json"
    corrections.parent.mkdir()
    corrections.write_text('{"kept": true}')
    segment.write_bytes(bytes(segment.stat().st_size))  # zeroed
    app, shown = start(qtbot, diglot_home)
    try:
        qtbot.waitUntil(lambda: settled(app), timeout=60000)
        assert app.last_report is not None and app.last_report.rebuilt
        assert segment.name in app.last_report.damage
        message = app.window.status_label.text()
        assert message.startswith("The index was damaged (") and "rebuilt it" in message
        assert shown and max(shown) > 0  # the rebuild went through the bar
        assert len(app.workspace.catalog.visible()) == PAGES + 1
        assert corrections.read_text() == '{"kept": true}'  # annotations: never touched
    finally:
        app.shutdown()


@LEAKS
def test_a_search_that_meets_damage_rebuilds_the_index(
    qtbot: QtBot, diglot_home: Path
) -> None:
    build(diglot_home)
    app, _shown = start(qtbot, diglot_home)
    try:
        qtbot.waitUntil(lambda: settled(app), timeout=60000)
        (segment,) = (diglot_home / "index").glob("gen-*/*.seg")
        segment.write_bytes(bytes(segment.stat().st_size))  # zeroed under the running window
        panel = app.window.search_panel
        app.search("Сеула")
        qtbot.waitUntil(lambda: app.last_report is not None and app.last_report.rebuilt,
                        timeout=60000)
        assert app.last_report is not None and app.last_report.damage
        qtbot.waitUntil(lambda: not app.indexing, timeout=60000)
        app.search("Сеулу")  # another query: the same one is not asked twice
        qtbot.waitUntil(lambda: panel.model.rowCount() == PAGES + 1, timeout=20000)
    finally:
        app.shutdown()


@pytest.mark.parametrize("text", ['[keys]\n"next-document" = ' + "[" * 500 + "]" * 500,
                                  "\ufeff[keys]\nbogus = 1\n"], ids=["nested", "bom"])
def test_a_broken_keys_file_is_one_message_and_the_window_starts(
    qtbot: QtBot, diglot_home: Path, text: str
) -> None:
    keys = diglot_home / "config" / "keys.toml"
    keys.parent.mkdir(parents=True)
    keys.write_text(text, encoding="utf-8")
    messages: list[str] = []
    workspace = Workspace(diglot_home)
    workspace.message.connect(messages.append)
    app = DiglotApp(workspace, settings_path=diglot_home / "settings.ini")
    qtbot.addWidget(app.window)
    try:
        app.start()
        qtbot.waitExposed(app.window)
        (problem,) = workspace.keymap_problems
        assert problem in messages and problem.startswith(str(keys))
        assert "\n" not in problem
        keymap = workspace.keymap
        assert all(keymap.keys_for(entry.name) == entry.keys for entry in DEFAULT_KEYMAP)
        qtbot.waitUntil(lambda: settled(app), timeout=60000)
    finally:
        app.shutdown()


def test_a_read_only_data_folder_opens_the_window_and_says_so(diglot_home: Path) -> None:
    build(diglot_home)
    write_page(diglot_home / "library" / "late.txt", variant(record_id="900790", title="Late"))
    chmod_tree(diglot_home, 0o444)
    try:  # in a child: root's permissions are dropped for it alone (see test_cli_disks)
        done = subprocess.run([*denying(), sys.executable, "-c", WINDOW_SCRIPT, str(diglot_home)],
                              capture_output=True, text=True, cwd=ROOT, timeout=120,
                              env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    finally:
        chmod_tree(diglot_home, 0o644)
    assert done.returncode == 0, done.stderr
    count, message = done.stdout.splitlines()[-2:]
    assert int(count) == PAGES + 1  # as last indexed: the late page could not be taken in
    assert "changes cannot be saved (" in message and "Permission denied" in message
    assert "Traceback" not in done.stderr


def test_a_window_waiting_for_another_writer_says_so(qtbot: QtBot, diglot_home: Path) -> None:
    build(diglot_home)
    write_page(diglot_home / "library" / "late.txt", variant(record_id="900791", title="Late"))
    lock = SearchIndex(diglot_home).store.writing()
    lock.__enter__()  # another Diglot, writing the index
    try:
        app, _shown = start(qtbot, diglot_home)
        qtbot.waitUntil(lambda: "Waiting for another Diglot" in app.window.status_label.text(),
                        timeout=30000)
        assert app.indexing
    finally:
        lock.__exit__(None, None, None)
    try:
        qtbot.waitUntil(lambda: settled(app), timeout=60000)
        assert len(app.workspace.catalog.visible()) == PAGES + 2
    finally:
        app.shutdown()


def test_an_unreadable_folder_keeps_its_documents_in_the_window(diglot_home: Path) -> None:
    build(diglot_home)
    sub = diglot_home / "library" / "sub"
    write_page(sub / "inner.txt", variant(record_id="900792", title="Inner"))
    SearchIndex(diglot_home).update(Library(diglot_home))
    sub.chmod(0o000)
    try:  # in a child: root's permissions are dropped for it alone (see test_cli_disks)
        done = subprocess.run([*denying(), sys.executable, "-c", WINDOW_SCRIPT, str(diglot_home)],
                              capture_output=True, text=True, cwd=ROOT, timeout=120,
                              env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    finally:
        sub.chmod(0o755)
    assert done.returncode == 0, done.stderr
    count, message = done.stdout.splitlines()[-2:]
    assert int(count) == PAGES + 2
    assert f"{sub} cannot be read: its documents are kept as last indexed" in message
