"""Hostile and huge pages (issue 12), each measured in a fresh process.

    python -m bench.huge_page              everything below, a table at the end
    python -m bench.huge_page parse NAME   one hostile page parsed: seconds, peak MB
    python -m bench.huge_page align NAME   one huge page aligned (`align_long`): seconds, peak MB
    python -m bench.huge_page cli NAME     `diglot align` on it, in a data home of its own
    python -m bench.huge_page gui NAME     the real window opens it: first screen, longest
                                           stall of the event loop, aligned, peak MB (on a
                                           1920 x 1080 offscreen screen, the window 1400 x 880)
    python -m bench.huge_page hold NAME    parsed on a thread while this one ticks every 5 ms:
                                           the longest gap between ticks, the parse's seconds;
                                           after a small page has loaded the modules and the
                                           language model, as in the window (`hold NAME cold`:
                                           the first parse of the process)

Pages are made up (`bench/made_up_pages.py`) at the sizes the issue reports. Aims: a parse
under 2 s and 300 MB; a 5 MB page's first screen within 1 s with no stall over 50 ms, aligned
within 10 s and under 500 MB.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import made_up_pages as made_up
from bench.measure import desktop_screen, emit, peak_mb, reset_peak, run_child

PAGES: dict[str, Callable[[], str]] = {
    "nested_8000": lambda: made_up.nested_html(8000),
    "unclosed_tags_2.5M": lambda: made_up.unclosed_tags(2_500_000),
    "unclosed_tags_390k": lambda: made_up.unclosed_tags(390_000),
    "unclosed_comments_2.3MB": lambda: made_up.unclosed_comments(575_000),
    "source_8MB": lambda: made_up.long_source(8_000_000),
    "paragraphs_5MB": lambda: made_up.many_paragraphs(5_000_000),
    "one_paragraph_5MB": lambda: made_up.one_paragraph(5_000_000),
    "paragraphs_19MB": lambda: made_up.many_paragraphs(19_000_000),
}
HUGE = ("paragraphs_5MB", "one_paragraph_5MB")
HELD = ("one_paragraph_5MB", "paragraphs_5MB", "paragraphs_19MB")
TICK = 0.005


def _write(name: str, folder: Path) -> Path:
    text = PAGES[name]()
    suffix = ".html" if text.startswith("<!doctype") else ".txt"
    path = folder / f"made_up_{name}{suffix}"
    path.write_text(text, encoding="utf-8")
    return path


def parse(name: str) -> None:
    from reader.core.page.parser import PageError, parse_page

    with tempfile.TemporaryDirectory() as folder:
        path = _write(name, Path(folder))
        reset_peak()
        start = time.perf_counter()
        try:
            parse_page(path)
            outcome = "read"
        except PageError as error:
            outcome = f"refused: {error.reason}"
        emit({"seconds": time.perf_counter() - start, "peak_mb": peak_mb(),
              "mb": path.stat().st_size / 1e6, "outcome": outcome})  # fmt: skip


def hold(name: str, cold: str = "") -> None:
    """Parse on a worker thread, as the window does, while this thread wants to run every 5 ms.

    A gap between ticks much over 5 ms is time this thread waited for the interpreter lock
    (the worker was inside one long C call: a regex or str method over megabytes, a full
    garbage collection) or, on a busy machine, for a core.
    """
    import threading

    from reader.core.page.parser import PageError, parse_page, parse_text

    if cold != "cold":  # the window has parsed pages before: imports and the model are loaded
        parse_text(made_up.many_paragraphs(20_000), "made_up_warm_up.txt")
    with tempfile.TemporaryDirectory() as folder:
        path = _write(name, Path(folder))
        finished: list[float] = []

        def work() -> None:
            start = time.perf_counter()
            with contextlib.suppress(PageError):
                parse_page(path)
            finished.append(time.perf_counter() - start)

        worker = threading.Thread(target=work)
        gaps: list[float] = []
        last = time.perf_counter()
        worker.start()
        while worker.is_alive():
            time.sleep(TICK)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now
        worker.join()
        emit({"max_gap_ms": max(gaps) * 1000, "max_wait_ms": (max(gaps) - TICK) * 1000,
              "ticks": len(gaps), "parse_s": finished[0]})  # fmt: skip


def align(name: str) -> None:
    from reader.core.align.sections import align_long
    from reader.core.page.parser import parse_text

    document = parse_text(PAGES[name](), f"made_up_{name}.txt")
    assert document.original is not None
    reset_peak()
    start = time.perf_counter()
    alignment = align_long(document.original, document.translations[0])
    emit({"seconds": time.perf_counter() - start, "peak_mb": peak_mb(),
          "beads": len(alignment.paragraph_beads),
          "sentence_beads": len(alignment.sentence_beads)})  # fmt: skip


def cli(name: str) -> None:
    with tempfile.TemporaryDirectory() as home:
        library = Path(home) / "library"
        library.mkdir()
        _write(name, library)
        env = {**os.environ, "DIGLOT_HOME": home}
        diglot = [sys.executable, "-m", "reader"]
        subprocess.run([*diglot, "index"], env=env, check=True, capture_output=True)
        listed = subprocess.run([*diglot, "list", "--json"], env=env, check=True,
                                capture_output=True, text=True).stdout  # fmt: skip
        import json

        doc_id = next(d["id"] for d in json.loads(listed) if "made_up" in d.get("file", d["id"])
                      or "Made-up" in d["title"])  # fmt: skip
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%M", *diglot, "align", doc_id], env=env,
                              capture_output=True, text=True)  # fmt: skip
        seconds = time.perf_counter() - start
        peak = int(done.stderr.strip().splitlines()[-1]) / 1024
        emit({"seconds": seconds, "peak_mb": peak, "exit": done.returncode,
              "lines": done.stdout.count("\n")})  # fmt: skip


def gui(name: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.core.session.workspace import Workspace
    from reader.ui.app import DiglotApp

    folder = Path(tempfile.mkdtemp())
    library = folder / "library"
    library.mkdir()
    path = _write(name, library)
    desktop_screen(folder)
    app = QApplication.instance() or QApplication(sys.argv)
    diglot = DiglotApp(Workspace(folder), settings_path=folder / "settings.ini")
    diglot.window.resize(1400, 880)
    diglot.start()
    workspace = diglot.workspace
    while diglot.last_report is None or diglot.indexing or workspace.reading.document is None:
        app.processEvents()
        time.sleep(0.001)
    entry = next(e for e in workspace.load_entries() if e.path == str(path.resolve()))
    workspace.reading.set_document(None)
    app.processEvents()
    lateness: list[float] = []
    busy: list[float] = []  # the GUI thread's own CPU time between ticks
    expected = [time.perf_counter() + 0.010]
    cpu = [time.thread_time()]

    def tick() -> None:
        now, used = time.perf_counter(), time.thread_time()
        lateness.append(max(0.0, now - expected[0]))
        busy.append(used - cpu[0])
        expected[0], cpu[0] = now + 0.010, used

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    reset_peak()
    start = time.perf_counter()
    workspace.open_document(entry.id)
    pane = diglot.window.split_view.panes["original"]
    shown = aligned = None
    while aligned is None and time.perf_counter() - start < 300:
        app.processEvents()
        now = time.perf_counter() - start
        document = workspace.reading.document
        if shown is None and document is not None and pane.document().characterCount() > 1:
            diglot.window.repaint()
            shown = time.perf_counter() - start
        if shown is not None and not workspace.links.aligning and workspace.links.alignment:
            aligned = now
        time.sleep(0.001)
    timer.stop()
    import resource

    # A stall is wall time, so other work on the machine lengthens it; max_busy_s is the GUI
    # thread's own CPU between two ticks, what a stall would be on an idle machine.
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    emit({"first_screen_s": shown, "aligned_s": aligned, "max_stall_s": max(lateness),
          "max_busy_s": max(busy), "peak_mb": peak_mb(), "child_peak_mb": children,
          "mb": path.stat().st_size / 1e6})  # fmt: skip
    diglot.shutdown()


def main(argv: list[str]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if argv and argv[0] == "hold":
        hold(*argv[1:3])
        return
    if argv:
        {"parse": parse, "align": align, "cli": cli, "gui": gui}[argv[0]](argv[1])
        return
    rows: list[tuple[str, str, dict[str, Any]]] = []
    for name in PAGES:
        rows.append(("parse", name, run_child("bench.huge_page", "parse", name)))
    for name in HELD:
        rows.append(("hold", name, run_child("bench.huge_page", "hold", name)))
        rows.append(("cold", name, run_child("bench.huge_page", "hold", name, "cold")))
    for name in HUGE:
        for mode in ("align", "cli", "gui"):
            rows.append((mode, name, run_child("bench.huge_page", mode, name)))
    for mode, name, result in rows:
        figures = ", ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}"
                            for k, v in result.items())  # fmt: skip
        print(f"{mode:6} {name:26} {figures}")


if __name__ == "__main__":
    main(sys.argv[1:])
