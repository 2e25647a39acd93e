"""whoosh's posting pool, with postings grouped by term instead of held as one tuple each.

whoosh's writer puts every posting into its pool as a (field, term, document, weight, value)
tuple, spills the pool to disk as sorted runs of pickled tuples when it passes its memory
limit, and at commit merges the runs back with a heap, one tuple at a time. Building 10,000
pages spilled several runs, and pickling, unpickling and merging postings one by one was a
third of the build. `TermPostingPool` keeps each term's postings together (document numbers in
an array, weights and values in lists), so it holds about four times as many in the same
memory, spills a run as one record per term and merges terms, not postings. It hands the
commit each term's postings at once (`iter_terms`), in the order whoosh's sort gives them.
"""

from __future__ import annotations

import heapq
import pickle
from array import array
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

# (field name, term bytes, document numbers, weights, values), as a run stores it.
TermPostings = tuple[str, bytes, "array[int]", list[Any], list[Any]]

# Bytes of memory per posting and per term, roughly: what limits the pool's size.
_POSTING_BYTES = 80
_TERM_BYTES = 300


class TermPostingPool:
    """A posting pool for whoosh's SegmentWriter (`add`, `iter_postings`, `cleanup`)."""

    def __init__(self, tempstore: Any, limitmb: float = 128) -> None:
        self.tempstore = tempstore
        self.limit = limitmb * 1024 * 1024
        self.fieldnames: set[str] = set()  # whoosh's pool keeps it; its writers may ask
        self._terms: dict[tuple[str, bytes], tuple[array[int], list[Any], list[Any]]] = {}
        self._size = 0
        self._runs: list[str] = []

    def add(self, item: tuple[str, bytes, int, Any, Any]) -> None:
        """Add one (field name, term bytes, document number, weight, value) posting."""
        fieldname, tbytes, docnum, weight, value = item
        key = (fieldname, tbytes)
        postings = self._terms.get(key)
        if postings is None:
            postings = self._terms[key] = (array("I"), [], [])
            self.fieldnames.add(fieldname)
            self._size += _TERM_BYTES + len(tbytes)
        postings[0].append(docnum)
        postings[1].append(weight)
        postings[2].append(value)
        self._size += _POSTING_BYTES + (len(value) if value else 0)
        if self._size > self.limit:
            self.save()

    def save(self) -> None:
        """Write the postings held so far to a run on disk, by term."""
        if not self._terms:
            return
        path = f"{len(self._runs)}-{id(self)}.run"
        with self.tempstore.create_file(path).raw_file() as handle:
            # One pickle per term: a Pickler kept across terms would remember every object.
            for key in sorted(self._terms):
                handle.write(pickle.dumps((*key, *self._terms[key]), pickle.HIGHEST_PROTOCOL))
        self._runs.append(path)
        self._terms = {}
        self._size = 0

    def iter_terms(self) -> Iterator[TermPostings]:
        """Every term's postings, by field then term, each by document, as whoosh sorts them."""
        held = ((*key, *self._terms[key]) for key in sorted(self._terms))
        sources = [self._read_run(path) for path in self._runs] + [held]
        self._runs = []  # each run deletes itself once read
        merged = heapq.merge(*sources, key=lambda term: (term[0], term[1]))
        current: TermPostings | None = None
        for term in merged:
            if current is not None and term[:2] == current[:2]:
                # Later runs hold later postings of the term: heapq.merge keeps run order.
                current[2].extend(term[2])
                current[3].extend(term[3])
                current[4].extend(term[4])
                continue
            if current is not None:
                yield _in_order(current)
            current = term
        if current is not None:
            yield _in_order(current)
        self._terms = {}

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, Any, Any]]:
        """Every posting as a tuple, in whoosh's order (whoosh's own pool interface)."""
        for fieldname, tbytes, docnums, weights, values in self.iter_terms():
            for docnum, weight, value in zip(docnums, weights, values, strict=True):
                yield fieldname, tbytes, docnum, weight, value

    def cleanup(self) -> None:
        """Delete the runs not read (the writer was cancelled)."""
        for path in self._runs:
            if self.tempstore.file_exists(path):
                self.tempstore.delete_file(path)
        self._runs = []

    def _read_run(self, path: str) -> Iterator[TermPostings]:
        handle = self.tempstore.open_file(path).raw_file()
        try:
            while True:
                try:
                    # A fresh unpickler each time: one kept would remember every object read.
                    yield pickle.load(handle)
                except EOFError:
                    return
        finally:
            handle.close()
            self.tempstore.delete_file(path)


def _in_order(term: TermPostings) -> TermPostings:
    # Postings come in document order (documents are numbered as they are added, and a merged
    # segment's postings arrive term by term in order); whoosh's sort would keep that. Should
    # they not, sort them as whoosh's sort of whole tuples would.
    docnums = term[2]
    if all(a < b for a, b in pairwise(docnums)):
        return term
    ordered = sorted(zip(docnums, term[3], term[4], strict=True))
    return (term[0], term[1], array("I", (p[0] for p in ordered)), [p[1] for p in ordered],
            [p[2] for p in ordered])  # fmt: skip
