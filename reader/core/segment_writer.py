"""whoosh's segment writer, with the field lengths its commit asks for held in memory.

A whoosh commit writes every posting with the length of its document's field, and asks the
new segment's per-document reader for that length once per posting: one byte read from the
lengths file through Python's file layers (and, for a field without lengths, a check that the
file exists) each time. Over our pages that was a third of the commit. `SegmentWriter` reads
each field's lengths whole, once, and answers from a list; what it writes is the same bytes
(whoosh 2.7.4 is pinned, and `tests/core/test_segment_writer.py` compares the segments).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3FieldWriter, W3PerDocReader, _lenfield
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter as WhooshSegmentWriter


class FieldLengthTable:
    """`doc_field_length` of a per-document reader, each field's lengths read once."""

    def __init__(self, reader: W3PerDocReader) -> None:
        self._reader = reader
        self._tables: dict[str, list[int | None] | None] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        """As `W3PerDocReader.doc_field_length`: None for a length stored as 0."""
        table = self.table(fieldname)
        if table is None:
            return default
        return table[docnum] if docnum < len(table) else None

    def table(self, fieldname: str) -> list[int | None] | None:
        """The field's length in each document (None for 0); None when it keeps no lengths."""
        try:
            return self._tables[fieldname]
        except KeyError:
            table = self._tables[fieldname] = self._read(fieldname)
            return table

    def _read(self, fieldname: str) -> list[int | None] | None:
        column = self._reader._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:
            return None
        # One byte per document up to the last one with a length (later ones read as 0).
        raw = column._dbfile.get(column._basepos, column._count)
        return [byte_to_length(b) if b else None for b in raw]


class SegmentWriter(WhooshSegmentWriter):  # type: ignore[misc]
    """whoosh's SegmentWriter; its commit looks field lengths up in a `FieldLengthTable`."""

    def _flush_segment(self) -> None:
        # whoosh's own steps, with the lengths reader wrapped.
        self.perdocwriter.close()
        reader: Any = self.per_document_reader() if self.codec.length_stats else None
        postings = self.pool.iter_postings()
        if isinstance(reader, W3PerDocReader) and type(self.fieldwriter) is W3FieldWriter:
            write_postings(self.fieldwriter, self.schema, FieldLengthTable(reader), postings)
        else:
            self.fieldwriter.add_postings(self.schema, reader, postings)
        self.fieldwriter.close()
        if reader is not None:
            reader.close()


def write_postings(
    writer: W3FieldWriter, schema: Any, lengths: FieldLengthTable, items: Iterable[Any]
) -> None:
    """The postings of a commit: `FieldWriter.add_postings`, `add_posting` inlined.

    `items` are (field name, term bytes, document number, weight, value bytes) in order, as
    whoosh's posting pool gives them. The same calls on the same objects in the same order
    (less the type assertions and three calls per posting), so the same bytes are written.
    """
    lastfn: str | None = None
    lasttext: bytes | None = None
    postings: Any = None
    limit = 0
    table: list[int | None] | None = None
    for fieldname, btext, docnum, weight, value in items:
        if fieldname != lastfn:
            if lasttext is not None:
                writer.finish_term()
            if lastfn is not None:
                writer.finish_field()
            writer.start_field(fieldname, schema[fieldname])
            postings, limit = writer._postwriter, writer._postwriter._blocklimit
            table = lengths.table(fieldname)
            lastfn, lasttext = fieldname, None
        if docnum == -1:
            continue  # whoosh's marker for a spelling word, not a posting
        if btext != lasttext:
            if lasttext is not None:
                writer.finish_term()
            writer.start_term(btext)
            lasttext = btext
        if table is None:
            length: int | None = 0
        else:
            length = table[docnum] if docnum < len(table) else None
        # W3PostingsWriter.add_posting:
        if len(postings._ids) >= limit:
            postings._write_block()
        postings._ids.append(docnum)
        postings._weights.append(weight)
        if weight > postings._maxweight:
            postings._maxweight = weight
        if value:
            postings._values.append(value)
        if length:
            if postings._minlength is None or length < postings._minlength:
                postings._minlength = length
            if length > postings._maxlength:
                postings._maxlength = length
    if lasttext is not None:
        writer.finish_term()
    if lastfn is not None:
        writer.finish_field()
