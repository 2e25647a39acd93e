"""whoosh's BM25F ranking, with each document's field length looked up once per open segment.

Scoring a matching document asks for its field length through eight Python calls (searcher,
reader, per-document reader, column reader, struct, byte table); profiling word searches over
10,000 pages found that lookup the largest single cost of matching. `CachedLengthsBM25F`
makes the same scorers, whose length lookup is a dict kept per segment reader: a document's
length is read the whoosh way the first time, then found in C. Scores are unchanged.
"""

from __future__ import annotations

import weakref
from typing import Any

from whoosh.scoring import BM25F, BM25FScorer


class CachedLengthsBM25F(BM25F):  # type: ignore[misc]
    """BM25F (same parameters, same scores) whose scorers remember field lengths."""

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: int = 1) -> Any:
        """The BM25F scorer whoosh makes for the term, its length lookup served from `lengths`."""
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if type(scorer) is BM25FScorer:
            scorer.dfl = lengths(searcher.reader(), fieldname).__getitem__
        return scorer


class FieldLengths(dict[int, Any]):
    """docnum -> the field's length in that document, read from the reader when first asked."""

    def __init__(self, reader: Any, fieldname: str) -> None:
        """Lengths of `fieldname` in `reader` (held weakly: the cache must not keep it open)."""
        super().__init__()
        self._reader = weakref.ref(reader)
        self._fieldname = fieldname

    def __missing__(self, docnum: int) -> Any:
        reader = self._reader()
        if reader is None:
            raise KeyError(docnum)  # the reader is gone; so is every scorer that used it
        # As whoosh's WeightLengthScorer asks: default 1 when the field keeps no lengths.
        value = self[docnum] = reader.doc_field_length(docnum, self._fieldname, 1)
        return value


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
