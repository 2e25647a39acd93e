"""The index process's side of `IndexJob`: run each update asked for, stream its messages.

`reader.core.index.job` starts this in a child process (see its docstring for the messages
and the child's life); nothing here runs in the window's process.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.index.job_messages import (
    LISTING_SIZE,
    LOCK_WAIT,
    RETIRE_AFTER_PARSED,
    TIDY_AFTER_SECONDS,
    JobChanges,
    JobDone,
    JobEntries,
    JobFailed,
    JobListing,
    JobProgress,
    Listed,
)
from reader.core.index.types import DocumentEntry
from reader.core.library.collection import Library, unsaved

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

_log = logging.getLogger(__name__)

BATCH_SECONDS = 0.5
BATCH_SIZE = 200  # entries per message: unpickling one message stays well under a frame
CHILD_NICENESS = 10
PROGRESS_SECONDS = 0.25


def serve_updates(
    home: str,
    seeds: str | None,
    connection: Connection,
    retire_after: int = RETIRE_AFTER_PARSED,
    tidy_after: float = TIDY_AFTER_SECONDS,
) -> None:
    """The child's work: run each update asked for, streaming JobMessages over `connection`.

    Ends when the window closes its end, after an update that parsed many files, or after
    one that failed (whatever it left in memory is not trusted for the next).
    """
    if hasattr(os, "nice"):
        # Below the window's priority: when the two want the same core, the window wins, as
        # it has a frame to paint and the build does not mind a few milliseconds.
        os.nice(CHILD_NICENESS)
    library = Library(Path(home), seeds=None if seeds is None else Path(seeds))
    library.clean_leftovers()  # at the window's start: what a killed import left
    index: Any = None
    listed: Listed | None = None  # what the window was last sent
    tidy = False  # an update ran since the index was last tidied
    try:
        while True:
            if tidy and not connection.poll(tidy_after):
                # Idle: merge the small segments updates leave, which slow every query a
                # little; an update asked for meanwhile waits for the merge.
                tidy = False
                try:
                    index.tidy()
                except Exception as error:  # only a speed-up: the next update does without it
                    _log.warning("could not merge small index segments: %s", error)
            try:
                changed, damaged = connection.recv()
            except (EOFError, ConnectionError):
                return  # the window is done with us (or went away without closing)
            if index is None:
                from reader.core.index.search_index import (
                    SearchIndex,  # the window never waits for whoosh
                )

                index = SearchIndex(Path(home))
                # Another process holds the index's lock: the window says it waits.
                index.store.on_wait = lambda: connection.send(JobProgress(0, 0, LOCK_WAIT))
            library.reload_folders()
            paths = None if changed is None else [Path(path) for path in changed]
            first = listed is None
            listed = _run_update(library, index, (paths, damaged), connection, retire_after,
                                 listed)
            if listed is None:
                return
            if first:
                # While waiting: the next page parsed (an import) would otherwise load the
                # language identifier first, a quarter of a second.
                from reader.core.text.latin_language import latin_language

                latin_language("a warm-up")
            tidy = True
    except ConnectionError:
        return  # the window went away: nobody to tell
    finally:
        if index is not None:
            index.close()
        connection.close()


def _run_update(library: Library, index: Any, request: tuple[list[Path] | None, str],
                connection: Connection, retire_after: int,
                listed: Listed | None) -> Listed | None:  # fmt: skip
    """One update, told over `connection`; the listing sent, or None when the child ends.

    The first update of a child sends the whole listing; later ones only what changed in it
    since `listed`, as pickling 10,000 entries for a one-page update took ten times as long
    as the update.
    """
    sender = _Sender(connection)
    try:
        changed, damaged = request
        report = index.update(library, sender.progress, sender.entry, changed=changed,
                              damaged=damaged)
        sender.flush()
        listing = index.documents()
        if listed is None:
            for start in range(0, len(listing), LISTING_SIZE):
                connection.send(JobListing(listing[start : start + LISTING_SIZE]))
        else:
            # Unchanged entries are the very objects sent last time (see `documents`).
            new = [e for e in listing if (old := listed.get(e.id)) is not e and old != e]
            now = {entry.id for entry in listing}
            removed = [doc_id for doc_id in listed if doc_id not in now]
            for start in range(0, max(len(new), 1), LISTING_SIZE):
                last = start + LISTING_SIZE >= len(new)
                connection.send(JobChanges(new[start : start + LISTING_SIZE],
                                           removed if last else []))  # fmt: skip
    except ConnectionError:
        raise
    except OSError as error:  # a read-only data folder, a full disk: the index stays readable
        sender.flush()
        connection.send(JobFailed(f"{unsaved(error)}; showing the library as last indexed"))
        return None
    except Exception as error:  # told to the window, which says it in the status bar
        sender.flush()
        connection.send(JobFailed(str(error) or type(error).__name__))
        return None
    retiring = report.parsed >= retire_after
    connection.send(JobDone(report, retiring))
    return None if retiring else {entry.id: entry for entry in listing}


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
