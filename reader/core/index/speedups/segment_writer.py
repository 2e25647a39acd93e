"""whoosh's segment writer, made faster where its commit spends its time; the same bytes.

`SegmentWriter` pools postings by term (`TermPostingPool`: whoosh's pool holds one tuple per
posting, and spills and merges them one by one). Its commit (`write_terms`) fills each posting
block with slices of a term's postings, where whoosh calls `add_posting` once per posting and
asks the new segment's per-document reader for the document's field length each time (a
seek and a one-byte read through Python's file layers); a `FieldLengthTable` reads each
field's lengths once, whole. whoosh 2.7.4 is pinned, and `tests/core/test_segment_writer.py`
compares the segments written with whoosh's own, byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3FieldWriter, W3PerDocReader, _lenfield
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter as WhooshSegmentWriter

from reader.core.index.speedups.posting_pool import TermPostingPool, TermPostings


class FieldLengthTable:
    """The field lengths of a per-document reader, each field's read once, whole."""

    def __init__(self, reader: W3PerDocReader) -> None:
        self._reader = reader
        self._tables: dict[str, list[int | None] | None] = {}

    def table(self, fieldname: str) -> list[int | None] | None:
        """The field's length in each document (None for 0); None when it keeps no lengths.

        Documents past the end of the list have no length (None), as whoosh reads them.
        """
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
    """whoosh's SegmentWriter, pooling postings by term; its commit writes them term by term.

    Field lengths come from a `FieldLengthTable`; the pool is a `TermPostingPool`.
    """

    def __init__(self, index: Any, limitmb: float = 128, **options: Any) -> None:
        super().__init__(index, limitmb=limitmb, **options)
        self.pool = TermPostingPool(self._tempstorage, limitmb=limitmb)

    def _flush_segment(self) -> None:
        # whoosh's own steps, with the lengths reader wrapped.
        self.perdocwriter.close()
        reader: Any = self.per_document_reader() if self.codec.length_stats else None
        if isinstance(reader, W3PerDocReader) and type(self.fieldwriter) is W3FieldWriter:
            write_terms(self.fieldwriter, self.schema, FieldLengthTable(reader),
                        self.pool.iter_terms())  # fmt: skip
        else:
            self.fieldwriter.add_postings(self.schema, reader, self.pool.iter_postings())
        self.fieldwriter.close()
        if reader is not None:
            reader.close()


def write_terms(
    writer: W3FieldWriter, schema: Any, lengths: FieldLengthTable, terms: Iterable[TermPostings]
) -> None:
    """The postings of a commit, a term at a time: whoosh's `FieldWriter.add_postings`.

    `terms` are each term's postings in whoosh's order (see `TermPostingPool.iter_terms`).
    Each block of postings is filled with slices rather than one `add_posting` call per
    posting; the blocks, their statistics and so the bytes written are whoosh's.
    """
    lastfn: str | None = None
    table: list[int | None] | None = None
    for fieldname, btext, docnums, weights, values in terms:
        if fieldname != lastfn:
            if lastfn is not None:
                writer.finish_field()
            writer.start_field(fieldname, schema[fieldname])
            table = lengths.table(fieldname)
            lastfn = fieldname
        writer.start_term(btext)
        postings = writer._postwriter
        limit, count, done = postings._blocklimit, len(docnums), 0
        while done < count:
            if len(postings._ids) >= limit:
                postings._write_block()  # whoosh writes a full block when the next posting comes
            end = min(count, done + limit - len(postings._ids))
            ids, chunk = docnums[done:end], weights[done:end]
            postings._ids.extend(ids)
            postings._weights.extend(chunk)
            heaviest = max(chunk)
            if heaviest > postings._maxweight:
                postings._maxweight = heaviest
            postings._values.extend(value for value in values[done:end] if value)
            if table is None:
                found: list[int] = []  # no lengths kept: whoosh's 0 counts for nothing
            else:
                size = len(table)
                found = [n for d in ids if d < size and (n := table[d])]
            if found:
                shortest, longest = min(found), max(found)
                if postings._minlength is None or shortest < postings._minlength:
                    postings._minlength = shortest
                if longest > postings._maxlength:
                    postings._maxlength = longest
            done = end
        writer.finish_term()
    if lastfn is not None:
        writer.finish_field()
