"""An index update run in a child process, reported back as a stream of small messages.

The window must never build the index itself: parsing and whoosh are pure Python, and a
build on a thread of the GUI process makes the GUI thread wait for the GIL every time it
comes back from Qt (thousands of times a second while the list paints). A child process has
its own interpreter, so the GUI process only reads these messages, a few a second:

    JobProgress     files parsed so far (at most every PROGRESS_SECONDS)
    JobEntries      documents newly written as shown (at most every BATCH_SECONDS)
    JobListing      a slice of the finished index's document list (sent after the commit)
    JobDone         the update's report; the last message
    JobFailed       why the update failed; the last message

The child is started with the "spawn" method, so it works the same on every platform and
from a frozen app (which must call `multiprocessing.freeze_support()` first). Killing the
child at any moment is safe: `index_store` keeps the previous generation live, and the next
update clears what the killed one left.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.index_types import DocumentEntry, UpdateReport
from reader.core.library import Library

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

PROGRESS_SECONDS = 0.25
BATCH_SECONDS = 0.5
BATCH_SIZE = 200  # entries per message: unpickling one message stays well under a frame
LISTING_SIZE = 500
CHILD_NICENESS = 10


@dataclass(frozen=True)
class JobProgress:
    """`done` of `total` files parsed; `path` is the last one."""

    done: int
    total: int
    path: str


@dataclass(frozen=True)
class JobEntries:
    """Documents just written as shown (not yet searchable: the commit comes at the end)."""

    entries: list[DocumentEntry]


@dataclass(frozen=True)
class JobListing:
    """A slice of every shown document after the update, in the index's order."""

    entries: list[DocumentEntry]


@dataclass(frozen=True)
class JobDone:
    """The update's report; the listing slices before it hold the whole document list."""

    report: UpdateReport


@dataclass(frozen=True)
class JobFailed:
    """Why the update failed (it raised, or its process ended without a report)."""

    reason: str


JobMessage = JobProgress | JobEntries | JobListing | JobDone | JobFailed


class IndexJob:
    """One `SearchIndex.update` of a library, run in a child process.

    Call `start`, then `receive` from time to time (by default it never blocks) until
    `finished`.
    """

    def __init__(self, home: Path, seeds: Path | None = None) -> None:
        """Prepare an update of the library and index under `home` (see `Library`)."""
        self.home = Path(home)
        self.seeds = seeds
        self._process: Any = None
        self._connection: Connection | None = None
        self.finished = False

    def start(self) -> None:
        """Start the child process; returns at once."""
        import multiprocessing  # here, not at import: the window shows before any update

        context = multiprocessing.get_context("spawn")
        receiving, sending = context.Pipe(duplex=False)
        self._process = context.Process(
            target=run_update,
            args=(str(self.home), None if self.seeds is None else str(self.seeds), sending),
            name="diglot-index",
            daemon=True,  # never outlives the window, even if shutdown is skipped
        )
        self._process.start()
        sending.close()  # only the child writes: its end closing is how we see it end
        self._connection = receiving

    def receive(self, budget: float = 0.01, wait: float = 0.0) -> list[JobMessage]:
        """The messages that have arrived, read for at most about `budget` seconds.

        Args:
            budget: how long to go on reading messages that are already there.
            wait: how long to wait for a first message (0: never block, as in a window).

        When the child ends without a last message (killed, crashed), a JobFailed says so.
        """
        connection = self._connection
        if connection is None:
            return []
        found: list[JobMessage] = []
        try:
            if wait > 0:
                connection.poll(wait)
            deadline = time.perf_counter() + budget
            while time.perf_counter() < deadline and connection.poll():
                message = connection.recv()
                found.append(message)
                if isinstance(message, JobDone | JobFailed):
                    self._close()
                    break
        except (EOFError, OSError):
            self._process.join(0.2)  # ended, or about to: only for its exit code
            found.append(JobFailed(f"the indexing process ended (exit code "
                                   f"{self._process.exitcode})"))  # fmt: skip
            self._close()
        return found

    def cancel(self) -> None:
        """Stop the child now (the index keeps its previous state); nothing more arrives."""
        if self._process is not None and self._process.is_alive():
            self._process.kill()
            self._process.join(5)
        self._close()

    @property
    def pid(self) -> int | None:
        """The child's process id, once started."""
        return None if self._process is None else int(self._process.pid)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the child has ended (for tests); False on timeout."""
        if self._process is None:
            return True
        self._process.join(timeout)
        return not self._process.is_alive()

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        self.finished = True


def run_update(home: str, seeds: str | None, connection: Connection) -> None:
    """The child's work: update the index, streaming JobMessages over `connection`."""
    if hasattr(os, "nice"):
        # Below the window's priority: when the two want the same core, the window wins, as
        # it has a frame to paint and the build does not mind a few milliseconds.
        os.nice(CHILD_NICENESS)
    sender = _Sender(connection)
    try:
        library = Library(Path(home), seeds=None if seeds is None else Path(seeds))
        from reader.core.index import SearchIndex  # in the child: the window never waits for whoosh

        index = SearchIndex(Path(home))
        report = index.update(library, sender.progress, sender.entry)
        sender.flush()
        listing = index.documents()
        for start in range(0, len(listing), LISTING_SIZE):
            connection.send(JobListing(listing[start : start + LISTING_SIZE]))
        index.close()
    except BrokenPipeError:
        return  # the window went away: nobody to tell
    except Exception as error:  # told to the window, which says it in the status bar
        sender.flush()
        connection.send(JobFailed(str(error) or type(error).__name__))
        return
    connection.send(JobDone(report))
    connection.close()


class _Sender:
    """Throttles progress and batches entries, so the window gets a few messages a second."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._entries: list[DocumentEntry] = []
        self._progress: JobProgress | None = None
        self._sent_progress = self._sent_entries = time.monotonic()

    def progress(self, done: int, total: int, path: str) -> None:
        self._progress = JobProgress(done, total, path)
        now = time.monotonic()
        if now - self._sent_progress >= PROGRESS_SECONDS or done == total:
            self._sent_progress = now
            self._connection.send(self._progress)
            self._progress = None

    def entry(self, entry: DocumentEntry) -> None:
        self._entries.append(entry)
        now = time.monotonic()
        if len(self._entries) >= BATCH_SIZE or now - self._sent_entries >= BATCH_SECONDS:
            self._sent_entries = now
            self._send_entries()

    def flush(self) -> None:
        self._send_entries()
        if self._progress is not None:
            self._connection.send(self._progress)
            self._progress = None

    def _send_entries(self) -> None:
        if self._entries:
            self._connection.send(JobEntries(self._entries))
            self._entries = []
