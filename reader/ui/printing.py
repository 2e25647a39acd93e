"""Printing and PDF export of an export's HTML (see `reader.core.export.model`), with running heads.

The HTML is laid out by a QTextDocument on the printer's own resolution, then painted page by
page so each page carries the document title at the top and "page N of M" at the bottom: a
loose page of a citable printout must still say what it belongs to.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QLineF, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from reader.core.export.model import ExportLayout, export_view, to_html
from reader.core.session.reading import ReadingState
from reader.ui.resources import SANS_FAMILY, SERIF_FAMILY, register_fonts
from reader.ui.split_view import language_name

PageSize = Literal["A4", "Letter"]
PAGE_SIZES: dict[PageSize, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4,
    "Letter": QPageSize.PageSizeId.Letter,
}
MARGINS_MM = QMarginsF(18, 14, 18, 14)
HEAD_POINT_SIZE = 7.5
HEAD_COLOUR = QColor("#666666")
BODY_POINT_SIZE = 10.5
# Paper colours, whatever the screen's theme: QTextDocument paints text it gives no colour of
# its own in the palette's Text colour, which is the application's unless told otherwise.
PAPER_COLOURS = {
    QPalette.ColorRole.Text: "#111111",
    QPalette.ColorRole.WindowText: "#111111",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.Window: "#ffffff",
    QPalette.ColorRole.Link: "#1a4d8f",
    QPalette.ColorRole.Highlight: "#ffe08a",
    QPalette.ColorRole.HighlightedText: "#111111",
}


def paper_palette() -> QPalette:
    """The colours printing and export use: dark ink on white paper."""
    palette = QPalette()
    for role, colour in PAPER_COLOURS.items():
        palette.setColor(role, QColor(colour))
    return palette


def _ensure_fonts() -> None:
    # The app registers the bundled fonts at start-up; a PDF written without them (a script,
    # a test) would fall back to a font with no Cyrillic and print boxes.
    if SERIF_FAMILY not in QFontDatabase.families():
        register_fonts()


def _text_document(export_html: str) -> QTextDocument:
    document = QTextDocument()
    font = QFont(SERIF_FAMILY)
    font.setPointSizeF(BODY_POINT_SIZE)
    document.setDefaultFont(font)
    document.setHtml(export_html)
    return document


def paint_document(export_html: str, printer: QPrinter) -> int:
    """Lay out `export_html` for `printer` and paint every page with its running heads.

    Args:
        export_html: HTML from `reader.core.export.model.to_html`; its <title> is the running head.
        printer: a printer set up by the caller (dialog choices, or PDF output).

    Returns:
        The number of pages painted; 0 when the painter could not start (e.g. an unwritable
        PDF path).
    """
    _ensure_fonts()
    document = _text_document(export_html)
    title = document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
    if title and not printer.docName():
        printer.setDocName(title)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        return _paint_pages(document, title, printer, painter)
    finally:
        painter.end()


def _paint_pages(document: QTextDocument, title: str, printer: QPrinter, painter: QPainter) -> int:
    # Lay out on the printer itself, so point sizes map to its resolution rather than the
    # screen's, and the page breaks are the ones that get printed.
    layout = document.documentLayout()
    layout.setPaintDevice(printer)
    page = printer.pageRect(QPrinter.Unit.DevicePixel)
    head_font = QFont(SANS_FAMILY)
    head_font.setPointSizeF(HEAD_POINT_SIZE)
    metrics = QFontMetricsF(head_font, printer)
    band = metrics.height() * 2.2  # the running head's line plus breathing room
    body = QSizeF(page.width(), page.height() - 2 * band)
    document.setPageSize(body)
    pages = document.pageCount()
    paper = paper_palette()
    for index in range(pages):
        if index:
            printer.newPage()
        painter.save()
        painter.setFont(head_font)
        painter.setPen(HEAD_COLOUR)
        width = page.width()
        head = metrics.elidedText(title, Qt.TextElideMode.ElideMiddle, width * 0.8)
        painter.drawText(QRectF(0, 0, width, band), Qt.AlignmentFlag.AlignLeft, head)
        painter.drawText(
            QRectF(0, page.height() - metrics.height(), width, metrics.height()),
            Qt.AlignmentFlag.AlignRight,
            f"page {index + 1} of {pages}",
        )
        rule = band - metrics.height() * 0.6
        painter.drawLine(QLineF(0, rule, width, rule))
        painter.translate(0, band - index * body.height())
        clip = QRectF(0, index * body.height(), width, body.height())
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        context.palette = paper  # not drawContents(): it paints in the screen theme's colours
        layout.draw(painter, context)
        painter.restore()
    return pages


def _printer(page_size: PageSize | None) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    # None keeps the printer's own default paper (the locale's, or what the system says).
    size = QPageSize(PAGE_SIZES[page_size]) if page_size else printer.pageLayout().pageSize()
    printer.setPageLayout(
        QPageLayout(size, QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter)
    )
    return printer


def export_pdf(export_html: str, path: Path, page_size: PageSize = "A4") -> int:
    """Write `export_html` to a PDF file at `path`.

    Args:
        export_html: HTML from `reader.core.export.model.to_html`.
        path: the PDF to write; an existing file is replaced.
        page_size: "A4" or "Letter".

    Returns:
        The number of pages written.

    Raises:
        OSError: the PDF could not be written.
    """
    printer = _printer(page_size)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setCreator("Diglot")
    pages = paint_document(export_html, printer)
    if pages == 0:
        raise OSError(f"could not write a PDF to {path}")
    return pages


def print_document(
    export_html: str,
    parent: QWidget | None = None,
    on_printed: Callable[[int], object] | None = None,
    printer: QPrinter | None = None,
) -> QPrintDialog:
    """Open the print dialog and print `export_html` on the printer the reader accepts.

    The dialog is window-modal and does not block: a nested event loop (`exec`) would stall
    everything queued behind the key press that asked for printing.

    Args:
        export_html: HTML from `reader.core.export.model.to_html`.
        parent: the window the dialog belongs to; keep the returned dialog alive without one.
        on_printed: called with the number of pages printed (0 when printing failed) after
            the reader accepts; not called when they cancel.
        printer: the printer to offer, e.g. the one used last, so the reader's choices
            carry over between prints; a new one on the default paper when None.

    Returns:
        The open dialog; it deletes itself when closed.
    """
    if printer is None:
        printer = _printer(None)
    chosen = printer
    dialog = QPrintDialog(chosen, parent)
    dialog.setWindowTitle("Print document")

    def _on_accepted() -> None:
        # `chosen` lives in this closure: the dialog holds no Python reference to it.
        pages = paint_document(export_html, chosen)
        if on_printed is not None:
            on_printed(pages)

    dialog.accepted.connect(_on_accepted)
    dialog.finished.connect(dialog.deleteLater)
    # PySide's QPrintDialog.open(receiver, member) hides QDialog's plain open().
    QDialog.open(dialog)
    return dialog


def view_html(view: ReadingState, layout: ExportLayout = "facing") -> str | None:
    """The print HTML of what `view` shows, in the bundled fonts; None without a document."""
    export = export_view(view, layout)
    if export is None:
        return None
    return to_html(export, serif=SERIF_FAMILY, sans=SANS_FAMILY, language_name=language_name)


def print_view(
    view: ReadingState,
    parent: QWidget | None = None,
    layout: ExportLayout = "facing",
    on_printed: Callable[[int], object] | None = None,
    printer: QPrinter | None = None,
) -> QPrintDialog | None:
    """Open the print dialog for the document `view` shows, paired as on screen.

    Returns:
        The open dialog (see `print_document`), or None when the view has no document.
    """
    html = view_html(view, layout)
    if html is None:
        return None
    return print_document(html, parent, on_printed, printer)
