"""Several documents to PDF off the GUI thread: one file with a table of contents, or one each.

The work runs in a child process (see `export_in_child`), reporting progress to the status
bar, where a Cancel button stops it at once.
A PDF is written beside its target under a temporary name and renamed when complete, so a
cancelled or failed export never leaves a half-written file under the name chosen.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMainWindow, QPushButton

from reader.core.export.furniture import (
    BundleItem,
    Furniture,
    bundle_file_name,
    contents_html,
    furniture_of,
    table_of_contents,
)
from reader.core.export.gather import ExportStores, gather_export
from reader.core.export.model import ExportLayout, build_export, to_html
from reader.core.export.parts import NotesPlacement
from reader.core.page.errors import PageError
from reader.core.text_range import Pane
from reader.core.wording import plural
from reader.ui.page_frame import PageFrame
from reader.ui.printing import (
    Orientation,
    PageSize,
    Printout,
    lay_out,
    paint_pages,
    set_paper,
)
from reader.ui.resources import SANS_FAMILY, SERIF_FAMILY
from reader.ui.split_view import language_name
from reader.ui.workers import ProgressFn

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

LABEL = "Exporting"
CONTENTS = Furniture("Contents", "", "", "")


@dataclass(frozen=True)
class BundleRequest:
    """What to export and where.

    Attributes:
        sources: each document's id and page file, in print order (see `plan_bundle`).
        target: the PDF to write, or with `one_each` the folder to write one PDF each into.
        one_each: one file per document instead of one file with a table of contents.
        layout: the export layout, passed to `build_export` as it is; its default when None.
        data_home: the data folder whose alignments and annotations are printed with each
            document (as the window and `diglot export` print them); none when None.
        notes, side: see `build_export`; with `data_home` only.
    """

    sources: tuple[tuple[str, Path], ...]
    target: Path
    one_each: bool = False
    page_size: PageSize = "A4"
    orientation: Orientation = "portrait"
    layout: ExportLayout | None = None
    data_home: Path | None = None
    notes: NotesPlacement = "endnotes"
    side: Pane = "translation"


@dataclass
class BundleReport:
    """What an export wrote, and which documents it could not read."""

    pages: int = 0
    files: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "id: reason", one per document

    def summary(self) -> str:
        """One status-bar line."""
        where = str(self.files[0]) if len(self.files) == 1 else plural(len(self.files), "file")
        line = f"Saved {plural(self.pages, 'page')} to {where}"
        if self.skipped:
            line += f"; could not read {'; '.join(self.skipped)}"
        return line


def _printout(
    path: Path, request: BundleRequest, stores: ExportStores | None
) -> tuple[Printout, BundleItem]:
    layout = request.layout
    from reader.core.page.parser import parse_page

    document = parse_page(path)
    if stores is not None:
        export = gather_export(document, stores.alignments, stores.annotations,
                               layout or "facing", notes=request.notes, side=request.side)
    else:
        export = build_export(document) if layout is None else build_export(document,
                                                                            layout=layout)
    html = to_html(export, serif=SERIF_FAMILY, sans=SANS_FAMILY, language_name=language_name)
    return Printout(html, furniture_of(export)), BundleItem.of(export)


def _pdf_printer(path: Path, request: BundleRequest) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_paper(printer, request.page_size, request.orientation)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setCreator("Diglot")
    return printer


def _part(path: Path) -> Path:
    return path.with_name(f".{path.name}.part")


def _first_split(toc: QTextDocument) -> int | None:
    """The index of the first contents entry that a page break cuts in two, if any."""
    page = toc.pageSize().height()
    layout = toc.documentLayout()
    entry = 0
    block = toc.begin()
    while block.isValid():
        if "\u2028" in block.text():  # an entry: its title, a line break (<br>), its date
            rect = layout.blockBoundingRect(block)
            if int(rect.top() // page) != int((rect.bottom() - 1) // page):
                return entry
            entry += 1
        block = block.next()
    return None


def _contents(
    items: Sequence[BundleItem], counts: Sequence[int], printer: QPrinter, frame: PageFrame
) -> tuple[QTextDocument, int]:
    """The contents laid out, each entry whole on one page; and how many pages they take.

    Qt breaks a table row between its lines, so an entry would show its title at the foot
    of one page and its date atop the next: a page break goes before each entry cut so.
    """
    breaks: list[int] = []
    pages = 1
    for _ in range(len(items) + 3):
        entries = table_of_contents(items, counts, pages)
        html = contents_html(entries, serif=SERIF_FAMILY, sans=SANS_FAMILY, breaks=breaks)
        toc = lay_out(Printout(html), printer, frame)
        split = _first_split(toc)
        if split is not None and split not in breaks:  # (one taller than a page runs on)
            breaks = sorted([*breaks, split])
        elif toc.pageCount() != pages:  # the numbers follow the contents' own pages
            pages = toc.pageCount()
        else:
            break
    return toc, pages


def _paint_file(
    path: Path,
    request: BundleRequest,
    printouts: Sequence[Printout],
    items: Sequence[BundleItem] | None,
    step: Callable[[], None],
    poll: Callable[[], None],
) -> int:
    """Lay out and paint `printouts` into one PDF at `path`; returns its page count.

    A contents page comes first when `items` is given. `step` runs after each document is
    painted, `poll` after each is laid out; either raises to cancel.
    """
    part = _part(path)
    printer = _pdf_printer(part, request)
    frame = PageFrame(printer)
    documents = []
    for printout in printouts:
        documents.append(lay_out(printout, printer, frame))
        poll()
    counts = [max(1, document.pageCount()) for document in documents]
    laid = list(zip(documents, [p.furniture or CONTENTS for p in printouts], strict=True))
    if items is not None:
        toc, contents_pages = _contents(items, counts, printer, frame)
        laid.insert(0, (toc, CONTENTS))
        counts.insert(0, contents_pages)
    total = sum(counts)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(f"could not write a PDF to {path}")
    try:
        number = 1
        for (document, furniture), count in zip(laid, counts, strict=True):
            paint_pages(painter, printer, frame, document, furniture, number, total)
            number += count
            if furniture is not CONTENTS:
                step()
    except BaseException:
        painter.end()
        part.unlink(missing_ok=True)
        raise
    painter.end()
    os.replace(part, path)
    return total


def write_bundle(request: BundleRequest, progress: ProgressFn | None = None) -> BundleReport:
    """Export `request`'s documents; runs on any thread.

    Progress counts each document twice, as it is read and as it is painted; the callback
    may raise (see `TaskCancelled`) to stop at the next document, leaving no file behind.

    Returns:
        What was written; a document that no longer reads is skipped and named.

    Raises:
        OSError: a PDF could not be written.
    """
    report = BundleReport()
    total = 2 * len(request.sources)
    done = 0

    def poll() -> None:
        if progress is not None:
            progress(done, total, LABEL)

    def step() -> None:
        nonlocal done
        done += 1
        poll()

    printouts: list[tuple[str, Printout, BundleItem]] = []
    stores = ExportStores.open(request.data_home)
    try:
        for doc_id, path in request.sources:
            try:
                printout, item = _printout(path, request, stores)
            except (PageError, OSError) as error:
                report.skipped.append(f"{doc_id}: {error}")
                done += 1  # it will not be painted either
            else:
                printouts.append((doc_id, printout, item))
            step()
    finally:
        if stores is not None:
            stores.close()
    if request.one_each:
        request.target.mkdir(parents=True, exist_ok=True)
        for doc_id, printout, _item in printouts:
            path = request.target / bundle_file_name(doc_id)
            report.pages += _paint_file(path, request, [printout], None, step, poll)
            report.files.append(path)
    elif printouts:
        items = [item for _id, _printout, item in printouts]
        chosen = [printout for _id, printout, _item in printouts]
        report.pages = _paint_file(request.target, request, chosen, items, step, poll)
        report.files.append(request.target)
    return report


def _parts(request: BundleRequest) -> list[Path]:
    """The temporary files an export of `request` may be writing."""
    if not request.one_each:
        return [_part(request.target)]
    return [_part(request.target / bundle_file_name(doc_id)) for doc_id, _ in request.sources]


def export_in_child(request: BundleRequest, connection: Connection) -> None:
    """The child process's work: `write_bundle`, its progress and result sent to the window.

    A child, not a thread: Qt's layout and painting hold Python's interpreter lock while
    they run, so on a thread a long page would stall the window for as long.
    """
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # it paints into PDFs only, never a screen
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["diglot-export"])  # noqa: F841 - fonts
    try:
        report = write_bundle(
            request, lambda done, total, _label: connection.send(("progress", done, total))
        )
    except Exception as error:  # said in the window; the child ends either way
        connection.send(("failed", str(error)))
    else:
        connection.send(("done", report))
    connection.close()


class BundleExport(QObject):
    """Runs one export at a time in a child process, with progress and a Cancel button."""

    finished = Signal(object)  # the BundleReport, after the status bar says it
    POLL_MS = 50

    def __init__(self, window: QMainWindow, say: Callable[[str], None],
                 show_progress: Callable[[int, int, str], None]) -> None:  # fmt: skip
        super().__init__(window)
        self._say = say
        self._show_progress = show_progress
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        self._request: BundleRequest | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.cancel_button = QPushButton("Cancel export", window)
        self.cancel_button.setAccessibleName("Cancel the PDF export")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        window.statusBar().addPermanentWidget(self.cancel_button)

    @property
    def running(self) -> bool:
        return self._request is not None

    def start(self, request: BundleRequest) -> bool:
        """Start exporting; False (and a message) while another export runs."""
        import multiprocessing  # here, not at import: the window shows before any export

        if self._request is not None:
            self._say("An export is already running: cancel it or wait for it")
            return False
        self._say(f"Exporting {plural(len(request.sources), 'document')}…")
        self._show_progress(0, 2 * len(request.sources), LABEL)
        self.cancel_button.show()
        context = multiprocessing.get_context("spawn")
        mine, theirs = context.Pipe(duplex=False)
        self._process = context.Process(
            target=export_in_child, args=(request, theirs), name="diglot-export", daemon=True
        )
        self._process.start()
        theirs.close()  # the child's end closing is how an ending without a word shows
        self._connection, self._request = mine, request
        self._timer.start()
        return True

    def cancel(self) -> None:
        """Stop the export now; nothing it was writing is left behind."""
        if self._request is None:
            return
        self._stop()
        self._say("Export cancelled")

    def shutdown(self) -> None:
        """Stop what runs (the window is closing)."""
        if self._request is not None:
            self._stop()

    def _stop(self) -> None:
        request = self._request
        if self._process is not None and self._process.is_alive():
            self._process.kill()
            self._process.join(5)
        self._end()
        if request is not None:
            for part in _parts(request):
                part.unlink(missing_ok=True)

    def _end(self) -> None:
        self._timer.stop()
        if self._connection is not None:
            self._connection.close()
        self._connection = self._process = self._request = None
        self.cancel_button.hide()
        self._show_progress(1, 1, LABEL)

    def _poll(self) -> None:
        connection = self._connection
        if connection is None:
            return
        try:
            while connection.poll():
                message = connection.recv()
                if message[0] == "progress":
                    self._show_progress(message[1], message[2], LABEL)
                elif message[0] == "done":
                    self._end()
                    self._on_finished(message[1])
                    return
                else:
                    self._stop()
                    self._say(f"Export failed: {message[1]}")
                    return
        except (EOFError, OSError):
            code = self._process.exitcode if self._process is not None else None
            self._stop()
            self._say(f"Export failed: the export process ended (exit code {code})")

    def _on_finished(self, report: BundleReport) -> None:
        self._say(report.summary() if report.files else "Nothing exported: " + "; ".join(
            report.skipped or ["no documents"]))  # fmt: skip
        self.finished.emit(report)
