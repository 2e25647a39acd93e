from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.core.session.workspace import Workspace
from reader.ui.main_window import MainWindow
from reader.ui.window_settings import FIRST_SIZE, WindowSettings


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
    reading = again.reading
    assert (reading.swapped, reading.visible, reading.zoom) == (True, "translation", 3)
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


def test_a_first_launch_fits_a_screen_smaller_than_the_default(
    qtbot: QtBot, diglot_home: Path, tmp_path: Path
) -> None:
    workspace, window = make(qtbot, diglot_home)
    screen = window.screen().availableGeometry()  # the offscreen screen is 800 by 800
    assert screen.width() < FIRST_SIZE.width()
    WindowSettings(tmp_path / "settings.ini").restore(window, workspace.reading)
    window.show()
    qtbot.waitExposed(window)
    frame = window.frameGeometry()
    assert frame.width() <= screen.width() and frame.height() <= screen.height()
    # The reading panes keep most of the width: the docks shrink with the window.
    assert window.split_view.width() >= window.width() // 3
