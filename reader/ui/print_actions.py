"""Print and Export as PDF from the window: the dialogs, and what the status bar says after.

The page is laid out by `reader.ui.printing`; this is the part that asks the user (window-modal
dialogs, so the event loop and background work go on) and remembers where PDFs went.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from reader.core.session.workspace import Workspace
from reader.core.wording import plural
from reader.ui.window_settings import WindowSettings

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


class PrintActions:
    """The print and export commands of one window."""

    def __init__(self, workspace: Workspace, window: QWidget, settings: WindowSettings) -> None:
        self.workspace = workspace
        self.window = window
        self.settings = settings
        self._printer: QPrinter | None = None
        self.export_dialog: QFileDialog | None = None

    def print_document(self) -> None:
        """Print the open document, original and translation side by side.

        The print dialog is window-modal (`open`, not `exec`), so background work and the
        event loop go on while it is up.
        """
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from reader.ui.printing import view_html

        html = view_html(self.workspace.reading)
        if html is None:
            self.workspace.message.emit("Open a document to print it")
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle("Print document")
        dialog.accepted.connect(lambda: self._on_print_accepted(html, printer))
        dialog.finished.connect(dialog.deleteLater)
        self._printer = printer  # the dialog only borrows it
        QDialog.open(dialog)  # QPrintDialog.open() wants a receiver; the plain one does not

    def _on_print_accepted(self, html: str, printer: QPrinter) -> None:
        from reader.ui.printing import paint_document

        pages = paint_document(html, printer)
        self.workspace.message.emit(f"Printed {plural(pages, 'page')}")

    def export_pdf(self) -> None:
        """Save the open document as a PDF, laid out as it prints."""
        from reader.ui.printing import view_html

        html = view_html(self.workspace.reading)
        document = self.workspace.reading.document
        if html is None or document is None:
            self.workspace.message.emit("Open a document to export it")
            return
        suggested = str(self.settings.export_folder() / f"{document.id}.pdf")
        dialog = QFileDialog(self.window, "Export as PDF", suggested, "PDF (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda name: self.write_pdf(html, Path(name)))
        dialog.finished.connect(dialog.deleteLater)
        self.export_dialog = dialog  # for tests and scripts; it deletes itself when closed
        dialog.open()

    def write_pdf(self, html: str, path: Path) -> None:
        """Write `html` to a PDF at `path` and say where it went."""
        from reader.ui.printing import export_pdf

        try:
            pages = export_pdf(html, path)
        except OSError as error:
            self.workspace.message.emit(f"Could not write {path}: {error.strerror or error}")
            return
        self.settings.set_export_folder(path.parent)
        self.workspace.message.emit(f"Saved {plural(pages, 'page')} to {path}")
