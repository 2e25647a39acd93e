from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from reader.ui.workers import TaskRunner


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


def test_batches_cross_to_the_gui_thread(qtbot: QtBot) -> None:
    from reader.ui.workers import BatchChannel

    channel = BatchChannel()
    batches: list[tuple[list[int], bool]] = []
    channel.batch.connect(
        lambda items: batches.append((items, threading.current_thread() is threading.main_thread()))
    )
    runner = TaskRunner()
    channel.BATCH_SECONDS = 0.0  # every item is due at once: one batch per add

    def work() -> None:
        for i in range(3):
            channel.add(i)

    runner.submit(work)
    qtbot.waitUntil(lambda: sum(len(b) for b, _ in batches) == 3)
    assert [item for batch, _ in batches for item in batch] == [0, 1, 2]
    assert all(on_main for _, on_main in batches)
    runner.shutdown()
