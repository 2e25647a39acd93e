"""Runs slow core work off the GUI thread, on a pool or in a child process, with Qt signals."""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from reader.core.index.job import IndexJob
from reader.core.index.job_messages import (
    JobDone,
    JobEntries,
    JobFailed,
    JobListing,
    JobProgress,
)
from reader.core.index.types import DocumentEntry

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

    @property
    def idle(self) -> bool:
        """Whether every task submitted has finished and its callbacks have run."""
        return not self._running

    def shutdown(self) -> None:
        """Cancel what is running and wait for it, so no thread outlives the window."""
        for task in list(self._running):
            task.cancel()
        self._pool.waitForDone()
        self._running.clear()


class IndexJobFeed(QObject):
    """Runs one update of an `IndexJob` (a child process), turning its messages into signals.

    The job is polled from the GUI thread by a timer, reading for a bounded time per turn.
    New documents are passed on at most every ENTRIES_SECONDS, as one `entries` signal: each
    change repaints the whole list, and a list that grows once a second reads fine.
    """

    progress = Signal(int, int, str)
    entries = Signal(object)  # a list of DocumentEntry
    finished = Signal(object, object)  # the UpdateReport, then the index's whole document list
    failed = Signal(str)
    POLL_MS = 25
    BUDGET_SECONDS = 0.008  # of reading messages per turn (unpickling is the cost)
    ENTRIES_SECONDS = 1.0

    def __init__(self, job: IndexJob, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self._listing: list[DocumentEntry] = []
        self._pending: list[DocumentEntry] = []
        self._passed_on = 0.0  # when entries were last passed on (time.monotonic)
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._poll)

    def start(self, changed: list[Path] | None = None, damaged: str = "") -> None:
        """Start the update (see `IndexJob.start`) and listen to it."""
        self.job.start(changed, damaged)
        self._timer.start()

    def cancel(self) -> None:
        """Stop the child; no signal follows."""
        self._timer.stop()
        self.job.cancel()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def _poll(self) -> None:
        progress: JobProgress | None = None
        last: JobDone | JobFailed | None = None
        for message in self.job.receive(self.BUDGET_SECONDS):
            if isinstance(message, JobProgress):
                progress = message
            elif isinstance(message, JobEntries):
                self._pending.extend(message.entries)
            elif isinstance(message, JobListing):
                self._listing.extend(message.entries)
            elif isinstance(message, JobDone | JobFailed):
                last = message
        if progress is not None:
            self.progress.emit(progress.done, progress.total, progress.path)
        now = time.monotonic()
        if self._pending and (last is not None or now - self._passed_on >= self.ENTRIES_SECONDS):
            pending, self._pending, self._passed_on = self._pending, [], now
            self.entries.emit(pending)
        if last is None:
            return
        self._timer.stop()
        if isinstance(last, JobDone):
            self.finished.emit(last.report, self._listing)
        else:
            self.failed.emit(last.reason)


class Slicer(QObject):
    """Hands a long list to a function a slice per event-loop turn, so no turn runs long.

    One list at a time: feeding another drops what is left of the previous one.
    """

    SIZE = 500

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []
        self._apply: Callable[[list[Any]], None] = lambda _items: None
        self._then: Callable[[], None] = lambda: None
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def feed(self, items: list[Any], apply: Callable[[list[Any]], None],
             then: Callable[[], None]) -> None:  # fmt: skip
        """Call `apply` on consecutive slices of `items`, one per turn, then call `then`."""
        self._items, self._apply, self._then = list(items), apply, then
        self._timer.start()

    @property
    def busy(self) -> bool:
        return self._timer.isActive()

    def _step(self) -> None:
        chunk, self._items = self._items[: self.SIZE], self._items[self.SIZE :]
        if chunk:
            self._apply(chunk)
        if not self._items:
            self._timer.stop()
            self._then()


class FirstFrame(QObject):
    """Calls back once, in the event-loop turn after `window` has painted its first frame.

    A zero timer started when the window is shown can fire before that paint, and slow work
    begun then (opening the index, starting a child process) holds the first frame back. An
    unexposed window may never paint, so the callback runs after `latest_ms` in any case.
    """

    def __init__(self, window: QWidget, callback: Callable[[], None], latest_ms: int = 1000):
        super().__init__(window)
        self._window = window
        self._callback: Callable[[], None] | None = callback
        self._app = QApplication.instance()
        if self._app is not None:
            self._app.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            isinstance(event, QPaintEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            # Children paint within the same frame: the frame is done when the loop next runs.
            QTimer.singleShot(0, self, self._fire)
            self._stop_watching()
        return False

    def _stop_watching(self) -> None:
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None

    def _fire(self) -> None:
        self._stop_watching()
        if self._callback is not None:
            callback, self._callback = self._callback, None
            callback()


# How long a thread may run Python before one waiting for the interpreter lock gets it.
# Python's 5 ms made the GUI thread wait up to that long each time it came back from Qt into
# Python while a worker parsed or aligned, several times a turn: the turn a 5 MB page arrived
# in took 60-75 ms of wall time for 25 ms of work; with 1 ms, 45-50 ms (issue 12).
SWITCH_INTERVAL = 0.001


def share_interpreter_promptly() -> None:
    """Let the GUI thread have the interpreter lock soon after it asks, while workers run."""
    sys.setswitchinterval(SWITCH_INTERVAL)


def exempt_long_lived() -> None:
    """Exempt what is alive after start-up from the cyclic collector's full passes (once).

    A full pass visits every object of the process on whichever thread allocates: 40 ms of
    the GUI thread here right after start-up, most of it modules, classes and widgets that
    live as long as the process. Frozen, they are skipped; refcounting still frees them.
    Only the first call freezes, so that garbage cycles of a later moment (another window
    in the same process, as in tests) are never made permanent.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()
