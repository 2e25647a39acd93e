"""whoosh's BM25F ranking, with each document's field length looked up once per open segment.

Scoring a matching document asks for its field length through eight Python calls (searcher,
reader, per-document reader, column reader, struct, byte table); profiling word searches over
10,000 pages found that lookup the largest single cost of matching. `CachedLengthsBM25F`
makes the same scorers, whose length lookup is an array kept per segment reader: a document's
length is read the whoosh way the first time, then found with one index. Scores are unchanged.
"""

from __future__ import annotations

import weakref
from array import array
from typing import Any

from whoosh.scoring import BM25F, BM25FScorer

_UNREAD = -1  # not asked for yet
_NONE = -2  # whoosh gave None: the document has nothing in the field


class CachedLengthsBM25F(BM25F):  # type: ignore[misc]
    """BM25F (same parameters, same scores) whose scorers remember field lengths."""

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: int = 1) -> Any:
        """The BM25F scorer whoosh makes for the term, its length lookup served from `lengths`."""
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if type(scorer) is BM25FScorer:
            scorer.dfl = lengths(searcher.reader(), fieldname)
        return scorer


class FieldLengths:
    """docnum -> the field's length in that document, read from the reader when first asked.

    Kept in an array of 4-byte numbers, one per document: a small cache however many
    documents are scored. Call it as whoosh calls a scorer's `dfl`.
    """

    __slots__ = ("_fieldname", "_lengths", "_reader")

    def __init__(self, reader: Any, fieldname: str) -> None:
        """Lengths of `fieldname` in `reader` (held weakly: the cache must not keep it open)."""
        self._reader = weakref.ref(reader)
        self._fieldname = fieldname
        self._lengths = array("i", [_UNREAD]) * reader.doc_count_all()

    def __call__(self, docnum: int) -> int | None:
        """The length, as `reader.doc_field_length(docnum, fieldname, 1)` gives it."""
        found = self._lengths[docnum]
        if found == _UNREAD:
            reader = self._reader()
            if reader is None:
                raise LookupError(docnum)  # the reader is gone, so is every scorer using it
            # As whoosh's WeightLengthScorer asks: default 1 when the field keeps no lengths;
            # None (a document without the field) is kept as _NONE.
            value = reader.doc_field_length(docnum, self._fieldname, 1)
            found = self._lengths[docnum] = _NONE if value is None else value
        return None if found == _NONE else found


_cached: weakref.WeakKeyDictionary[Any, dict[str, FieldLengths]] = weakref.WeakKeyDictionary()


def lengths(reader: Any, fieldname: str) -> FieldLengths:
    """The length cache of one field of one segment reader, made on first use."""
    fields = _cached.get(reader)
    if fields is None:
        fields = _cached[reader] = {}
    found = fields.get(fieldname)
    if found is None:
        found = fields[fieldname] = FieldLengths(reader, fieldname)
    return found
