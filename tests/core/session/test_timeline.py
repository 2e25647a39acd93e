"""Timeline bins at each date's own precision, and the range that filters the catalog."""

from __future__ import annotations

from datetime import date

import pytest

from reader.core.index.types import DocumentEntry
from reader.core.session.catalog import Catalog
from reader.core.session.timeline import Timeline


def entry(doc_id: str, iso: str | None) -> DocumentEntry:
    precision = {10: "day", 7: "month", 4: "year"}.get(len(iso or ""), "unknown")
    return DocumentEntry(doc_id, f"made-up {doc_id}", iso or "", iso, precision, "", (), (),
                         path=f"/library/{doc_id}.txt", content_hash="0" * 64)


def day(text: str) -> int:
    return date.fromisoformat(text).toordinal()


@pytest.fixture
def catalog() -> Catalog:
    made = Catalog()
    made.set_entries([entry("made-up-1", "1950-10-01"), entry("made-up-2", "1950-10-20"),
                      entry("made-up-3", "1950-12"), entry("made-up-4", "1951"),
                      entry("made-up-5", None), entry("made-up-6", None)])
    return made


def test_bins_are_months_and_a_year_only_date_spreads_over_its_year(catalog: Catalog) -> None:
    timeline = Timeline(catalog)
    assert timeline.undated == 2
    assert timeline.bins[0].first == day("1950-01-01")  # whole years, the months in them
    assert timeline.bins[-1].last == day("1951-12-31")
    assert len(timeline.bins) == 24
    by_month = {date.fromordinal(b.first).isoformat()[:7]: b for b in timeline.bins}
    assert (by_month["1950-10"].exact, by_month["1950-12"].exact) == (2, 1)
    # "1951" is no more January than December: a share in each month, by its days.
    assert by_month["1951-01"].exact == 0
    assert by_month["1951-01"].spread == pytest.approx(31 / 365)
    assert by_month["1951-02"].spread == pytest.approx(28 / 365)
    assert sum(b.spread for b in timeline.bins) == pytest.approx(1.0)


def test_selecting_filters_the_catalog_by_whole_bins(catalog: Catalog) -> None:
    timeline = Timeline(catalog)
    timeline.select(day("1950-10-15"), day("1950-10-16"))
    assert catalog.date_range == (day("1950-10-01"), day("1950-10-31"))
    assert [e.id for e in catalog.visible()] == ["made-up-1", "made-up-2"]
    timeline.select(day("1951-06-30"), day("1951-06-01"))  # dragged right to left
    assert [e.id for e in catalog.visible()] == ["made-up-4"]
    timeline.clear()
    assert len(catalog.visible()) == 6


def test_move_and_widen_the_range(catalog: Catalog) -> None:
    timeline = Timeline(catalog)
    timeline.move(1, around=day("1950-10-01"))  # no range yet: the year around the document
    assert catalog.date_range == (day("1950-01-01"), day("1950-12-31"))
    assert [e.id for e in catalog.visible()] == ["made-up-1", "made-up-2", "made-up-3"]
    timeline.select(day("1950-10-01"), day("1950-10-31"))
    timeline.move(1)
    assert catalog.date_range == (day("1950-11-01"), day("1950-11-30"))
    assert [e.id for e in catalog.visible()] == []
    timeline.widen(3)
    assert catalog.date_range == (day("1950-10-01"), day("1950-12-31"))
    assert [e.id for e in catalog.visible()] == ["made-up-1", "made-up-2", "made-up-3"]
    timeline.move(-5)  # stops at the start
    assert catalog.date_range == (day("1950-01-01"), day("1950-03-31"))


def test_a_filter_is_drawn_against_the_whole_but_never_moves_the_axis(catalog: Catalog) -> None:
    timeline = Timeline(catalog)
    edges = [(b.first, b.last) for b in timeline.bins]
    assert not timeline.filtering
    assert all(b.shown == b.total for b in timeline.bins)
    catalog.set_filter("made-up 4")  # the year-only "1951"
    assert timeline.filtering
    assert [(b.first, b.last) for b in timeline.bins] == edges
    by_month = {date.fromordinal(b.first).isoformat()[:7]: b for b in timeline.bins}
    assert (by_month["1950-10"].exact, by_month["1950-10"].shown_exact) == (2, 0)
    assert by_month["1951-01"].shown_spread == pytest.approx(31 / 365)
    assert sum(b.shown for b in timeline.bins) == pytest.approx(1.0)
    assert (timeline.undated, timeline.undated_shown) == (2, 0)
    # The date range is the timeline's own selection: it narrows the list, not the bars.
    timeline.select(day("1950-10-01"), day("1950-10-31"))
    assert sum(b.shown for b in timeline.bins) == pytest.approx(1.0)
    assert catalog.visible() == []
    catalog.set_filter("")
    assert [b.shown for b in timeline.bins] == [b.total for b in timeline.bins]
    assert timeline.undated_shown == 2


def test_facets_are_drawn_too() -> None:
    catalog = Catalog()
    made = [entry("made-up-1", "1950-10-01"), entry("made-up-2", "1951-03-02")]
    german = DocumentEntry("made-up-3", "made-up 3", "1951-03-09", "1951-03-09", "day", "", (),
                           ("de",), path="/library/made-up-3.txt", content_hash="0" * 64)
    catalog.set_entries([*made, german])
    timeline = Timeline(catalog)
    catalog.toggle_facet("language", "de")
    by_month = {date.fromordinal(b.first).isoformat()[:7]: b for b in timeline.bins}
    assert (by_month["1951-03"].exact, by_month["1951-03"].shown_exact) == (2, 1)
    assert by_month["1950-10"].shown_exact == 0


def test_new_entries_widen_the_axis(catalog: Catalog) -> None:
    timeline = Timeline(catalog)
    bins = timeline.bins
    timeline.select(day("1950-10-01"), day("1950-10-31"))
    assert timeline.bins is bins  # the range is no reason to recount
    catalog.add_entries([entry("made-up-7", "1949-01-05")])
    assert timeline.bins[0].first == day("1949-01-01")


def test_a_span_of_centuries_is_binned_by_year() -> None:
    catalog = Catalog()
    catalog.set_entries([entry("made-up-1", "1700-05-01"), entry("made-up-2", "1990")])
    timeline = Timeline(catalog)
    assert timeline.by_year
    assert len(timeline.bins) == 291
    assert timeline.bins[-1].exact == 1  # a year-only date fits a year bin exactly
