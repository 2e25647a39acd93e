"""The window's state between sessions: geometry, docks, reading view, theme and place."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication

from reader.core.session.appearance import Appearance
from reader.core.session.reading import ReadingState
from reader.core.text_range import PANES, Pane
from reader.ui.main_window import MainWindow


@dataclass
class SavedPlace:
    """The document that was open and the paragraph at the top of each pane."""

    document_id: str = ""
    paragraphs: dict[Pane, int] = field(default_factory=lambda: dict.fromkeys(PANES, 0))


FIRST_SIZE = QSize(1400, 880)  # room for the list, two panes and the provenance panel
SCREEN_MARGIN = 48  # the desktop's panels and the window frame


def first_size(window: MainWindow) -> QSize:
    """The window's size at a first launch: the roomy default, shrunk to fit a smaller screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return FIRST_SIZE
    available = screen.availableGeometry().size()
    return FIRST_SIZE.boundedTo(available - QSize(SCREEN_MARGIN, SCREEN_MARGIN))


class WindowSettings:
    """The settings file, an INI file kept by QSettings.

    QSettings writes the file whole through QSaveFile, so a crash mid-write leaves the
    previous one.
    """

    def __init__(self, path: Path) -> None:
        self.settings = QSettings(str(path), QSettings.Format.IniFormat)

    def appearance(self) -> dict[str, Any]:
        """What `Appearance.restore` takes; read before the first paint."""
        return {"theme": self.settings.value("appearance/theme", "system")}

    def export_folder(self) -> Path:
        """The folder the last PDF was exported to; the home folder before the first."""
        saved = self.settings.value("export/folder", "")
        folder = Path(str(saved)) if saved else Path.home()
        return folder if folder.is_dir() else Path.home()

    def set_export_folder(self, folder: Path) -> None:
        """Remember where a PDF was exported, for the next export dialog."""
        self.settings.setValue("export/folder", str(folder))
        self.settings.sync()

    def restore(self, window: MainWindow, view: ReadingState) -> SavedPlace:
        """Put the window and view back as they were; returns where the reader was."""
        settings = self.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        else:
            window.resize(first_size(window))
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            window.restoreState(state)
        else:  # first launch: room for the list's columns and the provenance panel
            width = window.width()
            window.resizeDocks(
                [window.list_dock, window.provenance_dock],
                [min(400, width * 29 // 100), min(360, width * 26 // 100)],
                Qt.Orientation.Horizontal,
            )
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            window.split_view.splitter.restoreState(splitter)
        view.restore(_read_group(settings, "view"))
        return SavedPlace(
            str(settings.value("document/id", "") or ""),
            {pane: _int(settings.value(f"document/{pane}", 0)) for pane in PANES},
        )

    def save(self, window: MainWindow, view: ReadingState, appearance: Appearance) -> None:
        """Write what `restore` and `appearance` read."""
        settings = self.settings
        settings.setValue("window/geometry", window.saveGeometry())
        settings.setValue("window/state", window.saveState())
        settings.setValue("window/splitter", window.split_view.splitter.saveState())
        settings.setValue("appearance/theme", appearance.theme)
        for key, value in view.to_dict().items():
            if isinstance(value, str | int | bool):
                settings.setValue(f"view/{key}", value)
        settings.setValue("document/id", view.document.id if view.document else "")
        for pane in PANES:
            settings.setValue(f"document/{pane}", window.split_view.paragraph_at_top(pane))
        settings.sync()


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


def _read_group(settings: QSettings, group: str) -> dict[str, Any]:
    # INI files give strings back; turn the booleans and numbers the view saved into values.
    settings.beginGroup(group)
    try:
        result: dict[str, Any] = {}
        for key in settings.childKeys():
            value = settings.value(key)
            if isinstance(value, str) and value in ("true", "false"):
                value = value == "true"
            elif isinstance(value, str) and value.lstrip("-").isdigit():
                value = int(value)
            result[key] = value
        return result
    finally:
        settings.endGroup()
