"""Bringing index records in line with the library's files: the heart of update and rebuild."""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.document import Document
from reader.core.index.manifest import Manifest, RecordWriter
from reader.core.index.schema import (
    KIND_DOC,
    KIND_DUP,
    KIND_ERROR,
    IndexEntry,
    document_record,
    duplicate_record,
    error_record,
)
from reader.core.index.types import UpdateReport
from reader.core.library.collection import LibraryFile, parse_library_file
from reader.core.library.duplicates import Duplicate, DuplicateKeys, DuplicateResolver
from reader.core.page.parser import PageError

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Changes:
    """What the library's listing knows changed since the index's last sync."""

    paths: set[str]  # files new, changed or gone since then (a superset will do)
    listed: Callable[[str], LibraryFile | None]  # the listed file at a path, if any


def sync_records(
    writer: RecordWriter,
    files: list[LibraryFile],
    manifest: Manifest,
    progress: Progress | None,
    shown: Callable[[IndexEntry], None] | None = None,
    settled: bool = False,
    changes: Changes | None = None,
) -> UpdateReport:
    """Write into `writer` whatever makes the index (described by `manifest`) match `files`.

    When nothing changed, nothing is written (and the writer stays closed).

    `shown` hears of each document written as shown, as soon as it is written, so a list
    can fill while a first build is still running.

    Files are visited in rank order, so each one's duplicate status is final when it is
    visited: it is parsed (when new or changed), decided and written in turn, and no more than
    one parsed document is held at a time.

    `settled` says the index holds the outcome of a sync over the same roots (so unchanged
    files rank as they did then). A few changed files then revisit only the files whose
    duplicate keys meet theirs, directly or through other such files; nothing else can change.
    With `changes` too, only the files it names are compared with the index at all: an update
    after one edit costs the same in a library of ten files or ten thousand.
    """
    entries = manifest.entries
    if settled and changes is not None:
        listed = changes.listed
        stale, removed = _diff(changes.paths, listed, entries)
    else:  # compare every file: three passes over the library, as lean as they go
        by_path = dict(zip(map(str, map(_PATH, files)), files, strict=True))
        get = entries.get
        stale = [
            library_file
            for path, library_file in by_path.items()
            if (old := get(path)) is None or old.hash != library_file.content_hash
        ]
        removed = sorted(entries.keys() - by_path.keys())
        listed = by_path.get
    sync = _Sync(writer, progress, shown, len(stale))
    sync.report.removed = len(removed)
    for path in removed:
        writer.delete(path)
    if settled and len(stale) <= _FEW_CHANGES:
        _sync_around(sync, stale, listed, manifest, removed)
        sync.report.unchanged = len(files) - len(stale)
    else:
        for library_file in sorted(files, key=lambda f: (f.priority, str(f.path))):
            sync.visit_file(library_file, entries.get(str(library_file.path)))
    return sync.report


def _diff(
    paths: set[str], listed: Callable[[str], LibraryFile | None], entries: dict[str, IndexEntry]
) -> tuple[list[LibraryFile], list[str]]:
    """The stale files and the removed paths among `paths`."""
    stale: list[LibraryFile] = []
    removed: list[str] = []
    for path in sorted(paths):
        library_file, old = listed(path), entries.get(path)
        if library_file is None:
            if old is not None:
                removed.append(path)
        elif old is None or old.hash != library_file.content_hash:
            stale.append(library_file)
    return stale, removed


_PATH = operator.attrgetter("path")
# A settled sync holds the changed files' documents at once; past this many it visits every
# file instead, keeping one parsed document in memory at a time.
_FEW_CHANGES = 64


class _Sync:
    """One sync's report, resolver and writes; files are offered in rank order."""

    def __init__(
        self,
        writer: RecordWriter,
        progress: Progress | None,
        shown: Callable[[IndexEntry], None] | None,
        total: int,
    ) -> None:
        self.report = UpdateReport()
        self.resolver = DuplicateResolver()
        self.writer, self.progress, self.shown, self.total = writer, progress, shown, total

    def parse(self, library_file: LibraryFile, old: IndexEntry | None) -> Document | None:
        """Parse a file, or write its error record and report it."""
        path = str(library_file.path)
        try:
            return parse_library_file(library_file)
        except PageError as error:
            self.report.errors.append(error)
            _write(self.writer, old, error_record(path, library_file.content_hash, error.reason))
            return None
        finally:
            self.report.parsed += 1
            if self.progress:
                self.progress(self.report.parsed, self.total, path)

    def read_changed(
        self, library_file: LibraryFile, old: IndexEntry | None
    ) -> Document | None:
        """Count and parse a new or changed file."""
        if old is None:
            self.report.added += 1
        else:
            self.report.changed += 1
        return self.parse(library_file, old)

    def visit_file(self, library_file: LibraryFile, old: IndexEntry | None) -> None:
        """Bring one file's record up to date, parsing it when new or changed."""
        path = str(library_file.path)
        if _stale(old, library_file):
            document = self.read_changed(library_file, old)
            if document is not None:
                self.decide(library_file, path, old, document, DuplicateKeys.of(document))
            return
        self.report.unchanged += 1
        assert old is not None
        if old.kind != KIND_ERROR:
            self.decide(library_file, path, old, None, old.keys)

    def decide(
        self,
        library_file: LibraryFile,
        path: str,
        old: IndexEntry | None,
        document: Document | None,
        keys: DuplicateKeys,
    ) -> None:
        """Show or hide one parsed (or unchanged) copy, writing its record if that changed."""
        match = self.resolver.offer(library_file.path, keys)
        if match is None:
            if document is None and old is not None and old.kind == KIND_DUP:
                # Its shown copy went away or changed: this copy is shown now, in full.
                self.total += 1
                document = self.parse(library_file, old)
            if document is not None:
                record = document_record(document, path, library_file.content_hash)
                _write(self.writer, old, record)
                if self.shown is not None:
                    self.shown(IndexEntry.from_bytes(record["entry"]))
            return
        kept = str(match[0])
        doc_id = document.id if document is not None else (old.id if old else "")
        self.report.duplicates.append(Duplicate(library_file.path, match[0], doc_id, match[1]))
        if document is not None or (old is not None and _newly_hidden(old, kept)):
            record = duplicate_record(path, library_file.content_hash, doc_id, keys, kept)
            _write(self.writer, old, record)


def _sync_around(
    sync: _Sync,
    stale: list[LibraryFile],
    listed: Callable[[str], LibraryFile | None],
    manifest: Manifest,
    removed: list[str],
) -> None:
    """Sync a settled index after a few changes: see `sync_records`."""
    entries = manifest.entries
    touched: set[str] = set()  # duplicate keys whose holders may decide differently now
    fresh: dict[str, tuple[LibraryFile, Document, DuplicateKeys]] = {}
    for library_file in stale:
        path = str(library_file.path)
        document = sync.read_changed(library_file, entries.get(path))
        if document is not None:
            keys = DuplicateKeys.of(document)
            fresh[path] = (library_file, document, keys)
            touched.update(_key_list(keys))
    gone = {*removed, *(str(f.path) for f in stale)}
    for path in gone:
        old = entries.get(path)
        if old is not None and old.kind != KIND_ERROR:
            touched.update(_key_list(old.keys))
    involved = {path: listed(path) for path in _holders(touched, manifest, gone)}
    visits: list[tuple[LibraryFile, str, Document | None, DuplicateKeys | None]]
    visits = [(f, path, None, None) for path, f in involved.items() if f is not None]
    visits += [(f, path, document, keys) for path, (f, document, keys) in fresh.items()]
    for library_file, path, parsed, parsed_keys in sorted(visits, key=lambda v: _rank(v[0])):
        old = entries.get(path)
        if parsed is not None and parsed_keys is not None:
            sync.decide(library_file, path, old, parsed, parsed_keys)
        elif old is not None:
            sync.decide(library_file, path, old, None, old.keys)
    # Hidden copies nobody revisited stay hidden behind the same copy, for the same key.
    decided = {*fresh, *involved, *gone}
    for path in manifest.hidden() - decided:
        old = entries[path]
        kept = entries.get(old.duplicate_of)
        shared = old.record_key if kept and old.record_key == kept.record_key else ""
        key = shared or old.title_key
        sync.report.duplicates.append(Duplicate(Path(path), Path(old.duplicate_of), old.id, key))
    sync.report.duplicates.sort(key=lambda d: _rank(listed(str(d.path))))


def _rank(library_file: LibraryFile | None) -> tuple[int, str]:
    return library_file.rank if library_file is not None else (1 << 30, "")


def _holders(touched: set[str], manifest: Manifest, gone: set[str]) -> set[str]:
    """Unchanged files holding a touched key, or a key of such a file, and so on."""
    involved: set[str] = set()
    todo = list(touched)
    while todo:
        for path in manifest.sharing(todo.pop()):
            if path in involved or path in gone:
                continue
            involved.add(path)
            for key in _key_list(manifest.entries[path].keys):
                if key not in touched:
                    touched.add(key)
                    todo.append(key)
    return involved


def _key_list(keys: DuplicateKeys) -> list[str]:
    return [keys.record, keys.title] if keys.record else [keys.title]


def _write(writer: RecordWriter, old: IndexEntry | None, record: dict[str, Any]) -> None:
    if old is None:
        writer.add(record)
    else:
        writer.replace(record)  # the record with the same (unique) path


def _stale(entry: IndexEntry | None, library_file: LibraryFile) -> bool:
    return entry is None or entry.hash != library_file.content_hash


def _newly_hidden(old: IndexEntry, kept: str) -> bool:
    """Whether an unchanged file's record must become (another) duplicate record."""
    return old.kind == KIND_DOC or (old.kind == KIND_DUP and old.duplicate_of != kept)
