"""Starting the window process: the display, the application, one instance, then the window.

`diglot` with no command (or with page files) comes here. With Diglot already running on the
same data folder the files are handed to that window and this process ends; otherwise the
window is built by `ui.app` and runs until it closes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from reader import APP_ID, APP_NAME
from reader.core.paths import data_home
from reader.core.session.workspace import Workspace
from reader.ui.app import DiglotApp
from reader.ui.display import display_problem
from reader.ui.file_open_events import FileOpenEvents
from reader.ui.resources import app_icon, register_fonts
from reader.ui.single_instance import claim_or_hand_over


def run_app(argv: list[str], files: list[Path] | None = None) -> int:
    """Open the window and run until it closes; returns the process exit code.

    With Diglot already running on the same data folder, `files` go to its window instead.
    """
    problem = display_problem()
    if problem:
        print(f"diglot: {problem}", file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)  # the WM_CLASS class: the .desktop's StartupWMClass
    app.setOrganizationName("Diglot")
    app.setDesktopFileName(APP_ID)  # Wayland's app_id
    app.setWindowIcon(app_icon())
    instance = claim_or_hand_over(data_home(), files or [])
    if instance is None:
        return 0  # the running window has the files
    register_fonts()
    diglot = DiglotApp(Workspace(data_home()))
    instance.files_received.connect(diglot.open_paths)
    file_opens = FileOpenEvents(app)
    file_opens.files_received.connect(diglot.open_paths)
    app.installEventFilter(file_opens)
    diglot.start()
    if files:
        diglot.open_paths(files)
    code = int(app.exec())
    instance.close()
    return code
