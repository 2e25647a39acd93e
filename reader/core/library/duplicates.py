"""Duplicate records: which saved copies are one document, and which copy is shown.

Two copies are one document when they share a Record ID; when either lacks one (older page
layouts often do), when they share a normalised title and date (`document.dedup_key`). Two
copies with different Record IDs are always different documents, whatever their titles.

The copy shown is the first in rank order: Library ranks the user's library folder first, then
the added folders in the order they were added, then the bundled seeds, and within a root the
path in code-point order. So the result never depends on scan order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from reader.core.document import Document, dedup_key


@dataclass(frozen=True)
class DuplicateKeys:
    """The comparison keys of one parsed copy; cheap to store beside it in an index."""

    record: str  # "record:<id>", "" when the page gave no Record ID
    title: str  # "title:<normalised title>|<iso date>"

    @classmethod
    def of(cls, document: Document) -> DuplicateKeys:
        """The keys of a parsed document."""
        record = dedup_key(document) if document.record_id else ""
        return cls(record=record, title=dedup_key(replace(document, record_id="")))


@dataclass(frozen=True)
class Candidate:
    """One parsed copy competing to be shown."""

    path: Path
    rank: tuple[int, str]  # lower wins: (root priority, path text)
    keys: DuplicateKeys


@dataclass(frozen=True)
class Duplicate:
    """A copy that is not shown because another copy of the same record is."""

    path: Path
    kept: Path
    document_id: str
    key: str  # the key the two copies share

    def __str__(self) -> str:
        return f"{self.path} is a copy of {self.kept} ({self.key}); only the latter is shown"


class DuplicateResolver:
    """Decides copy by copy, in rank order, which copies are shown.

    Offering copies one at a time lets an indexer parse, decide and write each file in turn,
    without holding every parsed document in memory.
    """

    def __init__(self) -> None:
        self._by_record: dict[str, Path] = {}
        self._by_title: dict[str, list[tuple[Path, bool]]] = {}

    def offer(self, path: Path, keys: DuplicateKeys) -> tuple[Path, str] | None:
        """Decide one copy; copies must be offered in rank order (best first).

        Returns:
            None when the copy is shown, else (path of the shown copy, the key they share).
        """
        if keys.record and keys.record in self._by_record:
            return (self._by_record[keys.record], keys.record)
        for kept, kept_has_record in self._by_title.get(keys.title, ()):
            # Distinct Record IDs mean distinct records even under one title and date.
            if not (keys.record and kept_has_record):
                return (kept, keys.title)
        if keys.record:
            self._by_record[keys.record] = path
        self._by_title.setdefault(keys.title, []).append((path, bool(keys.record)))
        return None


def resolve_duplicates(candidates: Iterable[Candidate]) -> dict[Path, tuple[Path, str] | None]:
    """Decide, for every copy, whether it is shown.

    Args:
        candidates: every successfully parsed copy, in any order.

    Returns:
        For each path, None when the copy is shown, else (path of the shown copy, shared key).
    """
    resolver = DuplicateResolver()
    return {
        c.path: resolver.offer(c.path, c.keys) for c in sorted(candidates, key=lambda c: c.rank)
    }
