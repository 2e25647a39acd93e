from __future__ import annotations

from dataclasses import replace
from datetime import date

from reader.core.index.search_index import DocumentEntry
from reader.core.page.dates import date_span
from reader.core.session.catalog import Catalog, decade_of


def entry(
    doc_id: str, title: str, date_text: str, date_iso: str | None, doc_type: str,
    archives: tuple[str, ...], languages: tuple[str, ...],
) -> DocumentEntry:
    precision = {10: "day", 7: "month", 4: "year"}.get(len(date_iso or ""), "unknown")
    return DocumentEntry(doc_id, title, date_text, date_iso, precision, doc_type, archives,
                         languages, path=f"/library/{doc_id}.txt", content_hash="0" * 64)


# The seed's entry, then made-up ones (their IDs are no real record's).
ENTRIES = [
    entry("113729",
          "Ciphered Telegram, Filippov [Stalin] to Mao Zedong and Zhou Enlai (via Roshchin)",
          "October 1, 1950", "1950-10-01", "Telegram", ("APRF", "RGASPI"), ("ru", "en")),
    entry("made-up-2", "Ciphered telegram, Filippov [Stalin] to Mao Zedong", "December 1, 1950",
          "1950-12-01", "Telegram", ("APRF",), ("en",)),
    entry("made-up-3", "Memorandum of Conversation with Kim Il Sung", "November 1967",
          "1967-11", "Memorandum of Conversation", ("MNL OL",), ("hu", "en")),
    entry("h0abc", "Minutes of a Meeting", "", None, "Minutes", (), ("en",)),
]


def make() -> Catalog:
    catalog = Catalog()
    catalog.set_entries(ENTRIES)
    return catalog


def ids(catalog: Catalog) -> list[str]:
    return [e.id for e in catalog.visible()]


def test_sorted_by_date_with_undated_last() -> None:
    assert ids(make()) == ["113729", "made-up-2", "made-up-3", "h0abc"]


def test_sort_by_title_descending() -> None:
    catalog = make()
    catalog.sort_by("title", descending=True)
    assert ids(catalog)[0] == "h0abc"
    assert catalog.sort_order == ("title", True)


def test_filter_matches_every_word_ignoring_case_and_punctuation() -> None:
    catalog = make()
    catalog.set_filter("filippov MAO")
    assert ids(catalog) == ["113729", "made-up-2"]
    catalog.set_filter("kim 1967")
    assert ids(catalog) == ["made-up-3"]


def test_facets_and_between_or_within() -> None:
    catalog = make()
    catalog.toggle_facet("archive", "APRF")
    assert ids(catalog) == ["113729", "made-up-2"]
    catalog.toggle_facet("language", "ru")
    assert ids(catalog) == ["113729"]
    catalog.toggle_facet("language", "hu")
    assert ids(catalog) == ["113729"]  # hu is OR-ed with ru, but the archive facet still holds
    catalog.clear_facets()
    assert len(ids(catalog)) == 4


def test_facet_counts_ignore_their_own_selection() -> None:
    catalog = make()
    catalog.toggle_facet("decade", "1950s")
    counts = {c.value: (c.count, c.selected) for c in catalog.facet_counts("decade")}
    assert counts == {"1950s": (2, True), "1960s": (1, False), "undated": (1, False)}
    types = {c.value: c.count for c in catalog.facet_counts("type")}
    assert types == {"Telegram": 2}


def test_changes_emit_and_selection_survives_new_entries() -> None:
    catalog = make()
    seen: list[None] = []
    catalog.changed.connect(seen.append)
    catalog.toggle_facet("type", "Minutes")
    catalog.set_entries(ENTRIES[:3])
    assert ids(catalog) == []
    assert catalog.selected("type") == {"Minutes"}
    assert len(seen) == 2
    assert catalog.index_of("113729") == -1


def test_decade() -> None:
    assert decade_of(ENTRIES[2]) == "1960s"
    assert decade_of(ENTRIES[3]) == "undated"


def many(count: int) -> list[DocumentEntry]:
    """Entries spread over types, archives, languages and decades, some undated."""
    kinds = ("Telegram", "Letter", "Minutes")
    return [entry(f"{500 + n}", f"Report {n % 7} on item {n}", f"{1950 + n % 30}" if n % 5 else "",
                  f"{1950 + n % 30}" if n % 5 else None, kinds[n % 3],
                  (("APRF",), ("AVPRF", "APRF"), ())[n % 3], (("ru", "en"), ("en",))[n % 2])
            for n in range(count)]  # fmt: skip


def summary(catalog: Catalog) -> tuple[list[str], list[list[tuple[str, int, bool]]]]:
    counts = [[(c.value, c.count, c.selected) for c in catalog.facet_counts(facet)]
              for facet in ("type", "archive", "language", "decade")]  # fmt: skip
    return ids(catalog), counts


def test_entries_added_in_batches_list_as_if_given_at_once() -> None:
    entries = many(300)
    changed = [replace(e, title=f"Renamed {e.title}", type="Letter") for e in entries[:10]]
    final = changed + entries[10:250]  # ten replaced, the last fifty gone
    for narrow in ("facets", "filter", "sort"):
        batched, whole = Catalog(), Catalog()
        for catalog in (batched, whole):
            if narrow == "facets":
                catalog.toggle_facet("archive", "APRF")
                catalog.toggle_facet("language", "ru")
            elif narrow == "filter":
                catalog.set_filter("report 3")
            else:
                catalog.sort_by("title", descending=True)
        for start in range(0, 300, 37):
            batched.add_entries(entries[start : start + 37])
        batched.add_entries(changed)  # kept up to date entry by entry
        batched.set_entries(final)
        whole.set_entries(final)  # worked out afresh
        assert summary(batched) == summary(whole)
        assert len(batched) == 250
        visible = batched.visible()
        assert visible and batched.index_of(visible[-1].id) == len(visible) - 1


def test_adding_the_same_entries_again_changes_nothing() -> None:
    catalog = make()
    seen: list[None] = []
    catalog.changed.connect(seen.append)
    catalog.add_entries(ENTRIES)
    assert seen == []


def test_retain_drops_the_entries_a_listing_no_longer_has() -> None:
    for keep in (250, 20):  # a few gone (one by one), most gone (worked out afresh)
        entries = many(300)
        catalog, fresh = Catalog(), Catalog()
        for target in (catalog, fresh):
            target.toggle_facet("type", "Letter")
        catalog.add_entries(entries)
        seen: list[None] = []
        catalog.changed.connect(seen.append)
        catalog.retain({e.id for e in entries[:keep]})
        fresh.add_entries(entries[:keep])
        assert summary(catalog) == summary(fresh) and len(catalog) == keep
        assert len(seen) == 1
        catalog.retain({e.id for e in entries})
        assert len(seen) == 1  # nothing to drop, nothing to say


def test_quiet_additions_are_announced_once() -> None:
    catalog = Catalog()
    seen: list[None] = []
    catalog.changed.connect(seen.append)
    catalog.add_entries(ENTRIES[:2], announce=False)
    catalog.add_entries(ENTRIES[2:], announce=False)
    assert seen == [] and len(ids(catalog)) == 4  # the catalog knows; its listeners not yet
    catalog.announce()
    catalog.announce()
    assert len(seen) == 1


# Date ranges (the timeline's filter)


def days(first: str, last: str) -> tuple[int, int]:
    return date.fromisoformat(first).toordinal(), date.fromisoformat(last).toordinal()


def test_a_date_range_keeps_dates_whose_span_overlaps_it() -> None:
    catalog = make()
    catalog.set_date_range(days("1950-10-01", "1950-10-31"))
    assert ids(catalog) == ["113729"]
    # "November 1967" says only the month: any day of it is in range, and the day before not.
    catalog.set_date_range(days("1967-11-30", "1968-01-01"))
    assert ids(catalog) == ["made-up-3"]
    catalog.set_date_range(days("1967-10-01", "1967-10-31"))
    assert ids(catalog) == []
    catalog.set_date_range(None)
    assert ids(catalog) == ["113729", "made-up-2", "made-up-3", "h0abc"]


def test_a_year_only_date_spans_its_whole_year() -> None:
    assert date_span("1958", "year") == days("1958-01-01", "1958-12-31")
    assert date_span("1960-02", "month") == days("1960-02-01", "1960-02-29")
    assert date_span("1950-12-01", "day") == days("1950-12-01", "1950-12-01")
    assert date_span(None, "unknown") is None
    assert date_span("1950-13", "month") is None


def test_a_date_range_combines_with_filter_and_facets_and_counts() -> None:
    catalog = make()
    catalog.set_date_range(days("1950-01-01", "1950-12-31"))
    assert ids(catalog) == ["113729", "made-up-2"]  # the undated one is out of any range
    catalog.set_filter("mao")
    assert ids(catalog) == ["113729", "made-up-2"]
    assert {c.value: c.count for c in catalog.facet_counts("type")} == {"Telegram": 2}
    catalog.add_entries([entry("made-up-5", "Mao in 1950", "1950", "1950", "Note", (), ())])
    assert "made-up-5" in ids(catalog)
    assert catalog.date_range == days("1950-01-01", "1950-12-31")
