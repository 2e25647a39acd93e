"""Index benchmarks, each run in a fresh process: `python -m bench.indexing MODE ARGS`.

Modes print one JSON line. A fresh process per run makes peak memory a per-build figure and
keeps one build's caches from speeding up the next.

    prepare CORPUS CACHE     parse every page once (timed), pickle whoosh records and FTS5 rows
    update CORPUS HOME       SearchIndex.update over a fresh home: what the app's first launch does
    write CACHE HOME         whoosh: only the writing of already-made records (like FTS5 below)
    fts CACHE DB             FTS5: insert the same fields, commit
    one CORPUS HOME N        change N pages one at a time in a built index, time each update
                             (a full rescan each, then N more naming the changed file)
    query HOME DB COUNT      the query workload on both, per query kind
"""

from __future__ import annotations

import gc
import pickle
import sys
import time
from pathlib import Path
from typing import Any

from bench import fts
from bench.measure import emit, folder_mb, peak_mb, reset_peak, rss_mb


def _library(corpus: Path, home: Path) -> Any:
    from reader.core.library.collection import Library

    return Library(home, seeds=corpus)


def prepare(corpus: Path, cache: Path) -> None:
    from reader.core.index.schema import document_record
    from reader.core.library.collection import parse_library_file

    files = _library(corpus, cache.parent / "prepare-home").files()
    start = time.perf_counter()
    documents = [(f, parse_library_file(f)) for f in files]
    parse = time.perf_counter() - start
    records = [document_record(d, str(f.path), f.content_hash) for f, d in documents]
    rows = [fts.fts_row(d, str(f.path)) for f, d in documents]
    cache.write_bytes(pickle.dumps((records, rows)))
    emit({"parse_s": parse, "pages": len(files)})


def update(corpus: Path, home: Path) -> None:
    from reader.core.index.search_index import SearchIndex

    library = _library(corpus, home)
    start = time.perf_counter()
    report = SearchIndex(home).update(library)
    seconds = time.perf_counter() - start
    emit({"seconds": seconds, "peak_mb": peak_mb(), "size_mb": folder_mb(home / "index"),
          "documents": report.documents})  # fmt: skip


def _load(cache: Path) -> tuple[list[dict[str, Any]], list[tuple[Any, ...]]]:
    records, rows = pickle.loads(cache.read_bytes())
    gc.collect()
    reset_peak()
    return records, rows


def write(cache: Path, home: Path) -> None:
    import whoosh.index

    from reader.core.index.check import INDEX_NAME
    from reader.core.index.schema import build_schema
    from reader.core.index.search_index import _WRITER_MEMORY_MB
    from reader.core.index.speedups.segment_writer import SegmentWriter

    records, _ = _load(cache)
    base = rss_mb()
    home.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    index = whoosh.index.create_in(str(home), build_schema(), indexname=INDEX_NAME)
    writer = SegmentWriter(index, limitmb=_WRITER_MEMORY_MB)  # as SearchIndex writes
    for record in records:
        writer.add_document(**record)
    writer.commit(merge=False)
    seconds = time.perf_counter() - start
    emit({"seconds": seconds, "peak_mb": peak_mb() - base, "size_mb": folder_mb(home)})


def fts_build(cache: Path, db: Path) -> None:
    _, rows = _load(cache)
    base = rss_mb()
    start = time.perf_counter()
    connection = fts.create(db)
    fts.insert(connection, rows)
    connection.close()
    seconds = time.perf_counter() - start
    emit({"seconds": seconds, "peak_mb": peak_mb() - base, "size_mb": db.stat().st_size / 1e6})


def one(corpus: Path, home: Path, count: int) -> None:
    from reader.core.index.search_index import SearchIndex

    library, index = _library(corpus, home), SearchIndex(home)
    start = time.perf_counter()
    index.update(library)  # nothing changed: loads the hash cache, as a running app has
    idle = time.perf_counter() - start
    pages = sorted(corpus.glob("*.txt"))
    times, files_times, originals = [], [], []
    for number in range(count):
        page = pages[(number * 997) % len(pages)]
        text = page.read_text(encoding="utf-8")
        originals.append((page, text))
        page.write_text(f"{text}\nEdited {number}\n", encoding="utf-8")
        start = time.perf_counter()
        library.files()
        files_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        report = index.update(library)
        times.append(time.perf_counter() - start)
        assert report.changed == 1, report.summary()
    known_times = []  # the same, telling the update which file changed (import, file watcher)
    for number in range(count):
        page = pages[(number * 997 + len(pages) // 2) % len(pages)]
        text = page.read_text(encoding="utf-8")
        originals.append((page, text))
        page.write_text(f"{text}\nEdited {number}\n", encoding="utf-8")
        start = time.perf_counter()
        report = index.update(library, changed=[page])
        known_times.append(time.perf_counter() - start)
        assert report.changed == 1, report.summary()
    for page, text in originals:
        page.write_text(text, encoding="utf-8")
    index.update(library)
    emit({"times": times, "files_times": files_times, "known_times": known_times,
          "idle_s": idle})  # fmt: skip


def job(corpus: Path, home: Path, count: int) -> None:
    """One-page updates as the window runs them: in its kept index process, end to end."""
    from reader.core.index.job import IndexJob
    from reader.core.index.job_messages import JobDone, JobListing

    def run(changed: list[Path] | None) -> tuple[float, int]:
        start = time.perf_counter()
        runner.start(changed)
        listed, done = 0, None
        while done is None:
            for message in runner.receive(budget=0.05, wait=30):
                if isinstance(message, JobListing):
                    listed += len(message.entries)
                elif isinstance(message, JobDone):
                    done = message
        assert done.report.documents > 0, done
        return time.perf_counter() - start, listed

    runner = IndexJob(home, seeds=corpus)
    first, _ = run(None)  # starts the process: what the first update after launch costs
    idle, _ = run(None)  # nothing changed; also waits for the child's warm-up after its first
    pages = sorted(corpus.glob("*.txt"))
    named: list[float] = []
    rescanned: list[float] = []
    originals: list[tuple[Path, str]] = []
    listed = 0
    for number in range(count):
        for times, changed in ((named, True), (rescanned, False)):
            page = pages[(number * 769 + (7 if changed else 0)) % len(pages)]
            text = page.read_text(encoding="utf-8")
            originals.append((page, text))
            page.write_text(f"{text}\nEdited {number}\n", encoding="utf-8")
            took, listed = run([page] if changed else None)
            times.append(took)
    for page, text in originals:
        page.write_text(text, encoding="utf-8")
    run(None)
    runner.close()
    emit({"first_s": first, "idle_s": idle, "named": named, "rescanned": rescanned,
          "listed": listed})  # fmt: skip


def query(home: Path, db: Path, count: int) -> None:
    import sqlite3

    from bench.queries import workload
    from reader.core.index.search_index import SearchIndex

    index = SearchIndex(home)
    connection = sqlite3.connect(db)
    index.search("warmup")  # opens the index: a running app holds it open
    fts.search(connection, "warmup")
    result: dict[str, Any] = {}
    for kind, pairs in workload(count).items():
        ours, theirs, hits = [], [], []
        for mine, baseline in pairs:
            start = time.perf_counter()
            found = index.search(mine, limit=50)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            fts.search(connection, baseline)
            theirs.append(time.perf_counter() - start)
            hits.append(len(found))
        result[kind] = {"ours": ours, "fts": theirs, "hits": sum(hits) / len(hits)}
    emit(result)


def main(argv: list[str]) -> None:
    mode, args = argv[0], argv[1:]
    if mode == "prepare":
        prepare(Path(args[0]), Path(args[1]))
    elif mode == "update":
        update(Path(args[0]), Path(args[1]))
    elif mode == "write":
        write(Path(args[0]), Path(args[1]))
    elif mode == "fts":
        fts_build(Path(args[0]), Path(args[1]))
    elif mode == "one":
        one(Path(args[0]), Path(args[1]), int(args[2]))
    elif mode == "job":
        job(Path(args[0]), Path(args[1]), int(args[2]))
    elif mode == "query":
        query(Path(args[0]), Path(args[1]), int(args[2]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
