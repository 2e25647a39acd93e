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
from tests.core.annotations.seed_quotes import seoul_range
from tests.core.seed_variants import SEED_RECORD
from tests.ui.test_app import library_home as library_home
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


def test_the_window_prints_and_exports_its_annotations(
    qtbot: QtBot, reader: DiglotApp, tmp_path: Path
) -> None:
    document = reader.workspace.reading.document
    assert document is not None
    note = "Made-up note: where the armies stand"
    reader.workspace.annotations.add(seoul_range(document), "place", note)
    reader.workspace.run_command("export-pdf")
    dialog = reader.printing.export_dialog
    assert dialog is not None
    path = tmp_path / "annotated.pdf"
    dialog.selectFile(str(path))
    dialog.accept()
    qtbot.waitUntil(lambda: path.exists())
    text = " ".join(" ".join(pdf_pages(path)).split())
    assert "".join(note.split()) in "".join(text.split())
    assert text.count("[1]") >= 2  # the highlight and its projection carry the same number


def test_the_documents_selected_in_the_list_export_into_one_pdf_with_contents(
    qtbot: QtBot, library_home: Path, tmp_path: Path
) -> None:
    app = start(qtbot, library_home)
    try:
        qtbot.waitUntil(lambda: app.window.document_list.model.rowCount() == 3)
        app.window.document_list.table.selectAll()
        chosen = app.printing.chosen_ids()
        assert len(chosen) == 3 and SEED_RECORD in chosen
        app.workspace.run_command("export-pdf-bundle")
        dialog = app.printing.export_dialog
        assert dialog is not None
        target = tmp_path / "three.pdf"
        dialog.selectFile(str(target))
        dialog.accept()
        bundle = app.printing.bundle
        assert bundle is not None
        qtbot.waitUntil(lambda: not bundle.running, timeout=60000)
        pages = pdf_pages(target)
        assert pages[0].startswith("Contents")
        assert f"Record ID {SEED_RECORD}" in pages[0]
        assert app.window.status_label.text() == f"Saved {len(pages)} pages to {target}"
        assert app.settings.export_folder() == tmp_path
    finally:
        app.shutdown()


def test_without_a_selection_of_several_the_search_results_are_exported(
    qtbot: QtBot, library_home: Path
) -> None:
    app = start(qtbot, library_home)
    try:
        app.search("Bulganin")
        qtbot.waitUntil(lambda: bool(app.workspace.session.results.hits), timeout=30000)
        assert app.printing.chosen_ids() == [SEED_RECORD]
        app.workspace.run_command("cancel-export")
        assert app.window.status_label.text() == "No export is running"
    finally:
        app.shutdown()
