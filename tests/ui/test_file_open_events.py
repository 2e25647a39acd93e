"""A file-open event (how macOS Finder hands a document to the app) imports and opens the page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui.app import DiglotApp
from reader.ui.file_open_events import FileOpenEvents
from tests.conftest import DATA
from tests.ui.test_app import start

GERMAN = "made_up_german_original.txt"  # record "made-up-120005"


def test_a_file_open_event_imports_and_opens_the_page(qtbot: QtBot, diglot_home: Path) -> None:
    app: DiglotApp = start(qtbot, diglot_home)  # the seed is open
    events = FileOpenEvents()
    events.files_received.connect(app.open_paths)
    qapp = QApplication.instance()
    assert qapp is not None
    qapp.installEventFilter(events)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(str(DATA / GERMAN)))
        qtbot.waitUntil(lambda: app.workspace.reading.document is not None
                        and app.workspace.reading.document.id == "made-up-120005",
                        timeout=30000)
    finally:
        qapp.removeEventFilter(events)
    assert (diglot_home / "library" / GERMAN).read_bytes() == (DATA / GERMAN).read_bytes()
    app.shutdown()


def test_an_event_naming_no_file_is_left_alone(qtbot: QtBot) -> None:
    events = FileOpenEvents()
    received: list[list[Path]] = []
    events.files_received.connect(received.append)
    assert not events.eventFilter(events, QFileOpenEvent(QUrl("diglot:nothing")))
    assert events.eventFilter(events, QFileOpenEvent("relative.txt"))
    assert received == [[Path("relative.txt").absolute()]]
