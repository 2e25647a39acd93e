"""Bringing index records in line with the library's files: the heart of update and rebuild."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reader.core.archive_page import PageError
from reader.core.document import Document
from reader.core.duplicates import Duplicate, DuplicateKeys, DuplicateResolver
from reader.core.index_schema import (
    KIND_DOC,
    KIND_DUP,
    KIND_ERROR,
    IndexEntry,
    document_record,
    duplicate_record,
    error_record,
)
from reader.core.index_types import UpdateReport
from reader.core.library import LibraryFile, parse_library_file

Progress = Callable[[int, int, str], None]


def sync_records(
    writer: Any,
    files: list[LibraryFile],
    manifest: dict[str, IndexEntry],
    progress: Progress | None,
    shown: Callable[[IndexEntry], None] | None = None,
) -> UpdateReport:
    """Write into `writer` whatever makes the index (described by `manifest`) match `files`.

    `shown` hears of each document written as shown, as soon as it is written, so a list
    can fill while a first build is still running.

    Files are visited in rank order, so each one's duplicate status is final when it is
    visited: it is parsed (when new or changed), decided and written in turn, and no more than
    one parsed document is held at a time.
    """
    report = UpdateReport()
    current = {str(f.path) for f in files}
    removed = [path for path in manifest if path not in current]
    report.removed = len(removed)
    for path in removed:
        writer.delete_by_term("path", path)
    total = sum(1 for f in files if _stale(manifest.get(str(f.path)), f))
    resolver = DuplicateResolver()

    def parse(library_file: LibraryFile, old: IndexEntry | None) -> Document | None:
        path = str(library_file.path)
        try:
            return parse_library_file(library_file)
        except PageError as error:
            report.errors.append(error)
            _write(writer, old, error_record(path, library_file.content_hash, error.reason))
            return None
        finally:
            report.parsed += 1
            if progress:
                progress(report.parsed, total, path)

    for library_file in sorted(files, key=lambda f: f.rank):
        path = str(library_file.path)
        old = manifest.get(path)
        document: Document | None = None
        if _stale(old, library_file):
            if old is None:
                report.added += 1
            else:
                report.changed += 1
            document = parse(library_file, old)
            if document is None:
                continue
            keys = DuplicateKeys.of(document)
        else:
            report.unchanged += 1
            assert old is not None
            if old.kind == KIND_ERROR:
                continue
            keys = old.keys
        match = resolver.offer(library_file.path, keys)
        if match is None:
            if document is None and old is not None and old.kind == KIND_DUP:
                # Its shown copy went away or changed: this copy is shown now, in full.
                total += 1
                document = parse(library_file, old)
            if document is not None:
                record = document_record(document, path, library_file.content_hash)
                _write(writer, old, record)
                if shown is not None:
                    shown(IndexEntry.from_bytes(record["entry"]))
            continue
        kept = str(match[0])
        doc_id = document.id if document is not None else (old.id if old else "")
        report.duplicates.append(Duplicate(library_file.path, match[0], doc_id, match[1]))
        if document is not None or (old is not None and _newly_hidden(old, kept)):
            _write(
                writer, old, duplicate_record(path, library_file.content_hash, doc_id, keys, kept)
            )
    return report


def _write(writer: Any, old: IndexEntry | None, record: dict[str, Any]) -> None:
    if old is None:
        writer.add_document(**record)
    else:
        writer.update_document(**record)  # replaces the record with the same (unique) path


def _stale(entry: IndexEntry | None, library_file: LibraryFile) -> bool:
    return entry is None or entry.hash != library_file.content_hash


def _newly_hidden(old: IndexEntry, kept: str) -> bool:
    """Whether an unchanged file's record must become (another) duplicate record."""
    return old.kind == KIND_DOC or (old.kind == KIND_DUP and old.duplicate_of != kept)
