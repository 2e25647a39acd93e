"""The document list as the user narrows it: entries, a filter text, facets and a sort order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from reader.core.document import normalise_title
from reader.core.events import Event

FacetName = Literal["type", "archive", "language", "decade"]
FACETS: tuple[FacetName, ...] = ("type", "archive", "language", "decade")
SortColumn = Literal["date", "title", "type", "archive", "languages"]
COLUMNS: tuple[SortColumn, ...] = ("date", "title", "type", "archive", "languages")


class CatalogEntry(Protocol):
    """What the list needs of a document: the index's stored fields, no parsing."""

    @property
    def id(self) -> str:
        """The document id."""
    @property
    def title(self) -> str:
        """The title as written."""
    @property
    def date_text(self) -> str:
        """The date as written, "" when undated."""
    @property
    def date_iso(self) -> str | None:
        """ISO date at its precision ("1950-10-01", "1967-11", "1958"), None when unknown."""
    @property
    def type(self) -> str:
        """The document type, e.g. "Telegram"."""
    @property
    def archives(self) -> tuple[str, ...]:
        """Codes of the archives its source cites."""
    @property
    def languages(self) -> tuple[str, ...]:
        """Language codes of its texts."""


def decade_of(entry: CatalogEntry) -> str:
    """The decade an entry falls in, "1950s", or "undated"."""
    iso = entry.date_iso or ""
    return f"{iso[:3]}0s" if len(iso) >= 4 and iso[:4].isdigit() else "undated"


def facet_values(entry: CatalogEntry, facet: FacetName) -> tuple[str, ...]:
    """The values an entry has for a facet; an entry may have several archives or languages."""
    if facet == "type":
        return (entry.type or "unknown",)
    if facet == "archive":
        return entry.archives or ("none",)
    if facet == "language":
        return entry.languages or ("unknown",)
    return (decade_of(entry),)


def sort_key(entry: CatalogEntry, column: SortColumn) -> tuple[str, str]:
    """A key sorting entries by a column, ties broken by date then title."""
    date = entry.date_iso or "9999"
    title = normalise_title(entry.title)
    primary = {
        "date": date,
        "title": title,
        "type": entry.type.casefold(),
        "archive": " ".join(entry.archives).casefold(),
        "languages": " ".join(entry.languages),
    }[column]
    return (primary, date + title)


@dataclass(frozen=True)
class FacetCount:
    """One value of a facet and how many of the currently matching entries have it."""

    facet: FacetName
    value: str
    count: int
    selected: bool


class Catalog:
    """The entries the list shows, narrowed by a filter text and facet selections."""

    def __init__(self) -> None:
        self.changed: Event[None] = Event()
        self._entries: list[CatalogEntry] = []
        self._filter = ""
        self._selected: dict[FacetName, set[str]] = {facet: set() for facet in FACETS}
        self._sort: SortColumn = "date"
        self._descending = False

    def set_entries(self, entries: Iterable[CatalogEntry]) -> None:
        """Replace every entry (after indexing); filters and facet selections are kept."""
        self._entries = list(entries)
        self.changed.emit(None)

    @property
    def filter_text(self) -> str:
        """The text the list is filtered by."""
        return self._filter

    def set_filter(self, text: str) -> None:
        """Keep only entries whose title, id, date or type contain every word of `text`."""
        if text != self._filter:
            self._filter = text
            self.changed.emit(None)

    def toggle_facet(self, facet: FacetName, value: str) -> None:
        """Select or deselect a facet value; values of one facet are OR-ed, facets AND-ed."""
        chosen = self._selected[facet]
        chosen.symmetric_difference_update({value})
        self.changed.emit(None)

    def clear_facets(self) -> None:
        """Drop every facet selection."""
        for chosen in self._selected.values():
            chosen.clear()
        self.changed.emit(None)

    def selected(self, facet: FacetName) -> frozenset[str]:
        """The selected values of one facet."""
        return frozenset(self._selected[facet])

    def sort_by(self, column: SortColumn, descending: bool = False) -> None:
        """Order the visible entries by a column."""
        self._sort, self._descending = column, descending
        self.changed.emit(None)

    @property
    def sort_order(self) -> tuple[SortColumn, bool]:
        """The sort column and whether it is descending."""
        return self._sort, self._descending

    def _matches_filter(self, entry: CatalogEntry) -> bool:
        if not self._filter.strip():
            return True
        haystack = " ".join(
            (normalise_title(entry.title), entry.id, entry.date_text.casefold(),
             entry.type.casefold())
        )
        return all(word in haystack for word in normalise_title(self._filter).split())

    def _matches_facets(self, entry: CatalogEntry, skip: FacetName | None = None) -> bool:
        return all(
            not chosen or set(facet_values(entry, facet)) & chosen
            for facet, chosen in self._selected.items()
            if facet != skip
        )

    def visible(self) -> list[CatalogEntry]:
        """The entries that pass the filter and facets, in the chosen order."""
        shown = [e for e in self._entries if self._matches_filter(e) and self._matches_facets(e)]
        shown.sort(key=lambda e: sort_key(e, self._sort), reverse=self._descending)
        return shown

    def facet_counts(self, facet: FacetName) -> list[FacetCount]:
        """Counts per value of a facet among entries matching everything but that facet."""
        counts: Counter[str] = Counter()
        for entry in self._entries:
            if self._matches_filter(entry) and self._matches_facets(entry, skip=facet):
                counts.update(facet_values(entry, facet))
        chosen = self._selected[facet]
        values = sorted(set(counts) | chosen, key=lambda v: (-counts[v], v))
        return [FacetCount(facet, v, counts[v], v in chosen) for v in values]

    def index_of(self, doc_id: str, entries: Sequence[CatalogEntry] | None = None) -> int:
        """Row of a document among the visible entries, -1 when it is filtered out."""
        rows = self.visible() if entries is None else entries
        return next((row for row, entry in enumerate(rows) if entry.id == doc_id), -1)
