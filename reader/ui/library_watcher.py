"""The library's folders watched with QFileSystemWatcher: a thin adapter over LibraryWatch.

QFileSystemWatcher rather than the watchdog package: Qt is here already, its signals arrive
on the GUI thread (no thread of our own to hand them over), and a folder watch is all the
core needs, since it compares the folder's listing itself (see `core.library_watch`).
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from reader.core.library.watch import LibraryWatch


class LibraryWatcher(QObject):
    """Says which page files appeared, changed or went in the watched folders, in batches."""

    changed = Signal(list)  # list[Path]

    def __init__(self, watch: LibraryWatch, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watch = watch
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_due)
        self._watcher.directoryChanged.connect(self._on_directory_changed)
        self._add(watch.folders())

    def watched(self) -> list[Path]:
        """The folders being watched."""
        return sorted(Path(name) for name in self._watcher.directories())

    def _add(self, folders: list[Path]) -> None:
        names = [str(folder) for folder in folders]
        if names:
            self._watcher.addPaths(names)  # those that cannot be watched are left out

    def _on_directory_changed(self, name: str) -> None:
        now = time.monotonic()
        self.watch.note(Path(name), now)
        self._arm(now)

    def _arm(self, now: float) -> None:
        wait = self.watch.wait(now)
        if wait is not None:
            self._timer.start(round(wait * 1000))

    def _on_due(self) -> None:
        now = time.monotonic()
        wait = self.watch.wait(now)
        if wait is None:
            return
        if wait > 0:
            self._timer.start(round(wait * 1000))
            return
        changes = self.watch.take()
        gone = [str(folder) for folder in changes.gone_folders]
        if gone:
            self._watcher.removePaths(gone)
        self._add([f for f in self.watch.folders() if str(f) not in self._watcher.directories()])
        if changes.files:
            self.changed.emit(changes.files)
