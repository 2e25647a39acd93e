from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.core.document import Document
from reader.core.export.model import build_export, to_html
from reader.core.session.reading import ReadingState
from reader.ui import printing
from reader.ui.printing import export_pdf, print_document, print_view
from reader.ui.resources import SANS_FAMILY, SERIF_FAMILY
from reader.ui.split_view import language_name


def pdf_text(path: Path) -> str:
    """The PDF's text, through whichever reader this machine has."""
    try:
        from PySide6.QtPdf import QPdfDocument  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        pass
    else:
        document = QPdfDocument()
        document.load(str(path))
        return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))
    if shutil.which("pdftotext") is None:
        pytest.skip("no PDF text reader: neither PySide6.QtPdf nor pdftotext (poppler-utils)")
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def seed_html(seed_document: Document) -> str:
    export = build_export(seed_document)
    return to_html(export, serif=SERIF_FAMILY, sans=SANS_FAMILY, language_name=language_name)


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_pdf_holds_both_texts_and_the_title(
    qtbot: QtBot, seed_html: str, tmp_path: Path, page_size: printing.PageSize
) -> None:
    path = tmp_path / "seed.pdf"
    pages = export_pdf(seed_html, path, page_size)
    assert pages >= 1
    assert path.read_bytes().startswith(b"%PDF")
    text = " ".join(pdf_text(path).split())
    assert "Передано" in text
    assert "Transmitted to Bulganin" in text
    assert "Ciphered Telegram, Filippov [Stalin] to Mao Zedong" in text
    assert "ORIGINAL (RUSSIAN)" in text
    assert f"page 1 of {pages}" in text
    assert "Record ID 113729" in text


def test_pdf_page_size_is_honoured(qtbot: QtBot, seed_html: str, tmp_path: Path) -> None:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    sizes = {}
    for size in ("A4", "Letter"):
        path = tmp_path / f"{size}.pdf"
        export_pdf(seed_html, path, size)
        info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
        sizes[size] = next(
            line for line in info.stdout.splitlines() if line.startswith("Page size")
        )
    assert "A4" in sizes["A4"]
    assert "letter" in sizes["Letter"]


def test_unwritable_pdf_path_raises(qtbot: QtBot, seed_html: str, tmp_path: Path) -> None:
    with pytest.raises(OSError, match="could not write"):
        export_pdf(seed_html, tmp_path / "missing-folder" / "seed.pdf")


def pdf_printer(path: Path) -> QPrinter:
    # A printer already set to print to a file, as a reader choosing "Print to File" leaves it;
    # the dialog starts from it and keeps it when accepted.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_cancelled_print_dialog_prints_nothing(
    qtbot: QtBot, seed_html: str, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    printed: list[int] = []
    path = tmp_path / "cancelled.pdf"
    dialog = print_document(seed_html, parent, printed.append, printer=pdf_printer(path))
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Print document"
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    dialog.reject()
    assert printed == []
    assert not path.exists()


def test_accepted_print_dialog_paints_on_its_printer(
    qtbot: QtBot, seed_html: str, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    printed: list[int] = []
    path = tmp_path / "printed.pdf"
    dialog = print_document(seed_html, parent, printed.append, printer=pdf_printer(path))
    dialog.accept()
    assert printed and printed[0] >= 1
    assert "Transmitted to Bulganin" in pdf_text(path)


def test_print_view_prints_what_the_view_shows(
    qtbot: QtBot, seed_document: Document, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    view = ReadingState()
    assert print_view(view, parent) is None  # no document: no dialog
    view.set_document(seed_document)
    path = tmp_path / "view.pdf"
    dialog = print_view(view, parent, layout="sequential", printer=pdf_printer(path))
    assert dialog is not None
    dialog.accept()
    text = pdf_text(path)
    assert "TRANSLATION (ENGLISH)" in text
    assert text.index("ФИЛИППОВ") < text.index("Transmitted to Bulganin")
