"""What pairing each hit's matched sentence with its counterpart costs a search.

    python -m bench.hit_pairs [PAGES] [QUERIES]     (defaults: 1000 pages, 40 queries per kind)

Builds a synthetic corpus (bench.corpus) and its index in a temporary folder, aligns a quarter
of the documents as opening them would (so their alignments are stored), then times the same
queries (limit 50) in one run: without pairing (the search as it was, and as the index's own
benchmark runs it), pairing by position only, and pairing through the stored alignments, twice
(the second time the sentence splits and alignments read are cached). Medians and p95s in ms.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.corpus import write_corpus
from bench.measure import median, percentile
from bench.queries import workload


def main(argv: list[str]) -> None:
    pages = int(argv[0]) if argv else 1000
    count = int(argv[1]) if len(argv) > 1 else 40
    from reader.core.align.store import AlignmentStore
    from reader.core.index.counterparts import by_position
    from reader.core.index.search_index import SearchIndex
    from reader.core.library.collection import Library

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        write_corpus(work / "corpus", pages)
        library = Library(work / "home", seeds=work / "corpus")
        index = SearchIndex(work / "home")
        index.update(library)
        store = AlignmentStore(work / "home")
        for entry in index.documents()[::4]:
            document = library.document(entry.id)
            if document.original is not None and document.translations:
                store.computed(document.original, document.translations[0])
        queries = [mine for pairs in workload(count).values() for mine, _ in pairs]
        index.search("warmup")

        def timed(lookup: Any) -> list[float]:
            times = []
            for query in queries:
                start = time.perf_counter()
                index.search(query, limit=50, alignments=lookup)
                times.append((time.perf_counter() - start) * 1000)
            return times

        # A fresh store for the stored-alignment runs: disk reads, as after a restart; the
        # second run of the same queries is a user refining a query over the same hits.
        stored = AlignmentStore(work / "home").stored
        results = {"no pairing": timed(None), "by position": timed(by_position),
                   "stored alignments": timed(stored), "same, again": timed(stored)}
    print(f"{pages} pages, {len(queries)} queries, limit 50")
    for name, times in results.items():
        print(f"{name:>18}: median {median(times):6.2f} ms   p95 {percentile(times, 0.95):6.2f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
