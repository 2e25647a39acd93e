from __future__ import annotations

import random
from pathlib import Path

from whoosh.filedb.filestore import FileStorage

from reader.core.index.speedups.posting_pool import TermPostingPool


def _postings(count: int, seed: int = 3) -> list[tuple[str, bytes, int, float, bytes]]:
    rng = random.Random(seed)
    found = []
    for docnum in range(count):
        for term in {rng.choice([b"army", b"red", b"seoul", b"front", b"line"]) for _ in range(4)}:
            field = rng.choice(["title", "translation_en"])
            found.append((field, term, docnum, float(rng.randint(1, 3)), bytes([docnum % 7])))
    return found


def _flat(pool: TermPostingPool) -> list[tuple[str, bytes, int, float, bytes]]:
    return [(f, t, d, w, v) for f, t, ids, ws, vs in pool.iter_terms()
            for d, w, v in zip(ids, ws, vs, strict=True)]  # fmt: skip


def test_terms_come_as_whoosh_sorts_the_postings_held_or_spilled(tmp_path: Path) -> None:
    postings = _postings(400)
    for limitmb in (64, 0.005):  # all in memory; a run on disk every few dozen postings
        storage = FileStorage(str(tmp_path / str(limitmb))).create()
        pool = TermPostingPool(storage, limitmb=limitmb)
        for posting in postings:
            pool.add(posting)
        spilled = len(pool._runs)
        assert _flat(pool) == sorted(postings)
        assert (spilled > 10) == (limitmb < 1)
        assert not list((tmp_path / str(limitmb)).glob("*.run"))  # runs are removed once read


def test_postings_added_out_of_document_order_are_sorted(tmp_path: Path) -> None:
    postings = _postings(50)
    shuffled = postings[:]
    random.Random(1).shuffle(shuffled)
    pool = TermPostingPool(FileStorage(str(tmp_path)).create(), limitmb=0.002)
    for posting in shuffled:
        pool.add(posting)
    assert _flat(pool) == sorted(postings)
    assert [p[:3] for p in pool.iter_postings()] == []  # handed out once


def test_cleanup_removes_unread_runs(tmp_path: Path) -> None:
    pool = TermPostingPool(FileStorage(str(tmp_path)).create(), limitmb=0.002)
    for posting in _postings(100):
        pool.add(posting)
    assert list(tmp_path.glob("*.run"))
    pool.cleanup()
    assert not list(tmp_path.glob("*.run"))
