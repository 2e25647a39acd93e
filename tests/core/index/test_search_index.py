from __future__ import annotations

from pathlib import Path

import pytest
import whoosh.index
from whoosh import query as wq

import reader.core.index.search_index as index_module
from reader.core.index.query import build_parser, parse_query
from reader.core.index.schema import IndexEntry, build_schema
from reader.core.index.search_index import SCHEMA_VERSION, QueryError, SearchIndex
from reader.core.index.store import IndexStore
from reader.core.library.collection import Library
from reader.core.page import parser as archive_page
from tests.conftest import SEED_PAGE
from tests.core.seed_variants import SEED_RECORD, variant, write_page

ENGLISH_ONLY = """June 5, 1953

Memorandum of Conversation with Kim Il Sung

The divisions crossed the river at dawn near Kaesong.

The conversation concerned the armistice line.

Record of a conversation about the armistice and the river crossing.

Document Information

Source

GARF, Fond 5446, Opis 1, Delo 1

Type

Memorandum of Conversation

Language

English

Record ID

made-up-9003
"""


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    write_page(
        folder / "korea-1951.txt",
        variant(record_id="9001", title="Report on Korea", date="December 1951", words="armistice"),
    )
    write_page(
        folder / "harbin-1958.txt",
        variant(record_id="9002", title="Note on Harbin", date="1958", words="zeppelin"),
    )
    write_page(folder / "conversation.txt", ENGLISH_ONLY)
    return folder


@pytest.fixture
def library(diglot_home: Path, pages: Path) -> Library:
    library = Library(diglot_home)
    library.add_folder(pages)
    return library


@pytest.fixture
def index(diglot_home: Path, library: Library) -> SearchIndex:
    search_index = SearchIndex(diglot_home)
    report = search_index.update(library)
    assert report.rebuilt and report.added == 4 and report.documents == 4
    return search_index


def ids(search_index: SearchIndex, query: str) -> set[str]:
    return {hit.id for hit in search_index.search(query, limit=50)}


# Building and searching


def test_an_empty_home_has_no_index(diglot_home: Path) -> None:
    search_index = SearchIndex(diglot_home)
    assert search_index.count == 0
    assert search_index.documents() == []
    assert search_index.search("Москва") == []
    assert search_index.schema_version is None


def test_russian_is_stemmed(index: SearchIndex) -> None:
    # The seed has "Москвы" and "Москва", "Сеула" but never "Сеул".
    assert SEED_RECORD in ids(index, "Москва")
    assert SEED_RECORD in ids(index, "Москвы")
    assert SEED_RECORD in ids(index, "Сеул")
    assert SEED_RECORD in ids(index, "Сеула")
    assert ids(index, "Сеу*") == {SEED_RECORD, "made-up-9001", "made-up-9002"}
    assert "made-up-9003" not in ids(index, "Москва")


def test_english_is_stemmed(index: SearchIndex) -> None:
    assert ids(index, "division") == {SEED_RECORD, "made-up-9001", "made-up-9002", "made-up-9003"}
    assert ids(index, "divisions") == ids(index, "division")
    assert ids(index, "conversations") == {"made-up-9003"}
    assert ids(index, "divis*") == ids(index, "division")


def test_phrases_fields_dates_and_operators(index: SearchIndex) -> None:
    assert ids(index, '"38th parallel"') == {SEED_RECORD, "made-up-9001", "made-up-9002"}
    assert ids(index, '"parallel 38th"') == set()
    assert ids(index, "type:Telegram") == {SEED_RECORD, "made-up-9001", "made-up-9002"}
    assert ids(index, 'type:"memorandum of conversation"') == {"made-up-9003"}
    assert ids(index, "date:[1950 TO 1951]") == {SEED_RECORD, "made-up-9001"}
    assert ids(index, "date:1958") == {"made-up-9002"}
    assert ids(index, "date:>1952") == {"made-up-9002", "made-up-9003"}
    assert ids(index, "title:harbin") == {"made-up-9002"}
    assert ids(index, "armistice AND type:Telegram") == {"made-up-9001"}
    assert ids(index, "zeppelin OR armistice") == {"made-up-9001", "made-up-9002", "made-up-9003"}
    assert ids(index, "type:Telegram NOT zeppelin") == {SEED_RECORD, "made-up-9001"}
    assert ids(index, "archive:GARF") == {"made-up-9003"}
    assert ids(index, "original:Москва") == {SEED_RECORD, "made-up-9001", "made-up-9002"}
    assert ids(index, "translation:Москва") == set()
    assert ids(index, "language:ru") == {SEED_RECORD, "made-up-9001", "made-up-9002"}


def test_in_original_and_in_translation_limit_words_to_one_side(
    index: SearchIndex, library: Library
) -> None:
    seeds = {SEED_RECORD, "made-up-9001", "made-up-9002"}
    assert ids(index, "Moscow") == seeds
    assert ids(index, "Moscow in:translation") == seeds
    assert ids(index, "in:original Moscow") == set()  # the originals say "Москвы"
    assert ids(index, "Москва in:translation") == set()
    # The English-only memorandum's one text is a translation.
    assert ids(index, "Kaesong in:translations") == {"made-up-9003"}
    assert ids(index, "division in:original") == set()
    assert ids(index, "(Москва OR divisions) in:original") == seeds
    assert ids(index, "(Москва OR divisions) in:translation") == seeds | {"made-up-9003"}
    # The title says "Telegram"; the texts never do. A fielded word keeps its field.
    assert ids(index, "Telegram") == seeds
    assert ids(index, "Telegram in:original") == set()
    assert ids(index, "type:Telegram in:original") == seeds
    assert ids(index, "Москва in:anywhere") == ids(index, "Москва")
    (hit,) = [h for h in index.search("Korea in:translation") if h.id == SEED_RECORD]
    assert hit.pane == "translation"
    document = library.document(SEED_RECORD)
    marked = index.match_ranges("Moscow OR Москва in:original", document)
    assert marked and {r.pane for r in marked} == {"original"}


@pytest.mark.parametrize(
    ("query", "says"),
    [("Москва in:margins", "in:original"), ("a in:original in:translation", "not both")],
)
def test_a_bad_scope_says_what_to_write(index: SearchIndex, query: str, says: str) -> None:
    with pytest.raises(QueryError, match=says):
        index.search(query)


def test_a_hit_names_pane_paragraph_and_snippets(index: SearchIndex) -> None:
    (hit,) = [h for h in index.search("Чемульпо") if h.id == SEED_RECORD]
    assert (hit.pane, hit.paragraph, hit.language) == ("original", 5, "ru")
    assert hit.title.startswith("Ciphered Telegram")
    assert hit.date_text == "October 1, 1950"
    assert hit.score > 0
    assert Path(hit.path) == SEED_PAGE
    assert "<b>Чемульпо</b>" in hit.snippets["ru"]
    # The translation spells the name Jemulpo: a match in another spelling, marked too.
    assert "<b>Jemulpo</b> [Incheon]" in hit.snippets["en"]
    assert hit.spellings == ("Jemulpo, for Чемульпо",)
    # Without spelling-blind matches the translation has none; its snippet is the parallel
    # paragraph.
    (hit,) = [h for h in index.search("Чемульпо", spelling=False) if h.id == SEED_RECORD]
    assert "Jemulpo [Incheon]" in hit.snippets["en"] and "<b>" not in hit.snippets["en"]

    (hit,) = [h for h in index.search('"38th parallel"') if h.id == SEED_RECORD]
    assert (hit.pane, hit.language) == ("translation", "en")
    assert "<b>38th</b> <b>parallel</b>" in hit.snippets["en"]

    (hit,) = [h for h in index.search("type:Telegram") if h.id == SEED_RECORD]
    assert (hit.pane, hit.paragraph) == ("metadata", None)
    assert set(hit.snippets) == {"ru", "en"}


def test_hits_rank_and_score_as_whooshs_own_search(index: SearchIndex, diglot_home: Path) -> None:
    # The search used to be whoosh's searcher.search(terms=True, filter=kind:doc); it must
    # still rank alike, to the last bit of each score, on small indexes too. Exact matches
    # come first, as whoosh ranks the query without spelling-blind matches; then the
    # documents only another spelling matches, as whoosh ranks those.
    generation = IndexStore(diglot_home / "index").current(SCHEMA_VERSION)
    parser = build_parser(build_schema())
    queries = ["Москва OR divisions OR armistice", "divis* OR parallel", '"38th parallel"',
               "armistice AND type:Telegram", "zeppelin OR armistice OR Korea",
               "Chemulpo OR armistice"]  # fmt: skip
    with whoosh.index.open_dir(str(generation), indexname="MAIN").searcher() as searcher:
        entries = searcher.reader().column_reader("entry")

        def whoosh_hits(query: str, spelling: bool) -> list[tuple[str, float]]:
            found = searcher.search(parse_query(parser, query, spelling), limit=20, terms=True,
                                    filter=wq.Term("kind", "doc"))  # fmt: skip
            return [(IndexEntry.from_bytes(entries[hit.docnum]).id, hit.score) for hit in found]

        others_seen = False
        for query in queries:
            exact = whoosh_hits(query, spelling=False)
            ids = {id for id, _ in exact}
            others = [(id, score) for id, score in whoosh_hits(query, spelling=True)
                      if id not in ids]  # fmt: skip
            others_seen |= bool(others)
            assert [(hit.id, hit.score) for hit in index.search(query)] == (exact + others)[:20]
        assert others_seen  # the fixture has names in other spellings: the second part ran


def test_snippets_escape_html(diglot_home: Path, tmp_path: Path) -> None:
    page = variant(record_id="77", words="<script>alert(1)</script> zeppelin & co")
    write_page(tmp_path / "p" / "x.txt", page)
    library = Library(diglot_home, seeds=tmp_path / "no-seeds")
    library.add_folder(tmp_path / "p")
    search_index = SearchIndex(diglot_home)
    search_index.update(library)
    (hit,) = search_index.search("zeppelin")
    assert "<script>" not in hit.snippets["en"]
    assert (
        "&lt;script&gt;" in hit.snippets["en"] and "<b>zeppelin</b> &amp; co" in hit.snippets["en"]
    )


@pytest.mark.parametrize(
    "query",
    [
        '"unclosed',
        "(a OR b",
        "a)",
        "date:[1950 TO",
        "date:[abc TO 1951]",
        "date:abc",
        "titel:Korea",
    ],
)
def test_bad_queries_raise_query_error(index: SearchIndex, query: str) -> None:
    with pytest.raises(QueryError) as raised:
        index.search(query)
    assert str(raised.value)


def test_a_blank_query_finds_nothing(index: SearchIndex) -> None:
    assert index.search("   ") == []


def test_tidying_merges_the_small_segments_updates_left(
    diglot_home: Path, index: SearchIndex, library: Library, pages: Path
) -> None:
    assert not index.tidy()  # one segment: nothing to do
    for number in range(3):  # one-page updates, each its own small segment
        write_page(pages / f"new-{number}.txt",
                   variant(record_id=str(9100 + number), title=f"New {number}"))  # fmt: skip
        index.update(library, changed=[pages / f"new-{number}.txt"])
    write_page(pages / "new-0.txt", variant(record_id="9100", title="New 0, revised"))
    index.update(library, changed=[pages / "new-0.txt"])  # leaves a deleted record behind

    def segments() -> list[int]:
        generation = index.store.current(SCHEMA_VERSION)
        assert generation is not None
        return [s.doc_count_all() for s in whoosh.index.open_dir(
            str(generation), indexname="MAIN")._segments()]  # fmt: skip

    before = segments()
    found = {q: [(h.id, h.score) for h in index.search(q, limit=50)] for q in
             ("armistice", "zeppelin", "New", "title:revised", '"on harbin"')}  # fmt: skip
    assert len(before) >= 3
    assert index.tidy()
    after = segments()  # all small here (a first build of 1,000 pages or more is left alone)
    assert len(after) == 1 and sum(after) == sum(before) - 1  # the deleted record purged
    for query, hits in found.items():
        assert {h.id for h in index.search(query, limit=50)} == {i for i, _ in hits}
    assert not index.tidy()
    # The next update still knows the index is its own: nothing is compared afresh.
    report = index.update(library)
    assert (report.added, report.changed, report.removed, report.parsed) == (0, 0, 0, 0)
    assert SearchIndex(diglot_home).update(library).parsed == 0  # nor by another process


def test_tidying_leaves_a_large_segment_alone(
    index: SearchIndex, library: Library, pages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.core.index.manifest as index_manifest

    monkeypatch.setattr(index_manifest, "LARGE_SEGMENT", 4)  # the first build's 4 records
    monkeypatch.setattr(index_module, "LARGE_SEGMENT", 4)
    for number in range(2):
        write_page(pages / f"new-{number}.txt",
                   variant(record_id=str(9200 + number), title=f"New {number}"))  # fmt: skip
        index.update(library, changed=[pages / f"new-{number}.txt"])

    def segments() -> dict[str, int]:
        generation = index.store.current(SCHEMA_VERSION)
        assert generation is not None
        found = whoosh.index.open_dir(str(generation), indexname="MAIN")._segments()
        return {s.segment_id(): s.doc_count_all() for s in found}

    before = segments()
    assert sorted(before.values()) == [1, 1, 4]
    assert index.tidy()
    after = segments()
    assert sorted(after.values()) == [2, 4]
    assert [i for i, n in after.items() if n == 4] == [i for i, n in before.items() if n == 4]


def test_a_listing_after_an_update_reuses_the_unchanged_entries(
    index: SearchIndex, library: Library, pages: Path
) -> None:
    before = {e.id: e for e in index.documents()}
    write_page(pages / "harbin-1958.txt",
               variant(record_id="9002", title="Note on Harbin, revised", date="1958"))  # fmt: skip
    index.update(library, changed=[pages / "harbin-1958.txt"])
    after = {e.id: e for e in index.documents()}
    assert after["made-up-9002"].title == "Note on Harbin, revised"
    # The same objects for the records the update left alone: a kept index process sends the
    # window only what differs, found by identity first.
    assert all(after[i] is before[i] for i in before if i != "made-up-9002")
    assert after == {e.id: e for e in SearchIndex(index.home).documents()}


def test_documents_come_from_the_index_without_parsing(
    diglot_home: Path, index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("documents() must not parse")

    monkeypatch.setattr(archive_page, "parse_page", refuse)
    monkeypatch.setattr(archive_page, "parse_bytes", refuse)
    entries = SearchIndex(diglot_home).documents()
    by_date = [SEED_RECORD, "made-up-9001", "made-up-9003", "made-up-9002"]
    assert [e.id for e in entries] == by_date
    seed = entries[0]
    assert seed.title.startswith("Ciphered Telegram")
    assert (seed.date_text, seed.date_iso, seed.date_precision) == (
        "October 1, 1950",
        "1950-10-01",
        "day",
    )
    assert seed.type == "Telegram"
    assert seed.archives == ("APRF", "RGASPI")
    # Where its citations place it, for the archive browser, read without parsing too.
    assert [(loc.archive, loc.fond, loc.opis, loc.delo, loc.place) for loc in seed.locators] == [
        ("APRF", "45", "1", "334", "ll. 99-103"), ("RGASPI", "558", "11", "334", "pp. 97-98")]
    assert seed.languages == ("ru", "en")
    assert Path(seed.path) == SEED_PAGE
    assert len(seed.content_hash) == 64
    assert entries[3].date_precision == "year"


# Incremental updates


def test_nothing_changed_means_nothing_parsed(index: SearchIndex, library: Library) -> None:
    report = index.update(library)
    assert (report.added, report.changed, report.removed, report.parsed) == (0, 0, 0, 0)
    assert report.unchanged == 4 and not report.rebuilt and report.documents == 4


def test_a_changed_file_alone_is_reindexed(
    index: SearchIndex, library: Library, pages: Path
) -> None:
    write_page(
        pages / "harbin-1958.txt",
        variant(record_id="9002", title="Note on Harbin", date="1958", words="dirigible"),
    )
    parsed: list[str] = []
    report = index.update(library, progress=lambda done, total, path: parsed.append(path))
    assert (report.added, report.changed, report.removed, report.unchanged) == (0, 1, 0, 3)
    assert report.parsed == 1
    assert [Path(p).name for p in parsed] == ["harbin-1958.txt"]
    assert ids(index, "dirigible") == {"made-up-9002"}
    assert ids(index, "zeppelin") == set()
    assert index.count == 4


def test_removed_and_added_files(index: SearchIndex, library: Library, pages: Path) -> None:
    (pages / "korea-1951.txt").unlink()
    write_page(pages / "new.txt", variant(record_id="9004", title="Newly Saved", words="kite"))
    report = index.update(library)
    assert (report.added, report.changed, report.removed, report.parsed) == (1, 0, 1, 1)
    assert ids(index, "armistice") == {"made-up-9003"}
    assert ids(index, "kite") == {"made-up-9004"}
    made_up = {"made-up-9002", "made-up-9003", "made-up-9004"}
    assert {e.id for e in index.documents()} == {SEED_RECORD, *made_up}


def test_bad_files_are_reported_once_and_not_reparsed(
    index: SearchIndex, library: Library, pages: Path
) -> None:
    write_page(pages / "empty.txt", "")
    report = index.update(library)
    assert [Path(e.path).name for e in report.errors] == ["empty.txt"]
    assert report.parsed == 1 and index.count == 4
    assert [Path(p).name for p, _ in index.failures()] == ["empty.txt"]
    again = index.update(library)
    assert again.parsed == 0 and again.errors == []


def test_duplicates_are_indexed_once_and_swap_when_the_shown_copy_goes(
    index: SearchIndex, library: Library, pages: Path
) -> None:
    copy = write_page(pages / "seed-copy.txt", variant(words="recaptured"))
    report = index.update(library)
    assert index.count == 4
    assert [(d.path.name, d.kept) for d in report.duplicates] == [(SEED_PAGE.name, copy.resolve())]
    (hit,) = index.search("recaptured")
    assert hit.id == SEED_RECORD and Path(hit.path) == copy.resolve()

    copy.unlink()
    report = index.update(library)
    assert report.removed == 1 and report.parsed == 1  # the seed, shown again, is parsed
    assert report.duplicates == []
    assert index.search("recaptured") == []
    (hit,) = [h for h in index.search("Чемульпо") if h.id == SEED_RECORD]
    assert Path(hit.path) == SEED_PAGE


# Schema versions and locks


def test_a_schema_version_change_rebuilds(
    diglot_home: Path, index: SearchIndex, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert index.schema_version == SCHEMA_VERSION
    old_generations = {p.name for p in (diglot_home / "index").glob("gen-*")}
    monkeypatch.setattr(index_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    reopened = SearchIndex(diglot_home)
    assert reopened.count == 0  # an index of another version is never read
    report = reopened.update(library)
    assert report.rebuilt and report.parsed == 4 and reopened.count == 4
    assert reopened.schema_version == SCHEMA_VERSION + 1
    generations = {p.name for p in (diglot_home / "index").glob("gen-*")}
    assert len(generations) == 1 and not generations & old_generations


def test_rebuild_swaps_in_a_new_generation(
    diglot_home: Path, index: SearchIndex, library: Library
) -> None:
    before = sorted(p.name for p in (diglot_home / "index").iterdir())
    report = index.rebuild(library)
    after = sorted(p.name for p in (diglot_home / "index").iterdir())
    assert report.rebuilt and report.documents == 4
    assert before != after and [n for n in after if n.startswith(("gen-", "build-"))] == [
        n for n in after if n.startswith("gen-")
    ]
    assert len([n for n in after if n.startswith("gen-")]) == 1
    assert ids(index, "zeppelin") == {"made-up-9002"}


def test_left_over_lock_files_do_not_block(
    diglot_home: Path, index: SearchIndex, library: Library
) -> None:
    # A killed writer leaves its lock files behind; only a live process holds the OS lock.
    (diglot_home / "index" / "LOCK").touch()
    (generation,) = (diglot_home / "index").glob("gen-*")
    (generation / "MAIN_WRITELOCK").touch()
    write_page(Path(library.folders()[0]) / "late.txt", variant(record_id="9100", words="late"))
    assert index.update(library).added == 1
    assert ids(index, "late") == {"made-up-9100"}


# What the rest of the app reads


def test_match_ranges_mark_words_in_both_panes(index: SearchIndex, library: Library) -> None:
    document = library.document(SEED_RECORD)
    assert document.original is not None
    ranges = index.match_ranges("Москва OR divisions", document)
    original = [r for r in ranges if r.pane == "original"]
    translation = [r for r in ranges if r.pane == "translation"]
    marked = {document.original.paragraphs[r.paragraph][r.start : r.end] for r in original}
    assert marked == {"Москвы", "Москва"}
    words = {document.translations[0].paragraphs[r.paragraph][r.start : r.end] for r in translation}
    assert words == {"divisions"}
    prefixed = index.match_ranges("Сеу*", document)
    assert {document.original.paragraphs[r.paragraph][r.start : r.end] for r in prefixed} == {
        "Сеула"
    }
    assert index.match_ranges("type:Telegram NOT Москва", document) == []


def test_reports_and_entries_describe_themselves(index: SearchIndex, library: Library) -> None:
    summary = index.update(library).summary()
    assert "4 documents" in summary and "4 unchanged" in summary
    entry = index.documents()[0].to_dict()
    assert entry["id"] == SEED_RECORD and entry["archives"] == ["APRF", "RGASPI"]


CHINESE_PAGE = """June 5, 1953

Telegram from Mao Zedong to Stalin

毛泽东同志致斯大林同志的电报。我们决定派志愿军入朝作战。

关于三八线的问题，请您指示。

Comrade Mao Zedong to Comrade Stalin. We have decided to send volunteers to Korea.

On the question of the 38th parallel, please advise.

Mao informs Stalin of the decision to send volunteers.

Document Information

Source

APRF, Fond 45, Opis 1, Delo 334

Type

Telegram

Language

Chinese

Record ID

777
"""


def test_chinese_is_searched_by_character_pairs(diglot_home: Path, tmp_path: Path) -> None:
    write_page(tmp_path / "zh" / "telegram.txt", CHINESE_PAGE)
    library = Library(diglot_home, seeds=tmp_path / "no-seeds")
    library.add_folder(tmp_path / "zh")
    search_index = SearchIndex(diglot_home)
    search_index.update(library)
    (hit,) = search_index.search("三八线")
    assert (hit.pane, hit.paragraph, hit.language) == ("original", 1, "zh")
    assert hit.snippets["zh"] == "关于<b>三八线</b>的问题，请您指示。"
    assert search_index.search("三线") == []  # words, not loose characters
    assert [h.id for h in search_index.search("NOT 三八线")] == []
    assert [h.id for h in search_index.search("NOT zeppelin")] == ["777"]


def test_update_announces_each_shown_document_as_it_is_written(tmp_path: Path) -> None:
    home = tmp_path / "announce-home"
    library = Library(home)
    index = SearchIndex(home)
    heard: list[str] = []
    index.update(library, shown=lambda entry: heard.append(entry.id))
    assert heard == [entry.id for entry in index.documents()]
    heard.clear()
    index.update(library, shown=lambda entry: heard.append(entry.id))
    assert heard == []  # nothing new or changed: nothing to announce
