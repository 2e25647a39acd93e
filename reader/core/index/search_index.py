"""The search index over the library: build, update incrementally, search, list documents.

whoosh stays behind this module (and its helpers `schema`, `store`, `sync`, `query`, `ranking`,
`hits`): callers get Hit, DocumentEntry, UpdateReport, QueryError, never whoosh objects.
Those the window needs before the index is first used live in the whoosh-free `types`.
The index lives in `<home>/index`; see `store` for how builds survive being killed.

A SearchIndex is not thread-safe: use one per thread, or one at a time.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import whoosh.index

from reader.core.document import Document
from reader.core.index.check import INDEX_NAME, diagnose, live_files, note_sums, open_checked
from reader.core.index.counterparts import AlignmentLookup
from reader.core.index.hits import (
    Hit,
    document_ranges,
    positive_terms,
    spelling_pane,
    spelling_words,
)
from reader.core.index.manifest import (
    LARGE_SEGMENT,
    Manifest,
    RecordWriter,
    merge_small,
    merge_tiers,
    segments_of,
)
from reader.core.index.query import (
    build_parser,
    parse_query,
)
from reader.core.index.ranking import ranked_hits
from reader.core.index.schema import (
    KIND_DOC,
    KIND_ERROR,
    SCHEMA_VERSION,
    IndexEntry,
    build_schema,
    document_entry,
    entries_of,
)
from reader.core.index.speedups.segment_writer import SegmentWriter
from reader.core.index.store import IndexStore
from reader.core.index.sync import Changes, Progress, sync_records
from reader.core.index.types import DocumentEntry, IndexDamaged, QueryError, UpdateReport
from reader.core.library.collection import Library, LibraryFile
from reader.core.text_range import TextRange

__all__ = [
    "SCHEMA_VERSION",
    "DocumentEntry",
    "Hit",
    "IndexDamaged",
    "QueryError",
    "SearchIndex",
    "UpdateReport",
]

INDEX_FOLDER = "index"
_WRITER_MEMORY_MB = 128

_log = logging.getLogger(__name__)
Shown = Callable[["DocumentEntry"], None]


class SearchIndex:
    """The whoosh index kept under `<home>/index`."""

    def __init__(self, home: Path) -> None:
        """Open (lazily) the index under `home`; nothing is created until the first update."""
        self.home = Path(home)
        self.store = IndexStore(self.home / INDEX_FOLDER)
        self._index: Any = None
        self._searcher: Any = None
        self._state: tuple[int, int, int] | None = None
        self._opened = False
        self._parser: Any = None
        self._manifest = Manifest()
        self._verified: Path | None = None  # the generation whose checksums were checked
        self._listed: dict[str, tuple[IndexEntry, DocumentEntry]] = {}  # see `documents`
        # After an update: (roots, manifest version, library, its listing serial).
        self._settled: tuple[Any, ...] = (None, None, None, 0)

    # Writing

    def update(
        self,
        library: Library,
        progress: Progress | None = None,
        shown: Shown | None = None,
        changed: Iterable[Path] | None = None,
        damaged: str = "",
    ) -> UpdateReport:
        """Bring the index in line with the library, parsing only new and changed files.

        Files are compared by content hash. Without a usable index (none yet, another schema
        version, or damaged: see `index_check`) this is a full rebuild, and a damaged index is
        named in the report's `damage`. The index's manifest stays in memory
        between updates, so an update reads only what was committed since the last one, and
        after an update by this object it compares only the files the library saw change.

        Args:
            library: the library to index.
            progress: called as progress(done, total, path) after each parsed file.
            shown: called with each new or changed document's entry as it is written
                (before the commit makes it searchable), so a list can fill as it goes.
            changed: when known (an import, a file watcher), the only files that may have
                changed, appeared or gone since the library's last listing: then the other
                files are not even looked at (see `Library.files`).
            damaged: what a reader found wrong with the index (`IndexDamaged`): rebuild.
        """
        listen = None if shown is None else (lambda entry: shown(document_entry(entry)))
        with self.store.writing():
            files = library.files(changed)
            generation = self.store.current(SCHEMA_VERSION)
            damage = damaged or self.store.pointer_problem(SCHEMA_VERSION)
            # Checksums too, on a first look at this generation (once per process).
            contents = self._verified != generation
            index, damage = (None, damage) if damage else open_checked(generation, contents)
            manifest = self._manifest
            if index is not None:
                try:
                    manifest.follow(index)
                except Exception as error:  # the entries cannot be read: see index_check
                    index.close()
                    index, damage = None, diagnose(generation, error)
            if index is None or generation is None:
                because = "" if damage else _outdated(self.store.recorded_schema())
                report = self._rebuild_locked(files, progress, listen)
                report.damage, report.unreadable = damage, library.unreadable()
                report.rebuilt_because = because
                return report
            self._verified = generation
            self.store.collect_garbage(keep=generation)
            # The index holds a sync's outcome over the same roots, nothing committed since:
            # ours, or one noted on disk (by us or another process, in this run or an earlier).
            roots = [os.path.realpath(root) for root in library.roots()]
            ours = self._settled[:2] == (roots, manifest.version)
            noted = self.store.synced(generation)
            settled = ours or noted == _note(roots, manifest)
            changes = None
            if ours and self._settled[2] is library:  # and the library knows what changed since
                paths = library.changed_since(self._settled[3])
                changes = None if paths is None else Changes(paths, library.listed)
            writer = RecordWriter(lambda: SegmentWriter(index, limitmb=_WRITER_MEMORY_MB), manifest)
            try:
                report = sync_records(writer, files, manifest, progress, listen, settled, changes,
                                      library.unreadable())
            except BaseException:
                writer.cancel()
                raise
            if writer.commit(mergetype=merge_tiers):
                manifest.follow(index)
                self._close()
            note_sums(generation, live_files(index))
            if noted != _note(roots, manifest):
                self.store.note_synced(generation, _note(roots, manifest))
            self._settled = (roots, manifest.version, library, library.listing_serial)
        report.documents = manifest.shown
        report.unreadable = library.unreadable()
        return report

    def tidy(self) -> bool:
        """Merge the small segments one-page updates leave behind into one (when idle).

        Queries pay per segment, and updates merge only when a tier fills (`merge_tiers`).
        Only an index this object's last update left as it is (nothing committed since, by
        anyone) is tidied, so that what the update noted stays true. Returns whether it was.
        """
        with self.store.writing():
            generation = self.store.current(SCHEMA_VERSION)
            index = open_checked(generation)[0]
            roots, version = self._settled[:2]
            if index is None or generation is None or roots is None:
                return False
            manifest = self._manifest
            manifest.follow(index)
            if manifest.version != version:
                return False
            if sum(s.doc_count_all() < LARGE_SEGMENT for s in segments_of(index)) < 2:
                return False
            noted = self.store.synced(generation) == _note(roots, manifest)
            SegmentWriter(index, limitmb=_WRITER_MEMORY_MB).commit(mergetype=merge_small)
            manifest.follow(index)
            note_sums(generation, live_files(index))
            self._close()
            if noted:
                self.store.note_synced(generation, _note(roots, manifest))
            self._settled = (roots, manifest.version, *self._settled[2:])
        return True

    def rebuild(self, library: Library, progress: Progress | None = None) -> UpdateReport:
        """Index the whole library afresh, beside the live index, then swap it in."""
        with self.store.writing():
            report = self._rebuild_locked(library.files(), progress)
        return report

    def _rebuild_locked(
        self,
        files: list[LibraryFile],
        progress: Progress | None,
        listen: Callable[[IndexEntry], None] | None = None,
    ) -> UpdateReport:
        build = self.store.new_build()
        index = whoosh.index.create_in(str(build), build_schema(), indexname=INDEX_NAME)
        writer = SegmentWriter(index, limitmb=_WRITER_MEMORY_MB)
        try:
            report = sync_records(RecordWriter(lambda: writer), files, Manifest(), progress, listen)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(merge=False)
        note_sums(build, live_files(index))
        index.close()
        self._verified = self.store.publish(build, SCHEMA_VERSION)
        self._manifest.clear()
        self._close()
        report.rebuilt = True
        report.documents = self.count
        return report

    # Reading

    @property
    def count(self) -> int:
        """How many documents the index shows (hidden copies and bad files not counted)."""
        with self._reading():
            index = self._current_index()
            if index is not None and self._manifest.version == (
                str(index.storage.folder),
                index.latest_generation(),
            ):
                return self._manifest.shown  # what the last update left, nothing committed since
            searcher = self._current_searcher()
            if searcher is None:
                return 0
            return sum(1 for _ in searcher.document_numbers(kind=KIND_DOC))

    @property
    def schema_version(self) -> int | None:
        """The schema version of the index on disk, None when there is none."""
        return self.store.recorded_schema()

    def documents(self) -> list[DocumentEntry]:
        """Every shown document, by date (undated last), then title.

        Raises:
            IndexDamaged: when the index's files are damaged (rebuild it: `update`).
        """
        with self._reading():
            if self._current_index() is None:
                return []
            listed = self._listed
            # The manifest keeps the entry objects of records an update left alone: so do we.
            self._listed = {}
            entries = []
            for entry in self._all_entries():
                if entry.kind == KIND_DOC:
                    known = listed.get(entry.path)
                    document = known[1] if known and known[0] is entry else document_entry(entry)
                    self._listed[entry.path] = (entry, document)
                    entries.append(document)
        entries.sort(key=lambda e: (e.date_iso or "9999", e.title.casefold(), e.id))
        return entries

    def failures(self) -> list[tuple[str, str]]:
        """(path, reason) of every library file that did not parse, as of the last update."""
        with self._reading():
            if self._current_index() is None:
                return []
            found = [(e.path, e.reason) for e in self._all_entries() if e.kind == KIND_ERROR]
        return sorted(found)

    def _all_entries(self) -> Iterable[IndexEntry]:
        """Every record's entry, through the manifest that updates keep (read once per run)."""
        try:
            self._manifest.follow(self._index)
        except Exception:  # e.g. another process merged segments away meanwhile
            searcher = self._current_searcher()
            return entries_of(searcher.reader())  # the searcher's view, as before
        return self._manifest.entries.values()

    def search(
        self, query: str, limit: int = 20, alignments: AlignmentLookup | None = None,
        spelling: bool = True,
    ) -> list[Hit]:
        """Run a query (whoosh syntax, see `reader.core.index.query`); best hits first.

        Args:
            query: the query text; a blank query finds nothing.
            limit: the most hits to return.
            alignments: stored alignments, for each hit's matched sentence and its counterpart
                (`Hit.pair`; a lookup answering None estimates them by position); without
                it hits have no pair.
            spelling: also find names in other spellings (Khrushchev: Хрущёв, Chruschtschow).

        Raises:
            QueryError: when the query cannot be understood.
            IndexDamaged: when the index's files are damaged (rebuild it: `update`).
        """
        return self.search_counted(query, limit, alignments=alignments, spelling=spelling)[0]

    def search_counted(
        self, query: str, limit: int = 20, alignments: AlignmentLookup | None = None,
        spelling: bool = True,
    ) -> tuple[list[Hit], int]:
        """`search`, and how many documents match in all (the hits stop at `limit`)."""
        parsed = self._parse(query, spelling)
        with self._reading():
            searcher = self._current_searcher()
        if parsed is None or searcher is None:
            return [], 0
        try:
            hits, total = ranked_hits(searcher, parsed, limit, alignments)
        except QueryError:
            raise
        except Exception as error:  # damage, or e.g. a prefix expanding to too many terms
            damage = diagnose(self._close(), error, any_error=False)
            if damage:
                raise IndexDamaged(damage) from None
            raise QueryError(f"the search failed: {error}") from None
        return hits, total

    def match_ranges(
        self, query: str, document: Document, translation_index: int = 0, spelling: bool = True
    ) -> list[TextRange]:
        """Where a query matches in a document's original and one translation, word by word.

        Matching uses the index's analysers, so "Москва" marks "Москвы" too; prefixes are
        expanded against the index's vocabulary; words under NOT are not marked; names in
        other spellings are marked unless `spelling` is False.

        Raises:
            QueryError: when the query cannot be understood.
        """
        parsed = self._parse(query, spelling)
        if parsed is None:
            return []
        with self._reading():
            searcher = self._current_searcher()
            reader = searcher.reader() if searcher is not None else None
        terms = positive_terms(parsed, reader)
        return document_ranges(document, translation_index, terms, spelling_words(parsed),
                               spelling_pane(parsed))

    def _parse(self, query: str, spelling: bool = True) -> Any:
        if self._parser is None:  # built on first use: start-up never pays for it
            self._parser = build_parser(build_schema())
        return parse_query(self._parser, query, spelling)

    def close(self) -> None:
        """Release open index files (the index can still be used; it reopens)."""
        self._close()

    def _current_index(self) -> Any:
        # The whoosh index of the current generation; listing needs no searcher (opening
        # one reads every segment's term tables: 40 ms over a dozen segments).
        state = self.store.state()
        if self._opened and state != self._state:
            self._close()  # another process rebuilt the index: switch to the new generation
        if not self._opened:
            damage = self.store.pointer_problem(SCHEMA_VERSION)
            if damage:
                raise IndexDamaged(damage)
            index, damage = open_checked(self.store.current(SCHEMA_VERSION))
            if damage:
                raise IndexDamaged(damage)
            self._opened, self._state, self._index = True, state, index
        return self._index

    def _current_searcher(self) -> Any:
        if self._current_index() is None:
            return None
        if self._searcher is None:
            self._searcher = self._index.searcher()
        else:
            self._searcher = self._searcher.refresh()  # another process's incremental commit
        return self._searcher

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """Turn whatever reading a damaged index raises into IndexDamaged, saying what it is."""
        try:
            yield
        except (IndexDamaged, QueryError):
            raise
        except Exception as error:
            raise IndexDamaged(diagnose(self._close(), error)) from None

    def _close(self) -> Path | None:
        """Release the open index; returns the folder it was in."""
        folder = None if self._index is None else Path(self._index.storage.folder)
        with contextlib.suppress(Exception):  # closing damaged files must not hide why
            if self._searcher is not None:
                self._searcher.close()
            if self._index is not None:
                self._index.close()
        self._searcher = self._index = None
        self._opened = False
        return folder


def _note(roots: list[str], manifest: Manifest) -> dict[str, Any]:
    """The SYNCED note saying the index's latest commit is a sync's outcome over `roots`."""
    commit = manifest.version[1] if manifest.version else None
    return {"roots": roots, "commit": commit}


def _outdated(recorded: int | None) -> str:
    """Why an index of schema version `recorded` is rebuilt; "" when not for its version."""
    if recorded is None or recorded == SCHEMA_VERSION:
        return ""
    made_by = "an older" if recorded < SCHEMA_VERSION else "a newer"
    return f"it was made by {made_by} version of Diglot"
