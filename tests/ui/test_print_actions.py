from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from pytestqt.qtbot import QtBot

from reader.core.export.furniture import furniture_of
from reader.core.export.model import build_export
from reader.ui.app import DiglotApp
from reader.ui.printing import paper_of, set_paper
from tests.core.seed_variants import SEED_RECORD
from tests.ui.test_app import start
from tests.ui.test_printing import page_size, pdf_pages


@pytest.fixture
def reader(qtbot: QtBot, diglot_home: Path) -> Iterator[DiglotApp]:
    app = start(qtbot, diglot_home)  # the bundled seed alone
    app.workspace.open_document(SEED_RECORD)
    yield app
    app.shutdown()


def test_print_opens_a_window_modal_preview_of_the_pages_with_their_footer(
    qtbot: QtBot, reader: DiglotApp, tmp_path: Path
) -> None:
    reader.workspace.run_command("print")
    dialog = reader.printing.preview
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.windowTitle() == "Print preview"
    widget = dialog.findChild(QPrintPreviewWidget)
    assert widget is not None
    qtbot.waitUntil(lambda: widget.pageCount() >= 2)
    # What the preview's Print button does once a printer is chosen: here, a PDF file.
    path = tmp_path / "printed.pdf"
    printer = reader.printing._printer
    assert printer is not None
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    widget.print_()
    pages = pdf_pages(path)
    assert len(pages) == widget.pageCount()
    assert document_citation(reader) in pages[-1]
    dialog.reject()
    qtbot.waitUntil(lambda: reader.printing.preview is None)


def document_citation(reader: DiglotApp) -> str:
    document = reader.workspace.reading.document
    assert document is not None
    return furniture_of(build_export(document)).citation


def test_the_paper_chosen_in_the_preview_is_remembered_for_pdfs(
    qtbot: QtBot, reader: DiglotApp, tmp_path: Path
) -> None:
    assert reader.settings.paper() == ("A4", "portrait")
    reader.workspace.run_command("print")
    dialog = reader.printing.preview
    assert dialog is not None
    printer = reader.printing._printer
    assert printer is not None
    set_paper(printer, "Letter", "landscape")  # what the preview's page setup leaves
    assert paper_of(printer) == ("Letter", "landscape")
    dialog.reject()
    qtbot.waitUntil(lambda: reader.printing.preview is None)
    assert reader.settings.paper() == ("Letter", "landscape")
    document = reader.workspace.reading.document
    assert document is not None
    from reader.ui.printing import view_printout

    printout = view_printout(reader.workspace.reading)
    assert printout is not None
    path = tmp_path / "letter.pdf"
    reader.printing.write_pdf(printout.html, path, printout.furniture)
    width, height, name = page_size(path)
    assert "letter" in name and width > height
    pages = pdf_pages(path)
    assert all(f"Record ID {SEED_RECORD}" in page for page in pages)
    assert "Saved" in reader.window.status_label.text()
