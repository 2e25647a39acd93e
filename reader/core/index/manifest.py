"""The index's manifest (one IndexEntry per library file) kept in memory between updates.

Reading the entries of 10,000 records takes a good part of a second, so a SearchIndex reads
them once and then follows the index's commits segment by segment: whoosh segments never
change once written, except for which of their records are deleted, and that is in the table of
contents. After a commit only the new (small) segments are read. Whatever another process
committed is picked up the same way; a new generation (a rebuild) starts afresh.

Knowing where each record lives also lets an update delete a record by its document number:
whoosh's own `update_document` opens a searcher over every segment for that, which costs more
than the rest of a one-page update together.

Each update commits one small segment, and `merge_tiers` merges them as they pile up.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from whoosh.index import TOC
from whoosh.reading import SegmentReader

from reader.core.index.schema import KIND_DOC, KIND_DUP, KIND_ERROR, IndexEntry

Place = tuple[str, int]  # (segment id, document number within the segment)


class Manifest:
    """IndexEntry by path of every live record, and where the record is stored."""

    entries: dict[str, IndexEntry]
    shown: int  # records of kind "doc"
    _places: dict[str, Place]
    _by_key: dict[str, set[str]]  # duplicate key -> paths of the records (doc, dup) having it
    _hidden: set[str]  # paths of the "dup" records
    _segments: dict[str, list[IndexEntry]]  # every record of each segment, deleted ones too
    _deleted: dict[str, frozenset[int]]
    _version: tuple[str, int] | None  # (index folder, whoosh generation)

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Forget everything (the next `follow` reads the whole index)."""
        self.entries, self.shown, self._places, self._by_key, self._hidden = {}, 0, {}, {}, set()
        self._segments, self._deleted, self._version = {}, {}, None

    @property
    def version(self) -> tuple[str, int] | None:
        """The index folder and whoosh generation these entries describe (None: nothing read)."""
        return self._version

    def follow(self, index: Any) -> None:
        """Bring the entries in line with the latest commit of `index` (a whoosh FileIndex)."""
        toc = TOC.read(index.storage, index.indexname)
        version = (str(index.storage.folder), toc.generation)
        if version == self._version:
            return
        if self._version is None or self._version[0] != version[0]:
            self.clear()
        try:
            self._follow(index, toc)
        except BaseException:
            self.clear()  # half followed: read afresh next time
            raise
        self._version = version

    def _follow(self, index: Any, toc: Any) -> None:
        segments = {segment.segment_id(): segment for segment in toc.segments}
        for segment_id in [s for s in self._segments if s not in segments]:
            for number, entry in enumerate(self._segments.pop(segment_id)):
                self._drop(entry.path, (segment_id, number))
            del self._deleted[segment_id]
        for segment_id, segment in segments.items():
            deleted = frozenset(segment.deleted_docs())
            if segment_id not in self._segments:
                entries = _read_segment(index, toc.schema, segment)
                self._segments[segment_id] = entries
                for number, entry in enumerate(entries):
                    if number not in deleted:
                        self._add(entry, (segment_id, number))
            else:
                for number in deleted - self._deleted[segment_id]:
                    self._drop(self._segments[segment_id][number].path, (segment_id, number))
            self._deleted[segment_id] = deleted

    def sharing(self, key: str) -> set[str]:
        """Paths of the shown and hidden copies having the duplicate key `key` (read only)."""
        return self._by_key.get(key, _NONE)

    def hidden(self) -> set[str]:
        """Paths of the hidden copies (read only)."""
        return self._hidden

    def docnum(self, path: str, segments: list[Any]) -> int | None:
        """The document number of the live record of `path` among `segments` (a writer's)."""
        place = self._places.get(path)
        if place is None:
            return None
        base = 0
        for segment in segments:
            if segment.segment_id() == place[0]:
                return base + place[1]
            base += segment.doc_count_all()
        return None

    def _add(self, entry: IndexEntry, place: Place) -> None:
        if entry.path in self.entries:
            self._forget(entry.path)
        self.entries[entry.path] = entry
        self._places[entry.path] = place
        if entry.kind == KIND_DOC:
            self.shown += 1
        elif entry.kind == KIND_DUP:
            self._hidden.add(entry.path)
        for key in _keys(entry):
            self._by_key.setdefault(key, set()).add(entry.path)

    def _drop(self, path: str, place: Place) -> None:
        if self._places.get(path) == place:  # else the path's live record is elsewhere now
            self._forget(path)

    def _forget(self, path: str) -> None:
        del self._places[path]
        entry = self.entries.pop(path)
        if entry.kind == KIND_DOC:
            self.shown -= 1
        self._hidden.discard(path)
        for key in _keys(entry):
            paths = self._by_key[key]
            paths.discard(path)
            if not paths:
                del self._by_key[key]


_NONE: set[str] = set()


def _keys(entry: IndexEntry) -> tuple[str, ...]:
    """The duplicate keys a record takes part in deciding with (bad files have none)."""
    if entry.kind == KIND_ERROR:
        return ()
    return (entry.record_key, entry.title_key) if entry.record_key else (entry.title_key,)


def _read_segment(index: Any, schema: Any, segment: Any) -> list[IndexEntry]:
    reader = SegmentReader(index.storage, schema, segment)
    try:
        column = reader.column_reader("entry", translate=False)
        data = list(column)
    finally:
        reader.close()
    if len(data) != segment.doc_count_all():
        raise ValueError(f"{segment.segment_id()}: entries do not match its records")
    return decode_entries(data)


def decode_entries(data: list[bytes]) -> list[IndexEntry]:
    """`IndexEntry.from_bytes` of many entries, about twice as fast.

    One JSON array is parsed instead of 10,000 objects, and each entry gets the parsed dict as
    its attributes: a field missing from the JSON (left out as empty) reads the class default,
    exactly as the dataclass's own constructor would set it.
    """
    entries: list[IndexEntry] = []
    make = object.__new__
    for raw in json.loads(b"[" + b",".join(data) + b"]"):
        for name in _TUPLES:
            if name in raw:
                raw[name] = tuple(raw[name])
        entry = make(IndexEntry)
        object.__setattr__(entry, "__dict__", raw)
        entries.append(entry)
    return entries


_TUPLES = ("archive_codes", "languages")


class RecordWriter:
    """Writes index records; the whoosh writer is opened only when there is something to write.

    Records are deleted by document number when `manifest` describes the generation the writer
    opens on (always, under the store's lock); otherwise by term, as whoosh does.
    """

    def __init__(self, open_writer: Callable[[], Any], manifest: Manifest | None = None) -> None:
        self._open = open_writer
        self._manifest = manifest
        self._writer: Any = None
        self._by_number = False

    def add(self, record: dict[str, Any]) -> None:
        """Add a record for a path the index does not hold."""
        self._open_writer().add_document(**record)

    def replace(self, record: dict[str, Any]) -> None:
        """Replace the record of the same path."""
        self.delete(record["path"])
        self.add(record)

    def delete(self, path: str) -> None:
        """Delete the record of `path`."""
        writer = self._open_writer()
        if not self._by_number:
            writer.delete_by_term("path", path)
            return
        assert self._manifest is not None
        docnum = self._manifest.docnum(path, writer.segments)
        if docnum is not None:
            writer.delete_document(docnum)

    def commit(self, **options: Any) -> bool:
        """Commit what was written; False (and nothing done) when nothing was."""
        if self._writer is None:
            return False
        self._writer.commit(**options)
        return True

    def cancel(self) -> None:
        """Drop what was written."""
        if self._writer is not None:
            self._writer.cancel()

    def _open_writer(self) -> Any:
        if self._writer is None:
            self._writer = self._open()
            version = self._manifest.version if self._manifest is not None else None
            # A SegmentWriter works on the generation after the one it opened on.
            self._by_number = version is not None and self._writer.generation == version[1] + 1
        return self._writer


# Segments are merged in tiers by record count (1-9, 10-99, 100-999): once a tier holds
# `_FAN_OUT` segments, it is merged (with the tiers below) into one segment of the next tier.
# A record is so rewritten once per tier, in merges of about `_FAN_OUT` segments; whoosh's
# default policy rewrites a growing small segment every few commits, at several times the
# cost. Segments of 1,000 records or more (a full build) are left to rebuilds.
_FAN_OUT = 10
_TOP_TIER = 3
LARGE_SEGMENT = 10**_TOP_TIER  # records: a segment this large is left to rebuilds


def merge_tiers(writer: Any, segments: list[Any]) -> list[Any]:
    """A whoosh merge policy (`commit(mergetype=...)`): see `_FAN_OUT`.

    Returns:
        The segments left as they are; the merged ones go into the writer's new segment.
    """
    tiers = [min(len(str(max(s.doc_count_all(), 1))) - 1, _TOP_TIER) for s in segments]
    full = [tier for tier in range(_TOP_TIER) if tiers.count(tier) >= _FAN_OUT]
    if not full:
        return segments
    for segment, tier in zip(segments, tiers, strict=True):
        if tier <= full[-1]:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
    return [s for s, tier in zip(segments, tiers, strict=True) if tier > full[-1]]


def merge_small(writer: Any, segments: list[Any]) -> list[Any]:
    """A whoosh merge policy: every segment below the top tier merged into one.

    For an idle moment (see `SearchIndex.tidy`): queries pay per segment, and a tier-by-tier
    merge (`merge_tiers`) lets up to `_FAN_OUT - 1` small segments of each tier stand.
    """
    small = [s for s in segments if s.doc_count_all() < LARGE_SEGMENT]
    if len(small) < 2:
        return segments
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s.doc_count_all() >= LARGE_SEGMENT]
