"""The document list as the user narrows it: entries, a filter text, facets and a sort order."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Literal, Protocol

from reader.core.document import normalise_title
from reader.core.events import Event
from reader.core.page.dates import date_span
from reader.core.provenance.arrangement import ArrangedEntry

FacetName = Literal["type", "archive", "language", "decade"]
FACETS: tuple[FacetName, ...] = ("type", "archive", "language", "decade")
SortColumn = Literal["date", "title", "type", "archive", "languages"]
COLUMNS: tuple[SortColumn, ...] = ("date", "title", "type", "archive", "languages")


class CatalogEntry(ArrangedEntry, Protocol):
    """What the list needs of a document: the index's stored fields, no parsing.

    An arranged entry (id, title, date as written, archival locators) and more.
    """

    @property
    def date_iso(self) -> str | None:
        """ISO date at its precision ("1950-10-01", "1967-11", "1958"), None when unknown."""
    @property
    def date_precision(self) -> str:
        """"day", "month", "year" or "unknown"."""
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
    return _sort_key(entry, column, normalise_title(entry.title))


def _sort_key(entry: CatalogEntry, column: SortColumn, title: str) -> tuple[str, str]:
    date = entry.date_iso or "9999"
    if column == "date":
        primary = date
    elif column == "title":
        primary = title
    elif column == "type":
        primary = entry.type.casefold()
    elif column == "archive":
        primary = " ".join(entry.archives).casefold()
    else:
        primary = " ".join(entry.languages)
    return (primary, date + title)


def _overlaps(span: tuple[int, int] | None, days: tuple[int, int]) -> bool:
    return span is not None and span[0] <= days[1] and days[0] <= span[1]


@dataclass(frozen=True)
class FacetCount:
    """One value of a facet and how many of the currently matching entries have it."""

    facet: FacetName
    value: str
    count: int
    selected: bool


class _Row:
    """An entry with what filtering, sorting and counting need of it, worked out once."""

    __slots__ = ("days", "entry", "facets", "haystack", "key", "key_column", "title")

    def __init__(self, entry: CatalogEntry) -> None:
        self.entry = entry
        self.title = normalise_title(entry.title)
        # What the filter's words are looked for in.
        self.haystack = " ".join(
            (self.title, entry.id, entry.date_text.casefold(), entry.type.casefold())
        )
        self.facets = tuple(facet_values(entry, facet) for facet in FACETS)  # in FACETS order
        self.days = date_span(entry.date_iso, entry.date_precision)
        self.key = self.key_column = ""  # the order key for one sort column, kept till another

    def key_for(self, column: SortColumn) -> str:
        """The row's place in the order of `column`: sort_key, then the id to break ties.

        One string, as comparing strings is much cheaper than comparing nested tuples; the
        NUL separator sorts below every character, so the order is that of the tuples.
        """
        if self.key_column != column:
            primary, secondary = _sort_key(self.entry, column, self.title)
            self.key = "\0".join((primary, secondary, self.entry.id))
            self.key_column = column
        return self.key


class Catalog:
    """The entries the list shows, narrowed by a filter text and facet selections.

    The visible entries and the facet counts are kept up to date as entries come and go, so
    adding a batch to a large list costs in proportion to the batch, not to the list.
    """

    def __init__(self) -> None:
        self.changed: Event[None] = Event()
        self._rows: dict[str, _Row] = {}
        self._filter = ""
        self._words: list[str] = []
        self._selected: dict[FacetName, set[str]] = {facet: set() for facet in FACETS}
        self._active: list[tuple[int, set[str]]] = []  # (facet position, values) of those in use
        self._sort: SortColumn = "date"
        self._descending = False
        # The visible rows in ascending order, and their order keys (for bisect).
        self._visible: list[CatalogEntry] = []
        self._keys: list[str] = []
        # Per facet: counts over the rows matching the filter and every other facet.
        self._counts: dict[FacetName, Counter[str]] = {facet: Counter() for facet in FACETS}
        self._unannounced = False  # entries were added quietly since `changed` last went out
        self._dates: tuple[int, int] | None = None  # (first, last day ordinal) kept, or all
        self.generation = 0  # counts changes of the entries (not of filters): trees rebuild
        self.filter_generation = 0  # counts changes of the filter text and facet selections

    def set_entries(self, entries: Iterable[CatalogEntry]) -> None:
        """Replace every entry (after indexing); filters and facet selections are kept.

        Entries equal to the ones already held cost a comparison: a list that a first build
        already filled batch by batch is confirmed, not rebuilt.
        """
        fresh = {entry.id: entry for entry in entries}
        gone = [row for doc_id, row in self._rows.items() if doc_id not in fresh]
        new = [e for e in fresh.values() if (row := self._rows.get(e.id)) is None or row.entry != e]
        self.generation += bool(gone or new)
        if len(gone) + len(new) > max(100, len(fresh) // 4):
            rows = self._rows
            self._rows = {doc_id: rows[doc_id] for doc_id in fresh if doc_id in rows}
            for entry in new:
                self._rows[entry.id] = _Row(entry)
            self._recompute()
        else:
            for row in gone:
                self._remove(row)
            self._add(new)
        self._emit()

    def add_entries(self, entries: Iterable[CatalogEntry], *, announce: bool = True) -> None:
        """Add entries, or replace those with the same id (while an index update runs).

        Args:
            entries: the entries.
            announce: False to leave `changed` to a later `announce` (or any other change),
                so a long listing added in slices is shown once, not once per slice.
        """
        new = [e for e in entries if (row := self._rows.get(e.id)) is None or row.entry != e]
        if new:
            self.generation += 1
            self._add(new)
            self._unannounced = True
            if announce:
                self.announce()

    def announce(self) -> None:
        """Emit `changed` if entries were added without announcing them."""
        if self._unannounced:
            self._emit()

    def _emit(self) -> None:
        self._unannounced = False
        self.changed.emit(None)

    def retain(self, ids: Collection[str]) -> None:
        """Drop every entry whose id is not in `ids` (a listing added in slices ends so)."""
        gone = [row for doc_id, row in self._rows.items() if doc_id not in ids]
        self.generation += bool(gone)
        if len(gone) > max(100, len(self._rows) // 4):
            self._rows = {doc_id: row for doc_id, row in self._rows.items() if doc_id in ids}
            self._recompute()
        else:
            for row in gone:
                self._remove(row)
        self._unannounced = self._unannounced or bool(gone)
        self.announce()

    def __len__(self) -> int:
        return len(self._rows)

    def set_filter(self, text: str) -> None:
        """Keep only entries whose title, id, date or type contain every word of `text`."""
        if text != self._filter:
            self._filter = text
            self._words = normalise_title(text).split()
            self.filter_generation += 1
            self._recompute()
            self._emit()

    def set_date_range(self, days: tuple[int, int] | None) -> None:
        """Keep only entries dated within a range of days (both ends included); None for all.

        An entry counts when its date's whole span overlaps the range: "1958" (year only)
        is in a range that takes any day of 1958. Undated entries are left out of any range.

        Args:
            days: (first, last) as `datetime.date.toordinal` numbers, or None.
        """
        if days != self._dates:
            self._dates = days
            self._recompute()
            self._emit()

    @property
    def date_range(self) -> tuple[int, int] | None:
        """The date range in use, as (first, last) day ordinals; None when there is none."""
        return self._dates

    def entries(self) -> list[CatalogEntry]:
        """Every entry held, filtered or not, in no particular order."""
        return [row.entry for row in self._rows.values()]

    @property
    def filtering(self) -> bool:
        """Whether a filter text or a facet selection leaves entries out (dates aside)."""
        return bool(self._words) or any(self._selected.values())

    def spans(self, *, matching: bool = False) -> list[tuple[int, int] | None]:
        """Each entry's date as (first, last) day ordinals, None for an undated one.

        Args:
            matching: only the entries that the filter text and the facets keep, whatever
                the date range: what a histogram of the list's dates draws against the whole.
        """
        rows = self._rows.values()
        if not matching or not self.filtering:
            return [row.days for row in rows]
        return [row.days for row in rows if self._shows(row, dates=False)]

    def toggle_facet(self, facet: FacetName, value: str) -> None:
        """Select or deselect a facet value; values of one facet are OR-ed, facets AND-ed."""
        chosen = self._selected[facet]
        chosen.symmetric_difference_update({value})
        self.filter_generation += 1
        self._recompute()
        self._emit()

    def clear_facets(self) -> None:
        """Drop every facet selection."""
        for chosen in self._selected.values():
            chosen.clear()
        self.filter_generation += 1
        self._recompute()
        self._emit()

    def selected(self, facet: FacetName) -> frozenset[str]:
        """The selected values of one facet."""
        return frozenset(self._selected[facet])

    def sort_by(self, column: SortColumn, descending: bool = False) -> None:
        """Order the visible entries by a column."""
        if column != self._sort:
            self._sort = column
            self._order([self._rows[entry.id] for entry in self._visible])
        self._descending = descending
        self._emit()

    @property
    def sort_order(self) -> tuple[SortColumn, bool]:
        """The sort column and whether it is descending."""
        return self._sort, self._descending

    @property
    def visible_count(self) -> int:
        """How many entries pass the filter, the facets and the date range."""
        return len(self._visible)

    def visible(self) -> list[CatalogEntry]:
        """The entries that pass the filter and facets, in the chosen order."""
        return self._visible[::-1] if self._descending else list(self._visible)

    def facet_counts(self, facet: FacetName) -> list[FacetCount]:
        """Counts per value of a facet among entries matching everything but that facet."""
        counts = self._counts[facet]
        chosen = self._selected[facet]
        values = sorted({v for v, n in counts.items() if n > 0} | chosen,
                        key=lambda v: (-counts[v], v))  # fmt: skip
        return [FacetCount(facet, v, counts[v], v in chosen) for v in values]

    def index_of(self, doc_id: str, entries: Sequence[CatalogEntry] | None = None) -> int:
        """Row of a document among the visible entries, -1 when it is filtered out."""
        if entries is None:
            row = self._rows.get(doc_id)
            if row is None or not self._shows(row):
                return -1
            at = bisect.bisect_left(self._keys, self._key(row))
            return len(self._keys) - 1 - at if self._descending else at
        return next((row for row, entry in enumerate(entries) if entry.id == doc_id), -1)

    # Keeping the visible list and the counts current

    def _key(self, row: _Row) -> str:
        return row.key_for(self._sort)

    def _shows(self, row: _Row, skip: int = -1, *, dates: bool = True) -> bool:
        """Whether a row passes the filter and every facet in use but the one at `skip`.

        With `dates` False the date range is not asked.
        """
        haystack, facets = row.haystack, row.facets
        if dates and self._dates is not None and not _overlaps(row.days, self._dates):
            return False
        return all(word in haystack for word in self._words) and all(
            at == skip or not chosen.isdisjoint(facets[at]) for at, chosen in self._active
        )

    def _count(self, row: _Row, step: int) -> None:
        for at, facet in enumerate(FACETS):
            if self._shows(row, skip=at):
                counter = self._counts[facet]
                for value in row.facets[at]:
                    counter[value] += step

    def _add(self, entries: list[CatalogEntry]) -> None:
        for entry in entries:
            old = self._rows.get(entry.id)
            if old is not None:
                self._remove(old)
            row = self._rows[entry.id] = _Row(entry)
            self._count(row, 1)
            if self._shows(row):
                key = self._key(row)
                at = bisect.bisect_left(self._keys, key)
                self._keys.insert(at, key)
                self._visible.insert(at, entry)

    def _remove(self, row: _Row) -> None:
        del self._rows[row.entry.id]
        self._count(row, -1)
        if self._shows(row):
            at = bisect.bisect_left(self._keys, self._key(row))
            del self._keys[at]
            del self._visible[at]

    def _order(self, rows: list[_Row]) -> None:
        keyed = sorted((row.key_for(self._sort), row.entry) for row in rows)  # keys are unique
        self._keys = [key for key, _ in keyed]
        self._visible = [entry for _, entry in keyed]

    def _recompute(self) -> None:
        """The visible list and the counts anew, after the filter or the facets changed."""
        self._active = [(at, self._selected[f]) for at, f in enumerate(FACETS) if self._selected[f]]
        words = self._words
        passing = list(self._rows.values())
        if words:
            passing = [r for r in passing if all(w in r.haystack for w in words)]
        if (dates := self._dates) is not None:
            passing = [r for r in passing if _overlaps(r.days, dates)]
        shown = [r for r in passing if self._shows(r)] if self._active else passing
        self._order(shown)
        active = {at for at, _ in self._active}
        for at, facet in enumerate(FACETS):
            # A facet's counts ignore its own selection: over the rows every other facet keeps.
            rows = [r for r in passing if self._shows(r, skip=at)] if at in active else shown
            self._counts[facet] = Counter(chain.from_iterable(r.facets[at] for r in rows))
