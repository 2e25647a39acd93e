from __future__ import annotations

from dataclasses import FrozenInstanceError, replace
from pathlib import Path

import pytest
import whoosh.index
from whoosh.index import TOC

from reader.core.index.manifest import Manifest, decode_entries
from reader.core.index.schema import IndexEntry
from reader.core.index.search_index import SearchIndex
from reader.core.library.collection import Library
from tests.core.seed_variants import variant, write_page


def ids(index: SearchIndex, query: str) -> set[str]:
    return {hit.id for hit in index.search(query, limit=50)}


def segment_sizes(home: Path) -> list[int]:
    (generation,) = (home / "index").glob("gen-*")
    storage = whoosh.index.open_dir(str(generation), indexname="MAIN").storage
    return [s.doc_count_all() for s in TOC.read(storage, "MAIN").segments]


def library_with_pages(home: Path, folder: Path, count: int) -> Library:
    for number in range(count):
        write_page(folder / f"p{number}.txt", variant(record_id=str(9200 + number)))
    library = Library(home)
    library.add_folder(folder)
    return library


def test_each_index_follows_the_other_ones_commits(diglot_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    library = library_with_pages(diglot_home, folder, 3)
    first, second = SearchIndex(diglot_home), SearchIndex(diglot_home)
    first.update(library)
    first.update(library)  # settled: the next update looks only at what the library saw change
    write_page(folder / "p0.txt", variant(record_id="9200", words="quartz"))
    other = Library(diglot_home)  # another process, which reads one more folder
    write_page(tmp_path / "more" / "extra.txt", variant(record_id="9300", words="extra"))
    other.add_folder(tmp_path / "more")
    assert second.update(other).added == 1
    assert first.count == 5  # the other commit is seen, not the remembered count
    write_page(folder / "p2.txt", variant(record_id="9202", words="basalt"))
    report = first.update(library)
    # Nothing in first's listing changed about extra.txt: comparing every file finds it.
    assert (report.changed, report.removed, report.parsed) == (1, 1, 1)
    assert ids(first, "quartz") == {"9200"} and ids(first, "basalt") == {"9202"}
    assert ids(first, "extra") == set()
    assert first.count == report.documents == 4


def test_a_manifest_reads_only_new_segments(diglot_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    library = library_with_pages(diglot_home, folder, 2)
    index = SearchIndex(diglot_home)
    index.update(library)
    (generation,) = (diglot_home / "index").glob("gen-*")
    whoosh_index = whoosh.index.open_dir(str(generation), indexname="MAIN")
    manifest = Manifest()
    manifest.follow(whoosh_index)
    assert manifest.shown == 3 and len(manifest.entries) == 3
    write_page(folder / "p1.txt", variant(record_id="9201", words="edited"))
    write_page(folder / "p2.txt", variant(record_id="9201"))  # a copy: hidden
    index.update(library)
    manifest.follow(whoosh_index)
    assert manifest.version == (str(generation), whoosh_index.latest_generation())
    assert manifest.shown == 3 and manifest.hidden() == {str((folder / "p2.txt").resolve())}
    assert manifest.sharing("record:9201") == {
        str((folder / name).resolve()) for name in ("p1.txt", "p2.txt")
    }
    entry = manifest.entries[str((folder / "p1.txt").resolve())]
    assert entry.kind == "doc" and entry.hash != ""


def test_small_segments_are_merged_in_tiers(diglot_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    library = library_with_pages(diglot_home, folder, 2)
    index = SearchIndex(diglot_home)
    index.update(library)
    most = 0
    for edit in range(25):
        write_page(folder / "p0.txt", variant(record_id="9200", words=f"edit{edit}x"))
        index.update(library, changed=[folder / "p0.txt"])
        most = max(most, len(segment_sizes(diglot_home)))
    assert most <= 11  # one segment per update, until ten of a tier are merged into one
    assert len(segment_sizes(diglot_home)) < 10
    assert ids(index, "edit24x") == {"9200"} and ids(index, "edit23x") == set()
    assert index.count == 3


def test_entries_decode_in_bulk_as_one_by_one() -> None:
    shown = IndexEntry(
        path="/a.txt",
        kind="doc",
        hash="1",
        id="7",
        record_key="record:7",
        title_key="title:t|",
        title="Телеграмма",
        date_text="1950",
        date_iso="1950-01-01",
        date_precision="year",
        type="Telegram",
        archive_codes=("APRF",),
        languages=("ru", "en"),
    )
    hidden = IndexEntry(
        path="/b.txt", kind="dup", hash="2", id="7", title_key="title:t|", duplicate_of="/a.txt"
    )
    entries = [shown, hidden, IndexEntry(path="/c.txt", kind="error", hash="3", reason="bad")]
    decoded = decode_entries([entry.to_bytes() for entry in entries])
    assert decoded == [IndexEntry.from_bytes(entry.to_bytes()) for entry in entries] == entries
    assert [hash(entry) for entry in decoded] == [hash(entry) for entry in entries]
    assert decoded[2].archive_codes == () and decoded[2].date_iso is None
    assert replace(decoded[1], kind="doc").kind == "doc"
    with pytest.raises(FrozenInstanceError):
        decoded[0].title = "changed"  # type: ignore[misc]
