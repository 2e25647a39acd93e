"""What the search index hands its callers, in a module that never imports whoosh.

The window imports these at start-up; whoosh itself is imported only when the index is first
used (see `Workspace.index`), so it costs the first paint nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from reader.core.library.duplicates import Duplicate
from reader.core.page.errors import PageError


@dataclass(frozen=True)
class DocumentEntry:
    """What the document list shows of one document, read from the index without parsing."""

    id: str
    title: str
    date_text: str
    date_iso: str | None
    date_precision: str
    type: str
    archives: tuple[str, ...]  # archive codes its source cites
    languages: tuple[str, ...]  # language codes of its texts, original first
    path: str
    content_hash: str

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (`diglot list --json`)."""
        data = asdict(self)
        data["archives"], data["languages"] = list(self.archives), list(self.languages)
        return data


class QueryError(ValueError):
    """A search query that cannot be understood; the message says why, for the user."""


@dataclass
class UpdateReport:
    """What an update or rebuild did. Counts are of files, not documents."""

    added: int = 0  # files not in the index before
    changed: int = 0  # files whose content hash changed
    removed: int = 0  # files gone from the library
    unchanged: int = 0  # files left as they were (not parsed)
    parsed: int = 0  # files parsed this time: added + changed + hidden copies now shown
    documents: int = 0  # documents in the index afterwards
    rebuilt: bool = False  # a full build (no usable index, or `rebuild` was asked for)
    errors: list[PageError] = field(default_factory=list)  # files parsed now that failed
    duplicates: list[Duplicate] = field(default_factory=list)  # every hidden copy

    def summary(self) -> str:
        """One line for the status bar or the command line."""
        verb = "Rebuilt the index" if self.rebuilt else "Updated the index"
        line = (
            f"{verb}: {plural(self.documents, 'document')} ({self.added} new, "
            f"{self.changed} changed, "
            f"{self.removed} removed, {self.unchanged} unchanged files)"
        )
        if self.errors:
            line += f"; {len(self.errors)} file(s) could not be read"
        if self.duplicates:
            line += f"; {len(self.duplicates)} duplicate copy(ies) hidden"
        return line + "."


def plural(count: int, noun: str) -> str:
    """A count with its noun: 1 document, 2 documents."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
