from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.core.document import Document
from reader.core.export.furniture import Furniture, furniture_of
from reader.core.export.model import build_export, to_html
from reader.core.session.reading import ReadingState
from reader.ui import printing
from reader.ui.printing import export_pdf, print_document, print_view
from reader.ui.resources import SANS_FAMILY, SERIF_FAMILY
from reader.ui.split_view import language_name
from tests.core.seed_variants import SEED_DATE, SEED_RECORD


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


def poppler(tool: str, path: Path, *args: str) -> str:
    """What a poppler-utils tool prints about the PDF at `path`; the test skips without it."""
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return subprocess.run([tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
                          check=True, capture_output=True, text=True).stdout  # fmt: skip


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of the PDF (pdftotext), whitespace collapsed."""
    out = poppler("pdftotext", path, "-enc", "UTF-8")
    return [" ".join(page.split()) for page in out.split("\f") if page.strip()]


def page_size(path: Path) -> tuple[float, float, str]:
    """The first page's width and height in points, and pdfinfo's name for the paper."""
    line = next(
        line for line in poppler("pdfinfo", path).splitlines() if line.startswith("Page size")
    )
    width, height = (float(v) for v in re.findall(r"[\d.]+", line)[:2])
    return width, height, line


@pytest.fixture
def seed_furniture(seed_document: Document) -> Furniture:
    return furniture_of(build_export(seed_document))


CYRILLIC = re.compile("[А-Яа-яЁё]{4}")


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_every_page_carries_header_footer_citation_and_both_scripts(
    qtbot: QtBot,
    seed_html: str,
    seed_furniture: Furniture,
    tmp_path: Path,
    page_size: printing.PageSize,
) -> None:
    path = tmp_path / "seed.pdf"
    pages = export_pdf(seed_html, path, page_size, seed_furniture)
    texts = pdf_pages(path)
    assert pages >= 2  # the seed runs onto a second page: the furniture must repeat
    assert len(texts) == pages
    for number, text in enumerate(texts, 1):
        assert seed_furniture.short_title in text, number
        assert SEED_DATE in text
        assert seed_furniture.citation in text  # the whole note, wrapped in the footer
        assert f"Record ID {SEED_RECORD} page {number} of {pages}" in text
        assert CYRILLIC.search(text), f"no Russian on page {number}"
        assert re.search(r"\b(the|of|and)\b", text), f"no English on page {number}"


def test_every_font_of_the_pdf_is_embedded(
    qtbot: QtBot, seed_html: str, seed_furniture: Furniture, tmp_path: Path
) -> None:
    path = tmp_path / "seed.pdf"
    export_pdf(seed_html, path, furniture=seed_furniture)
    lines = poppler("pdffonts", path).splitlines()[2:]
    assert lines, "the PDF names no fonts"
    # Columns: name, type (one or two words), encoding, emb, sub, uni, object id, generation.
    assert all(line.split()[-5] == "yes" for line in lines), lines


def test_a_long_citation_is_cut_to_three_footer_lines(
    qtbot: QtBot, seed_html: str, seed_furniture: Furniture, tmp_path: Path
) -> None:
    from dataclasses import replace

    long = replace(seed_furniture, citation=" ".join([seed_furniture.citation] * 6))
    path = tmp_path / "long.pdf"
    pages = export_pdf(seed_html, path, furniture=long)
    for number, text in enumerate(pdf_pages(path), 1):
        # The note begins the footer and is elided before it would push into the body.
        assert seed_furniture.citation in text
        assert "…" in text
        assert text.endswith(f"Record ID {SEED_RECORD} page {number} of {pages}")


def test_landscape_pages_are_wider_than_tall(
    qtbot: QtBot, seed_html: str, seed_furniture: Furniture, tmp_path: Path
) -> None:
    path = tmp_path / "wide.pdf"
    export_pdf(seed_html, path, "A4", seed_furniture, orientation="landscape")
    width, height, name = page_size(path)
    assert width > height and "A4" in name


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
    sizes = {}
    for size in ("A4", "Letter"):
        path = tmp_path / f"{size}.pdf"
        export_pdf(seed_html, path, size)
        sizes[size] = page_size(path)[2]
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


def _dark_pixels(pdf: Path, tmp_path: Path) -> int:
    """How many pixels of the PDF's first page, rendered grey at 72 dpi, are near black."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(["pdftoppm", "-gray", "-r", "72", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "page")], check=True)  # fmt: skip
    (image,) = tmp_path.glob("page*.pgm")
    data = image.read_bytes()
    # A binary PGM: "P5", width, height, maxval, then one byte per pixel.
    header, pixels = data.split(b"\n", 3)[:3], data.split(b"\n", 3)[3]
    assert header[0] == b"P5"
    return sum(1 for value in pixels if value < 60)


def test_a_pdf_exported_in_the_dark_theme_is_printed_in_paper_colours(
    qtbot: QtBot, seed_html: str, tmp_path: Path
) -> None:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = tmp_path / "light.pdf"
    export_pdf(seed_html, light)
    before = app.palette()
    dark = QPalette(before)
    for role, colour in ((QPalette.ColorRole.Text, "#E1E5E9"),
                         (QPalette.ColorRole.WindowText, "#E1E5E9"),
                         (QPalette.ColorRole.Base, "#202124"),
                         (QPalette.ColorRole.Window, "#202124")):  # fmt: skip
        dark.setColor(role, QColor(colour))
    app.setPalette(dark)
    try:
        path = tmp_path / "dark.pdf"
        export_pdf(seed_html, path)
    finally:
        app.setPalette(before)
    light_dir, dark_dir = tmp_path / "l", tmp_path / "d"
    light_dir.mkdir()
    dark_dir.mkdir()
    ink = _dark_pixels(path, dark_dir)
    # Body text, title and citation in near-black ink, as much of it as a light-theme export.
    assert ink > 2000
    assert ink == _dark_pixels(light, light_dir)
