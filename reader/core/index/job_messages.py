"""The messages an index process sends the window (see `reader.core.index.job`), and its limits.

Apart from `job` (the window's side) and `update_server` (the child's), so that neither imports
the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.index.types import DocumentEntry, UpdateReport

LISTING_SIZE = 500
# Parsing this many files leaves a heap worth giving back: the child ends after such an update.
RETIRE_AFTER_PARSED = 1000
TIDY_AFTER_SECONDS = 20.0  # without an update, then the child merges small index segments
LOCK_WAIT = "waiting for the index lock"  # a JobProgress(0, 0, LOCK_WAIT): see `on_wait`


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
class JobChanges:
    """A slice of what changed in the document list since this child's previous update."""

    entries: list[DocumentEntry]  # new or changed
    removed: list[str]  # ids no longer listed


@dataclass(frozen=True)
class JobDone:
    """The update's report; the listing slices before it hold the whole document list."""

    report: UpdateReport
    retiring: bool = False  # the child ends now; the next update starts another


@dataclass(frozen=True)
class JobFailed:
    """Why the update failed (it raised, or its process ended without a report)."""

    reason: str


JobMessage = JobProgress | JobEntries | JobListing | JobChanges | JobDone | JobFailed
Listed = dict[str, DocumentEntry]  # a listing sent to the window, by id
