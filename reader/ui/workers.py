"""Runs slow core calls off the GUI thread and brings their results back as Qt signals."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

ProgressFn = Callable[[int, int, str], None]


class TaskCancelled(Exception):
    """Raised inside a task's progress callback once the task was cancelled."""


class TaskSignals(QObject):
    """Signals of one task; created on the GUI thread so its slots run there."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """One core call on the pool. The call receives a progress callback when it wants one."""

    def __init__(self, call: Callable[..., Any], *, with_progress: bool) -> None:
        super().__init__()
        self.signals = TaskSignals()
        self._call = call
        self._with_progress = with_progress
        self._cancelled = threading.Event()
        self.setAutoDelete(False)  # the Task object outlives run(): its signals are still wanted

    def cancel(self) -> None:
        """Ask the task to stop at its next progress report; its result will not be delivered."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def _report(self, done: int, total: int, name: str) -> None:
        if self._cancelled.is_set():
            raise TaskCancelled
        self.signals.progress.emit(done, total, name)

    def run(self) -> None:
        try:
            result = self._call(self._report) if self._with_progress else self._call()
        except TaskCancelled:
            return
        except Exception as error:  # reported to the GUI thread, which decides how to say it
            if not self._cancelled.is_set():
                self.signals.failed.emit(error)
            return
        if not self._cancelled.is_set():
            self.signals.finished.emit(result)


class TaskRunner(QObject):
    """Submits core calls to a thread pool and keeps them alive until they are done."""

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running: set[Task] = set()

    def submit(
        self,
        call: Callable[..., Any],
        *,
        on_finished: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        on_progress: ProgressFn | None = None,
    ) -> Task:
        """Run `call` on the pool; callbacks run on the GUI thread.

        When `on_progress` is given, `call` is invoked with a progress callback
        `(done, total, name)` as its only argument.
        """
        task = Task(call, with_progress=on_progress is not None)
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        if on_finished is not None:
            task.signals.finished.connect(on_finished)
        if on_failed is not None:
            task.signals.failed.connect(on_failed)
        task.signals.finished.connect(lambda _result: self._running.discard(task))
        task.signals.failed.connect(lambda _error: self._running.discard(task))
        self._running.add(task)
        self._pool.start(task)
        return task

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task has finished (used at shutdown); False on timeout."""
        return bool(self._pool.waitForDone(msecs))

    def shutdown(self) -> None:
        """Cancel what is running and wait for it, so no thread outlives the window."""
        for task in list(self._running):
            task.cancel()
        self._pool.waitForDone()
        self._running.clear()


class BatchChannel(QObject):
    """Carries items from a worker thread to the GUI thread, a batch at a time.

    Items are collected on the worker; the batch signal is queued across to the GUI thread.
    Batching keeps a list from being rebuilt once per item (a first index build announces
    thousands of documents).
    """

    batch = Signal(object)  # a list; Signal(list) crashed PySide 6.12 across threads
    BATCH_SECONDS = 0.3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._pending: list[Any] = []
        self._last = time.monotonic()

    def add(self, item: Any) -> None:
        """Collect one item (on any thread); sends the batch when it is old enough."""
        with self._lock:
            self._pending.append(item)
            due = time.monotonic() - self._last >= self.BATCH_SECONDS
        if due:
            self.flush()

    def flush(self) -> None:
        """Send whatever is pending now."""
        with self._lock:
            pending, self._pending = self._pending, []
            self._last = time.monotonic()
        if pending:
            self.batch.emit(pending)
