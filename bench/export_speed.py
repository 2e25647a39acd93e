"""PDF export speed (issue 15): the seed with 50 made-up annotations, and 100 documents in one PDF.

    python -m bench.export_speed [--runs 5] [--documents 100]

1. The seed to a PDF, the way Export as PDF writes it (layout, footer on every page, fonts
   embedded): the median of several runs, after one warm-up (fonts registered, modules
   imported), with 50 made-up annotations in a real store, gathered as the CLI does.
2. `--documents` made-up pages (bench/corpus.py) into one PDF with a table of contents, in a
   child process as the window does it (start-up included), while the GUI thread runs a
   10 ms timer: its lateness is the stall a user would feel, as bench/gui.py measures it.

Prints one JSON line; aims: under 1 s, under 60 s, no stall over 50 ms.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.corpus import write_corpus
from bench.measure import ROOT, emit, median, percentile

SEED = ROOT / "seeds" / "000_6ac3a21e3d46086e.txt"
TICK_S = 0.010


def _made_up_annotations(home: Path, document: Any, count: int) -> None:
    """Store `count` made-up highlights with notes over the seed, alternating sides.

    Ten characters at a time from the paragraphs of either text, as a reader's store holds
    them, so the export re-anchors and projects them as the window and the CLI do.
    """
    from reader.core.annotations.editing import Annotator
    from reader.core.annotations.store import AnnotationStore
    from reader.core.text_range import TextRange

    store = AnnotationStore(home)
    annotator = Annotator(store)
    sides = [("original", document.original), ("translation", document.translations[0])]
    places = [(side, number, len(paragraph)) for side, text in sides
              for number, paragraph in enumerate(text.paragraphs) if len(paragraph) >= 40]
    for n in range(count):
        side, number, length = places[n % len(places)]
        start = (n // len(places)) * 12 % (length - 12)
        annotator.add(document, TextRange(side, number, start, start + 10),  # type: ignore[arg-type]
                      1 + n % 3, note=f"Made-up note {n}")
    store.close()


def seed_to_pdf(runs: int, folder: Path) -> dict[str, Any]:
    """Median seconds to lay out and write the seed's PDF with 50 made-up annotations."""
    from reader.core.align.store import AlignmentStore
    from reader.core.annotations.store import AnnotationStore
    from reader.core.export.furniture import furniture_of
    from reader.core.export.gather import gather_export
    from reader.core.export.model import to_html
    from reader.core.page.parser import parse_page
    from reader.ui.printing import export_pdf
    from reader.ui.resources import SANS_FAMILY, SERIF_FAMILY
    from reader.ui.split_view import language_name

    document = parse_page(SEED)
    home = folder / "home"
    _made_up_annotations(home, document, 50)
    alignments, store = AlignmentStore(home), AnnotationStore(home)
    times = []
    pages = notes = 0
    for run in range(runs + 1):
        started = time.perf_counter()
        export = gather_export(document, alignments, store)
        html = to_html(export, serif=SERIF_FAMILY, sans=SANS_FAMILY, language_name=language_name)
        pages = export_pdf(html, folder / "seed.pdf", "A4", furniture_of(export))
        notes = len(export.notes)
        if run:  # the first run registers fonts, imports and aligns: start-up, not the export's
            times.append(time.perf_counter() - started)
    store.close()
    return {"seed_pdf_s": median(times), "seed_pdf_runs": times, "seed_pages": pages,
            "seed_annotations": notes}  # fmt: skip


def bundle_to_pdf(count: int, folder: Path) -> dict[str, Any]:
    """Seconds to write `count` made-up pages into one PDF (a child process), and the stalls."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    from reader.ui.print_bundle import BundleExport, BundleRequest

    app = QApplication.instance() or QApplication(sys.argv)
    paths = write_corpus(folder / "pages", count)
    # By the time a reader exports, the window has started its index child: multiprocessing
    # is imported and its resource tracker runs (30-100 ms on first use, here not measured).
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
    window = QMainWindow()
    window.show()
    said: list[str] = []
    bundle = BundleExport(window, said.append, lambda *_: None)
    reports: list[Any] = []
    bundle.finished.connect(reports.append)
    lateness: list[float] = []
    expected = [time.perf_counter() + TICK_S]

    def tick() -> None:
        now = time.perf_counter()
        lateness.append(max(0.0, now - expected[0]))
        expected[0] = now + TICK_S

    timer = QTimer()
    timer.setInterval(int(TICK_S * 1000))
    timer.timeout.connect(tick)
    target = folder / "bundle.pdf"
    sources = tuple((path.stem, path) for path in paths)
    timer.start()
    started = time.perf_counter()
    bundle.start(BundleRequest(sources, target))
    while not reports and bundle.running:
        app.processEvents()
        time.sleep(0.001)
    took = time.perf_counter() - started
    timer.stop()
    if not reports:
        raise RuntimeError(f"the export did not finish: {said}")
    report = reports[0]
    return {"bundle_s": took, "bundle_documents": count - len(report.skipped),
            "bundle_pages": report.pages, "bundle_mb": target.stat().st_size / 1e6,
            "max_stall_s": max(lateness), "p99_stall_s": percentile(lateness, 0.99),
            "ticks": len(lateness)}  # fmt: skip


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--documents", type=int, default=100)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)  # noqa: F841 - fonts need it
    with tempfile.TemporaryDirectory(prefix="diglot-export-bench-") as work:
        result = seed_to_pdf(args.runs, Path(work))
        result.update(bundle_to_pdf(args.documents, Path(work)))
    emit(result)


if __name__ == "__main__":
    main(sys.argv[1:])
