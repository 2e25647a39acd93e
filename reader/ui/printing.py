"""Printing and PDF export of an export's HTML (see `reader.core.export.model`), with running heads.

The HTML is laid out by a QTextDocument on the printer's own resolution, then painted page by
page so each page carries the document title at the top and "page N of M" at the bottom: a
loose page of a citable printout must still say what it belongs to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from reader.core.export.furniture import Furniture, furniture_of, short_title
from reader.core.export.model import ExportLayout, export_view, to_html
from reader.core.session.annotating import AnnotationSession
from reader.core.session.reading import ReadingState
from reader.ui.page_frame import PageFrame, ensure_fonts
from reader.ui.resources import SANS_FAMILY, SERIF_FAMILY
from reader.ui.split_view import language_name

PageSize = Literal["A4", "Letter"]
PAGE_SIZES: dict[PageSize, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4,
    "Letter": QPageSize.PageSizeId.Letter,
}
Orientation = Literal["portrait", "landscape"]
ORIENTATIONS: dict[Orientation, QPageLayout.Orientation] = {
    "portrait": QPageLayout.Orientation.Portrait,
    "landscape": QPageLayout.Orientation.Landscape,
}
MARGINS_MM = QMarginsF(18, 14, 18, 14)
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


def text_document(export_html: str) -> QTextDocument:
    """A text document of print HTML, in the body's font; not yet laid out for a printer."""
    document = QTextDocument()
    font = QFont(SERIF_FAMILY)
    font.setPointSizeF(BODY_POINT_SIZE)
    document.setDefaultFont(font)
    document.setHtml(export_html)
    return document


@dataclass(frozen=True)
class Printout:
    """One document ready to paint: its print HTML and what each of its pages says."""

    html: str
    furniture: Furniture | None = None  # None: the HTML's <title> heads the pages, no footer


def _furniture(document: QTextDocument, printout: Printout) -> Furniture:
    if printout.furniture is not None:
        return printout.furniture
    title = document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
    return Furniture(short_title(title), "", "", "")


def lay_out(printout: Printout, printer: QPrinter, frame: PageFrame) -> QTextDocument:
    """The printout's text laid out in `frame`'s body, on the printer's own resolution.

    Laying out on the printer itself makes point sizes map to its resolution rather than
    the screen's, and the page breaks the ones that get printed.
    """
    ensure_fonts()
    document = text_document(printout.html)
    document.documentLayout().setPaintDevice(printer)
    # The header and footer bands are the root frame's margins on every page, as in
    # QTextDocument.print(). Laid out on body-sized pages instead, Qt draws the line before
    # a table row's page break again atop the next page: clipped from sight, but in the
    # PDF's text, so a search or a copy found it twice.
    # Frame margins are in the layout's 96-dpi pixels, scaled up to the printer's resolution.
    scale = printer.logicalDpiY() / 96
    root = document.rootFrame().frameFormat()
    root.setTopMargin(frame.head / scale)
    root.setBottomMargin(frame.foot / scale)
    root.setLeftMargin(0)
    root.setRightMargin(0)
    document.rootFrame().setFrameFormat(root)
    document.setPageSize(QSizeF(frame.width, frame.page.height()))
    return document


def paint_body(painter: QPainter, document: QTextDocument, frame: PageFrame, index: int) -> None:
    """Paint page `index` (0-based) of a laid-out text into the frame's body, in paper colours."""
    painter.save()
    height = frame.page.height()
    painter.translate(0, -index * height)
    clip = QRectF(0, index * height + frame.head, frame.width, frame.body.height())
    painter.setClipRect(clip)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = clip
    context.palette = paper_palette()  # not drawContents(): it paints in the screen theme's colours
    document.documentLayout().draw(painter, context)
    painter.restore()


def paint_document(export_html: str, printer: QPrinter, furniture: Furniture | None = None) -> int:
    """Lay out `export_html` for `printer` and paint every page with its header and footer.

    Args:
        export_html: HTML from `reader.core.export.model.to_html`.
        printer: a printer set up by the caller (dialog choices, or PDF output).
        furniture: what each page's header and footer say (see `furniture_of`); without it
            the HTML's <title> heads the pages and the footer has only the page number.

    Returns:
        The number of pages painted; 0 when the painter could not start (e.g. an unwritable
        PDF path).
    """
    printout = Printout(export_html, furniture)
    frame = PageFrame(printer)
    document = lay_out(printout, printer, frame)
    said = _furniture(document, printout)
    if said.short_title and not printer.docName():
        printer.setDocName(said.short_title)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    pages = document.pageCount()
    try:
        paint_pages(painter, printer, frame, document, said, 1, pages)
    finally:
        painter.end()
    return pages


def paint_pages(
    painter: QPainter,
    printer: QPrinter,
    frame: PageFrame,
    document: QTextDocument,
    furniture: Furniture,
    first: int,
    total: int,
) -> None:
    """Paint every page of a laid-out text with its header and footer.

    Args:
        painter: active on `printer`.
        printer: where the pages go; a new page is begun before each but the file's first.
        frame: the frame `document` was laid out in (see `lay_out`).
        document: the laid-out text.
        furniture: what each page's header and footer say.
        first: the file's page number of the text's first page (1-based).
        total: the file's number of pages, for "page N of M".
    """
    for index in range(document.pageCount()):
        if first + index > 1:
            printer.newPage()
        frame.paint(painter, furniture, first + index, total)
        paint_body(painter, document, frame, index)


def _printer(page_size: PageSize | None, orientation: Orientation = "portrait") -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_paper(printer, page_size, orientation)
    return printer


def set_paper(printer: QPrinter, page_size: PageSize | None, orientation: Orientation) -> None:
    """Give `printer` the paper and orientation, with the printout's margins.

    None keeps the printer's own default paper (the locale's, or what the system says).
    """
    size = QPageSize(PAGE_SIZES[page_size]) if page_size else printer.pageLayout().pageSize()
    printer.setPageLayout(
        QPageLayout(size, ORIENTATIONS[orientation], MARGINS_MM, QPageLayout.Unit.Millimeter)
    )


def export_pdf(
    export_html: str,
    path: Path,
    page_size: PageSize = "A4",
    furniture: Furniture | None = None,
    orientation: Orientation = "portrait",
) -> int:
    """Write `export_html` to a PDF file at `path`.

    Args:
        export_html: HTML from `reader.core.export.model.to_html`.
        path: the PDF to write; an existing file is replaced.
        page_size: "A4" or "Letter".
        furniture: each page's header and footer (`furniture_of(export)`): short title,
            date, citation, record ID; only the <title> and page numbers without it.
        orientation: "portrait" or "landscape".

    Returns:
        The number of pages written.

    Raises:
        OSError: the PDF could not be written.
    """
    printer = _printer(page_size, orientation)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setCreator("Diglot")
    pages = paint_document(export_html, printer, furniture)
    if pages == 0:
        raise OSError(f"could not write a PDF to {path}")
    return pages


def print_document(
    export_html: str,
    parent: QWidget | None = None,
    on_printed: Callable[[int], object] | None = None,
    printer: QPrinter | None = None,
    furniture: Furniture | None = None,
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
        furniture: each page's header and footer (see `paint_document`).

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
        pages = paint_document(export_html, chosen, furniture)
        if on_printed is not None:
            on_printed(pages)

    dialog.accepted.connect(_on_accepted)
    dialog.finished.connect(dialog.deleteLater)
    # PySide's QPrintDialog.open(receiver, member) hides QDialog's plain open().
    QDialog.open(dialog)
    return dialog


def preview_document(
    printout: Printout,
    printer: QPrinter,
    parent: QWidget | None = None,
    on_closed: Callable[[QPrinter, int], object] | None = None,
) -> QPrintPreviewDialog:
    """Open a window-modal print preview of `printout`, with page setup and a Print button.

    The preview repaints whenever the reader changes the paper or orientation in it; its
    Print button asks for the printer and prints what is shown.

    Args:
        printout: what to print.
        printer: the printer to preview on and print to; the reader's page setup is left
            in it, so the caller can remember it.
        parent: the window the dialog belongs to.
        on_closed: called when the preview closes with the printer and the pages printed
            (0 when the reader closed it without printing).

    Returns:
        The open dialog; it deletes itself when closed.
    """
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print preview")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    painted = [0]

    def _paint(target: QPrinter) -> None:
        painted[0] = paint_document(printout.html, target, printout.furniture)

    dialog.paintRequested.connect(_paint)
    if on_closed is not None:
        accepted = QDialog.DialogCode.Accepted.value  # the preview accepts once it printed
        dialog.finished.connect(
            lambda result: on_closed(printer, painted[0] if result == accepted else 0)
        )
    dialog.finished.connect(dialog.deleteLater)
    QDialog.open(dialog)  # PySide's QPrintPreviewDialog.open() wants a receiver
    return dialog


def paper_of(printer: QPrinter) -> tuple[PageSize, Orientation]:
    """The printer's paper as a PDF export names it: Letter or (anything else) A4."""
    layout = printer.pageLayout()
    size: PageSize = "Letter" if layout.pageSize().id() == QPageSize.PageSizeId.Letter else "A4"
    landscape = layout.orientation() == QPageLayout.Orientation.Landscape
    return size, "landscape" if landscape else "portrait"


def view_printout(
    view: ReadingState,
    layout: ExportLayout = "facing",
    annotations: AnnotationSession | None = None,
) -> Printout | None:
    """The printout of what `view` shows, in the bundled fonts; None without a document.

    With the window's `annotations`, its highlights, projections and notes are printed too.
    """
    export = export_view(view, layout, annotations=annotations)
    if export is None:
        return None
    html = to_html(export, serif=SERIF_FAMILY, sans=SANS_FAMILY, language_name=language_name)
    return Printout(html, furniture_of(export))


def view_html(view: ReadingState, layout: ExportLayout = "facing") -> str | None:
    """The print HTML of what `view` shows, in the bundled fonts; None without a document."""
    printout = view_printout(view, layout)
    return printout.html if printout else None


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
    printout = view_printout(view, layout)
    if printout is None:
        return None
    return print_document(printout.html, parent, on_printed, printer, printout.furniture)
