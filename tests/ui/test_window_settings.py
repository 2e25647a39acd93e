from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.core.session.workspace import Workspace
from reader.ui.main_window import MainWindow
from reader.ui.window_settings import WindowSettings


def make(qtbot: QtBot, home: Path) -> tuple[Workspace, MainWindow]:
    workspace = Workspace(home)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    return workspace, window


def test_round_trip(qtbot: QtBot, diglot_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    workspace, window = make(qtbot, diglot_home)
    workspace.reading.swap()
    workspace.reading.show_only("translation")
    workspace.reading.set_zoom(3)
    workspace.appearance.set_theme("dark")
    WindowSettings(path).save(window, workspace.reading, workspace.appearance)

    again, window2 = make(qtbot, diglot_home)
    settings = WindowSettings(path)
    again.appearance.restore(settings.appearance())
    place = settings.restore(window2, again.reading)
    assert (again.reading.swapped, again.reading.visible, again.reading.zoom) == (True, "translation", 3)
    assert again.appearance.theme == "dark"
    assert place.document_id == ""


def test_a_damaged_file_keeps_the_defaults(qtbot: QtBot, diglot_home: Path,
                                           tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[view]\nzoom=lots\nlayout=diagonal\n[document]\nid=113729\noriginal=x\n")
    workspace, window = make(qtbot, diglot_home)
    place = WindowSettings(path).restore(window, workspace.reading)
    assert (workspace.reading.zoom, workspace.reading.layout) == (0, "side_by_side")
    assert place.document_id == "113729"
    assert place.paragraphs == {"original": 0, "translation": 0}
