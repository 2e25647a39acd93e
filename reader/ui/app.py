"""The one wiring point: builds the core workspace and the window, and connects them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from reader.core.index.job_messages import LOCK_WAIT
from reader.core.index.types import DocumentEntry, UpdateReport
from reader.core.library.page_files import ImportReport
from reader.core.library.watch import LibraryWatch
from reader.core.paths import config_dir
from reader.core.session.hand_over import PendingOpen
from reader.core.session.index_updates import IndexUpdates, UpdateRequest
from reader.core.session.search import SearchResults
from reader.core.session.workspace import Workspace
from reader.core.wording import plural
from reader.ui.annotation_controls import AnnotationControls
from reader.ui.find_bar import FindBar
from reader.ui.main_window import MainWindow
from reader.ui.print_actions import PrintActions
from reader.ui.theme import ThemeController
from reader.ui.window_commands import WindowCommands
from reader.ui.window_settings import SavedPlace, WindowSettings
from reader.ui.workers import (
    FirstFrame,
    IndexJobFeed,
    ProgressFn,
    Slicer,
    TaskRunner,
    exempt_long_lived,
    share_interpreter_promptly,
)

# Dialogs and printing are imported when first asked for: the first frame needs none of them.
if TYPE_CHECKING:
    from reader.core.align.store import Progress
    from reader.core.index.job import IndexJob
    from reader.ui.import_report import ImportReportDialog
    from reader.ui.library_watcher import LibraryWatcher

SETTINGS_FILE = "settings.ini"
IDLE_MS = 5 * 60 * 1000  # an index process with no update for this long ends


class DiglotApp:
    """Builds the window over a workspace, binds the UI's commands and runs slow work."""

    def __init__(self, workspace: Workspace, settings_path: Path | None = None) -> None:
        self.workspace = workspace
        self.settings = WindowSettings(settings_path or config_dir() / SETTINGS_FILE)
        # The theme is restored before the widgets exist: each is styled once as it is made,
        # not made and then restyled, and start-up paints once.
        workspace.appearance.restore(self.settings.appearance())
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.theme = ThemeController(app, workspace.appearance, workspace.home / "cache")
        self.window = MainWindow(workspace)
        # One thread for reading the index (searches, listing): our searcher cache is not
        # shared across threads. Updates run in a child process (`update_index`).
        self.index_tasks = TaskRunner(self.window, max_threads=1)
        # Reading a big page and aligning a huge one: never on the GUI thread (issue 12).
        self.reading_tasks = TaskRunner(self.window, max_threads=1)
        workspace.set_background(self._in_background)
        # The archive tree of a large library takes seconds: built apart, never in the way.
        self.browse_tasks = TaskRunner(self.window, max_threads=1)
        workspace.browsing.set_background(lambda work, then: self.browse_tasks.submit(
            work, on_finished=then, on_failed=lambda _error: then(None)))
        self.find_bar = FindBar(workspace.session, self.window)
        self._wrap_central_with_find_bar()
        self.import_report: ImportReportDialog | None = None
        self.last_report: UpdateReport | None = None
        self._shut_down = False
        self.printing = PrintActions(workspace, self.window, self.settings,
                                     selected=self.window.document_list.selected_ids)
        self._place = SavedPlace()  # where to go once the list knows the document
        self._first_frame: FirstFrame | None = None  # starts the index after the first paint
        self.index_feed: IndexJobFeed | None = None  # the index update running, if any
        self.index_job: IndexJob | None = None  # its child process, kept between updates
        self.library_watcher: LibraryWatcher | None = None  # made after the first paint
        # A child waiting for updates holds the index's manifest and the file listing: after
        # IDLE_MS without an update it ends, and the next update starts another.
        self._idle = QTimer(self.window)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self._close_idle_job)
        self._slicer = Slicer(self.window)
        self.updates = IndexUpdates()  # when to index, list and open: the rules, Qt-free
        self.annotations = AnnotationControls(workspace, self.window)
        self.pending_open = PendingOpen()  # a file given at launch, to open once listed
        # The commands that need widgets, bound over the window (the core binds the rest).
        self.commands = WindowCommands(workspace, self.window, self.find_bar, self.printing,
                                       self.annotations, self.import_paths)
        self._connect()

    def _in_background(self, work: Callable[[Progress], Any], then: Callable[[Any], None]) -> None:
        def run(report: ProgressFn) -> Any:
            return work(lambda done, total: report(done, total, "Aligning"))

        self.reading_tasks.submit(
            run, on_finished=then,
            on_progress=lambda done, total, label: self.window.show_progress(done, total, label),
        )  # fmt: skip

    def _wrap_central_with_find_bar(self) -> None:
        holder = QWidget(self.window)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.window.split_view, 1)
        layout.addWidget(self.find_bar)
        self.window.setCentralWidget(holder)

    # Wiring --------------------------------------------------------------------------------

    def _connect(self) -> None:
        workspace, window = self.workspace, self.window
        workspace.clipboard.connect(lambda text: QApplication.clipboard().setText(text))
        window.search_panel.query_changed.connect(self.search)
        window.search_panel.hit_activated.connect(self.open_hit)
        window.files_dropped.connect(self.import_paths)
        window.closing.connect(self.shutdown)
        workspace.session.changed.connect(self._on_session_changed)
        workspace.catalog.changed.connect(lambda _: self._open_pending())
        self.find_bar.text_changed.connect(workspace.find_in_document)
        self.find_bar.next_requested.connect(lambda: workspace.run_command("next-match"))
        self.find_bar.closed.connect(self._on_find_bar_closed)
        for problem in workspace.keymap_problems:
            workspace.message.emit(problem)

    def _on_find_bar_closed(self) -> None:
        # Its matches go with it; the keyboard goes back to the pane the reader came from.
        self.workspace.session.set_matches([])
        self.window.show_message("")  # its "match 3 of 8" no longer holds
        self.window.split_view.focus_pane(self.workspace.reading.focused)

    def search(self, query: str) -> None:
        """Run a query off the GUI thread; only the latest query's results are shown."""
        if self._shut_down or not self.workspace.session.ask(query):
            return
        spelling = self.workspace.session.spelling  # as asked, whatever changes meanwhile
        self.index_tasks.submit(
            lambda: self.workspace.run_search(query, spelling=spelling),
            on_finished=self._on_search_results,
        )

    def _on_search_results(self, results: SearchResults) -> None:
        if self._shut_down:
            return  # answered after the window went: its result list may be gone
        self.workspace.session.answer(results)
        if results.damage:
            self.update_index(damaged=results.damage)  # a rebuild, with its progress bar

    def open_hit(self, row: int) -> None:
        """Open a search result at its paragraph, with every match highlighted.

        A document found through a note opens at that annotation, as the annotations panel
        shows one.
        """
        hits = self.workspace.session.results.hits
        annotation = getattr(hits[row], "annotation", "") if 0 <= row < len(hits) else ""
        if annotation:
            self.annotations.jump(hits[row].id, annotation)
            self.window.split_view.focus_pane(hits[row].pane)  # type: ignore[arg-type]
            return
        place = self.workspace.open_hit(row)
        if place is not None:
            self.window.split_view.scroll_to_paragraph(place.pane, place.paragraph)
        if self.workspace.reading.document is not None:
            self.window.split_view.focus_pane(self.workspace.reading.focused)

    def _on_session_changed(self, aspect: str) -> None:
        session, split = self.workspace.session, self.window.split_view
        if aspect == "spelling":
            self.window.show_message("Names in every spelling" if session.spelling
                                     else "Names as typed only")  # fmt: skip
            self.search(session.query)  # the same query, answered the other way
            return
        if aspect not in ("matches", "current"):
            return
        match = session.current_match
        split.highlight(session.matches, match)
        if match is not None:
            split.reveal([match], lead=True)
            self.window.show_message(f"match {session.current + 1} of {len(session.matches)}")

    def import_paths(self, paths: list[Path]) -> None:
        """Copy pages into the library off the GUI thread, then index them."""
        self.window.show_message(f"Importing {plural(len(paths), 'item')}…")
        self.index_tasks.submit(
            lambda: self.workspace.import_files(paths), on_finished=self._on_imported
        )

    def open_paths(self, paths: list[Path]) -> None:
        """Import the pages given at launch (or by a later launch) and open the first."""
        self.window.bring_to_front()
        self.index_tasks.submit(lambda: self.workspace.import_files(paths),
                                on_finished=self._on_imported_to_open)

    def _on_imported_to_open(self, report: ImportReport) -> None:
        self.pending_open.imported(report)
        self._on_imported(report)
        self._open_pending()  # a page the library already held is listed already

    def _open_pending(self) -> None:
        doc_id = self.pending_open.ready(self.workspace.records_by_path())
        if doc_id is not None:
            self.workspace.open_document(doc_id)

    def _on_imported(self, report: ImportReport) -> None:
        self.window.show_message(report.summary())
        self.updates.imported(report.summary())  # said again when the index has them
        if report.errors or report.skipped:
            # Anything not imported is listed with every other file: what became of each.
            from reader.ui.import_report import ImportReportDialog

            self.import_report = ImportReportDialog(
                report, self.workspace.records_by_path(), self.window)
            self.import_report.show()
        if self.library_watcher is not None:
            self.library_watcher.watch.known(report.imported)
        self.update_index(report.imported)

    def update_index(self, changed: list[Path] | None = None, damaged: str = "") -> None:
        """Update the index in a child process, with progress in the status bar.

        New documents reach the list in batches while the update runs, so a first launch
        over a large library shows documents long before the build ends. One update runs at
        a time; asked again meanwhile, another (of everything) follows it.

        Args:
            changed: when known (an import), the only files that may have changed since
                the last update: the child then looks at no other file.
            damaged: what a search found damaged in the index: the update rebuilds it.
        """
        request = self.updates.request(changed, damaged)
        if request is not None:
            self._start_update(request)

    @property
    def indexing(self) -> bool:
        """Whether an update runs, or its listing is still being shown."""
        return self.updates.indexing

    def _start_update(self, request: UpdateRequest) -> None:
        self.window.show_progress(0, 1)
        self._idle.stop()
        if self.index_job is None:
            self.index_job = self.workspace.index_job()
        feed = self.index_feed = IndexJobFeed(self.index_job, self.window)
        feed.progress.connect(self._on_index_progress)
        feed.entries.connect(self.workspace.add_entries)
        feed.finished.connect(self._on_indexed)
        feed.failed.connect(self._on_index_failed)
        feed.start(None if request.changed is None else list(request.changed), request.damaged)

    def _on_index_progress(self, done: int, total: int, path: str) -> None:
        self.window.show_progress(done, total)
        if total == 0 and path == LOCK_WAIT:
            self.window.show_message("Waiting for another Diglot (a window or a command) to "
                                     "finish writing the index…")
        if self.updates.prepare_now(total, self.workspace.reading.document is not None):
            # A long update ends by opening a document: load its language model meanwhile.
            self.index_tasks.submit(self.workspace.prepare_reading)

    def _end_update(self, failed: bool = False) -> None:
        if self.index_feed is not None:
            self.index_feed.deleteLater()
            self.index_feed = None
        following = self.updates.ended(failed=failed, shutting_down=self._shut_down)
        if following is not None:
            self._start_update(following)
        elif not self._shut_down:
            self._idle.start()

    def _close_idle_job(self) -> None:
        if self.index_feed is None and self.index_job is not None:
            self.index_job.close()

    def _on_indexed(self, report: UpdateReport, listing: list[DocumentEntry]) -> None:
        self.last_report = report
        self.window.show_progress(1, 1)
        self.window.show_message(self.updates.status_line(report))
        self._on_entries(listing, True)
        self._end_update()

    def _on_index_failed(self, reason: str) -> None:
        self.window.show_progress(1, 1)
        self.window.show_message(f"Indexing failed: {reason}")
        self._end_update(failed=True)

    def _on_entries(self, entries: list[Any], final: bool) -> None:
        """Show a listing of the index, a slice per event-loop turn (10,000 take a while)."""
        if not self.updates.show_listing(final):
            return
        self._slicer.feed(entries, lambda part: self.workspace.add_entries(part, announce=False),
                          lambda: self._on_listed(entries, final))  # fmt: skip

    def _on_listed(self, entries: list[Any], final: bool) -> None:
        # Every entry was added or confirmed, quietly, slice by slice: the list shows them
        # now (an update's listing without what the index no longer holds).
        if final:
            self.workspace.retain_entries({entry.id for entry in entries})
            self.updates.listing_shown(final)
        else:
            self.workspace.catalog.announce()
        if entries and self.workspace.reading.document is None:
            # The pool parses and aligns the document to open (and loads the language model
            # on the first opening), so that the GUI thread only lays it out; had that failed,
            # opening would only be slower.
            visible = [entry.id for entry in self.workspace.catalog.visible()[:1]]
            target = self.updates.first_document([e.id for e in entries], final, visible)

            def open_listed(_: object) -> None:
                self._open_listed(target)

            self.index_tasks.submit(lambda: self.workspace.prepare_reading(target),
                                    on_finished=open_listed, on_failed=open_listed)

    def _open_listed(self, target: str | None) -> None:
        """Open `target` (see `IndexUpdates.first_document`) unless one is open by now."""
        if self.workspace.reading.document is not None or target is None:
            return
        if target == self.updates.place_document:
            self.updates.opened_place()
            if self.workspace.open_document(target):
                for pane, paragraph in self._place.paragraphs.items():
                    self.window.split_view.scroll_to_paragraph(pane, paragraph)
                return
            visible = self.workspace.catalog.visible()  # it no longer reads: the first instead
            target = visible[0].id if visible else None
        if target is not None:
            self.workspace.open_document(target)

    # Settings ------------------------------------------------------------------------------

    def start(self) -> None:
        """Show the window at once; the index opens and updates after the first paint."""
        share_interpreter_promptly()
        self._place = self.settings.restore(self.window, self.workspace.reading)
        self.updates.place_document = self._place.document_id
        self.window.show()
        # After the first paint: the list the index already holds, then an update.
        self._first_frame = FirstFrame(self.window, self._load_then_update)

    def _load_then_update(self) -> None:
        exempt_long_lived()  # modules, the window and its widgets
        self.index_tasks.submit(
            self.workspace.load_entries,
            on_finished=lambda entries: self._on_entries(entries, False),
        )
        self.update_index()
        # The folders are read once to know what they hold (off the GUI thread: a large
        # library takes a while); from then on what changes in them is indexed as it comes.
        roots = self.workspace.library.roots()
        self.index_tasks.submit(lambda: LibraryWatch(roots), on_finished=self._watch_library)

    def _watch_library(self, watch: LibraryWatch) -> None:
        if self._shut_down:
            return
        from reader.ui.library_watcher import LibraryWatcher

        self.library_watcher = LibraryWatcher(watch, self.window)
        self.library_watcher.changed.connect(self.update_index)

    def shutdown(self) -> None:
        """Save settings and stop background work before the window goes (once)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.settings.save(self.window, self.workspace.reading, self.workspace.appearance)
        if self.index_feed is not None:
            self.index_feed.cancel()  # the index keeps its last committed state
        self._idle.stop()
        if self.index_job is not None:
            self.index_job.close()
        self.index_tasks.shutdown()
        self.reading_tasks.shutdown()
        self.printing.shutdown()
        self.browse_tasks.shutdown()
        self.theme.close()

