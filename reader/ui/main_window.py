"""The main window: split view in the centre, list, search and provenance as docks."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from reader.core.session.reading import Aspect
from reader.core.session.workspace import Workspace
from reader.ui.archive_browser import ArchiveBrowser
from reader.ui.document_list import DocumentList
from reader.ui.keys import KeyDispatcher
from reader.ui.metadata_panel import MetadataPanel
from reader.ui.plain_text import plain_label
from reader.ui.search_panel import SearchPanel
from reader.ui.sentence_marks import SentenceMarks
from reader.ui.split_view import SplitView
from reader.ui.timeline import TimelineStrip

APP_NAME = "Diglot"
PROGRESS_INTERVAL = 0.1  # seconds between progress bar updates
_MENU_ORDER = ("File", "Edit", "View", "Navigate", "Search", "Alignment", "Annotate",
               "Provenance", "Help")


class MainWindow(QMainWindow):
    """The reading window. It mirrors the workspace and calls its commands."""

    files_dropped = Signal(list)  # list[Path]: pages or folders to import
    closing = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setObjectName("MainWindow")
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)

        self.split_view = SplitView(workspace.reading, self)
        self.setCentralWidget(self.split_view)
        self.sentence_marks = SentenceMarks(workspace.links, workspace.session, self.split_view)
        self.document_list = DocumentList(workspace.catalog, self)
        self.search_panel = SearchPanel(workspace.session, self)
        self.metadata_panel = MetadataPanel(workspace.reading, self, workspace.browsing)
        self.timeline_strip = TimelineStrip(workspace.timeline, workspace.reading, self)
        self.archive_browser = ArchiveBrowser(workspace.browsing, self)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.list_dock = self._dock("Documents", self._list_with_timeline(), left)
        self.search_dock = self._dock("Search", self.search_panel, left)
        self.browser_dock = self._dock("Archives", self.archive_browser, left)
        self.provenance_dock = self._dock("Provenance", self.metadata_panel, right)
        self.tabifyDockWidget(self.list_dock, self.search_dock)
        self.tabifyDockWidget(self.search_dock, self.browser_dock)
        self.list_dock.raise_()

        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Indexing progress")
        self.progress.setMaximumWidth(320)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self._progress_shown = 0.0
        self.status_label = plain_label(parent=self)  # keys.toml and file text: never markup
        self.status_label.setAccessibleName("Status")
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)

        self.command_actions: dict[str, QAction] = {}
        self._build_menus()
        self.key_dispatcher = KeyDispatcher(
            workspace, self, lambda: self.split_view.focus_pane(workspace.reading.focused))
        app = QApplication.instance()
        if app is not None:
            # On the application, so keys reach commands whichever child has focus; Qt drops
            # the filter when the dispatcher (a child of this window) is deleted.
            app.installEventFilter(self.key_dispatcher)

        self.document_list.document_activated.connect(workspace.open_document)
        # Return (or a double click) on a row: the row is open already; read it.
        self.document_list.table.activated.connect(
            lambda _index: self.split_view.focus_pane(workspace.reading.focused))
        # Opening from the archive browser or the related documents: as from the list.
        self.archive_browser.document_activated.connect(self._open_and_read)
        self.metadata_panel.document_requested.connect(self._open_and_read)
        workspace.reading.changed.connect(self._on_view_changed)
        workspace.message.connect(self.show_message)
        self.sentence_marks.message.connect(self.show_message)
        self.metadata_panel.copy_citation_requested.connect(workspace.copy_citation)

    def _list_with_timeline(self) -> QWidget:
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.timeline_strip)
        layout.addWidget(self.document_list, 1)
        holder.setFocusProxy(self.document_list)
        return holder

    def _open_and_read(self, doc_id: str) -> None:
        if self.workspace.open_document(doc_id):
            self.split_view.focus_pane(self.workspace.reading.focused)

    def toggle_timeline(self) -> None:
        """Show or hide the timeline strip (showing the document list with it)."""
        shown = not self.timeline_strip.isVisible()
        if shown:
            self.list_dock.show()
            self.list_dock.raise_()
        self.timeline_strip.setVisible(shown)

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title.lower()}_dock")  # saveState() needs stable names
        dock.setWidget(widget)
        dock.setAccessibleName(f"{title} panel")
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        bar = self.menuBar()
        menus = {name: bar.addMenu(f"&{name}") for name in _MENU_ORDER}
        keymap = self.workspace.keymap
        for entry in keymap.entries:
            menu = menus.get(entry.category) or menus.setdefault(
                entry.category, bar.addMenu(entry.category)
            )
            keys = ", ".join(keymap.keys_for(entry.name)[:2])
            # The keys are shown after a tab, Qt's shortcut column, but not bound as QAction
            # shortcuts: the KeyDispatcher is the one place keys become commands.
            action = QAction(f"{entry.title}\t{keys}" if keys else entry.title, self)
            action.setStatusTip(entry.description or entry.title)
            action.triggered.connect(self._runner(entry.name))
            menu.addAction(action)
            self.command_actions[entry.name] = action
        view_menu = menus["View"]
        view_menu.addSeparator()
        for dock in (self.list_dock, self.search_dock, self.browser_dock, self.provenance_dock):
            view_menu.addAction(dock.toggleViewAction())

    def _runner(self, name: str) -> Callable[[], None]:
        def run() -> None:
            self.workspace.run_command(name)

        return run

    def bring_to_front(self) -> None:
        """Show the window over the others (window managers may only flag it instead)."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def show_message(self, text: str) -> None:
        """A line in the status bar; it stays until the next one."""
        self.status_label.setText(text)

    def show_progress(self, done: int, total: int, label: str = "Indexing") -> None:
        """Progress of background work in the status bar; hidden when done."""
        if total <= 0 or done >= total:
            self.progress.hide()
            return
        now = time.monotonic()
        if self.progress.isVisible() and now - self._progress_shown < PROGRESS_INTERVAL:
            return  # a repaint per file costs the GUI thread more than the file itself
        self._progress_shown = now
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setFormat(f"{label} %v/%m")
        # Room for the longest text it will show: in a bar sized for no text, the style cut
        # "Aligning 500/20027" at both ends.
        metrics = self.progress.fontMetrics()
        longest = metrics.horizontalAdvance(f"{label} {total}/{total}") + 3 * metrics.height()
        self.progress.setMinimumWidth(min(longest, self.progress.maximumWidth()))
        self.progress.show()

    def toggle_dock(self, dock: QDockWidget) -> None:
        """Hide a panel, or show and focus it (also one behind another panel's tab)."""
        # A tabbed dock behind another tab counts as visible, yet shows nothing.
        if dock.isVisible() and not dock.widget().visibleRegion().isEmpty():
            dock.hide()
            self.split_view.focus_pane(self.workspace.reading.focused)
        else:
            dock.show()
            dock.raise_()
            dock.widget().setFocus()

    def _on_view_changed(self, aspect: Aspect) -> None:
        if aspect == "document":
            document = self.workspace.reading.document
            self.setWindowTitle(f"{APP_NAME} — {document.title}" if document else APP_NAME)
            if document:
                self.document_list.select_document(document.id)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.closing.emit()
        super().closeEvent(event)
