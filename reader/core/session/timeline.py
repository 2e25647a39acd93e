"""The collection in time: documents by date as histogram bins, and a date range that filters.

Bins are months (years when the collection spans more than `MONTHS_UP_TO` years). A date is
counted at the precision the page gave it: a day or month date lands in its month's bin; a
year-only date is spread evenly over the twelve months of its year (its `spread` share), so
the strip draws it as a span across the year rather than a spike at 1 January. Bins are worked
out once per change of the catalog's entries, never per paint: drawing costs the same for 50
documents or 50,000.

The range the user chooses is the catalog's date-range filter, so the list, facets and the
timeline agree; moving and widening it are commands of the command table. The other filters
(the filter text, the facets) are drawn, not applied to the axis: each bin also counts what
they keep, so a search for "Korea" shows when Korea was written about against the whole
collection, and the range can be dragged where those documents are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from reader.core.events import Event
from reader.core.session.catalog import Catalog

MONTHS_UP_TO = 150  # years; a longer span is binned by year


@dataclass(frozen=True)
class Bin:
    """One bar of the histogram: the whole collection, and what the list's filter keeps of it."""

    first: int  # first day, as a date ordinal
    last: int  # last day, as a date ordinal
    exact: int  # documents whose date falls within this bin
    spread: float  # shares of documents whose date is coarser than the bin (year-only)
    shown_exact: int  # of `exact`, those the filter text and facets keep
    shown_spread: float  # of `spread`, the shares of those they keep

    @property
    def total(self) -> float:
        """The bar's height: exact documents plus spread shares."""
        return self.exact + self.spread

    @property
    def shown(self) -> float:
        """The height of the share the list's filter keeps."""
        return self.shown_exact + self.shown_spread


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _bin_edges(first: int, last: int, by_year: bool) -> list[int]:
    """First-day ordinals of each bin from the one holding `first` to past `last`."""
    # Whole years, months included: one document's month still sits within its year.
    start = dt.date.fromordinal(first).replace(month=1, day=1)
    end = dt.date.fromordinal(last).replace(month=12, day=31).toordinal()
    edges = [start.toordinal()]
    while edges[-1] <= end:
        day = dt.date.fromordinal(edges[-1])
        following = day.replace(year=day.year + 1) if by_year else _next_month(day)
        edges.append(following.toordinal())
    return edges


class Timeline:
    """Histogram bins over a catalog's entries, and the catalog's date range as a selection."""

    def __init__(self, catalog: Catalog) -> None:
        self.changed: Event[None] = Event()
        self._catalog = catalog
        self._generations = (-1, -1)
        self._edges: list[int] = []
        self._all: tuple[list[int], list[float]] = ([], [])  # (exact, spread) of every entry
        self.bins: list[Bin] = []
        self.undated = 0
        self.undated_shown = 0
        self.by_year = False
        catalog.changed.connect(self._on_catalog_changed)
        self._recount()

    @property
    def filtering(self) -> bool:
        """Whether the list's filter text or facets leave documents out (the date range aside)."""
        return self._catalog.filtering

    def _on_catalog_changed(self, _: None) -> None:
        if (self._catalog.generation, self._catalog.filter_generation) != self._generations:
            self._recount()
        self.changed.emit(None)

    def _recount(self) -> None:
        """The bins anew: their edges from every entry, so a filter never moves the axis."""
        catalog = self._catalog
        entries_changed = catalog.generation != self._generations[0]
        self._generations = (catalog.generation, catalog.filter_generation)
        if entries_changed:
            spans = [span for span in catalog.spans() if span is not None]
            self.undated = len(catalog) - len(spans)
            if not spans:
                self._edges = []
            else:
                first, last = min(s[0] for s in spans), max(s[1] for s in spans)
                self.by_year = (dt.date.fromordinal(last).year
                                - dt.date.fromordinal(first).year > MONTHS_UP_TO)  # fmt: skip
                self._edges = _bin_edges(first, last, self.by_year)
            self._all = self._count(spans)
        if not self._edges:
            self.bins = []
            self.undated_shown = self.undated
            return
        exact, spread = self._all
        if catalog.filtering:
            matching = catalog.spans(matching=True)
            dated = [span for span in matching if span is not None]
            self.undated_shown = len(matching) - len(dated)
            shown_exact, shown_spread = self._count(dated)
        else:
            self.undated_shown = self.undated
            shown_exact, shown_spread = exact, spread
        edges = self._edges
        self.bins = [Bin(edges[i], edges[i + 1] - 1, exact[i], spread[i],
                         shown_exact[i], shown_spread[i]) for i in range(len(exact))]  # fmt: skip

    def _count(self, spans: list[tuple[int, int]]) -> tuple[list[int], list[float]]:
        """Documents per bin: (exact, spread) over the current edges."""
        edges = self._edges
        exact = [0] * max(len(edges) - 1, 0)
        spread = [0.0] * len(exact)
        for low, high in spans:
            at = self._bin_at(edges, low)
            if edges[at + 1] > high:
                exact[at] += 1
                continue
            # Coarser than a bin: each bin it covers gets its share of the days.
            days = high - low + 1
            while at < len(exact) and edges[at] <= high:
                overlap = min(high, edges[at + 1] - 1) - max(low, edges[at]) + 1
                spread[at] += overlap / days
                at += 1
        return exact, spread

    @staticmethod
    def _bin_at(edges: list[int], day: int) -> int:
        low, high = 0, len(edges) - 2
        while low < high:  # the last bin whose first day is <= day
            middle = (low + high + 1) // 2
            if edges[middle] <= day:
                low = middle
            else:
                high = middle - 1
        return low

    @property
    def extent(self) -> tuple[int, int] | None:
        """The first and last day the bins cover, or None with no dated document."""
        return (self.bins[0].first, self.bins[-1].last) if self.bins else None

    @property
    def selection(self) -> tuple[int, int] | None:
        """The date range filtering the list, as day ordinals; None when all dates show."""
        return self._catalog.date_range

    def select(self, first: int, last: int) -> None:
        """Filter the list to documents dated between two days (in either order), inclusive.

        The range is widened to whole bins, since a bar is the smallest thing one can point at.
        """
        extent = self.extent
        if extent is None:
            return
        low, high = sorted((first, last))
        low, high = max(low, extent[0]), min(high, extent[1])
        if low > high:
            return
        edges = [b.first for b in self.bins]
        low = self.bins[self._bin_at([*edges, extent[1] + 1], low)].first
        high = self.bins[self._bin_at([*edges, extent[1] + 1], high)].last
        self._catalog.set_date_range((low, high))

    def clear(self) -> None:
        """Show every date again."""
        self._catalog.set_date_range(None)

    def move(self, steps: int, around: int | None = None) -> None:
        """Shift the range by its own width in bins, `steps` times (negative: earlier).

        With no range yet, the first range is the year around `around` (the open document's
        date) or the collection's first year.
        """
        if not self.bins:
            return
        if self.selection is None:
            self.select(*self._year_of(around if around is not None else self.bins[0].first))
            return
        low, high = self._selected_bins()
        count = high - low + 1
        low = min(max(low + steps * count, 0), len(self.bins) - count)
        self._select_bins(low, low + count - 1)

    def widen(self, factor: float, around: int | None = None) -> None:
        """Make the range `factor` times as many bins about its middle (below 1: narrower)."""
        if not self.bins:
            return
        if self.selection is None:
            self.select(*self._year_of(around if around is not None else self.bins[0].first))
        low, high = self._selected_bins()
        count = min(max(round((high - low + 1) * factor), 1), len(self.bins))
        if count == high - low + 1 and factor != 1:
            count += 1 if factor > 1 else -1  # always a step, however few bins
            count = min(max(count, 1), len(self.bins))
        middle = (low + high + 1) // 2
        low = min(max(middle - count // 2, 0), len(self.bins) - count)
        self._select_bins(low, low + count - 1)

    def _selected_bins(self) -> tuple[int, int]:
        current = self.selection
        assert current is not None
        edges = [b.first for b in self.bins] + [self.bins[-1].last + 1]
        return self._bin_at(edges, current[0]), self._bin_at(edges, current[1])

    def _select_bins(self, low: int, high: int) -> None:
        self._catalog.set_date_range((self.bins[low].first, self.bins[high].last))

    @staticmethod
    def _year_of(day: int) -> tuple[int, int]:
        year = dt.date.fromordinal(day).year
        return dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()


def timeline_commands(
    timeline: Timeline, around: Callable[[], int | None]
) -> dict[str, Callable[[], None]]:
    """The timeline's commands of the command table, for a `CommandRegistry`.

    Args:
        timeline: the timeline they act on.
        around: the first day of the open document's date, if any: where a first range goes.
    """
    return {
        "timeline-earlier": lambda: timeline.move(-1, around()),
        "timeline-later": lambda: timeline.move(1, around()),
        "timeline-wider": lambda: timeline.widen(2, around()),
        "timeline-narrower": lambda: timeline.widen(0.5, around()),
        "timeline-clear": timeline.clear,
    }
