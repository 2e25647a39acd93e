"""What the search index hands its callers, in a module that never imports whoosh.

The window imports these at start-up; whoosh itself is imported only when the index is first
used (see `Workspace.index`), so it costs the first paint nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from reader.core.library.duplicates import Duplicate
from reader.core.page.errors import PageError
from reader.core.provenance.arrangement import LOCATOR_FIELDS, Locator
from reader.core.wording import plural


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
    locators: tuple[Locator, ...] = ()  # where its archival citations place it


    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (`diglot list --json`)."""
        data = asdict(self)
        data["archives"], data["languages"] = list(self.archives), list(self.languages)
        data["locators"] = [dict(zip(LOCATOR_FIELDS, loc.to_list(), strict=True))
                            for loc in self.locators]
        return data


class QueryError(ValueError):
    """A search query that cannot be understood; the message says why, for the user."""


class IndexDamaged(Exception):
    """The index's files are damaged (the message says which and how): rebuild it."""


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
    rebuilt_because: str = ""  # why, when the user should know: "it was made by ..."
    damage: str = ""  # what was wrong with the index, when that is why it was rebuilt
    unreadable: list[str] = field(default_factory=list)  # folders kept as last indexed
    errors: list[PageError] = field(default_factory=list)  # files parsed now that failed
    duplicates: list[Duplicate] = field(default_factory=list)  # every hidden copy

    def damage_line(self) -> str:
        """One line saying the index was damaged and rebuilt; "" when it was not."""
        if not self.damage:
            return ""
        return f"the index was damaged ({self.damage}); rebuilt it from the library"

    def summary(self) -> str:
        """One line for the status bar or the command line."""
        verb = "Rebuilt the index" if self.rebuilt else "Updated the index"
        if self.rebuilt and self.rebuilt_because:
            verb += f" ({self.rebuilt_because})"
        line = (
            f"{verb}: {plural(self.documents, 'document')} ({self.added} new, "
            f"{self.changed} changed, "
            f"{self.removed} removed, {self.unchanged} unchanged files)"
        )
        if self.errors:
            line += f"; {plural(len(self.errors), 'file')} could not be read"
        if self.duplicates:
            line += f"; {plural(len(self.duplicates), 'duplicate copy', 'duplicate copies')} hidden"
        return line + "."
