"""Print and Export as PDF from the window: the dialogs, and what the status bar says after.

The page is laid out by `reader.ui.printing`; this is the part that asks the user (window-modal
dialogs, so the event loop and background work go on) and remembers where PDFs went.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMainWindow

from reader.core.session.workspace import Workspace
from reader.core.wording import plural
from reader.ui.window_settings import WindowSettings

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from reader.core.export.furniture import Furniture
    from reader.ui.print_bundle import BundleExport, BundleRequest
    from reader.ui.printing import Orientation, PageSize


class PrintActions:
    """The print and export commands of one window."""

    def __init__(
        self,
        workspace: Workspace,
        window: QMainWindow,
        settings: WindowSettings,
        selected: Callable[[], list[str]] = list,
    ) -> None:
        self.workspace = workspace
        self.window = window
        self.settings = settings
        self._selected = selected  # the ids chosen in the document list
        self.bundle: BundleExport | None = None  # made on the first export of several
        self._printer: QPrinter | None = None  # kept, so choices carry over between prints
        self.preview: QPrintPreviewDialog | None = None
        self.export_dialog: QFileDialog | None = None

    def _paper(self) -> tuple[PageSize, Orientation]:
        size, orientation = self.settings.paper()
        return ("Letter" if size == "Letter" else "A4"), (
            "landscape" if orientation == "landscape" else "portrait"
        )

    def print_document(self) -> None:
        """Preview the open document as it prints, with page setup and a Print button.

        The preview is window-modal (`open`, not `exec`), so background work and the event
        loop go on while it is up; the paper chosen in it is remembered for the next time.
        """
        from PySide6.QtPrintSupport import QPrinter

        from reader.ui.printing import preview_document, set_paper, view_printout

        printout = view_printout(self.workspace.reading, annotations=self.workspace.annotations)
        if printout is None:
            self.workspace.message.emit("Open a document to print it")
            return
        printer = self._printer
        if printer is None:
            printer = self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            set_paper(printer, *self._paper())
        self.preview = preview_document(printout, printer, self.window, self._on_preview_closed)

    def _on_preview_closed(self, printer: QPrinter, pages: int) -> None:
        from reader.ui.printing import paper_of

        self.settings.set_paper(*paper_of(printer))
        self.preview = None
        if pages:
            self.workspace.message.emit(f"Printed {plural(pages, 'page')}")

    def export_pdf(self) -> None:
        """Save the open document as a PDF, laid out as it prints."""
        from reader.ui.printing import view_printout

        printout = view_printout(self.workspace.reading, annotations=self.workspace.annotations)
        document = self.workspace.reading.document
        if printout is None or document is None:
            self.workspace.message.emit("Open a document to export it")
            return
        suggested = str(self.settings.export_folder() / f"{document.id}.pdf")
        dialog = QFileDialog(self.window, "Export as PDF", suggested, "PDF (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(
            lambda name: self.write_pdf(printout.html, Path(name), printout.furniture)
        )
        dialog.finished.connect(dialog.deleteLater)
        self.export_dialog = dialog  # for tests and scripts; it deletes itself when closed
        dialog.open()

    def write_pdf(self, html: str, path: Path, furniture: Furniture | None = None) -> None:
        """Write `html` to a PDF at `path`, on the paper last chosen, and say where it went."""
        from reader.ui.printing import export_pdf

        size, orientation = self._paper()
        try:
            pages = export_pdf(html, path, size, furniture, orientation)
        except OSError as error:
            self.workspace.message.emit(f"Could not write {path}: {error.strerror or error}")
            return
        self.settings.set_export_folder(path.parent)
        self.workspace.message.emit(f"Saved {plural(pages, 'page')} to {path}")

    # Several documents --------------------------------------------------------------------

    def chosen_ids(self) -> list[str]:
        """The documents an export of several takes, in the order they are shown.

        The rows selected in the list when more than one is, else the documents of the
        search results, else the one selected row.
        """
        selected = self._selected()
        if len(selected) > 1:
            return selected
        hits = [hit.id for hit in self.workspace.session.results.hits]
        return hits or selected

    def export_bundle(self, one_each: bool = False) -> None:
        """Ask where, then export the chosen documents to PDF off the GUI thread.

        Args:
            one_each: one PDF per document into a folder, instead of one PDF with a table
                of contents.
        """
        from reader.core.export.furniture import plan_bundle
        from reader.ui.print_bundle import BundleRequest

        paths = {doc_id: Path(path) for path, doc_id in self.workspace.records_by_path().items()}
        sources = tuple((i, paths[i]) for i in plan_bundle(self.chosen_ids()) if i in paths)
        if not sources:
            self.workspace.message.emit(
                "Select documents in the list (Ctrl+click, Shift+click) or search, then export"
            )
            return
        size, orientation = self._paper()
        folder = self.settings.export_folder()
        if one_each:
            dialog = QFileDialog(self.window, "Export PDFs into a folder", str(folder))
            dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        else:
            suggested = str(folder / f"{len(sources)}-documents.pdf")
            dialog = QFileDialog(self.window, "Export as one PDF", suggested, "PDF (*.pdf)")
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(
            lambda name: self.start_bundle(
                BundleRequest(sources, Path(name), one_each, size, orientation,
                              data_home=self.workspace.home)
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        self.export_dialog = dialog
        dialog.open()

    def start_bundle(self, request: BundleRequest) -> bool:
        """Start exporting `request` with progress in the status bar; False while one runs."""
        if self.bundle is None:
            from reader.ui.print_bundle import BundleExport

            self.bundle = BundleExport(
                self.window, self.workspace.message.emit, self._show_progress
            )
        started = self.bundle.start(request)
        if started:
            self.settings.set_export_folder(
                request.target if request.one_each else request.target.parent
            )
        return started

    def _show_progress(self, done: int, total: int, label: str) -> None:
        show = getattr(self.window, "show_progress", None)
        if show is not None:
            show(done, total, label)

    def cancel_export(self) -> None:
        """Stop the export of several that is running, if one is."""
        if self.bundle is None or not self.bundle.running:
            self.workspace.message.emit("No export is running")
            return
        self.bundle.cancel()

    def shutdown(self) -> None:
        """Stop an export that runs (the window is closing); its partial file goes."""
        if self.bundle is not None:
            self.bundle.shutdown()
