from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from reader.core.index.job import IndexJob
from reader.ui.workers import FirstFrame, IndexJobFeed, Slicer, TaskRunner
from tests.core.seed_variants import SEED_RECORD, variant, write_page


def test_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    threads: list[threading.Thread] = []
    results: list[int] = []

    def work() -> int:
        threads.append(threading.current_thread())
        return 42

    def done(value: int) -> None:
        threads.append(threading.current_thread())
        results.append(value)

    runner.submit(work, on_finished=done)
    qtbot.waitUntil(lambda: results == [42])
    assert threads[0] is not threading.main_thread()
    assert threads[1] is threading.main_thread()
    runner.shutdown()


def test_progress_and_errors_are_reported(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[int, int, str]] = []
    errors: list[BaseException] = []

    def work(progress) -> None:  # type: ignore[no-untyped-def]
        for i in range(3):
            progress(i + 1, 3, f"file{i}")
        raise ValueError("broken page")

    runner.submit(
        work,
        on_progress=lambda d, t, n: seen.append((d, t, n)),
        on_failed=errors.append,
    )
    qtbot.waitUntil(lambda: bool(errors))
    assert seen == [(1, 3, "file0"), (2, 3, "file1"), (3, 3, "file2")]
    assert str(errors[0]) == "broken page"
    runner.shutdown()


def test_cancelled_task_delivers_nothing(qtbot: QtBot) -> None:
    runner = TaskRunner()
    started = threading.Event()
    release = threading.Event()
    results: list[str] = []

    def work(progress) -> str:  # type: ignore[no-untyped-def]
        started.set()
        release.wait(5)
        progress(1, 1, "x")  # raises TaskCancelled once cancelled
        return "late"

    task = runner.submit(work, on_finished=results.append, on_progress=lambda *a: None)
    assert started.wait(5)
    task.cancel()
    release.set()
    assert runner.wait(5000)
    QCoreApplication.processEvents()  # deliver queued signals, if any, before asserting none came
    assert results == []
    assert task.cancelled


def test_an_index_job_reports_on_the_gui_thread(qtbot: QtBot, diglot_home: Path) -> None:
    write_page(diglot_home / "library" / "extra.txt", variant(record_id="40001", title="Extra"))
    feed = IndexJobFeed(IndexJob(diglot_home))
    progress: list[tuple[int, int]] = []
    batches: list[tuple[list[str], bool]] = []
    feed.progress.connect(lambda done, total, _path: progress.append((done, total)))
    feed.entries.connect(lambda entries: batches.append(
        ([e.id for e in entries], threading.current_thread() is threading.main_thread())))
    with qtbot.waitSignal(feed.finished, timeout=60000) as finished:
        feed.start()
    report, listing = finished.args
    assert report.documents == 2 and [e.id for e in listing] == [SEED_RECORD, "40001"]
    assert progress[-1] == (2, 2)
    assert sorted(i for ids, _ in batches for i in ids) == ["113729", "40001"]
    assert all(on_main for _, on_main in batches)
    assert not feed.running
    feed.job.close()


def test_a_slicer_hands_one_slice_per_turn_then_finishes(qtbot: QtBot) -> None:
    slicer = Slicer()
    slicer.SIZE = 2
    slices: list[list[int]] = []
    done: list[str] = []
    slicer.feed(list(range(3)), slices.append, lambda: done.append("first"))
    assert slices == []  # nothing happens inside feed: the work is spread over later turns
    slicer.feed(list(range(5)), slices.append, lambda: done.append("second"))  # replaces it
    qtbot.waitUntil(lambda: done == ["second"])
    assert slices == [[0, 1], [2, 3], [4]]
    assert not slicer.busy


def test_first_frame_calls_back_once_after_the_window_paints(qtbot: QtBot) -> None:
    window = QMainWindow()
    label = QLabel("painted", window)
    window.setCentralWidget(label)
    qtbot.addWidget(window)
    painted: list[bool] = []
    calls: list[bool] = []
    spy = _PaintSpy(window, painted)
    QCoreApplication.instance().installEventFilter(spy)  # type: ignore[union-attr]
    first = FirstFrame(window, lambda: calls.append(bool(painted)))
    assert calls == []  # not before the window even shows
    window.show()
    qtbot.waitUntil(lambda: calls == [True])  # after a paint of the window
    window.repaint()
    QCoreApplication.processEvents()
    assert calls == [True]  # once
    QCoreApplication.instance().removeEventFilter(spy)  # type: ignore[union-attr]
    del first


def test_first_frame_gives_up_waiting_for_a_window_that_never_paints(qtbot: QtBot) -> None:
    window = QMainWindow()  # never shown
    qtbot.addWidget(window)
    calls: list[int] = []
    first = FirstFrame(window, lambda: calls.append(1), latest_ms=50)
    qtbot.waitUntil(lambda: calls == [1])
    del first


class _PaintSpy(QObject):
    """Notes every paint of a widget of `window`."""

    def __init__(self, window: QWidget, painted: list[bool]) -> None:
        super().__init__()
        self._window, self._painted = window, painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._painted.append(True)
        return False
