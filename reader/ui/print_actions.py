"""Print and Export as PDF from the window: the dialogs, and what the status bar says after.

The page is laid out by `reader.ui.printing`; this is the part that asks the user (window-modal
dialogs, so the event loop and background work go on) and remembers where PDFs went.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from reader.core.session.workspace import Workspace
from reader.core.wording import plural
from reader.ui.window_settings import WindowSettings

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from reader.core.export.furniture import Furniture
    from reader.ui.printing import Orientation, PageSize


class PrintActions:
    """The print and export commands of one window."""

    def __init__(self, workspace: Workspace, window: QWidget, settings: WindowSettings) -> None:
        self.workspace = workspace
        self.window = window
        self.settings = settings
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

        printout = view_printout(self.workspace.reading)
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

        printout = view_printout(self.workspace.reading)
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
