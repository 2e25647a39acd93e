"""Index updates run in a child process, reported back as a stream of small messages.

The window must never build the index itself: parsing and whoosh are pure Python, and a
build on a thread of the GUI process makes the GUI thread wait for the GIL every time it
comes back from Qt (thousands of times a second while the list paints). A child process has
its own interpreter, so the GUI process only reads these messages, a few a second:

    JobProgress     files parsed so far (at most every `update_server.PROGRESS_SECONDS`)
    JobEntries      documents newly written as shown (at most every `BATCH_SECONDS`)
    JobListing      a slice of the finished index's document list (sent after the commit)
    JobChanges      instead of the listing, from a child that sent one before: what changed
                    in it (the parent side hands on the whole listing all the same)
    JobDone         the update's report; the last message of an update
    JobFailed       why the update failed; the last message of an update

The child stays for the next update: starting one (an interpreter, whoosh, the index's
manifest, the library's file listing) takes a second, while a one-page update in a warm
child takes a few hundredths, and an update told which files changed looks at no other.
After an update that parsed many files the child ends (its heap is as large as the build
made it) and the next update starts a fresh one; the window also closes an idle child.

The child is started with the "spawn" method, so it works the same on every platform and
from a frozen app (which must call `multiprocessing.freeze_support()` first). Killing the
child at any moment is safe: `index_store` keeps the previous generation live, and the next
update clears what the killed one left.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.index.job_messages import (
    RETIRE_AFTER_PARSED,
    TIDY_AFTER_SECONDS,
    JobChanges,
    JobDone,
    JobFailed,
    JobListing,
    JobMessage,
    Listed,
)

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

_log = logging.getLogger(__name__)

class IndexJob:
    """`SearchIndex.update`s of a library, run one at a time in a child process.

    Call `start`, then `receive` from time to time (by default it never blocks) until
    `finished`; then `start` again for the next update, and `close` at the end.
    """

    def __init__(
        self,
        home: Path,
        seeds: Path | None = None,
        retire_after: int = RETIRE_AFTER_PARSED,
        tidy_after: float = TIDY_AFTER_SECONDS,
    ) -> None:
        """Prepare updates of the library and index under `home` (see `Library`).

        Args:
            home: Diglot's data folder.
            seeds: the bundled pages (see `Library`).
            retire_after: the child ends after an update that parsed this many files.
            tidy_after: seconds without an update after which the child merges the index's
                small segments (see `SearchIndex.tidy`).
        """
        self.home = Path(home)
        self.seeds = seeds
        self.retire_after = retire_after
        self.tidy_after = tidy_after
        self._process: Any = None
        self._connection: Connection | None = None
        self._reusable = False  # the child finished its last update and waits for another
        # The child's last listing, and the one the running update is sending (whole, or as
        # changes to the last, `patched`).
        self._listed: Listed = {}
        self._listing: Listed = {}
        self._patched = False
        self.finished = True

    def start(self, changed: Iterable[Path] | None = None, damaged: str = "") -> None:
        """Begin an update; returns at once. The child is started if none is waiting.

        Args:
            changed: when known (an import), the only files that may have changed since the
                child's last update (see `SearchIndex.update`); a new child scans all anyway.
            damaged: what a reader found damaged in the index: the update rebuilds it.
        """
        if not self.finished:
            raise RuntimeError("an update is still running")
        if not (self._reusable and self._process.is_alive()):
            self._stop_child()
            self._spawn()
        self._reusable = False
        self.finished = False
        self._listing, self._patched = {}, False
        assert self._connection is not None
        request = (None if changed is None else [str(path) for path in changed], damaged)
        with contextlib.suppress(OSError):  # the child is gone: `receive` reports it
            self._connection.send(request)

    def _spawn(self) -> None:
        import multiprocessing  # here, not at import: the window shows before any update

        from reader.core.index.update_server import serve_updates  # it imports this module

        context = multiprocessing.get_context("spawn")
        mine, theirs = context.Pipe(duplex=True)
        seeds = None if self.seeds is None else str(self.seeds)
        self._process = context.Process(
            target=serve_updates,
            args=(str(self.home), seeds, theirs, self.retire_after, self.tidy_after),
            name="diglot-index",
            daemon=True,  # never outlives the window, even if shutdown is skipped
        )
        self._process.start()
        theirs.close()  # the child's end closing is how we see it end
        self._connection = mine

    def receive(self, budget: float = 0.01, wait: float = 0.0) -> list[JobMessage]:
        """The messages of the running update that have arrived, read for about `budget` s.

        Args:
            budget: how long to go on reading messages that are already there.
            wait: how long to wait for a first message (0: never block, as in a window).

        When the child ends without a last message (killed, crashed), a JobFailed says so.
        """
        connection = self._connection
        if connection is None or self.finished:
            return []
        found: list[JobMessage] = []
        try:
            if wait > 0:
                connection.poll(wait)
            deadline = time.perf_counter() + budget
            while time.perf_counter() < deadline and connection.poll():
                message = connection.recv()
                if isinstance(message, JobListing):
                    self._listing.update((entry.id, entry) for entry in message.entries)
                elif isinstance(message, JobChanges):
                    self._take_changes(message)
                    continue  # handed on as a whole listing at the end
                if isinstance(message, JobDone) and self._patched:
                    found.append(JobListing(list(self._listing.values())))
                found.append(message)
                if isinstance(message, JobDone | JobFailed):
                    self.finished = True
                    self._reusable = isinstance(message, JobDone) and not message.retiring
                    self._listed = self._listing if isinstance(message, JobDone) else {}
                    break
        except (EOFError, OSError):
            self._process.join(0.2)  # ended, or about to: only for its exit code
            found.append(JobFailed(f"the indexing process ended (exit code "
                                   f"{self._process.exitcode})"))  # fmt: skip
            self._stop_child()
        return found

    def _take_changes(self, changes: JobChanges) -> None:
        # The child's previous listing, changed: the listing it would have sent.
        if not self._patched:
            self._listing, self._patched = dict(self._listed), True
        for entry in changes.entries:
            self._listing[entry.id] = entry
        for doc_id in changes.removed:
            self._listing.pop(doc_id, None)

    def cancel(self) -> None:
        """Stop the child now (the index keeps its previous state); nothing more arrives."""
        if self._process is not None and self._process.is_alive():
            self._process.kill()
            self._process.join(5)
        self._stop_child()

    def close(self) -> None:
        """Let a waiting child end (freeing its memory); an update still running is cancelled."""
        if not self.finished:
            self.cancel()
        self._stop_child()

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

    def _stop_child(self) -> None:
        # A waiting child reads the closed pipe as its cue to end.
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if self._process is not None and self._process.is_alive():
            self._process.join(5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join(5)
        self._reusable = False
        self._listed = {}
        self.finished = True
