"""GUI benchmarks, each in a fresh offscreen process: `python -m bench.gui MODE ARGS`.

    bare                 a QMainWindow with a splitter of two QTextBrowsers: time of first paint
    app                  Diglot's real start-up (`run_app`) over $DIGLOT_HOME: first paint, and
                         the first paint with the library listed and a document shown
    open HOME PAGE       open the seed and PAGE (load, align, render) vs setPlainText of the text
    stall HOME           first-launch index build of HOME's library: event-loop lateness while
                         it builds and lists, then while the first document opens; RSS

Times of start-up are wall-clock (`time.time()`), so the parent can subtract the moment it
started the process: imports and interpreter start count, as they do for a user.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

from bench.measure import emit, median, percentile, rss_mb


def _first_paint(app: Any, on_painted: Any) -> Any:
    """Call `on_painted(time)` once, with the time the first frame of a main window was done.

    A frame's widgets all paint in one pass of Qt's repaint manager: the frame is done with
    the last paint event before the event loop turns again. That is the time reported; what
    runs in the turns after it (such as work started once the window has painted) is not.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow

    class Probe(QObject):
        seen = False
        last = 0.0

        def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
            if (
                event.type() == QEvent.Type.Paint
                and watched.isWidgetType()
                and isinstance(watched.window(), QMainWindow)
            ):
                self.last = time.time()
                if not self.seen:
                    self.seen = True
                    QTimer.singleShot(0, lambda: on_painted(self.last))
            return False

    probe = Probe()
    app.installEventFilter(probe)
    return probe


def bare() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextBrowser

    app = QApplication(sys.argv)
    window = QMainWindow()
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(QTextBrowser())
    splitter.addWidget(QTextBrowser())
    window.setCentralWidget(splitter)
    window.resize(1400, 880)

    def painted(at: float) -> None:
        emit({"painted": at})
        os._exit(0)

    probe = _first_paint(app, painted)  # noqa: F841 - kept alive while the loop runs
    window.show()
    app.exec()


def app_start() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui import app as app_module

    qt_app = QApplication(sys.argv)
    found: dict[str, Any] = {}
    original_start = app_module.DiglotApp.start

    def start(self: Any) -> None:
        found["diglot"] = self
        original_start(self)

    app_module.DiglotApp.start = start  # type: ignore[method-assign]
    result: dict[str, float] = {}

    def poll() -> None:
        workspace = found["diglot"].workspace
        if workspace.catalog.visible() and workspace.reading.document is not None:
            found["diglot"].window.repaint()  # synchronous: the listed library is on screen
            result["ready"] = time.time()
            emit(result)
            os._exit(0)
        QTimer.singleShot(2, poll)

    def painted(at: float) -> None:
        result["painted"] = at
        poll()

    probe = _first_paint(qt_app, painted)  # noqa: F841
    app_module.run_app(sys.argv)


def _window(home: Path) -> Any:
    from PySide6.QtWidgets import QApplication

    from reader.core.session.workspace import Workspace
    from reader.ui.app import DiglotApp

    app = QApplication.instance() or QApplication(sys.argv)
    diglot = DiglotApp(Workspace(home))
    diglot.window.resize(1400, 880)
    diglot.start()  # as the app starts: the window shows, then the index updates off the GUI
    return app, diglot


def _wait_for_index(app: Any, diglot: Any) -> None:
    while diglot.last_report is None or diglot.indexing:
        app.processEvents()
        time.sleep(0.001)


def open_document(home: Path, page: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMainWindow, QSplitter, QTextBrowser

    from reader.core.page.parser import parse_page

    app, diglot = _window(home)
    workspace = diglot.workspace
    _wait_for_index(app, diglot)
    ids = {e.path: e.id for e in workspace.load_entries()}
    long_id = ids[str(page.resolve())]
    seed_id = next(i for p, i in ids.items() if p != str(page.resolve()))
    bare = QMainWindow()
    splitter = QSplitter(Qt.Orientation.Horizontal)
    panes = (QTextBrowser(), QTextBrowser())
    for pane in panes:
        splitter.addWidget(pane)
    bare.setCentralWidget(splitter)
    bare.resize(1400, 880)
    bare.show()
    app.processEvents()
    texts = {}
    for doc_id in (seed_id, long_id):
        path = next(p for p, i in ids.items() if i == doc_id)
        document = parse_page(Path(path))
        original = document.original.full_text if document.original else ""
        texts[doc_id] = (original, document.translations[0].full_text)
    ours: dict[str, list[float]] = {seed_id: [], long_id: []}
    theirs: dict[str, list[float]] = {seed_id: [], long_id: []}
    for _ in range(7):
        for doc_id in (seed_id, long_id):
            start = time.perf_counter()
            workspace.open_document(doc_id)
            diglot.window.repaint()
            ours[doc_id].append(time.perf_counter() - start)
            app.processEvents()
            start = time.perf_counter()
            for pane, text in zip(panes, texts[doc_id], strict=True):
                pane.setPlainText(text)
            bare.repaint()
            theirs[doc_id].append(time.perf_counter() - start)
            app.processEvents()
    emit({name: {"ours": median(ours[i]), "bare": median(theirs[i]), "runs": len(ours[i])}
          for name, i in (("seed", seed_id), ("long", long_id))})  # fmt: skip


SETTLE_SECONDS = 0.5


def stall(home: Path) -> None:
    from PySide6.QtCore import QTimer

    app, diglot = _window(home)  # no index yet: start() begins the first-launch build
    lateness: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    expected = [time.perf_counter() + 0.010]

    def tick() -> None:
        now = time.perf_counter()
        lateness.append(max(0.0, now - expected[0]))
        expected[0] = now + 0.010

    timer.timeout.connect(tick)
    started = time.perf_counter()
    timer.start()
    _wait_for_index(app, diglot)
    built = time.perf_counter() - started
    during = len(lateness)
    # Then the first document opens: a stall of its own (see `open`), reported apart.
    settle = time.perf_counter() + SETTLE_SECONDS
    while diglot.workspace.reading.document is None or time.perf_counter() < settle:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    app.processEvents()
    for child in multiprocessing.active_children():  # reaps the index process, for its memory
        child.join(30)
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    visible = diglot.workspace.catalog.visible()
    diglot.workspace.open_document(visible[len(visible) // 2].id)
    diglot.window.repaint()
    app.processEvents()
    building = lateness[:during]
    emit({"max_stall_s": max(building), "p99_stall_s": percentile(building, 0.99),
          "ticks": len(building), "first_open_stall_s": max(lateness[during:], default=0.0),
          "build_s": built, "rss_mb": rss_mb(), "child_peak_mb": child_peak,
          "documents": diglot.last_report.documents})  # fmt: skip


def main(argv: list[str]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = argv[0]
    if mode == "bare":
        bare()
    elif mode == "app":
        app_start()
    elif mode == "open":
        open_document(Path(argv[1]), Path(argv[2]))
    elif mode == "stall":
        stall(Path(argv[1]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
