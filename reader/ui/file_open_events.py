"""Files the desktop hands to the running app as events rather than on the command line.

macOS Finder opens a document in a running app (and in one it is just starting) with a
`QFileOpenEvent` sent to the application, not with a second launch carrying the path: without
this the double-clicked page would be dropped. Other platforms never send the event, so the
filter costs nothing there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFileOpenEvent


class FileOpenEvents(QObject):
    """An application event filter that turns file-open events into `files_received`."""

    files_received = Signal(list)  # list[Path], absolute

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            name = event.file()
            if name:  # an URL-only event (a custom scheme) names no file
                self.files_received.emit([Path(name).absolute()])
                return True
        return super().eventFilter(watched, event)
