from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from reader.ui.print_bundle import BundleExport, BundleReport, BundleRequest, write_bundle
from reader.ui.workers import TaskCancelled
from tests.core.seed_variants import made_up_id, variant, write_page
from tests.ui.test_printing import CYRILLIC, pdf_pages


def made_up_sources(folder: Path, count: int) -> tuple[tuple[str, Path], ...]:
    """`count` made-up pages (the seed under made-up record IDs and titles), as sources."""
    return tuple(
        (f"made-up-doc-{n}", write_page(
            folder / f"made_up_{n}.txt",
            variant(record_id=str(n), title=f"Made-up telegram {n}", date=f"May {n + 1}, 1951"),
        ))
        for n in range(count)
    )  # fmt: skip


def test_one_pdf_opens_with_contents_giving_each_documents_first_page(
    qtbot: QtBot, tmp_path: Path
) -> None:
    sources = made_up_sources(tmp_path / "pages", 3)
    target = tmp_path / "bundle.pdf"
    seen: list[tuple[int, int]] = []
    report = write_bundle(
        BundleRequest(sources, target), lambda done, total, _label: seen.append((done, total))
    )
    pages = pdf_pages(target)
    assert report.files == [target] and report.pages == len(pages) and not report.skipped
    contents = pages[0]
    assert contents.startswith("Contents")
    starts = []
    for n in range(3):
        # The contents line: title and first page's number, then date and record ID below.
        line = re.search(
            rf"Made-up telegram {n} (\d+) May {n + 1}, 1951 · Record ID {made_up_id(n)}", contents
        )
        assert line is not None, contents
        starts.append(int(line.group(1)))
    assert starts[0] == 2 and starts[0] < starts[1] < starts[2] <= len(pages)
    for n, first in enumerate(starts):
        page = pages[first - 1]
        assert f"Made-up telegram {n}" in page and f"Record ID {made_up_id(n)}" in page
        assert f"page {first} of {len(pages)}" in page
        assert CYRILLIC.search(page) and "Transmitted to" in page
    assert all(f"page {i} of {len(pages)}" in page for i, page in enumerate(pages, 1))
    assert seen[-1] == (6, 6) and [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_one_file_each_and_an_unreadable_page_is_named_not_fatal(
    qtbot: QtBot, tmp_path: Path
) -> None:
    sources = made_up_sources(tmp_path / "pages", 2)
    gone = ("made-up-doc-gone", tmp_path / "pages" / "made_up_gone.txt")
    folder = tmp_path / "out"
    report = write_bundle(BundleRequest((*sources, gone), folder, one_each=True))
    assert report.files == [folder / "made-up-doc-0.pdf", folder / "made-up-doc-1.pdf"]
    assert len(report.skipped) == 1 and report.skipped[0].startswith("made-up-doc-gone: ")
    for n, path in enumerate(report.files):
        pages = pdf_pages(path)
        assert not pages[0].startswith("Contents")
        assert all(f"Record ID {made_up_id(n)}" in page for page in pages)
    assert "could not read made-up-doc-gone" in report.summary()
    assert sorted(p.name for p in folder.iterdir()) == ["made-up-doc-0.pdf", "made-up-doc-1.pdf"]


def test_a_cancelled_export_leaves_no_file_behind(qtbot: QtBot, tmp_path: Path) -> None:
    sources = made_up_sources(tmp_path / "pages", 3)
    target = tmp_path / "bundle.pdf"
    calls = []

    def cancel_when_painting(done: int, total: int, _label: str) -> None:
        calls.append(done)
        if done > len(sources):  # the first document is painted: the PDF is half written
            raise TaskCancelled

    with pytest.raises(TaskCancelled):
        write_bundle(BundleRequest(sources, target), cancel_when_painting)
    assert calls[-1] == len(sources) + 1
    assert list(tmp_path.iterdir()) == [tmp_path / "pages"]


def test_the_window_exports_in_a_child_process_with_progress_and_a_cancel_button(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    said: list[str] = []
    shown: list[tuple[int, int]] = []
    bundle = BundleExport(window, said.append, lambda d, t, _l: shown.append((d, t)))
    sources = made_up_sources(tmp_path / "pages", 2)
    target = tmp_path / "bundle.pdf"
    with qtbot.waitSignal(bundle.finished, timeout=60000) as finished:
        assert bundle.start(BundleRequest(sources, target))
        assert not bundle.cancel_button.isHidden() and bundle.running
        assert not bundle.start(BundleRequest(sources, target))  # one at a time
    report = finished.args[0]
    assert isinstance(report, BundleReport) and report.files == [target]
    assert bundle.cancel_button.isHidden() and not bundle.running
    assert said[0] == "Exporting 2 documents…"
    assert "one at a time" not in said[1] and "already running" in said[1]
    assert said[-1] == f"Saved {report.pages} pages to {target}"
    assert shown[0] == (0, 4) and shown[-1] == (1, 1)  # then hidden: the bar shows 1 of 1
    assert len(pdf_pages(target)) == report.pages
    bundle.shutdown()


def test_cancel_in_the_window_stops_the_export(qtbot: QtBot, tmp_path: Path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    said: list[str] = []
    shown: list[tuple[int, int]] = []
    bundle = BundleExport(window, said.append, lambda d, t, _l: shown.append((d, t)))
    sources = made_up_sources(tmp_path / "pages", 20)
    target = tmp_path / "bundle.pdf"
    finished: list[object] = []
    bundle.finished.connect(finished.append)
    bundle.start(BundleRequest(sources, target))
    # Cancel once the child writes the PDF: its first document painted, the file half done.
    qtbot.waitUntil(lambda: any(d > 20 for d, _ in shown), timeout=60000)
    bundle.cancel_button.click()
    assert said[-1] == "Export cancelled" and bundle.cancel_button.isHidden()
    assert not bundle.running
    QApplication.processEvents()  # nothing more arrives from the killed child
    assert finished == []
    assert not target.exists()
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())


def test_no_contents_entry_is_cut_across_two_pages(qtbot: QtBot, tmp_path: Path) -> None:
    sources = made_up_sources(tmp_path / "pages", 40)
    target = tmp_path / "forty.pdf"
    write_bundle(BundleRequest(sources, target))
    pages = pdf_pages(target)
    contents = [page for page in pages if page.startswith("Contents")]
    assert len(contents) >= 2  # 40 entries do not fit one page
    listed = []
    for page in contents:
        records = re.findall(r"Record ID (made-up-\d+)", page)
        titles = re.findall(r"Made-up telegram (\d+) \d+ May", page)
        # Each entry's title (with its page number) and its date line on the same page.
        assert records == [made_up_id(n) for n in titles], page
        listed += titles
    assert listed == [str(n) for n in range(40)]
    first = re.search(r"Made-up telegram 0 (\d+) May", contents[0])
    assert first is not None and int(first.group(1)) == len(contents) + 1
    assert "Made-up telegram 0" in pages[len(contents)]


def test_the_layout_is_passed_to_the_export_model(qtbot: QtBot, tmp_path: Path) -> None:
    from reader.core.export.model import EXPORT_LAYOUTS

    sources = made_up_sources(tmp_path / "pages", 1)
    texts = {}
    for layout in (EXPORT_LAYOUTS[0], EXPORT_LAYOUTS[-1]):
        folder = tmp_path / layout
        write_bundle(BundleRequest(sources, folder, one_each=True, layout=layout))
        texts[layout] = " ".join(pdf_pages(folder / "made-up-doc-0.pdf"))
    assert len(EXPORT_LAYOUTS) > 1 and texts[EXPORT_LAYOUTS[0]] != texts[EXPORT_LAYOUTS[-1]]
    assert all("Transmitted to" in text and CYRILLIC.search(text) for text in texts.values())
